import YusuanCore

/// The standard tables (DESIGN §2), recognised by their titles whatever their number: each province numbers and
/// orders them differently, so the title words are the only stable handle.
public enum TableKind: String, Sendable, CaseIterable {
  case summary = "T1"  // 收支总表
  case revenue = "T2"  // 收入总表
  case expenditure = "T3"  // 支出总表
  case fiscalSummary = "T4"  // 财政拨款收支总表
  case general = "T5"  // 一般公共预算支出表
  case basicEconomic = "T6"  // 一般公共预算基本支出表
  case threePublic = "T7"  // 三公经费支出表
  case fund = "T8"  // 政府性基金预算支出表
  case stateCapital = "T9"  // 国有资本经营预算支出表
  case projects = "T10"  // 项目支出表
  case procurement = "T11"  // 政府采购支出表
  case purchasedServices = "T12"  // 政府购买服务支出表
  case assetAllocation = "T13"  // 通用资产配置支出表
  case performance = "T14"  // 项目支出绩效目标表
  case other = "?"

  /// The standard table this kind is (nil for `other`).
  public var standard: TableID? { TableID(rawValue: rawValue) }

  /// The table's standard name (`TableID.standardName`), 其他表格 for a table of no standard kind.
  public var chineseName: String { standard?.standardName ?? "其他表格" }

  /// Classifies a title. Order matters: the more specific words are tested first.
  public static func of(title: String?) -> TableKind {
    guard let t = title.map(NameKey.of) else { return .other }
    if t.contains("绩效目标表") || t.contains("绩效目标申报表") { return .performance }
    if t.contains("三公") { return .threePublic }
    if t.contains("财政拨款收支") { return .fiscalSummary }
    if t.contains("收支") { return .summary }
    if t.contains("政府性基金") { return .fund }
    if t.contains("国有资本经营") { return .stateCapital }
    if t.contains("基本支出") { return .basicEconomic }
    if t.contains("一般公共预算") && t.contains("支出") { return .general }
    if t.contains("政府采购") { return .procurement }
    if t.contains("购买服务") { return .purchasedServices }
    if t.contains("资产配置") { return .assetAllocation }
    if t.contains("项目支出") || t.contains("项目预算") { return .projects }
    if t.contains("收入") { return .revenue }
    if t.contains("支出") { return .expenditure }
    return .other
  }

  /// Tables whose rows are 功能分类 codes (类/款/项).
  public var isFunctionCoded: Bool { [.revenue, .expenditure, .general, .fund, .stateCapital].contains(self) }
  /// Tables printed two-sided: 收入 on the left, 支出 on the right.
  public var isTwoSided: Bool { self == .summary || self == .fiscalSummary }
}
