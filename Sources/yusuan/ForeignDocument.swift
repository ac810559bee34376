import Audit
import Import
import Reading
import Foundation
import Renderers
import YusuanCore

/// Published documents in formats yusuan reads only through LibreOffice: old Word and Excel files (.doc, .xls, and
/// WPS's .wps/.et, all OLE2 compound files), RTF, web pages saved from a government site (.html) and OpenDocument
/// (.odt/.ods). They are converted to .docx or .xlsx in a temporary folder, which the readers then read as any other;
/// the report says so. Without LibreOffice the officer is told how to save the file in a readable format.
enum ForeignDocument {
  struct Plan {
    /// soffice's target (`docx:MS Word 2007 XML`), and what the file is, in words for the officer.
    var format: String
    var described: String
  }

  /// What to convert the file to, or nil when yusuan reads it as it is (text, .docx, .xlsx, PDF).
  static func plan(_ url: URL) -> Plan? {
    guard let handle = try? FileHandle(forReadingFrom: url), let head = try? handle.read(upToCount: 4096) else { return nil }
    try? handle.close()
    let ext = url.pathExtension.lowercased()
    let word = "docx:MS Word 2007 XML", sheet = "xlsx:Calc MS Excel 2007 XML"
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      if ["xls", "et", "xlt", "ett"].contains(ext) { return Plan(format: sheet, described: "旧版 Excel（.\(ext)）") }
      return Plan(format: word, described: ["doc", "wps", "dot", "wpt"].contains(ext) ? "旧版 Word（.\(ext)）" : "旧版 Office 文件")
    }
    if head.starts(with: Array("{\\rtf".utf8)) { return Plan(format: word, described: "RTF 文档") }
    // OpenDocument: a zip whose first entry, stored, is `mimetype`.
    if head.count > 80, head.starts(with: [0x50, 0x4B, 0x03, 0x04]), String(decoding: head[30..<38], as: UTF8.self) == "mimetype" {
      let type = String(decoding: head[38..<min(head.count, 120)], as: UTF8.self)
      if type.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") { return Plan(format: sheet, described: "OpenDocument 表格（.ods）") }
      if type.hasPrefix("application/vnd.oasis.opendocument.text") { return Plan(format: word, described: "OpenDocument 文档（.odt）") }
    }
    let text = String(decoding: head.prefix(2048), as: UTF8.self).lowercased()
    let start = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
    if start.hasPrefix("<"), text.contains("<html") || text.contains("<table") || text.contains("<!doctype html") {
      return Plan(format: word, described: "网页（HTML）")
    }
    return nil
  }

  /// The document `audit` and `import` read: `path` itself, or its conversion through LibreOffice in a scratch
  /// folder removed afterwards (the note said on standard error, findings naming the officer's file, not the
  /// conversion). The reader's own errors are thrown as they are.
  static func read(_ path: String) throws -> AuditDocument {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-convert-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let input = try readable(path, scratch: scratch)
    guard let note = input.note else { return try DocumentReader.read(url: input.url) }
    Output.err(note + "\n")
    return try DocumentReader.read(data: try Data(contentsOf: input.url), name: URL(fileURLWithPath: path).lastPathComponent, url: input.url)
  }

  /// The file to read: `path` itself, or its conversion in `scratch` (the caller removes it), with a note to print.
  static func readable(_ path: String, scratch: URL) throws -> (url: URL, note: String?) {
    let url = URL(fileURLWithPath: path)
    guard let plan = plan(url) else { return (url, nil) }
    // The file limit of audit and import holds before the conversion too (LibreOffice would take any size).
    if let size = InputFileSize.of(path), size > DocumentReader.Limits.file {
      throw CLIFailure.input(DocumentReader.tooLarge(name: url.lastPathComponent, bytes: size).message)
    }
    let target = plan.format.hasPrefix("xlsx") ? ".xlsx" : ".docx"
    guard PDFConverter.findSoffice() != nil else {
      throw CLIFailure.input(
        "“\(url.lastPathComponent)”是\(plan.described)，需要 LibreOffice 才能读取（apt-get install libreoffice-writer-nogui libreoffice-calc-nogui）。也可以在 Word、WPS 或 Excel 中另存为 \(target) 或 PDF 后再审读。"
      )
    }
    do {
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
      let converted = try PDFConverter.convert(url, outputDirectory: scratch, format: plan.format)
      return (converted, "“\(url.lastPathComponent)”是\(plan.described)，已用 LibreOffice 转为 \(target) 后读取；行号为转换后文件中的段落或行。")
    } catch {
      throw CLIFailure.input(
        "“\(url.lastPathComponent)”是\(plan.described)，用 LibreOffice 转换失败：\(ErrorText.describe(error))。请在 Word、WPS 或 Excel 中另存为 \(target) 或 PDF 后再审读。")
    }
  }
}
