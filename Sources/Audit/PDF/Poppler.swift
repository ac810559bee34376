import Foundation
import YusuanCore

/// Runs poppler's command-line tools as separate processes (poppler is GPL; a process boundary keeps it out of our
/// binary): `pdftotext -bbox-layout` for words with their boxes, `pdftocairo -svg` for the drawn rules. Both run at
/// once, writing to temporary files (never a pipe a full buffer could block). Missing tools and damaged files are
/// refused with a Chinese message that says what to install or what to try.
enum Poppler {
  static func find(_ tool: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"].map { $0.split(separator: ":").map { "\($0)/\(tool)" } } ?? []
    return (path + ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)", "/opt/homebrew/bin/\(tool)"])
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  static let missingMessage = "审读 PDF 需要 poppler 工具（pdftotext、pdftocairo），本机未安装。请安装（Debian/Ubuntu：apt-get install poppler-utils poppler-data；macOS：brew install poppler），或改用 .docx/.txt 版本。"

  /// The pages of a PDF with their words and, where the tool is present, their rules.
  static func pages(_ url: URL, name: String) throws -> [PDFPage] {
    guard let pdftotext = find("pdftotext") else { throw AuditReadError(missingMessage) }
    let fm = FileManager.default
    let work = fm.temporaryDirectory.appendingPathComponent("yusuan-pdf-\(UUID().uuidString)")
    do { try fm.createDirectory(at: work, withIntermediateDirectories: true) }
    catch { throw AuditReadError("无法创建临时目录“\(work.path)”，PDF 未能读取。请检查磁盘空间和临时目录权限。") }
    defer { try? fm.removeItem(at: work) }
    let words = work.appendingPathComponent("words.html"), svg = work.appendingPathComponent("rules.svg")
    let text = try start(pdftotext, ["-bbox-layout", "-enc", "UTF-8", url.path, words.path], work: work, tag: "text")
    let cairo = try find("pdftocairo").map { try start($0, ["-svg", url.path, svg.path], work: work, tag: "svg") }
    let textStatus = text.wait()
    let cairoStatus = cairo?.wait()
    if textStatus != 0 {
      let err = (try? String(contentsOf: work.appendingPathComponent("text.err"), encoding: .utf8)) ?? ""
      throw AuditReadError("PDF 文件“\(name)”无法读取（pdftotext 退出码 \(textStatus)）：文件可能被截断、加密或已损坏。" + explain(err))
    }
    guard let data = fm.contents(atPath: words.path) else { throw AuditReadError("PDF 文件“\(name)”的文字未能提取。") }
    var pages = BBoxLayout.pages(data)
    if cairoStatus == 0, let svgData = fm.contents(atPath: svg.path) {
      var drawn = SVGRulings.pages(svgData)
      // Cairo's multi-page SVG lays every page out in the first page's frame: a page of another size (a landscape
      // table page in a portrait document) is drawn again on its own.
      if let cairoPath = find("pdftocairo"), drawn.count == pages.count, let first = pages.first {
        let odd = pages.filter { abs($0.width - first.width) > 1 || abs($0.height - first.height) > 1 }.map(\.number)
        for n in odd {
          let one = work.appendingPathComponent("page-\(n).svg")
          let run = try start(cairoPath, ["-svg", "-f", "\(n)", "-l", "\(n)", url.path, one.path], work: work, tag: "svg-\(n)")
          if run.wait() == 0, let data = fm.contents(atPath: one.path), let page = SVGRulings.pages(data).first { drawn[n - 1] = page }
        }
      }
      // Only when the two tools agree on the page count can drawings be matched to pages.
      if drawn.count == pages.count {
        for k in pages.indices {
          pages[k].rulings = drawn[k].rulings
          let hidden = Visibility.hidden(pages[k].words, glyphs: drawn[k].glyphs)
          pages[k].hiddenWords = hidden
          pages[k].words.removeAll { hidden.contains($0) }
        }
      }
    }
    if pages.allSatisfy({ $0.words.isEmpty }) {
      throw AuditReadError("PDF 文件“\(name)”中没有可提取的文字（可能是扫描件或图片）。请提供带文字层的 PDF、Word 或文本版本，或先做文字识别（OCR）。")
    }
    return pages
  }

  /// poppler's own words, translated where we know them; the raw line is never shown to the officer.
  static func explain(_ err: String) -> String {
    if err.contains("Incorrect password") || err.contains("encrypted") { return "文件已加密，请提供未加密的版本。" }
    if err.contains("Missing language pack") { return "缺少 poppler 中文语言包：apt-get install poppler-data。" }
    if err.contains("May not be a PDF file") || err.contains("Couldn't find trailer") { return "文件不是完整的 PDF。" }
    return ""
  }

  struct Running {
    var process: Process
    func wait() -> Int32 { process.waitUntilExit(); return process.terminationStatus }
  }

  static func start(_ tool: String, _ arguments: [String], work: URL, tag: String) throws -> Running {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = arguments
    let errURL = work.appendingPathComponent("\(tag).err")
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    p.standardError = try? FileHandle(forWritingTo: errURL)
    p.standardOutput = FileHandle.nullDevice
    p.standardInput = FileHandle.nullDevice
    do { try p.run() } catch { throw AuditReadError("无法运行 \(URL(fileURLWithPath: tool).lastPathComponent)，PDF 未能读取。请确认 poppler-utils 安装完整。") }
    return Running(process: p)
  }
}
