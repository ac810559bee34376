import Foundation

/// Extracts the text of a PDF with poppler's `pdftotext -layout`, which keeps table columns apart.
/// Without poppler, or for a scanned PDF without a text layer, it says so instead of guessing.
enum PDFText {
  static func extract(_ url: URL, name: String) throws -> String {
    let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
    let path = ProcessInfo.processInfo.environment["PATH"].map { $0.split(separator: ":").map { "\($0)/pdftotext" } } ?? []
    guard let tool = (path + candidates).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      throw AuditReadError("审读 PDF 需要 pdftotext（poppler-utils），本机未安装。请安装（Debian/Ubuntu：apt-get install poppler-utils；macOS：brew install poppler），或改用 .docx/.txt 版本。")
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = ["-layout", "-enc", "UTF-8", url.path, "-"]
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    do { try p.run() } catch { throw AuditReadError("无法运行 pdftotext：\(error.localizedDescription)") }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    if p.terminationStatus != 0 {
      throw AuditReadError("PDF 文件“\(name)”无法读取（pdftotext 退出码 \(p.terminationStatus)）：文件可能被截断、加密或已损坏。" + (errText.isEmpty ? "" : "\n" + errText.prefix(300)))
    }
    let text = String(decoding: data, as: UTF8.self)
    if text.unicodeScalars.allSatisfy({ CharacterSet.whitespacesAndNewlines.contains($0) || $0 == "\u{0C}" }) {
      throw AuditReadError("PDF 文件“\(name)”中没有可提取的文字（可能是扫描件或图片）。请提供带文字层的 PDF、Word 或文本版本，或先做文字识别（OCR）。")
    }
    return text
  }
}
