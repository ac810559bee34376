/// A table read from a published document for `yusuan import`, as a section plugin sees it: which standard table it
/// is, its columns, its rows of cells with the figures read from them, and the shape the reader made out. The reader
/// (`Reading`) fills it; a plugin needs nothing of the reader's to turn it into entry lines.
public struct ReadTable: Sendable {
  public struct Row: Sendable {
    /// 1-based position among the table's body rows.
    public var number: Int
    public var cells: [String]
    /// The figure of each cell, in the table's unit read exactly; nil where the cell holds none.
    public var figures: [Amount?]
    /// The row's label as the reader makes it out: its code, else its name.
    public var label: String
    /// Per side of a two-sided table (收入, 支出), that side's label; one entry otherwise.
    public var sideLabels: [String]
    /// The side labels without their numbering (一、财政拨款收入 → 财政拨款收入).
    public var sideNames: [String]

    public init(number: Int, cells: [String], figures: [Amount?], label: String, sideLabels: [String], sideNames: [String]) {
      self.number = number; self.cells = cells; self.figures = figures; self.label = label; self.sideLabels = sideLabels; self.sideNames = sideNames
    }

    public func cell(_ i: Int) -> String { i >= 0 && i < cells.count ? cells[i] : "" }
    public func figure(_ c: Int) -> Amount? { c >= 0 && c < figures.count ? figures[c] : nil }
  }

  /// 1-based order of the table in the document.
  public var index: Int
  /// Which standard table it is, by its title; nil for a table of no standard kind.
  public var id: TableID?
  /// How messages name the table: `部门公开表5《一般公共预算支出表》`.
  public var ref: String
  /// Column names resolved from the header rows (empty when none).
  public var columns: [String]
  public var rows: [Row]
  /// Notes printed under the table.
  public var notes: [String]
  /// The table prints 本表无数据, or no figure at all.
  public var isEmpty: Bool
  public var codeColumn: Int?
  public var labelColumns: [Int]
  public var amountColumns: [Int]
  /// The amount columns of each side of a two-sided table (收入, 支出); one side otherwise.
  public var sides: [[Int]]

  public init(
    index: Int, id: TableID?, ref: String, columns: [String], rows: [Row], notes: [String], isEmpty: Bool,
    codeColumn: Int?, labelColumns: [Int], amountColumns: [Int], sides: [[Int]]
  ) {
    self.index = index; self.id = id; self.ref = ref; self.columns = columns; self.rows = rows; self.notes = notes; self.isEmpty = isEmpty
    self.codeColumn = codeColumn; self.labelColumns = labelColumns; self.amountColumns = amountColumns; self.sides = sides
  }

  /// The first amount column whose name contains one of `words`.
  public func column(_ words: [String]) -> Int? { amountColumns.first { c in words.contains { columns[c].contains($0) } } }

  /// A column's name, or 第N列 when the header names none.
  public func columnName(_ c: Int) -> String { columns[c].isEmpty ? "第\(c + 1)列" : columns[c] }

  /// Digits only, as a 科目编码 cell prints (up to 9: a 7-digit 项 with a stray digit or two is still a code).
  public static func isCode(_ s: String) -> Bool { !s.isEmpty && s.count <= 9 && s.allSatisfy { $0.isASCII && $0.isNumber } }
}

/// Whether `import` enters the document's figures as last year's (`上年 …`) or as this year's.
public enum ImportMode: String, Sendable { case prior, current }

/// What `import` makes of a document's tables, written by the sections that own them (`SectionPlugin.importLines`):
/// entry lines, each with where its figures came from, and how each figure was used — entered as a fact, entered as a
/// printed figure to check (核对, 上年 subtotals), the same as one entered from another table, derived by yusuan from
/// entered figures, or not placed (listed with why). `Import` counts every figure by that use, so none is dropped
/// without a word.
public struct ImportSheet {
  public enum Use: Sendable { case fact, check, same, derived, unplaced }

  public struct Line: Sendable, Equatable {
    public var text: String
    /// Where the figures came from: `表名 第N行`.
    public var origin: String
    public init(text: String, origin: String) { self.text = text; self.origin = origin }
  }

  public let mode: ImportMode
  /// Every table read, for a section that looks at another to read its own (the 支出总表 beside the 项 entered
  /// from the 一般公共预算支出表).
  public let tables: [ReadTable]
  /// This year's amount of a fact already in the workbook, by key: a prior-year import keeps it.
  public let currentAmount: (String) -> Amount?
  public private(set) var lines: [Line] = []
  /// Figures read but not placed, with where they were and why.
  public private(set) var unplaced: [String] = []
  /// How each figure was used, by table, row and column.
  public private(set) var used: [String: Use] = [:]

  public init(mode: ImportMode, tables: [ReadTable], currentAmount: @escaping (String) -> Amount?) {
    self.mode = mode; self.tables = tables; self.currentAmount = currentAmount
  }

  public func origin(_ t: ReadTable, _ row: ReadTable.Row) -> String { "\(t.ref) 第\(row.number)行" }

  /// How the figure of table `table` (its `index`), row `row`, column `column` was used; nil: not at all.
  public func use(table: Int, row: Int, column: Int) -> Use? { used["\(table):\(row):\(column)"] }

  /// Records how the figures of `cols` (every amount column by default) of a row were used, unless already recorded.
  public mutating func mark(_ t: ReadTable, _ row: ReadTable.Row, _ use: Use, _ cols: [Int]? = nil) {
    for c in cols ?? t.amountColumns where used["\(t.index):\(row.number):\(c)"] == nil { used["\(t.index):\(row.number):\(c)"] = use }
  }

  /// An entry line from a row; its figures are entered as facts, or as printed figures to check (核对, 上年).
  public mutating func emit(_ text: String, _ t: ReadTable, _ row: ReadTable.Row, _ cols: [Int]? = nil) {
    lines.append(Line(text: text, origin: origin(t, row)))
    mark(t, row, text.hasPrefix("核对") || text.hasPrefix("上年 ") ? .check : .fact, cols)
  }

  /// An entry line from a whole table (采购 无, a note, the 三公 items gathered from its rows).
  public mutating func emit(_ text: String, _ t: ReadTable) { lines.append(Line(text: text, origin: t.ref)) }

  /// A row whose figures fit no fact: listed with why.
  public mutating func leftover(_ t: ReadTable, _ row: ReadTable.Row, _ why: String) {
    let figures = t.amountColumns.compactMap { c in row.figure(c).flatMap { $0.isZero ? nil : "\(t.columnName(c)) \($0.wan)" } }
    if !figures.isEmpty { unplaced.append("\(origin(t, row))「\(row.label)」\(figures.joined(separator: "、"))：\(why)") }
    mark(t, row, .unplaced)
  }

  /// Something read but not placed that is not a row's figures (a row entered another way than printed).
  public mutating func unplaced(_ text: String) { unplaced.append(text) }
}
