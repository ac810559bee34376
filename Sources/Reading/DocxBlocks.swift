import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import YusuanCore

/// Reads a .docx: paragraphs of word/document.xml in order, and each `w:tbl` as rows of cells (merged cells
/// expanded by `w:gridSpan`, so headers line up with body rows). A damaged XML part is read up to the damage.
/// Paragraphs outside tables go through `LineRows` with their tabs, as the lines of a text file do: a table written
/// as tab-led paragraphs (what LibreOffice makes of a text file) reads as the same rows as the text.
package enum DocxBlocks {
  package static func blocks(_ data: Data, name: String) throws -> ([Block], [Diagnostic]) {
    guard let archive = ZipReader(data: data) else {
      throw AuditReadError("文件“\(name)”看起来是 Word 文档（.docx），但无法作为 ZIP 打开：文件可能被截断或已损坏。请重新下载或从 Word 另存一份。")
    }
    guard let entry = archive["word/document.xml"] else {
      throw AuditReadError("文件“\(name)”是 ZIP 压缩包，但其中没有 word/document.xml，不是 Word 文档（.docx）或已损坏。")
    }
    // The declared size first, then the bytes as they come: a small file that inflates without end is refused
    // before it fills memory.
    let xml: Data
    do { xml = try archive.extract(entry, limit: DocumentReader.Limits.docxBody) } catch .tooLarge {
      throw tooLarge(name)
    } catch {
      throw AuditReadError("文件“\(name)”中的正文（word/document.xml）无法解压：文件可能被截断或已损坏。请重新下载或从 Word 另存一份。")
    }
    let collector = Collector()
    let parser = XMLParser(data: XMLBytes.parseable(xml))
    parser.delegate = collector
    // libxml2 may accept a truncated file without error; a document that never closes is damaged too.
    let ok = parser.parse() && collector.sawEnd
    var findings: [Diagnostic] = []
    if !ok {
      let where_ = collector.sawEnd ? "第\(parser.lineNumber)行" : "末尾（文件不完整）"
      findings.append(
        Diagnostic(
          rule: AuditRuleID.readDamaged, severity: .warning, table: "文件",
          message: "Word 正文（word/document.xml）在\(where_)处损坏，之后的内容未能读取；已审读损坏处之前的 \(collector.blocks.count) 段/行。请核对原文件是否完整。",
          actual: parser.parserError.map { _ in "XML 在第\(parser.lineNumber)行第\(parser.columnNumber)列处不完整或不合规范" }))
      collector.finishOpen()
    }
    if collector.blocks.isEmpty && !ok {
      throw AuditReadError("文件“\(name)”的 Word 正文已损坏，读不出任何内容。请重新下载或从 Word 另存一份。")
    }
    return (collector.blocks, findings)
  }

  package static func tooLarge(_ name: String) -> AuditReadError {
    AuditReadError("文件“\(name)”的正文解压后超过 \(DocumentReader.Limits.docxBody / 1_048_576) MB，远大于任何部门预算公开文件，不予审读（可能已损坏或是压缩炸弹）。")
  }

  final class Collector: NSObject, XMLParserDelegate {
    private var sawError = false
    package func parser(_ p: XMLParser, parseErrorOccurred e: Error) { sawError = true }
    var lines = LineRows(innerTabsSeparateCells: false)
    var blocks: [Block] { lines.finished() }
    var paragraphCount = 0
    var tableDepth = 0
    var tableGroup = 0
    var currentGroup: Int? = nil
    var row: [String]? = nil
    var cell: String? = nil
    var cellSpan = 1
    var para: String? = nil
    var inText = false
    /// Inside `w:tabs`: the tab stops of a paragraph's properties, whose `w:tab` elements are not tab characters.
    var inTabStops = false
    var sawEnd = false

    func parser(_ parser: XMLParser, didStartElement el: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      if XMLBytes.stopAfterError(sawError, parser) { return }
      switch el {
      case "w:tbl":
        tableDepth += 1
        if tableDepth == 1 { tableGroup += 1; currentGroup = tableGroup }
      case "w:tr": if tableDepth == 1 { row = [] }
      case "w:tc": if tableDepth == 1 { cell = ""; cellSpan = 1 }
      case "w:gridSpan": if tableDepth == 1, let v = attributes["w:val"], let n = Int(v) { cellSpan = max(1, min(n, 50)) }
      case "w:p": para = ""
      case "w:t": inText = true
      case "w:tabs": inTabStops = true
      case "w:tab", "w:ptab": if !inTabStops { para? += "\t" }
      case "w:br", "w:cr": para? += "\n"
      default: break
      }
    }

    func parser(_ parser: XMLParser, foundCharacters s: String) {
      if XMLBytes.stopAfterError(sawError, parser) { return }
      if inText { para? += s }
    }

    func parser(_ parser: XMLParser, didEndElement el: String, namespaceURI: String?, qualifiedName: String?) {
      if XMLBytes.stopAfterError(sawError, parser) { return }
      switch el {
      case "w:t": inText = false
      case "w:tabs": inTabStops = false
      case "w:document": sawEnd = true
      case "w:p":
        guard let p = para else { break }
        para = nil
        if tableDepth >= 1 {
          if cell != nil { cell! += (cell!.isEmpty ? "" : "\n") + p }
        } else {
          paragraphCount += 1
          lines.add(p, line: paragraphCount)
        }
      case "w:tc":
        if tableDepth == 1, let c = cell {
          row?.append(c)
          if cellSpan > 1 { row? += Array(repeating: "", count: cellSpan - 1) }
          cell = nil
        }
      case "w:tr":
        if tableDepth == 1, let r = row { paragraphCount += 1; lines.append(.row(r, line: paragraphCount, group: currentGroup)); row = nil }
      case "w:tbl":
        tableDepth -= 1
        if tableDepth == 0 { currentGroup = nil }
      default: break
      }
    }

    /// Keeps what was read before the damage: an open row or paragraph becomes a block.
    func finishOpen() {
      if let c = cell { row?.append(c) }
      if let r = row, !r.isEmpty { lines.append(.row(r, line: paragraphCount + 1, group: currentGroup)) }
      if let p = para, tableDepth == 0 { lines.add(p, line: paragraphCount + 1) }
    }
  }
}
