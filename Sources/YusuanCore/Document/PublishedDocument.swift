/// The publishable document (部门预算公开) as a format-neutral model: parts, headings, paragraphs, tables.
/// The compile stage builds it from the facts; each renderer (docx, xlsx, html, md, json) only lays it out,
/// so every format says exactly the same thing.
public struct PublishedDocument: Sendable, Equatable, Codable {
  /// e.g. 杜集区政府办2024年部门预算公开.
  public var title: String
  public var department: String
  public var year: Int
  public var edition: String
  /// A draft (compiled with errors remaining) is marked 草稿 on every page.
  public var draft: Bool
  public var parts: [Part]
  /// The cover page's lines (Shanghai: 上海市普陀区2025年区级部门预算 … 预算主管部门：…); nil: no cover, the title on top.
  public var cover: [String]?
  /// The contents page; nil: none.
  public var contents: Contents?

  public init(title: String, department: String, year: Int, edition: String, draft: Bool, parts: [Part], cover: [String]? = nil, contents: Contents? = nil) {
    self.title = title; self.department = department; self.year = year; self.edition = edition; self.draft = draft; self.parts = parts
    self.cover = cover; self.contents = contents
  }

  /// Every table of the document, in order.
  public var tables: [DocTable] {
    parts.flatMap { $0.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } } }
  }
}

/// 目录: its title and lines (level 1 a part, level 2 a table under it), without page numbers (the reader's office
/// software paginates).
public struct Contents: Sendable, Equatable, Codable {
  public var title: String
  public var lines: [Line]
  public struct Line: Sendable, Equatable, Codable {
    public var level: Int
    public var text: String
    public init(level: Int, text: String) { self.level = level; self.text = text }
  }
  public init(title: String, lines: [Line]) { self.title = title; self.lines = lines }
}

/// 第一部分 … 第四部分.
public struct Part: Sendable, Equatable, Codable {
  /// e.g. 第三部分 2024年部门预算情况说明.
  public var title: String
  public var blocks: [Block]
  public init(title: String, blocks: [Block]) { self.title = title; self.blocks = blocks }
}

public enum Block: Sendable, Equatable, Codable {
  /// A heading inside a part: level 1 is 一、…, level 2 is （一）…, level 3 is 1.…
  case heading(level: Int, text: String)
  /// A body paragraph (first-line indent in Word).
  case paragraph(String)
  case table(DocTable)
}

/// One table of 第二部分 (or a 绩效目标表 inside 第三部分).
public struct DocTable: Sendable, Equatable, Codable {
  /// Standard id, T1…T14.
  public var id: String
  /// e.g. 部门公开表5; nil when the edition does not number it.
  public var label: String?
  /// e.g. 杜集区政府办2024年一般公共预算支出表.
  public var title: String
  /// e.g. 单位：万元 (the edition's unit line; empty for a table without amounts).
  public var unit: String
  /// The text at the left of the unit line, e.g. 编制部门：上海市普陀区人民政府办公室 (Shanghai prints the unit at
  /// the right end of this line); nil when the edition prints the unit line alone.
  public var preparer: String?
  /// How the amount cells print (the edition's format for this table).
  public var money: MoneyFormat
  /// Header rows, top to bottom; cells may span columns and rows (merged headers).
  public var header: [[HeaderCell]]
  public var columns: [Column]
  public var rows: [TableRow]
  /// Printed under the table (why it is empty, or an explanation).
  public var note: String?
  /// Body cells merged in print (a form such as the 项目支出绩效目标表: 项目名称's value across the row, 一级指标 down
  /// its group). `rows` keeps every position's text (repeated or blank), so a format without merging (Markdown,
  /// JSON's cells) still reads as a full grid; nil: no merged body cells.
  public var merges: [CellMerge]?

  /// `unit` and `money` come from the edition (`CompileContext.table` fills them); there is no default unit.
  public init(
    id: String, label: String?, title: String, unit: String, money: MoneyFormat, header: [[HeaderCell]], columns: [Column], rows: [TableRow],
    note: String? = nil, preparer: String? = nil, merges: [CellMerge]? = nil
  ) {
    self.merges = merges
    self.id = id; self.label = label; self.title = title; self.unit = unit; self.money = money; self.header = header; self.columns = columns; self.rows = rows;
    self.note = note
    self.preparer = preparer
  }

  /// A cell as this table prints it (amounts in the table's unit).
  public func text(_ cell: Cell) -> String { cell.display(money) }

  /// True when the table has no data rows (printed with 本表无数据).
  public var isEmpty: Bool { rows.allSatisfy { $0.kind == .emptyMarker } }
}

/// A rectangle of body cells printed as one: its top-left cell's text over `rowSpan` × `colSpan` positions.
public struct CellMerge: Sendable, Equatable, Codable {
  public var row: Int
  public var col: Int
  public var rowSpan: Int
  public var colSpan: Int
  public init(row: Int, col: Int, rowSpan: Int = 1, colSpan: Int = 1) { self.row = row; self.col = col; self.rowSpan = rowSpan; self.colSpan = colSpan }
}

public struct HeaderCell: Sendable, Equatable, Codable {
  public var text: String
  public var colSpan: Int
  public var rowSpan: Int
  public init(_ text: String, colSpan: Int = 1, rowSpan: Int = 1) { self.text = text; self.colSpan = colSpan; self.rowSpan = rowSpan }
}

public struct Column: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable { case code, text, amount, count }
  public var kind: Kind
  /// Relative width (Word and Excel scale it to the page).
  public var width: Int
  /// What the column's figures are, in the words a `核对` line names a column (合计, 基本支出, 人员经费, a fund, a
  /// 三公 item); nil for a column no figure is looked up in. Not printed: the header says it in the edition's words.
  public var key: String?
  public init(_ kind: Kind, width: Int, key: String? = nil) { self.kind = kind; self.width = width; self.key = key }

  /// The key of a column of totals (合计, 预算数 as the edition prints it).
  public static let total = "合计"

  /// A 合计 column, then one per fund in `FundSource` order (项目支出表, 政府采购 …).
  public static func bySource(width: Int) -> [Column] {
    [Column(.amount, width: width, key: total)] + FundSource.allCases.map { Column(.amount, width: width, key: $0.rawValue) }
  }
}

public struct TableRow: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable {
    /// A data row.
    case detail
    /// A 类 or 款 subtotal, or a section line (一、…) of a two-sided table.
    case subtotal
    /// 合计 / 总计.
    case total
    /// The single row of an empty table: 本表无数据.
    case emptyMarker
  }
  public var kind: Kind
  /// Indentation of the name column: 0 for 类, 1 for 款, 2 for 项.
  public var level: Int
  public var cells: [Cell]
  /// Which cells print bold, when that is not the whole row: a two-sided table's 二、上年结转 is a total of the
  /// 收入 side while 五、教育支出 beside it is an ordinary 类. nil: as `kind` says (total and subtotal rows bold).
  public var bold: [Bool]?
  /// What the row is, in the words a `核对` line names a row: its code, a project's name, 合计 for the total row,
  /// 本年 or 上年 for the years of the 三公 table; nil for a row no figure is looked up in. Not printed.
  public var key: String?
  public init(kind: Kind = .detail, level: Int = 0, cells: [Cell], bold: [Bool]? = nil, key: String? = nil) {
    self.kind = kind; self.level = level; self.cells = cells; self.bold = bold; self.key = key
  }

  /// The key of a table's total row (合计, 总计, 支出总计 as the edition prints it).
  public static let totalKey = "合计"
  /// The keys of the rows of a table by year (the 三公 table): this year's budget and last year's.
  public static let currentYearKey = "本年", priorYearKey = "上年"

  /// True when cell `c` prints bold.
  public func isBold(_ c: Int) -> Bool {
    if let bold { return c < bold.count && bold[c] }
    return kind == .total || kind == .subtotal
  }
}

public enum Cell: Sendable, Equatable, Codable {
  case text(String)
  /// An exact amount, printed in its table's format.
  case amount(Amount)
  case count(Int)
  case blank

  /// The text as printed with amounts in `money`.
  public func display(_ money: MoneyFormat) -> String {
    switch self {
    case .text(let s): return s
    case .amount(let a): return money.text(a)
    case .count(let n): return String(n)
    case .blank: return ""
    }
  }
}
