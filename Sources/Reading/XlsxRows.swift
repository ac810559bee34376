import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads the first worksheet of an .xlsx as rows of cell texts (shared strings, inline strings and numbers as
/// written), so an Excel export of the budget system can be imported like a CSV.
public enum XlsxRows {
  public struct Failure: Error, CustomStringConvertible { public var description: String }

  /// Excel's own limits (XFD = 16384 columns, 1048576 rows): a reference beyond them is a crafted or damaged file.
  package static let maxColumns = 16_384
  package static let maxRows = 1_048_576
  /// Cells kept in memory, counting the blanks a row is padded with up to its last cell: far above a budget
  /// system's export (a few thousand rows of twenty columns), far below what would exhaust memory.
  package static let maxCells = 2_000_000
  /// Bytes one part of the archive may inflate to (the sheet, the shared strings): a zip bomb stops here.
  package static let maxPartBytes = 64 * 1_048_576

  public static func rows(_ data: Data, name: String) throws -> [[String]] {
    let book = try Book(data, name: name)
    let sheetPath = book.archive.paths.filter { $0.hasPrefix("xl/worksheets/sheet") && $0.hasSuffix(".xml") }.sorted().first
    guard let sheetPath else { throw Failure(description: "文件“\(name)”中没有工作表。") }
    return try book.sheet(sheetPath).rows
  }

  /// One worksheet: its rows, and each row's number as Excel shows it (empty rows are not stored).
  public struct Sheet: Sendable {
    public var name: String
    public var rows: [[String]]
    public var rowNumbers: [Int]
  }

  /// Every worksheet, in the order of their parts (sheet1, sheet2, … sheet10: the order Excel and LibreOffice
  /// write them in), named as the workbook names them when it names as many.
  public static func sheets(_ data: Data, name: String) throws -> [Sheet] {
    let book = try Book(data, name: name)
    func number(_ path: String) -> Int { Int(path.dropFirst("xl/worksheets/sheet".count).dropLast(".xml".count)) ?? Int.max }
    let paths = book.archive.paths.filter { $0.hasPrefix("xl/worksheets/sheet") && $0.hasSuffix(".xml") }.sorted { number($0) < number($1) }
    guard !paths.isEmpty else { throw Failure(description: "文件“\(name)”中没有工作表。") }
    let names = try book.read("xl/workbook.xml").map(SheetNames.of) ?? []
    return try paths.enumerated().map { k, path in
      var sheet = try book.sheet(path)
      sheet.name = names.count == paths.count ? names[k] : "第\(k + 1)张工作表"
      return sheet
    }
  }

  /// The archive with its shared strings, read once for all its sheets.
  struct Book {
    package let archive: ZipReader
    package let name: String
    package var shared: [String] = []

    package init(_ data: Data, name: String) throws {
      guard let archive = ZipReader(data: data) else {
        throw Failure(description: "文件“\(name)”无法作为 Excel（.xlsx）打开：可能已损坏，或是旧版 .xls（请另存为 .xlsx 或 CSV UTF-8）。")
      }
      self.archive = archive; self.name = name
      if let s = try read("xl/sharedStrings.xml") {
        let c = SharedStrings()
        let p = XMLParser(data: XMLBytes.parseable(s))
        p.delegate = c
        _ = p.parse()
        shared = c.strings
      }
    }

    package func read(_ path: String) throws -> Data? {
      guard let e = archive[path] else { return nil }
      do { return try archive.extract(e, limit: XlsxRows.maxPartBytes) } catch .tooLarge {
        throw Failure(description: "文件“\(name)”中的“\(path)”解压后超过 \(XlsxRows.maxPartBytes / 1_048_576) MB，超出可以读取的大小。请只保留需要的表，或另存为 CSV UTF-8。")
      } catch { return nil }
    }

    package func sheet(_ path: String) throws -> Sheet {
      guard let data = try read(path) else { throw Failure(description: "文件“\(name)”中的工作表“\(path)”无法解压：文件可能已损坏。") }
      let c = SheetCells(shared: shared, name: name)
      let p = XMLParser(data: XMLBytes.parseable(data))
      p.delegate = c
      let parsed = p.parse()
      if let failure = c.failure { throw failure }
      guard parsed else { throw Failure(description: "文件“\(name)”的工作表已损坏（第\(p.lineNumber)行）。") }
      return Sheet(name: "", rows: c.rows, rowNumbers: c.rowNumbers)
    }
  }

  /// The sheet names of xl/workbook.xml, in order.
  final class SheetNames: NSObject, XMLParserDelegate {
    package var names: [String] = []
    package static func of(_ data: Data) -> [String] {
      let c = SheetNames()
      let p = XMLParser(data: XMLBytes.parseable(data))
      p.delegate = c
      _ = p.parse()
      return c.names
    }
    package func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
      if XMLBytes.stopAfterError(sawError, p) { return }
      if e == "sheet" || e.hasSuffix(":sheet"), let n = a["name"] { names.append(n) }
    }
    private var sawError = false
    package func parser(_ p: XMLParser, parseErrorOccurred e: Error) { sawError = true }
  }

  /// Zero-based column and one-based row of a cell reference (`C12` → (2, 12)); nil unless it is one to three
  /// capital letters then digits within Excel's limits (XFD1048576).
  static func cell(_ ref: String) -> (column: Int, row: Int)? {
    let u = Array(ref.utf8)
    let letters = u.prefix { $0 >= 65 && $0 <= 90 }
    let digits = u.dropFirst(letters.count)
    guard (1...3).contains(letters.count), (1...7).contains(digits.count), digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    let column = letters.reduce(0) { $0 * 26 + Int($1 - 64) }
    let row = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
    guard column <= maxColumns, (1...maxRows).contains(row) else { return nil }
    return (column - 1, row)
  }

  final class SharedStrings: NSObject, XMLParserDelegate {
    package var strings: [String] = []
    private var current = "", inSI = false, inT = false
    package func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      if XMLBytes.stopAfterError(sawError, p) { return }
      if e == "si" { inSI = true; current = "" } else if e == "t" { inT = true }
    }
    func parser(_ p: XMLParser, foundCharacters s: String) { if !XMLBytes.stopAfterError(sawError, p), inSI && inT { current += s } }
    func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
      if XMLBytes.stopAfterError(sawError, p) { return }
      if e == "t" { inT = false } else if e == "si" { strings.append(current); inSI = false }
    }
    private var sawError = false
    func parser(_ p: XMLParser, parseErrorOccurred e: Error) { sawError = true }
  }

  /// The cells of the sheet; every index read from the file is bounded, and the first violation stops the parse.
  final class SheetCells: NSObject, XMLParserDelegate {
    package let shared: [String]
    package let name: String
    package var rows: [[String]] = []
    /// Each row's number as Excel shows it (its `r`, or one after the last).
    package var rowNumbers: [Int] = []
    private(set) var failure: Failure?
    private var row: [String] = [], col = 0, ref = "", type = "", text = "", inValue = false, cells = 0
    package init(shared: [String], name: String) { self.shared = shared; self.name = name }

    private var sawError = false
    func parser(_ p: XMLParser, parseErrorOccurred e: Error) { sawError = true }

    private func fail(_ p: XMLParser, _ what: String) {
      if failure == nil { failure = Failure(description: "文件“\(name)”的工作表\(what)文件可能已损坏或被改动，请在 Excel 中重新另存为 .xlsx，或另存为 CSV UTF-8。") }
      p.abortParsing()
    }

    func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
      guard !XMLBytes.stopAfterError(sawError, p), failure == nil else { return }
      switch e {
      case "row":
        row = []
        if rows.count >= XlsxRows.maxRows { fail(p, "超过 \(XlsxRows.maxRows) 行（Excel 的上限）。") }
        if let r = a["r"], Int(r).map({ (1...XlsxRows.maxRows).contains($0) }) != true {
          fail(p, "中行号“\(r)”不是 1 到 \(XlsxRows.maxRows) 之间的数（Excel 的上限）。")
        }
        rowNumbers.append(a["r"].flatMap { Int($0) } ?? (rowNumbers.last ?? 0) + 1)
      case "c":
        type = a["t"] ?? ""; text = ""
        if let r = a["r"] {
          ref = r
          guard let cell = XlsxRows.cell(r) else {
            return fail(p, "中单元格“\(r)”的位置超出 Excel 的范围（最多 \(XlsxRows.maxColumns) 列即 XFD 列、\(XlsxRows.maxRows) 行）或写法不对。")
          }
          col = cell.column
        } else {
          ref = "第 \(rows.count + 1) 行第 \(row.count + 1) 个"
          col = row.count
          if col >= XlsxRows.maxColumns { fail(p, "第 \(rows.count + 1) 行超过 \(XlsxRows.maxColumns) 列（Excel 的上限）。") }
        }
      case "v", "t": inValue = true
      default: break
      }
    }
    func parser(_ p: XMLParser, foundCharacters s: String) { if !XMLBytes.stopAfterError(sawError, p), inValue && failure == nil { text += s } }
    func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
      if XMLBytes.stopAfterError(sawError, p) { return }
      guard failure == nil else { return }
      switch e {
      case "v", "t": inValue = false
      case "c":
        var value = text
        if type == "s" {
          guard let i = Int(text.trimmingCharacters(in: .whitespaces)), shared.indices.contains(i) else {
            return fail(p, "中单元格“\(ref)”引用的共享字符串“\(text)”不存在（文件中共有 \(shared.count) 个，编号 0 到 \(shared.count - 1)）。")
          }
          value = shared[i]
        }
        // Padding a row up to its cell counts too: `XFD1` alone is 16384 cells.
        let added = max(1, col + 1 - row.count)
        cells += added
        guard cells <= XlsxRows.maxCells else {
          return fail(p, "单元格过多（到“\(ref)”已超过 \(XlsxRows.maxCells) 个，含行中空白单元格），超出可以导入的大小。请只导出需要的表。")
        }
        while row.count < col { row.append("") }
        if row.count == col { row.append(value) } else { row[col] = value }
      case "row": rows.append(row)
      default: break
      }
    }
  }
}
