import Foundation
import YusuanCore

/// Reads a published document into the neutral model, whatever its format. Throws only when nothing can be read
/// (empty, wrong encoding, truncated archive, PDF without text); partial damage becomes diagnostics.
public enum DocumentReader {
  /// Sizes no published 部门预算公开 comes near (the largest real ones are a few MB and a few dozen pages); beyond
  /// them a file is refused at once instead of taking minutes or gigabytes. Stated in the README.
  public enum Limits {
    /// Any input file.
    public static let file = 50 * 1_048_576
    /// A .docx's word/document.xml once inflated.
    public static let docxBody = 64 * 1_048_576
    /// Pages of a PDF.
    public static let pdfPages = 1_000
  }

  public static func tooLarge(name: String, bytes: Int) -> AuditReadError {
    AuditReadError("文件“\(name)”有 \(InputFileSize.megabytes(bytes))，超过审读和导入的上限 \(Limits.file / 1_048_576) MB。部门预算公开文件通常只有几 MB，请确认文件是否正确。")
  }

  public static func read(url: URL) throws -> AuditDocument {
    let name = url.lastPathComponent
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { throw AuditReadError("找不到文件“\(url.path)”。") }
    guard !isDir.boolValue else { throw AuditReadError("“\(url.path)”是目录，不是文件。") }
    if let size = InputFileSize.of(url.path), size > Limits.file { throw tooLarge(name: name, bytes: size) }
    guard let data = FileManager.default.contents(atPath: url.path) else { throw AuditReadError("无法读取文件“\(url.path)”（没有读取权限？）。") }
    return try read(data: data, name: name, url: url)
  }

  /// `url` is needed for PDF (pdftotext reads a file); other formats are read from the bytes.
  public static func read(data: Data, name: String, url: URL? = nil) throws -> AuditDocument {
    guard !data.isEmpty else { throw AuditReadError("文件“\(name)”是空的（0 字节），没有可审读的内容。") }
    guard data.count <= Limits.file else { throw tooLarge(name: name, bytes: data.count) }
    let format = detect(data)
    var blocks: [Block]
    var findings: [Diagnostic] = []
    var spots: [Int: SourceSpot] = [:]
    var headings: [Int: Int] = [:]
    var lostTables = false
    var byPosition = false
    var cellBoxes: [Int: [Box?]] = [:]
    var unreadPages: [Int] = []
    var pageTurns: [Int: Int] = [:]
    var garbledPages: [Int] = []
    var picturedPages: [Int] = []
    switch format {
    case .docx:
      (blocks, findings) = try DocxBlocks.blocks(data, name: name)
    case .xlsx:
      blocks = try XlsxBlocks.blocks(data, name: name)
    case .pdf:
      // poppler reads a file: bytes without one are written to a temporary copy, removed afterwards.
      var fileURL = url
      var temporary: URL? = nil
      if fileURL == nil {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-audit-\(UUID().uuidString).pdf")
        do { try data.write(to: tmp) } catch { throw AuditReadError("无法写入临时文件“\(tmp.path)”，PDF 未能读取。请检查磁盘空间。") }
        fileURL = tmp; temporary = tmp
      }
      defer { if let t = temporary { try? FileManager.default.removeItem(at: t) } }
      var notes: [String] = []
      let pages = try Poppler.pages(fileURL!, name: name, notes: &notes)
      unreadPages = pages.filter { $0.imageOnly || $0.garbled || $0.pictured }.map(\.number)
      picturedPages = pages.filter(\.pictured).map(\.number)
      if !picturedPages.isEmpty {
        findings.append(
          Diagnostic(
            rule: AuditRuleID.readImagePage, severity: .info, table: "文件",
            message:
              "未能核对\(picturedPages.map { "第\($0)页" }.joined(separator: "、"))的大部分：页面上是图片（多半是贴成图片的表格），图中的数字和文字读不出，请对照原件人工核对。凡说“缺少”的提示、与相邻页相连的表的合计都可能涉及这些页。",
            plugin: "audit"))
      }
      garbledPages = pages.filter(\.garbled).map(\.number)
      if !garbledPages.isEmpty {
        findings.append(
          Diagnostic(
            rule: AuditRuleID.readGarbled, severity: .info, table: "文件",
            message: "未能核对\(garbledPages.map { "第\($0)页" }.joined(separator: "、"))：文字层无法识别（嵌入的字体没有文字编码，读出的是乱码），其中的表格和文字未能读出，请对照原件人工核对。凡说“缺少”的提示都可能在这些页中。",
            plugin: "audit"))
      }
      pageTurns = Dictionary(uniqueKeysWithValues: pages.filter { $0.quarterTurns != 0 }.map { ($0.number, $0.quarterTurns) })
      let scanned = pages.filter(\.imageOnly).map(\.number)
      if !scanned.isEmpty {
        findings.append(
          Diagnostic(
            rule: AuditRuleID.readImagePage, severity: .info, table: "文件",
            message: "未能核对\(scanned.map { "第\($0)页" }.joined(separator: "、"))：只有图片、没有文字层（可能是扫描件），其中的表格和文字未能读出，请对照原件人工核对。凡说“缺少”的提示都可能在这些页中。",
            plugin: "audit"))
      }
      let read = PDFBlocks.read(pages)
      byPosition = true
      findings += notes.map { Diagnostic(rule: AuditRuleID.readLanguagePack, severity: .warning, table: "文件", message: $0, plugin: "audit") }
      blocks = read.blocks
      spots = read.spots
      headings = read.headings
      cellBoxes = read.cellBoxes
      findings += read.findings
    case .text:
      let (text, notes) = try TextDecoding.decode(data, name: name)
      findings += notes
      if LayoutTextPages.looksLaidOut(text) {
        // Columns lined up with spaces (pdftotext -layout): read by position, as a PDF's words are.
        let read = LayoutTextPages.read(text)
        byPosition = true
        blocks = read.blocks
        headings = read.headings
        findings += read.findings
      } else {
        blocks = PlainTextBlocks.blocks(text)
        lostTables = PlainTextBlocks.lostTableStructure(text)
      }
    }
    var doc = TableAssembler.assemble(blocks, name: name, format: format, headings: headings)
    if lostTables && !doc.tables.isEmpty {
      // Tables whose cells are one per line are not read at all, rather than read wrong: each is 未能核对.
      for i in doc.tables.indices { doc.tables[i].rows = []; doc.tables[i].headerRows = []; doc.tables[i].notes = [] }
      doc.tablesLost = true
      findings.append(
        Diagnostic(
          rule: AuditRuleID.readTable, severity: .warning, table: "全文", row: nil, column: nil,
          message: "未能核对表格：这份文字像是从 PDF 直接复制的（表格的每个单元格各占一行），行和列已经丢失，无法还原。文字部分照常审读；表格请直接审读 PDF 原件，或用 pdftotext -layout 转换后再审读。",
          plugin: "audit", file: name))
    }
    doc.readFindings = findings + doc.readFindings
    doc.spots = spots
    doc.cellBoxes = cellBoxes
    doc.unreadPages = unreadPages
    doc.pageTurns = pageTurns
    doc.garbledPages = garbledPages
    doc.picturedPages = picturedPages
    doc.readByPosition = byPosition
    guard looksLikeBudgetDocument(doc) else {
      throw AuditReadError("文件“\(name)”中找不到部门预算公开文件的内容（没有“预算”字样、预算表或“第X部分”标题），无法审读。请确认文件是否正确。")
    }
    return doc
  }

  package static func detect(_ data: Data) -> DocumentFormat {
    if data.starts(with: [0x50, 0x4B]) {
      // A workbook (the 部门预算表 attachment) or a Word document: both are zip packages.
      return ZipReader(data: data)?.paths.contains("xl/workbook.xml") == true ? .xlsx : .docx
    }
    if data.starts(with: Array("%PDF".utf8)) { return .pdf }
    return .text
  }

  package static func looksLikeBudgetDocument(_ doc: AuditDocument) -> Bool {
    if !doc.tables.filter({ $0.kind != .other }).isEmpty { return true }
    return doc.paragraphs.contains { $0.text.contains("预算") || Heuristics.isPartHeading($0.text) }
  }
}
