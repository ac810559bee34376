// “三公”经费 (T7): the four items and their amounts.

/// The four 三公经费 items.
public enum ThreePublicItem: String, Sendable, Codable, CaseIterable {
  case overseas = "因公出国（境）费"
  case vehiclePurchase = "公务用车购置费"
  case vehicleOperation = "公务用车运行维护费"
  case reception = "公务接待费"

  /// The 经济分类 款 that carries each item (30212, 30231, 30217; 31013 / 30913 for purchases).
  public var economicCodes: [String] {
    switch self {
    case .overseas: return ["30212"]
    case .vehiclePurchase: return ["31013", "30913"]
    case .vehicleOperation: return ["30231"]
    case .reception: return ["30217"]
    }
  }

  public static func named(_ w: String) -> ThreePublicItem? {
    let k = NameKey.of(w)
    switch k {
    case "因公出国（境）费", "因公出国（境）费用", "因公出国（境）", "出国", "因公出国": return .overseas
    case "公务用车购置费", "公务用车购置", "购置", "车辆购置": return .vehiclePurchase
    case "公务用车运行维护费", "公务用车运行费", "公务用车运行", "运行", "运行维护": return .vehicleOperation
    case "公务接待费", "公务接待", "接待": return .reception
    default: return nil
    }
  }
}

public struct ThreePublicFact: Hashable, Sendable, Codable {
  public var item: ThreePublicItem
  public var amount: Amount
  public var prior: Amount?
  public init(item: ThreePublicItem, amount: Amount, prior: Amount? = nil) { self.item = item; self.amount = amount; self.prior = prior }
}
