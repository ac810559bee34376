/// A project (项目支出表 row).
public struct Project: Hashable, Sendable, Codable {
  public var ordinal: Int
  public var name: String
  /// 日常运转类 / 特定目标类 / … (the edition lists the usual ones).
  public var type: String
  public var unit: String?
  /// The 功能分类 项 the project is budgeted under, when known.
  public var code: String?
  public var amounts: [FundSource: Amount]
  public var prior: Amount?
  /// Under 绩效管理: needs a 绩效目标表.
  public var performanceManaged: Bool
  /// Carried from last year's workbook and not yet confirmed for this year (待确认).
  public var carried: Bool? = nil

  public init(
    ordinal: Int, name: String, type: String, unit: String? = nil, code: String? = nil, amounts: [FundSource: Amount], prior: Amount? = nil,
    performanceManaged: Bool = false
  ) {
    self.ordinal = ordinal; self.name = name; self.type = type; self.unit = unit; self.code = code; self.amounts = amounts; self.prior = prior;
    self.performanceManaged = performanceManaged
  }

  public var total: Amount { amounts.values.sum() }
}
