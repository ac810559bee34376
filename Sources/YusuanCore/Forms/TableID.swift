/// The standard tables of DESIGN §2, the ids an edition's `tables:` list names and plugins build. A type rather than
/// string literals, so a mistyped id is a compile error in code and a load error in an edition (`id: T15`).
/// What each table is called, and its number, is the edition's; only the identity is here.
public enum TableID: String, Sendable, Codable, CaseIterable, Comparable {
  case t1 = "T1", t2 = "T2", t3 = "T3", t4 = "T4", t5 = "T5", t6 = "T6", t7 = "T7"
  case t8 = "T8", t9 = "T9", t10 = "T10", t11 = "T11", t12 = "T12", t13 = "T13", t14 = "T14"

  /// 1 for T1 … 14 for T14.
  public var ordinal: Int { Int(rawValue.dropFirst())! }

  public static func < (a: TableID, b: TableID) -> Bool { a.ordinal < b.ordinal }

  /// The id an officer typed (T5, t5, Ｔ5), or nil.
  public static func typed(_ word: String) -> TableID? {
    TableID(rawValue: word.uppercased().replacingOccurrences(of: "Ｔ", with: "T"))
  }

  /// The table's standard name (DESIGN §2), what it is called when no edition names it: the audit's name for a
  /// table it found missing or recognised, the names every province shares. An edition prints its own (`name:`).
  public var standardName: String {
    switch self {
    case .t1: "收支总表"
    case .t2: "收入总表"
    case .t3: "支出总表"
    case .t4: "财政拨款收支总表"
    case .t5: "一般公共预算支出表"
    case .t6: "一般公共预算基本支出表"
    case .t7: "一般公共预算“三公”经费支出表"
    case .t8: "政府性基金预算支出表"
    case .t9: "国有资本经营预算支出表"
    case .t10: "项目支出表"
    case .t11: "政府采购支出表"
    case .t12: "政府购买服务支出表"
    case .t13: "通用资产配置支出表"
    case .t14: "项目支出绩效目标表"
    }
  }

  /// The tables every 部门预算公开 prints, whatever the province: the nine of the national disclosure rules
  /// (财预〔2016〕143号), 收支总表 … 国有资本经营预算支出表. Provinces add more (Anhui: 项目支出表 …).
  public static let national: [TableID] = [.t1, .t2, .t3, .t4, .t5, .t6, .t7, .t8, .t9]

  /// The tables by 支出功能分类 with 合计/基本支出/项目支出 columns, and the fund each lists (nil: all funds).
  public static let functionTables: [TableID: FundSource?] = [.t3: nil, .t5: .general, .t8: .governmentFund, .t9: .stateCapital]
}
