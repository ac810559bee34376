// 概况 (profile): 职责 and 主要工作任务 as numbered items, 预算单位构成.

/// A numbered text item of a list (职责, 主要工作任务), kept in order.
public struct ListItem: Hashable, Sendable, Codable {
  public var ordinal: Int
  public var text: String
  public init(ordinal: Int, text: String) { self.ordinal = ordinal; self.text = text }
}

/// A 预算单位 consolidated into the department's budget (预算单位构成).
public struct BudgetUnit: Hashable, Sendable, Codable {
  public var ordinal: Int
  public var name: String
  /// 机关 / 参公事业 / 事业 / 其他.
  public var nature: String
  public init(ordinal: Int, name: String, nature: String) { self.ordinal = ordinal; self.name = name; self.nature = nature }
  public static let natures = ["机关", "参公事业", "事业", "其他"]
}
