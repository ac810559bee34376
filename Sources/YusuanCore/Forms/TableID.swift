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

  /// The tables by 支出功能分类 with 合计/基本支出/项目支出 columns, and the fund each lists (nil: all funds).
  public static let functionTables: [TableID: FundSource?] = [.t3: nil, .t5: .general, .t8: .governmentFund, .t9: .stateCapital]
}
