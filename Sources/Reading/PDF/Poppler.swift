import Foundation
import YusuanCore

/// Runs poppler's command-line tools as separate processes (poppler is GPL; a process boundary keeps it out of our
/// binary): `pdftotext -bbox-layout` for words with their boxes, `pdftocairo -svg` for the drawn rules. Both run at
/// once, writing to temporary files (never a pipe a full buffer could block). Missing tools and damaged files are
/// refused with a Chinese message that says what to install or what to try.
package enum Poppler {
  package static func find(_ tool: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"].map { $0.split(separator: ":").map { "\($0)/\(tool)" } } ?? []
    return (path + ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)", "/opt/homebrew/bin/\(tool)"])
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  static let missingMessage =
    "审读 PDF 需要 poppler 工具（pdftotext、pdftocairo），本机未安装。请安装（Debian/Ubuntu：apt-get install poppler-utils poppler-data；macOS：brew install poppler），或改用 .docx/.txt 版本。"

  /// The pages of a PDF with their words and, where the tool is present, their rules. `notes` are poppler's own
  /// warnings that cost text (a CJK font without its language pack), in Chinese.
  static func pages(_ url: URL, name: String, notes: inout [String]) throws -> [PDFPage] {
    guard let pdftotext = find("pdftotext") else { throw AuditReadError(missingMessage) }
    let fm = FileManager.default
    let work = fm.temporaryDirectory.appendingPathComponent("yusuan-pdf-\(UUID().uuidString)")
    do { try fm.createDirectory(at: work, withIntermediateDirectories: true) } catch { throw AuditReadError("无法创建临时目录“\(work.path)”，PDF 未能读取。请检查磁盘空间和临时目录权限。") }
    defer { try? fm.removeItem(at: work) }
    let words = work.appendingPathComponent("words.html")
    let text = try start(pdftotext, ["-bbox-layout", "-enc", "UTF-8", url.path, words.path], work: work, tag: "text")
    // Each page's /Rotate, beside the text: pdftotext places words as the page is displayed but states the unturned
    // page size, so a page turned a quarter has its width and height swapped back (cairo's drawing is as displayed).
    let infoOut = work.appendingPathComponent("info.txt")
    let info = try find("pdfinfo").map {
      try start($0, ["-f", "1", "-l", "\(DocumentReader.Limits.pdfPages)", url.path], work: work, tag: "info", output: infoOut)
    }
    let textStatus = text.wait()
    if textStatus != 0 {
      let err = (try? String(contentsOf: work.appendingPathComponent("text.err"), encoding: .utf8)) ?? ""
      throw AuditReadError("PDF 文件“\(name)”无法读取（pdftotext 退出码 \(textStatus)）：文件可能被截断、加密或已损坏。" + explain(err))
    }
    guard let data = fm.contents(atPath: words.path) else { throw AuditReadError("PDF 文件“\(name)”的文字未能提取。") }
    var pages = BBoxLayout.pages(data)
    for i in pages.indices where GarbledText.isGarbled(pages[i].words) {
      pages[i].garbled = true
      pages[i].words = []
    }
    guard pages.count <= DocumentReader.Limits.pdfPages else {
      throw AuditReadError("PDF 文件“\(name)”有 \(pages.count) 页，超过审读上限 \(DocumentReader.Limits.pdfPages) 页。部门预算公开文件通常只有几十页，请确认文件是否正确。")
    }
    let textErr = (try? String(contentsOf: work.appendingPathComponent("text.err"), encoding: .utf8)) ?? ""
    if textErr.contains("Missing language pack") {
      notes.append("本机的 poppler 缺少中文语言包，文件中用 Adobe-GB1 等字体的文字可能读不出来。请安装后重新审读：apt-get install poppler-data。")
    }
    if let info, info.wait() == 0, let listing = try? String(contentsOf: infoOut, encoding: .utf8) {
      for (page, degrees) in pageRotations(listing) where page >= 1 && page <= pages.count && degrees % 180 == 90 {
        (pages[page - 1].width, pages[page - 1].height) = (pages[page - 1].height, pages[page - 1].width)
      }
    }
    if let cairo = find("pdftocairo"), !pages.isEmpty {
      // The drawing, in chunks of pages of one size (cairo's multi-page SVG lays every page out in the first page's
      // frame, so a landscape page among portrait ones must be its own chunk), two processes at a time.
      var drawn = Array(repeating: SVGPage?.none, count: pages.count)
      let chunks = Self.chunks(pages.map { ($0.width, $0.height) }, processes: 2)
      var k = 0
      while k < chunks.count {
        let batch = chunks[k..<min(k + 2, chunks.count)]
        let running = try batch.map { c -> (ClosedRange<Int>, URL, Running) in
          let out = work.appendingPathComponent("pages-\(c.lowerBound).svg")
          return (
            c, out, try start(cairo, ["-svg", "-f", "\(c.lowerBound)", "-l", "\(c.upperBound)", url.path, out.path], work: work, tag: "svg-\(c.lowerBound)")
          )
        }
        for (c, out, run) in running {
          guard run.wait() == 0, let svg = fm.contents(atPath: out.path) else { continue }
          let parsed = SVGRulings.pages(svg)
          guard parsed.count == c.count else { continue }
          for (i, page) in c.enumerated() { drawn[page - 1] = parsed[i] }
        }
        k += 2
      }
      // Slanted text (a watermark): its characters found alone anywhere are what may be cut off real words.
      let slants = drawn.map { $0.map { Watermark.slanted($0.glyphs) } ?? [] }
      let marks = Set(pages.indices.flatMap { Watermark.alone(pages[$0].words, slant: slants[$0]).flatMap { Array($0.text) } })
      for i in pages.indices {
        guard let d = drawn[i] else { continue }
        pages[i].rulings = d.rulings
        pages[i].downwardSteps += d.downwardSteps
        // A page number or a stamp may be text; a scanned page has no more than that.
        pages[i].imageOnly = d.images > 0 && pages[i].words.count <= 5
        pages[i].pictured = !pages[i].imageOnly && Self.picturesHideContent(d.imageBoxes, words: pages[i].words, width: pages[i].width, height: pages[i].height)
        let hidden = Visibility.hidden(pages[i].words, glyphs: d.glyphs)
        pages[i].hiddenWords = hidden
        pages[i].words.removeAll { hidden.contains($0) }
        (pages[i].words, pages[i].watermarkWords) = Watermark.clean(pages[i].words, slant: slants[i], marks: marks)
      }
    }
    // cairo draws a page turned by /Rotate as displayed, like pdftotext; a page printed sideways is set upright.
    pages = pages.map(SidewaysPage.upright)
    if pages.allSatisfy({ $0.words.isEmpty }), pages.contains(where: \.garbled) {
      throw AuditReadError("PDF 文件“\(name)”的文字层无法识别（嵌入的字体没有文字编码，复制出来是乱码）。请提供 Word 或文本版本，或用原软件重新导出 PDF（嵌入字体时保留文字编码），或先做文字识别（OCR）。")
    }
    if pages.allSatisfy({ $0.words.isEmpty }) {
      throw AuditReadError("PDF 文件“\(name)”中没有可提取的文字（可能是扫描件或图片）。请提供带文字层的 PDF、Word 或文本版本，或先做文字识别（OCR）。")
    }
    return pages
  }

  /// Runs of consecutive pages of one size (1-based, inclusive), the longest split so that `processes` can share
  /// the work.
  static func chunks(_ sizes: [(Double, Double)], processes: Int) -> [ClosedRange<Int>] {
    var runs: [ClosedRange<Int>] = []
    for (i, s) in sizes.enumerated() {
      if let last = runs.last, abs(sizes[last.upperBound - 1].0 - s.0) <= 1, abs(sizes[last.upperBound - 1].1 - s.1) <= 1 {
        runs[runs.count - 1] = last.lowerBound...(i + 1)
      } else {
        runs.append((i + 1)...(i + 1))
      }
    }
    let target = max(4, (sizes.count + processes - 1) / processes)
    return runs.flatMap { r -> [ClosedRange<Int>] in
      stride(from: r.lowerBound, through: r.upperBound, by: target).map { $0...min($0 + target - 1, r.upperBound) }
    }
  }

  /// Pictures that cover at least 40% of the page with at most 3 words over them: a table or a page of text pasted
  /// as a picture. A picture behind text (a letterhead, a background) has the text over it, and a small emblem or
  /// chart covers less.
  static func picturesHideContent(_ boxes: [Box], words: [PDFWord], width: Double, height: Double) -> Bool {
    let page = Box(x0: 0, y0: 0, x1: width, y1: height)
    let clipped = boxes.compactMap { b -> Box? in
      let c = Box(x0: max(b.x0, page.x0), y0: max(b.y0, page.y0), x1: min(b.x1, page.x1), y1: min(b.y1, page.y1))
      return c.width > 0 && c.height > 0 ? c : nil
    }
    guard width > 0, height > 0, let largest = clipped.max(by: { $0.width * $0.height < $1.width * $1.height }) else { return false }
    guard largest.width * largest.height >= 0.4 * width * height else { return false }
    return words.filter { largest.contains(x: $0.box.midX, y: $0.box.midY) }.count <= 3
  }

  /// `Page    N rot:  90` lines of `pdfinfo -f 1 -l N`: each page's /Rotate in degrees (0, 90, 180, 270).
  static func pageRotations(_ listing: String) -> [(page: Int, degrees: Int)] {
    listing.split(separator: "\n").compactMap { line in
      let parts = line.split(separator: " ")
      guard parts.count == 4, parts[0] == "Page", parts[2] == "rot:", let page = Int(parts[1]), let degrees = Int(parts[3]) else { return nil }
      return (page, ((degrees % 360) + 360) % 360)
    }
  }

  /// poppler's own words, translated where we know them; the raw line is never shown to the officer.
  static func explain(_ err: String) -> String {
    if err.contains("Incorrect password") || err.contains("encrypted") { return "文件已加密，请提供未加密的版本。" }
    if err.contains("Missing language pack") { return "缺少 poppler 中文语言包：apt-get install poppler-data。" }
    if err.contains("May not be a PDF file") || err.contains("Couldn't find trailer") { return "文件不是完整的 PDF。" }
    return ""
  }

  struct Running {
    package var process: Process
    package func wait() -> Int32 { process.waitUntilExit(); return process.terminationStatus }
  }

  static func start(_ tool: String, _ arguments: [String], work: URL, tag: String, output: URL? = nil) throws -> Running {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = arguments
    let errURL = work.appendingPathComponent("\(tag).err")
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    p.standardError = try? FileHandle(forWritingTo: errURL)
    if let output {
      FileManager.default.createFile(atPath: output.path, contents: nil)
      p.standardOutput = try? FileHandle(forWritingTo: output)
    } else {
      p.standardOutput = FileHandle.nullDevice
    }
    p.standardInput = FileHandle.nullDevice
    do { try p.run() } catch { throw AuditReadError("无法运行 \(URL(fileURLWithPath: tool).lastPathComponent)，PDF 未能读取。请确认 poppler-utils 安装完整。") }
    return Running(process: p)
  }
}
