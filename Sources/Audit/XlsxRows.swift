import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the first worksheet of an .xlsx as rows of cell texts (shared strings, inline strings and numbers as
/// written), so an Excel export of the budget system can be imported like a CSV.
public enum XlsxRows {
  public struct Failure: Error, CustomStringConvertible { public var description: String }

  public static func rows(_ data: Data, name: String) throws -> [[String]] {
    guard let archive = try? Archive(data: data, accessMode: .read) else {
      throw Failure(description: "文件“\(name)”无法作为 Excel（.xlsx）打开：可能已损坏，或是旧版 .xls（请另存为 .xlsx 或 CSV UTF-8）。")
    }
    func read(_ path: String) -> Data? {
      guard let e = archive[path] else { return nil }
      var d = Data()
      return (try? archive.extract(e, skipCRC32: false) { d.append($0) }) != nil ? d : nil
    }
    let sheetPath = archive.map(\.path).filter { $0.hasPrefix("xl/worksheets/sheet") && $0.hasSuffix(".xml") }.sorted().first
    guard let sheetPath, let sheet = read(sheetPath) else { throw Failure(description: "文件“\(name)”中没有工作表。") }
    var shared: [String] = []
    if let s = read("xl/sharedStrings.xml") {
      let c = SharedStrings()
      let p = XMLParser(data: s)
      p.delegate = c
      _ = p.parse()
      shared = c.strings
    }
    let c = SheetCells(shared: shared)
    let p = XMLParser(data: sheet)
    p.delegate = c
    guard p.parse() else { throw Failure(description: "文件“\(name)”的工作表已损坏（第\(p.lineNumber)行）。") }
    return c.rows
  }

  /// Column index of a cell reference: `C12` → 2.
  static func column(_ ref: String) -> Int {
    var n = 0
    for u in ref.unicodeScalars where u.value >= 65 && u.value <= 90 { n = n * 26 + Int(u.value - 64) }
    return max(0, n - 1)
  }

  final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = "", inSI = false, inT = false
    func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      if e == "si" { inSI = true; current = "" } else if e == "t" { inT = true }
    }
    func parser(_ p: XMLParser, foundCharacters s: String) { if inSI && inT { current += s } }
    func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
      if e == "t" { inT = false } else if e == "si" { strings.append(current); inSI = false }
    }
  }

  final class SheetCells: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [[String]] = []
    private var row: [String] = [], col = 0, type = "", text = "", inValue = false
    init(shared: [String]) { self.shared = shared }
    func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
      switch e {
      case "row": row = []
      case "c": col = a["r"].map(XlsxRows.column) ?? row.count; type = a["t"] ?? ""; text = ""
      case "v", "t": inValue = true
      default: break
      }
    }
    func parser(_ p: XMLParser, foundCharacters s: String) { if inValue { text += s } }
    func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
      switch e {
      case "v", "t": inValue = false
      case "c":
        var value = text
        if type == "s", let i = Int(text), i < shared.count { value = shared[i] }
        while row.count < col { row.append("") }
        if row.count == col { row.append(value) } else { row[col] = value }
      case "row": rows.append(row)
      default: break
      }
    }
  }
}
