// Helpers shared by the renderers: XML escaping, and the geometry of a table
// (where each merged header cell sits, what each column is called once the header is flattened).
import Foundation
import YusuanCore

/// The XML declaration every part of a docx/xlsx starts with; escaping itself is `Markup.escape` in the core.
enum XML {
  static func escape(_ s: String) -> String { Markup.escape(s) }
  static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
}

/// Small text utilities.
public enum RenderText {
  /// A file name without path separators or characters Windows refuses (the renderers' `write(…toDirectory:)`
  /// names files with it, so callers can predict the path).
  public static func safeFileName(_ s: String) -> String {
    let bad = Set("/\\:*?\"<>|\0")
    var name = String(s.map { bad.contains($0) || $0.isNewline ? "_" : $0 }).trimmingCharacters(in: .whitespaces)
    if name.isEmpty || name == "." || name == ".." { name = "document" }
    return name
  }

  /// Estimated printed width in em of a string: CJK and full-width forms are 1 em, others 0.65 em
  /// (digits are 0.5 em in Times New Roman but 0.64 em in DejaVu Serif, its stand-in on Linux without
  /// Liberation fonts; the larger value keeps codes from wrapping in either).
  static func ems(_ s: String) -> Double {
    s.unicodeScalars.reduce(0.0) { acc, u in
      switch DisplayWidth.width(of: u) {
      case 2: return acc + 1.0
      case 0: return acc
      default: return acc + 0.65
      }
    }
  }
}

/// A table's geometry, shared by every renderer: the column count, the header cells placed on a grid
/// (merged cells resolved), the row cells padded to the column count, and which column is the name column.
struct TableLayout {
  struct PlacedCell {
    var text: String
    var row: Int
    var col: Int
    var colSpan: Int
    var rowSpan: Int
  }

  let table: DocTable
  let columnCount: Int
  /// Column kinds and widths, padded with text columns when the header or rows are wider than `table.columns`.
  let columns: [Column]
  let headerRowCount: Int
  /// Header cells in row-major order.
  let headerCells: [PlacedCell]
  /// owner[r][c]: index into `headerCells` of the cell covering header row r, column c (nil when nothing does).
  let owner: [[Int?]]
  /// The column whose text is indented by row level (the first text column, usually 科目名称).
  let nameColumn: Int?

  init(_ table: DocTable) {
    self.table = table
    let headerWidth = table.header.first.map { $0.reduce(0) { $0 + max(1, $1.colSpan) } } ?? 0
    let rowWidth = table.rows.filter { $0.kind != .emptyMarker }.map(\.cells.count).max() ?? 0
    let n = max(table.columns.count, headerWidth, rowWidth, 1)
    columnCount = n
    columns = table.columns + Array(repeating: Column(.text, width: 1), count: n - table.columns.count)
    headerRowCount = table.header.count

    var owner: [[Int?]] = Array(repeating: Array(repeating: nil, count: n), count: table.header.count)
    var placed: [PlacedCell] = []
    for (r, row) in table.header.enumerated() {
      var c = 0
      for cell in row {
        while c < n && owner[r][c] != nil { c += 1 }
        if c >= n { break }
        let cs = min(max(1, cell.colSpan), n - c)
        let rs = min(max(1, cell.rowSpan), table.header.count - r)
        let index = placed.count
        placed.append(PlacedCell(text: cell.text, row: r, col: c, colSpan: cs, rowSpan: rs))
        for rr in r..<(r + rs) {
          for cc in c..<(c + cs) where owner[rr][cc] == nil { owner[rr][cc] = index }
        }
        c += cs
      }
    }
    self.owner = owner
    headerCells = placed
    nameColumn = columns.firstIndex { $0.kind == .text }
  }

  /// A cell as the table prints it (amounts in the table's unit).
  func text(_ cell: Cell) -> String { table.text(cell) }

  /// The row's cells, padded with blanks (or cut) to the column count.
  func cells(of row: TableRow) -> [Cell] {
    if row.cells.count >= columnCount { return Array(row.cells.prefix(columnCount)) }
    return row.cells + Array(repeating: .blank, count: columnCount - row.cells.count)
  }

  /// The text of an empty-marker row (本表无数据 unless the row says otherwise).
  static func emptyMarkerText(_ row: TableRow) -> String {
    let texts = row.cells.compactMap { if case .text(let s) = $0, !s.isEmpty { s } else { nil } }
    return texts.isEmpty ? "本表无数据" : texts.joined(separator: " ")
  }

  /// The header cell that starts at (row, col), if one does.
  func cellStarting(row r: Int, col c: Int) -> PlacedCell? {
    guard let i = owner[r][c] else { return nil }
    let cell = headerCells[i]
    return cell.row == r && cell.col == c ? cell : nil
  }

  /// The header cell covering (row, col), if any.
  func cellCovering(row r: Int, col c: Int) -> PlacedCell? {
    owner[r][c].map { headerCells[$0] }
  }

  /// One heading per column: the texts of the header cells above it, top to bottom, joined with "·"
  /// (本年预算 over 合计 gives 本年预算·合计). Used by formats that have a single header row.
  var flatHeadings: [String] {
    (0..<columnCount).map { c in
      var parts: [String] = []
      var last: Int? = nil
      for r in 0..<headerRowCount {
        guard let i = owner[r][c], i != last else { continue }
        last = i
        let t = headerCells[i].text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !t.isEmpty && parts.last != t { parts.append(t) }
      }
      return parts.joined(separator: "·")
    }
  }

  /// The body merge that starts at (row, col), and whether (row, col) is covered by one that starts elsewhere.
  func merge(row r: Int, col c: Int) -> (start: CellMerge?, covered: Bool) {
    guard let merges = table.merges else { return (nil, false) }
    for m in merges where r >= m.row && r < m.row + m.rowSpan && c >= m.col && c < m.col + m.colSpan {
      return m.row == r && m.col == c ? (m, false) : (nil, true)
    }
    return (nil, false)
  }

  /// True for columns whose cells are figures (right-aligned, never wrapped).
  func isNumeric(_ c: Int) -> Bool { columns[c].kind == .amount || columns[c].kind == .count }
}
