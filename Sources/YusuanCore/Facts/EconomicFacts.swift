// 基本支出 by 经济分类 (T6) and its 人员经费 / 公用经费 split.

/// 基本支出 by 部门预算支出经济分类 款.
public struct EconomicLine: Hashable, Sendable, Codable {
  public var code: String
  public var unit: String?
  public var amount: Amount
  public var prior: Amount?
  public var name: String?
  /// 人员经费 or 公用经费; nil = by the 类 (301/303 人员经费, others 公用经费).
  public var category: EconomicCategory?
  public init(code: String, unit: String? = nil, amount: Amount, prior: Amount? = nil, name: String? = nil, category: EconomicCategory? = nil) {
    self.code = code; self.unit = unit; self.amount = amount; self.prior = prior; self.name = name; self.category = category
  }

  public var effectiveCategory: EconomicCategory { category ?? EconomicCategory.default(for: code) }
}

public enum EconomicCategory: String, Sendable, Codable {
  case personnel = "人员经费"
  case publicUse = "公用经费"

  /// The 经济分类 类 of 人员经费: 工资福利支出 (301) and 对个人和家庭的补助 (303); every other 类 is 公用经费. The one
  /// list the workbook's T6, the audit of a document's 人员经费/公用经费 lists and the bench generator read.
  public static let personnelClasses = ["301", "303"]

  /// 人员经费 for a code under `personnelClasses`, 公用经费 otherwise.
  public static func `default`(for code: String) -> EconomicCategory {
    personnelClasses.contains { code.hasPrefix($0) } ? .personnel : .publicUse
  }
}

/// 基本支出 of a 功能分类 类 split into 人员经费 and 公用经费 (all funds, all units), for a 收支总表 that prints the
/// split beside each 类 (Shanghai's 单位预算: `columns` of T1). The lines of 支出 carry no such split, and the 经济分类
/// lines carry no function code, so it is entered as the table prints it.
public struct BasicSplit: Hashable, Sendable, Codable {
  /// The 类 (3 digits).
  public var code: String
  public var personnel: Amount
  public var publicUse: Amount
  public init(code: String, personnel: Amount, publicUse: Amount) { self.code = code; self.personnel = personnel; self.publicUse = publicUse }

  public func amount(_ c: EconomicCategory) -> Amount { c == .personnel ? personnel : publicUse }
}
