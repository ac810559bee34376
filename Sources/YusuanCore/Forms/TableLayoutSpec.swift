/// An edition's own rows and columns for the tables whose layout differs between provinces (Shanghai):
/// `rows` of the two-sided tables (收支总表 T1, 财政拨款收支总表 T4), `columns` of 收入总表 (T2), of the 三公 table
/// (T7) and of the 支出 side of a 收支总表 laid out by `rows` (T1). Absent, a table keeps the standard layout (the
/// Anhui one, DESIGN §2).

/// `rows:` of T1 or T4: the 收入 side line by line, each the sum of the funds it names (an empty list prints a
/// line without a figure, as Shanghai's 事业收入 when the entry language has no such fund). The 支出 side is the
/// 类 that have figures (every 类 of `expenditure_classes` with `all_classes`), numbered with `t1.row.class` /
/// `t4.row.class`, then the `closing` lines, then the grand totals.
public struct TwoSidedRows: Sendable, Codable, Equatable {
  public var income: [IncomeLine]
  /// Every 类 of the edition's `expenditure_classes`, with figures or not, as Anhui's 2021 template prints them;
  /// nil or false: only the 类 that have figures (Shanghai).
  public var allClasses: Bool?
  /// Lines after the 类 and before the grand totals, each a 收入 line beside a 支出 line (本年收入小计 | 本年支出小计,
  /// 上年结转 | 结转下年 …); nil: none.
  public var closing: [ClosingLine]?

  public init(income: [IncomeLine], allClasses: Bool? = nil, closing: [ClosingLine]? = nil) {
    self.income = income
    self.allClasses = allClasses
    self.closing = closing
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case income, closing
    case allClasses = "all_classes"
  }
}

/// One closing line of a two-sided table: `label` with the sum of the funds `sources` names (as an `IncomeLine`),
/// beside `spending`, which prints the table's 支出 totals when `sum` is true (本年支出小计) and no figure
/// otherwise (结转下年: the entry language has no carry-forward to next year).
public struct ClosingLine: Sendable, Codable, Equatable {
  public var label: String
  public var sources: [String]
  public var spending: String
  public var sum: Bool?

  public var funds: [FundSource] { sources.compactMap(FundSource.init(rawValue:)) }
}

public struct IncomeLine: Sendable, Codable, Equatable {
  public var label: String
  /// Funds of the entry language (一般公共预算 …) whose amounts this line adds up.
  public var sources: [String]

  public var funds: [FundSource] { sources.compactMap(FundSource.init(rawValue:)) }
}

/// What an amount column of `columns:` adds up: funds (T2), 三公 items and 机关运行经费 (T7), or parts of the
/// 支出 of a 类 (T1: 基本支出, 项目支出, and 基本支出's 人员经费 and 公用经费, as Shanghai's 单位预算 prints them).
public enum LayoutWords {
  /// The words a T7 column may name.
  public static let operatingCost = "机关运行经费"
  public static var threePublicColumn: [String] { ThreePublicItem.allCases.map(\.rawValue) + [operatingCost] }
  /// The words a T1 column may name.
  public static let basic = "基本支出", project = "项目支出"
  public static var spendingColumn: [String] { [basic, project, EconomicCategory.personnel.rawValue, EconomicCategory.publicUse.rawValue] }

  /// What is wrong with a table's `rows` / `columns` (nil when nothing).
  static func problem(_ spec: TableSpec) -> String? {
    if let rows = spec.rows {
      guard spec.id == .t1 || spec.id == .t4 else { return "表 \(spec.id) 不能设 rows（只有 T1、T4 可以）。" }
      for (label, sources) in rows.income.map({ ($0.label, $0.sources) }) + (rows.closing ?? []).map({ ($0.label, $0.sources) }) {
        let bad = sources.filter { FundSource(rawValue: $0) == nil }
        if !bad.isEmpty {
          return "表 \(spec.id) 的“\(label)”中有未知的资金来源：\(bad.joined(separator: "、"))（应为 \(FundSource.allCases.map(\.rawValue).joined(separator: "、"))）。"
        }
      }
    }
    if let columns = spec.columns {
      let allowed: [String]
      switch spec.id {
      case .t2: allowed = FundSource.allCases.map(\.rawValue)
      case .t7: allowed = threePublicColumn
      case .t1:
        allowed = spendingColumn
        if spec.rows == nil { return "表 T1 设 columns 时须同时设 rows（按类分列的支出只在自定行的收支总表中印出）。" }
      default: return "表 \(spec.id) 不能设 columns（只有 T1、T2、T7 可以）。"
      }
      for words in columns {
        let bad = words.filter { !allowed.contains($0) }
        if !bad.isEmpty { return "表 \(spec.id) 的 columns 中有未知的项：\(bad.joined(separator: "、"))（应为 \(allowed.joined(separator: "、"))）。" }
      }
      if spec.id == .t2 {
        // Every fund must land in exactly one column, or 合计 would not equal the columns' sum.
        let named = columns.flatMap { $0 }
        let missing = FundSource.allCases.map(\.rawValue).filter { !named.contains($0) }
        let twice = Set(named.filter { w in named.filter { $0 == w }.count > 1 })
        if !missing.isEmpty || !twice.isEmpty {
          return "表 T2 的 columns 须把每个资金来源恰好列入一列（缺：\(missing.joined(separator: "、"))；重复：\(twice.sorted().joined(separator: "、"))）。"
        }
      }
    }
    return nil
  }
}
