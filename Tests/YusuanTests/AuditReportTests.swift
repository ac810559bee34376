import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
@testable import Renderers
@testable import YusuanCore

/// `audit --format html`: the pure renderer on a synthetic document (escaping, one crop per page finding, the spot's
/// frame where the box is, counts, ledger), and the real binary on a PDF made by LibreOffice.
@Suite struct AuditReportTests {
  /// A document with one table read from page 2, in 元.
  static func document() -> AuditDocument {
    let rows = [
      AuditRow(number: 1, line: 10, cells: ["208", "社会保障和就业支出", "4,214,779.28"], sourceCellCount: 3),
      AuditRow(number: 2, line: 11, cells: ["20805", "行政事业单位养老支出", "4,213,779.28"], sourceCellCount: 3),
    ]
    let table = AuditTable(
      index: 1, title: "2025年部门支出预算总表", label: nil, number: nil, unit: .yuan, headerRows: [],
      rows: rows, notes: [], line: 9, kind: .expenditure, columns: ["科目编码", "科目名称", "合计"])
    var doc = AuditDocument(name: "示例<区>.pdf", format: .pdf, tables: [table])
    doc.spots = [
      10: SourceSpot(line: 10, page: 2, box: Box(x0: 100, y0: 400, x1: 300, y1: 418)),
      11: SourceSpot(line: 11, page: 2, box: Box(x0: 100, y0: 418, x1: 300, y1: 436)),
    ]
    return doc
  }

  static let findings = [
    Diagnostic(rule: "audit.read.template", severity: .info, table: "全文", message: "按通用要求（财预〔2016〕143号）审读。"),
    Diagnostic(
      rule: "audit.sum.parent", severity: .error, table: "《部门支出预算总表》", row: "208", column: "合计",
      message: "类 208 的合计不等于其下各款之和。", expected: "4213779.28", actual: "4214779.28", page: 2,
      box: Box(x0: 100, y0: 400, x1: 300, y1: 418)),
    Diagnostic(rule: "audit.required.explanation", severity: .warning, table: "全文", message: "没有政府采购情况的说明。"),
    Diagnostic(
      rule: "audit.text.residue", severity: .info, message: "文字中有 <script>alert(\"x\")</script> & 模板残留。",
      expected: "a<b", actual: "'c'", file: "示例<区>.pdf", line: 7),
    Diagnostic(rule: "audit.code.unknown", severity: .info, table: "全文", message: "未能核对 3 个科目编码：不在附带的目录中。"),
  ]

  /// A white A4 page at 72 dpi (one pixel a point) with a printed line inside the box and one the band cuts through.
  static func page() -> PageRaster {
    var r = PageRaster.blank(page: 2, widthPoints: 595, heightPoints: 842)
    func ink(_ ys: Range<Int>, _ xs: Range<Int>) { for y in ys { for x in xs { r.pixels[y * r.width + x] = 0 } } }
    ink(404..<414, 110..<290)  // the row's text
    ink(272..<284, 60..<500)  // a line the band (400 − 2 − 120 = 278) would cut in half
    ink(300..<310, 60..<540)  // another line above the spot
    return r
  }

  static func overlays(_ html: String) -> [[Double]] {
    let pattern = #/class="spot" style="left:([0-9.]+)%;top:([0-9.]+)%;width:([0-9.]+)%;height:([0-9.]+)%"/#
    return html.matches(of: pattern).map { [Double($0.1)!, Double($0.2)!, Double($0.3)!, Double($0.4)!] }
  }

  @Test func reportIsEscapedCountedAndBoxesTheSpot() throws {
    let doc = Self.document(), raster = Self.page()
    let html = AuditHTMLReport.render(doc, findings: Self.findings, pages: [2: raster])
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<html lang=\"zh-CN\">"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    // Escaped everywhere: the message, the expected/actual values, the file name.
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 模板残留"))
    #expect(html.contains("a&lt;b") && html.contains("&apos;c&apos;"))
    #expect(html.contains("示例&lt;区&gt;.pdf") && !html.contains("示例<区>"))
    // Header: counts and the template line.
    #expect(html.contains("错误 1 条") && html.contains("警告 1 条") && html.contains("提示 3 条"))
    #expect(html.contains("<p class=\"template\">按通用要求（财预〔2016〕143号）审读。</p>"))
    // Errors first, then warnings, then info.
    let e = try #require(html.range(of: "<h2>错误（1 条）</h2>")), w = try #require(html.range(of: "<h2>警告（1 条）</h2>"))
    let i = try #require(html.range(of: "<h2>提示（3 条）</h2>"))
    #expect(e.lowerBound < w.lowerBound && w.lowerBound < i.lowerBound)
    // One crop, for the one finding with page and box; the document-level findings have none.
    #expect(html.components(separatedBy: "<img").count - 1 == 1)
    #expect(html.components(separatedBy: "data:image/png;base64,").count - 1 == 1)
    #expect(!html.contains("src=\"http") && !html.contains("href=") && !html.contains("<link") && !html.contains("<script"))
    #expect(html.contains("第2页 · 《部门支出预算总表》 · 行 208 · 列 合计"))
    #expect(html.contains("示例&lt;区&gt;.pdf:7"))
    #expect(html.contains("应为：<b>4213779.28</b>") && html.contains("实际：<b>4214779.28</b>"))

    // The crop: the half-cut line at the band's top edge is left out (the edge moves to the gap below it), the
    // blank paper below is trimmed, and the frame encloses the row's printed text.
    let crop = try #require(AuditHTMLReport.crop(Box(x0: 100, y0: 400, x1: 300, y1: 418), on: raster))
    #expect(crop.rows.lowerBound >= 284 && crop.rows.lowerBound < 300, "top edge \(crop.rows)")
    #expect(crop.rows.upperBound <= 420 + 12 + 1, "blank paper below trimmed: \(crop.rows)")
    #expect(crop.columns.lowerBound == 60 - 12 && crop.columns.upperBound == 540 + 12)
    let frame = try #require(Self.overlays(html).first)
    let h = Double(crop.rows.count), wd = Double(crop.columns.count)
    let top = Double(crop.rows.lowerBound) + frame[1] / 100 * h, bottom = top + frame[3] / 100 * h
    let left = Double(crop.columns.lowerBound) + frame[0] / 100 * wd, right = left + frame[2] / 100 * wd
    #expect(abs(top - 398) < 0.1 && abs(bottom - 420) < 0.1, "frame rows \(top)…\(bottom)")
    #expect(abs(left - 98) < 0.1 && abs(right - 302) < 0.1, "frame columns \(left)…\(right)")
    #expect(top <= 404 && bottom >= 414 && left <= 110 && right >= 290, "the printed row is inside the frame")
    // The embedded PNG is the crop: signature, and IHDR's size equals the crop's.
    let b64 = try #require(html.firstMatch(of: #/data:image/png;base64,([A-Za-z0-9+\/=]+)"/#)).1
    let png = [UInt8](try #require(Data(base64Encoded: String(b64))))
    #expect(png.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    func be32(_ at: Int) -> Int { png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
    #expect(be32(16) == crop.columns.count && be32(20) == crop.rows.count)
    #expect(html.contains("width=\"\(crop.columns.count)\" height=\"\(crop.rows.count)\""))

    // The ledger, last: the table with its unit and page, and what could not be checked (not the template line).
    let ledger = try #require(html.range(of: "<section class=\"ledger\">"))
    #expect(ledger.lowerBound > i.lowerBound)
    let tail = String(html[ledger.lowerBound...])
    #expect(tail.contains("读出的表（1 张）"))
    #expect(tail.contains("<td>2025年部门支出预算总表</td><td>元</td><td>2</td><td>2</td>"))
    #expect(tail.contains("未能核对的部分（1 条）"))
    #expect(tail.contains("未能核对 3 个科目编码") && !tail.contains("按通用要求"))
  }

  @Test func withoutRenderedPagesTheReportSaysWhyOnce() {
    let why = PageRenderer.missingMessage
    let html = AuditHTMLReport.render(Self.document(), findings: Self.findings, pages: [:], renderProblem: why)
    #expect(!html.contains("<img"))
    #expect(html.components(separatedBy: why).count - 1 == 1)
    #expect(html.contains("第2页 · 《部门支出预算总表》"), "the finding keeps its page without a crop")
  }

  @Test func boxesAtThePageEdgesStayInsideTheCrop() throws {
    let raster = PageRaster.blank(page: 1, widthPoints: 595, heightPoints: 842)
    for box in [Box(x0: 0, y0: 0, x1: 595, y1: 12), Box(x0: 500, y0: 830, x1: 600, y1: 850)] {
      let crop = try #require(AuditHTMLReport.crop(box, on: raster))
      #expect(crop.rows.lowerBound >= 0 && crop.rows.upperBound <= raster.height)
      #expect(crop.spot.x0 >= 0 && crop.spot.y0 >= 0 && crop.spot.x1 <= 1.0001 && crop.spot.y1 <= 1.0001, "\(crop.spot)")
    }
    #expect(AuditHTMLReport.crop(Box(x0: 700, y0: 900, x1: 800, y1: 950), on: raster) == nil, "a box off the page gets no crop")
  }

  @Test func emptyAuditAndPageRanges() {
    let html = AuditHTMLReport.render(AuditDocument(name: "a.txt", format: .text), findings: [])
    #expect(html.contains("未发现问题。") && html.contains("读出的表（0 张）") && html.contains("没有报告未能核对的部分。"))
    #expect(AuditHTMLReport.pageRanges([3, 5, 6, 7, 9]) == "3、5–7、9")
  }

  // MARK: The real binary

  @Test func htmlNeedsAnOutputFile() throws {
    let doc = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/audit/nanhu-2025-clean.txt").path
    let r = try CLI.run(["audit", doc, "--format", "html"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("--format html 需要用 --out 指定报告文件"))
    #expect(r.stdout.isEmpty)
  }

  @Test func textDocumentReportHasLinesAndNoCrops() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("报告.html")
    let doc = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/audit/jiangbei-2025-yuan.txt").path
    let r = try CLI.run(["audit", doc, "--format", "html", "--out", out.path])
    #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("审读报告已写到"))
    let html = try String(contentsOf: out, encoding: .utf8)
    #expect(html.contains("格式：文本"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("页面截图"), "a text document needs no pdftoppm and says nothing about it")
  }

  @Test(
    .enabled(
      if: PDFReadingTests.popplerPresent && Poppler.find("pdftoppm") != nil && PDFReadingTests.sofficePresent,
      "需要 poppler-utils（pdftotext、pdftocairo、pdftoppm）与 LibreOffice（.ci/run 会安装）"))
  func pdfReportIsSelfContainedWithCrops() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-report-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let pdf = try PDFConverter.convert(TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/pdf/shanghai-layout.xlsx"), outputDirectory: dir)
    let out = dir.appendingPathComponent("report.html")
    let r = try CLI.run(["audit", pdf.path, "--format", "html", "--out", out.path])
    #expect(r.status == 1, "the planted 类 208 error: \(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: out.path))
    let html = try String(contentsOf: out, encoding: .utf8)
    #expect(html.contains("<html lang=\"zh-CN\">"))
    #expect(!html.contains("src=\"http") && !html.contains("<link") && !html.contains("<script"))
    #expect(html.contains("data:image/png;base64,"))
    #expect(html.contains("audit.sum.parent") && html.contains("行 208"))
    // As many crops as findings with page and box (the JSON says which).
    let json = try CLI.run(["audit", pdf.path, "--format", "json"])
    let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let located = array.filter { $0["page"] != nil && $0["box"] != nil }
    #expect(located.count >= 2)
    #expect(html.components(separatedBy: "<img").count - 1 == located.count)
    #expect(!html.contains(PageRenderer.missingMessage))
    #expect(html.contains("2025年部门支出预算总表</td><td>元</td>"))

    // A page that cannot be rendered is named once; the others are rendered (gray, 110 dpi, A4 landscape or portrait).
    let rendered = PageRenderer.render(pdf: pdf, pages: [1, 999])
    let first = try #require(rendered.pages[1])
    #expect(abs(first.pixelsPerPoint - 110.0 / 72) < 1e-9)
    #expect(min(first.widthPoints, first.heightPoints) > 590 && max(first.widthPoints, first.heightPoints) < 845)
    #expect(first.pixels.contains { $0 < 128 }, "the page has ink")
    #expect(rendered.pages[999] == nil)
    #expect(rendered.problem?.contains("第999页") == true)
  }
}
