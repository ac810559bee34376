// 政府采购 (T11) and 政府购买服务 (T12).

/// 政府采购: 货物 / 工程 / 服务.
public enum ProcurementCategory: String, Sendable, Codable, CaseIterable {
  case goods = "货物"
  case works = "工程"
  case services = "服务"
}

public struct ProcurementItem: Hashable, Sendable, Codable {
  public var ordinal: Int
  public var category: ProcurementCategory
  public var name: String
  public var amounts: [FundSource: Amount]
  public init(ordinal: Int, category: ProcurementCategory, name: String, amounts: [FundSource: Amount]) {
    self.ordinal = ordinal; self.category = category; self.name = name; self.amounts = amounts
  }
  public var total: Amount { amounts.values.sum() }
}

/// 政府购买服务.
public struct PurchasedService: Hashable, Sendable, Codable {
  public var ordinal: Int
  public var name: String
  /// 购买方式 (公开招标, 竞争性磋商, 委托 …).
  public var method: String
  /// 购买服务起止时间.
  public var period: String
  public var amounts: [FundSource: Amount]
  public init(ordinal: Int, name: String, method: String, period: String, amounts: [FundSource: Amount]) {
    self.ordinal = ordinal; self.name = name; self.method = method; self.period = period; self.amounts = amounts
  }
  public var total: Amount { amounts.values.sum() }
}
