import YusuanCore

/// The formats the reader understands. Detected from the bytes, not the file name.
public enum DocumentFormat: String, Sendable {
  case text, docx, pdf, xlsx
}

/// One paragraph of prose, with where it sits, so findings can point at it.
public struct AuditParagraph: Sendable {
  /// 1-based position among the document's paragraphs.
  public var index: Int
  /// Source line (text, PDF) or paragraph position in the body (docx).
  public var line: Int
  public var text: String
  /// The 第X部分 heading it falls under, if any.
  public var part: String?
  /// The nearest 一、/（一） heading above it, if any.
  public var section: String?
  public var subsection: String?
  public var isHeading: Bool

  /// True in 名词解释: glossary text defines terms and states no figures about this department.
  public var isGlossary: Bool { part?.contains("名词解释") ?? false }
}

/// A body row of a table: trimmed cells aligned to the table's columns.
public struct AuditRow: Sendable {
  /// 1-based position among the table's body rows.
  public var number: Int
  public var line: Int
  public var cells: [String]
  /// How many cells the source row had (before alignment), to spot rows with a missing column.
  public var sourceCellCount: Int
  /// The cells read as figures, once, in the table's unit (rules ask for them again and again).
  package var values: [CellValue] = []

  public func cell(_ i: Int) -> String { i >= 0 && i < cells.count ? cells[i] : "" }
}

/// A table as printed: title, 部门公开表N label, unit, header rows and body rows. The reader does not interpret
/// the figures; `TableReading` and the rules do.
public struct AuditTable: Sendable {
  /// 1-based order of the table in the document.
  public var index: Int
  public var title: String?
  /// The label as printed, e.g. `部门公开表2`.
  public var label: String?
  public var number: Int?
  public var unit: MoneyUnit?
  public var headerRows: [[String]]
  public var rows: [AuditRow]
  public var notes: [String]
  public var line: Int
  public var kind: TableKind
  /// Column names resolved from the header rows (empty string when none).
  public var columns: [String]
  /// Where 类/款/项 printed in separate columns were joined into one (the first column and how many), so a
  /// column of this table can be traced back to the printed cells.
  public var splitCodes: (start: Int, count: Int)? = nil
  /// The table's shape, worked out once when the table is built.
  package var shape: TableShape? = nil

  /// The printed columns behind column `c` of this table.
  public func printedColumns(of c: Int) -> Range<Int> {
    guard let s = splitCodes, c >= s.start else { return c..<(c + 1) }
    return c == s.start ? s.start..<(s.start + s.count) : (c + s.count - 1)..<(c + s.count)
  }

  /// Title without the department and year prefix: `杜集区政府办公室2021年收支总表` → `收支总表`.
  public var shortTitle: String {
    guard let title else { return "无标题表格" }
    if let r = title.match(#"\d{4}\s*年(度)?"#) {
      let rest = String(title[r.upperBound...]).trimmingBlanks()
      if !rest.isEmpty { return rest }
    }
    return title
  }

  /// How findings name the table: `部门公开表2《一般公共预算支出表》`, or the title alone when unnumbered.
  public var ref: String {
    (label.map { $0 } ?? "") + "《\(shortTitle)》"
  }

  /// The unit amounts are read in (万元 unless the table says 元).
  public var moneyUnit: MoneyUnit { unit ?? .wan }

  /// True when the table prints 本表无数据 or has no figures at all.
  public var isEmptyTable: Bool {
    rows.allSatisfy { row in row.cells.allSatisfy { $0.isEmpty || $0.contains("本表无数据") || !TableReading.looksNumeric($0) } }
  }
}

/// A document as read: paragraphs, tables, and what the reader could not read (as diagnostics).
public struct AuditDocument: Sendable {
  public var name: String
  public var format: DocumentFormat
  public var paragraphs: [AuditParagraph]
  public var tables: [AuditTable]
  /// Labels (部门公开表N) that belong to no table.
  public var orphanLabels: [(text: String, number: Int, line: Int)]
  /// Problems met while reading: unreadable parts, encoding, short rows. Never fatal.
  public var readFindings: [Diagnostic]
  /// Page and box of each source line, for formats that have pages (PDF); keyed by the line numbers of
  /// paragraphs and rows.
  public var spots: [Int: SourceSpot] = [:]
  /// Pages that are images without text (scanned): what they hold was not read, so nothing can be said missing.
  public var unreadPages: [Int] = []
  /// The unread pages whose text layer is garbled rather than missing (`GarbledText`).
  public var garbledPages: [Int] = []
  /// The unread pages that have text but are mostly a picture (`PDFPage.pictured`).
  public var picturedPages: [Int] = []
  /// Pages printed sideways and turned upright for reading, with the clockwise quarter turns: their pictures are
  /// turned the same way before findings are boxed on them.
  public var pageTurns: [Int: Int] = [:]
  /// The tables' cells were one per line (text copied from a PDF without its layout): none was read, so neither a
  /// table nor a figure can be said missing.
  public var tablesLost = false
  /// The tables' cells were placed from the positions of printed words (a PDF, space-aligned text), not given by
  /// the file (a Word table, tabs): a column can be misplaced.
  public var readByPosition = false
  /// For PDF rows: the box of each printed cell (before split code columns were joined), keyed like `spots`.
  public var cellBoxes: [Int: [Box?]] = [:]

  public init(
    name: String, format: DocumentFormat, paragraphs: [AuditParagraph] = [], tables: [AuditTable] = [],
    orphanLabels: [(text: String, number: Int, line: Int)] = [], readFindings: [Diagnostic] = []
  ) {
    self.name = name; self.format = format; self.paragraphs = paragraphs; self.tables = tables
    self.orphanLabels = orphanLabels; self.readFindings = readFindings
  }

  public func tables(_ kind: TableKind) -> [AuditTable] { tables.filter { $0.kind == kind } }

  /// Paragraphs that state facts about the department (not headings, not the glossary).
  public var prose: [AuditParagraph] { paragraphs.filter { !$0.isHeading && !$0.isGlossary } }
}

/// Why a document could not be read at all. The message is for the officer, in Chinese.
public struct AuditReadError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
