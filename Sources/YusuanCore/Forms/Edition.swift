/// An edition of the disclosure template (a province's, a year's): which tables, in which order, with which
/// numbering and titles, the empty-table notes, the glossary, and the thresholds of its rules. Pure data from `forms/`.
public struct Edition: Sendable, Codable, Equatable {
  public var id: String
  public var name: String
  /// Catalog id in `forms/catalogs/` (without `.csv`).
  public var catalog: String
  /// Numbering label, e.g. 部门公开表{n}.
  public var numbering: String
  /// Title pattern, e.g. {部门}{年度}年{表名}.
  public var titlePattern: String
  public var tables: [TableSpec]
  public var glossary: [GlossaryEntry]
  public var rules: RuleSettings
  /// Usual project types (项目类型), offered by completion; others are accepted.
  public var projectTypes: [String]
  /// The 24 功能分类 类 in the fixed order of 收支总表 and 财政拨款收支总表.
  public var expenditureClasses: [String]
  /// Items of 其他重要事项 in order: key (the explanation a plugin writes) and heading.
  public var otherMatters: [OtherMatter]
  /// Part titles of the standard four parts, with {年度}: 第一部分 部门概况 … (editions without `parts`).
  public var partTitles: [String]?
  /// The parts in order and what each shows; nil: the standard four parts.
  public var parts: [PartSpec]?
  /// The lines of a cover page (the standard placeholders may be used); nil: no cover, the document's title on top.
  public var cover: [String]?
  /// A contents page; nil: none.
  public var contents: ContentsSpec?
  /// How amounts are printed in the tables and in the prose, and the unit line over a table.
  public var units: EditionUnits
  /// What the prior-year figures are (上年预算 or 上年执行数): the base of every change.
  public var priorYear: PriorYearBasis
  /// The kind of document: 部门预算 (a department with its units) or 单位预算 (one unit); `{文件类型}` in wording.
  public var kind: String
  /// The budget level as the documents word it: 区级, 市级; `{预算层级}` in wording.
  public var level: String
  /// The edition's words for each fund, keyed by the entry language's word (一般公共预算 …).
  public var funds: [String: FundNames]

  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, name, catalog, numbering, tables, glossary, rules, units, kind, level, funds, parts, cover, contents
    case titlePattern = "title_pattern"
    case projectTypes = "project_types"
    case expenditureClasses = "expenditure_classes"
    case otherMatters = "other_matters"
    case partTitles = "part_titles"
    case priorYear = "prior_year"
  }

  public func table(_ id: TableID) -> TableSpec? { tables.first { $0.id == id } }

  /// `部门公开表5` for T5 in this edition, or nil when the edition does not print it.
  public func label(of id: TableID) -> String? {
    table(id).map { numbering.replacingOccurrences(of: "{n}", with: String($0.number)) }
  }

  /// The format of a table's amounts: the edition's table format with the table's own overrides.
  public func money(for id: TableID) -> MoneyFormat {
    var f = units.tables
    guard let spec = table(id) else { return f }
    if let u = spec.unit { f.unit = u }
    if let d = spec.decimals { f.decimals = d }
    if let g = spec.grouping { f.grouping = g }
    if let z = spec.blankZero { f.blankZero = z }
    return f
  }

  /// The line printed over a table, e.g. 单位：万元.
  public func unitLabel(for id: TableID) -> String {
    units.label.replacingOccurrences(of: "{单位}", with: money(for: id).unit.rawValue)
  }

  /// What is wrong in the edition's data beyond its YAML shape (nil when nothing): each table's unit must be
  /// printable with its decimals.
  public func problem() -> String? {
    if (parts == nil) == (partTitles == nil) { return "part_titles（标准的四个部分）与 parts（自定的部分）须有且只有一个。" }
    for part in parts ?? [] {
      if let bad = part.show.first(where: { PartContent($0) == nil }) {
        return "parts 中“\(part.title)”的 show 有未知的内容“\(bad)”（应为 overview、tables、explanations、matters、glossary 或 section:键）。"
      }
    }
    let missing = FundSource.allCases.filter { funds[$0.rawValue] == nil }.map(\.rawValue)
    if !missing.isEmpty { return "funds 中缺少资金来源：\(missing.joined(separator: "、"))。" }
    let unknown = funds.keys.filter { FundSource(rawValue: $0) == nil }.sorted()
    if !unknown.isEmpty { return "funds 中有未知的资金来源：\(unknown.joined(separator: "、"))（应为 \(FundSource.allCases.map(\.rawValue).joined(separator: "、"))）。" }
    for spec in tables {
      if let p = LayoutWords.problem(spec) { return p }
      if let n = spec.codeColumns, !(2...3).contains(n) {
        return "表 \(spec.id) 的 code_columns 应为 2（类、款）或 3（类、款、项），现为 \(n)。"
      }
      let f = money(for: spec.id)
      if f.unit == .qian { return "表 \(spec.id) 的金额单位只能是“万元”或“元”。" }
      if !(0...MoneyFormat.maxDecimals(f.unit)).contains(f.decimals) {
        return "表 \(spec.id) 以\(f.unit.rawValue)为单位时小数位数应为 0 至 \(MoneyFormat.maxDecimals(f.unit))，现为 \(f.decimals)。"
      }
    }
    return nil
  }

  public func title(of id: TableID, department: String, year: Int) -> String? {
    table(id).map {
      titlePattern.replacingOccurrences(of: "{部门}", with: department)
        .replacingOccurrences(of: "{年度}", with: String(year))
        .replacingOccurrences(of: "{表名}", with: $0.name)
    }
  }
}

/// One table of an edition. `id` is the standard table (T1…T14 of DESIGN §2); `number` its place in this edition.
public struct TableSpec: Sendable, Codable, Equatable {
  public var id: TableID
  public var number: Int
  public var name: String
  /// Note printed when the table has no data; {部门} and {年度} are filled in.
  public var emptyNote: String?
  /// Required even when empty (三公 above all).
  public var required: Bool?
  /// This table's amounts when they differ from the edition's table format (Shanghai's 三公 table is in 万元).
  public var unit: MoneyUnit?
  public var decimals: Int?
  public var grouping: Bool?
  /// The code printed in this many columns (类/款/项: 3, 类/款: 2, as Shanghai prints them) instead of one
  /// 科目编码 column; nil for one column.
  public var codeColumns: Int?
  /// Zero amounts as blank cells, when unlike `units.tables`.
  public var blankZero: Bool?
  /// The 收入 lines of a two-sided table (T1, T4) as this edition prints them; nil: the standard rows.
  public var rows: TwoSidedRows?
  /// The amount columns of T2 (funds each column adds up), T7 (三公 items, 机关运行经费) or the 支出 side of T1
  /// (基本支出, 项目支出, 人员经费, 公用经费 each column adds up); nil: the standard ones.
  public var columns: [[String]]?
  /// The title of this table's section of 第三部分 when it is not `explain.title` (Anhui 2021: 关于{年度}年收入预算
  /// 情况说明); the standard placeholders and {表名} may be used. Empty: the table has no section of its own.
  public var explain: String?

  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, number, name, required, unit, decimals, grouping, rows, columns, explain
    case emptyNote = "empty_note"
    case codeColumns = "code_columns"
    case blankZero = "blank_zero"
  }
}

/// `units:` of an edition: the format of the tables' amounts, of the prose's amounts, and the unit line.
public struct EditionUnits: Sendable, Codable, Equatable {
  public var tables: MoneyFormat
  public var prose: MoneyFormat
  /// The line over each table, with {单位}: 单位：{单位}.
  public var label: String
  /// Printed at the left of the unit line, the unit at its right end (Shanghai: 编制部门：{部门}); the standard
  /// placeholders may be used. Absent: the unit line alone.
  public var preparer: String?
}

public struct OtherMatter: Sendable, Codable, Equatable {
  public var key: String
  public var title: String
}

public struct GlossaryEntry: Sendable, Codable, Equatable {
  public var term: String
  public var text: String
}

/// Thresholds and word lists of the rules; kept in the edition so a province can set its own.
public struct RuleSettings: Sendable, Codable, Equatable {
  /// A change needs a reason when its magnitude reaches this percent of the prior year …
  public var reasonPercent: String
  /// … or this many 万元.
  public var reasonAmount: String
  /// The edition's own words of template residue (`residue:`), beside the ones every template leaves.
  public var ownResidue: [String]?

  /// Words that mark template residue in entered prose: `TemplateResidue.common`, then the edition's own.
  public var residue: [String] { TemplateResidue.words(adding: ownResidue ?? []) }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case ownResidue = "residue"
    case reasonPercent = "reason_percent"
    case reasonAmount = "reason_amount"
  }

  /// Threshold percent in hundredths (10 → 1000).
  public var reasonPercentHundredths: Int64 {
    if case .success(let a) = AmountParser.parse(reasonPercent) { return a.fen / 10_000 }
    return 1000
  }

  public var reasonAmountValue: Amount {
    if case .success(let a) = AmountParser.parse(reasonAmount) { return a }
    return Amount(wanCents: 100)
  }
}
