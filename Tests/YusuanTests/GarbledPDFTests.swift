import Foundation
import Testing
@testable import Reading
@testable import Audit
import YusuanCore

/// A page whose font has no map to Unicode: pdftotext gives the font's codes (`!"#$%&'()*`) where the page shows
/// text. Such a page is unread, said so, and never read as figures; a file of nothing else is refused.
@Suite(.enabled(if: SidewaysPDFTests.popplerPresent, "需要 poppler-utils（.ci/run 会安装）"))
struct GarbledPDFTests {
  static let text = MiniPDF.lines((1...8).map { "Item \($0) budget 1,234.56 (2025) -3.5%, 12/31" }, height: 595)
  static let garbage = MiniPDF.lines(Array(repeating: "!\\\"#$%&'()*!\\\"#$%&'()*", count: 8), font: "F2", height: 595)

  @Test func aGarbledPageIsUnreadAndItsNeighbourIsRead() throws {
    let pdf = MiniPDF.data([MiniPDF.Page(content: Self.text), MiniPDF.Page(content: Self.garbage)])
    let pages = try MiniPDF.withFile(pdf) { url in
      var notes: [String] = []
      return try Poppler.pages(url, name: "mixed.pdf", notes: &notes)
    }
    #expect(pages.map(\.garbled) == [false, true])
    #expect(pages[1].words.isEmpty, "no code is read as a word")
    #expect(pages[0].words.contains { $0.text == "1,234.56" }, "figures, dates and signs are text")
  }

  @Test func aFileOfGarbledPagesIsRefusedWithTheReason() throws {
    let pdf = MiniPDF.data([MiniPDF.Page(content: Self.garbage)])
    let r = try MiniPDF.withFile(pdf) { try CLI.run(["audit", $0.path]) }
    #expect(r.status == 2)
    #expect(r.stderr.contains("文字层无法识别"), "\(r.stderr)")
  }

  /// The share that makes a page garbled: 30% of its characters, counted over at least 20.
  @Test func theThreshold() {
    func words(_ s: String) -> [PDFWord] { [PDFWord(text: s, box: Box(x0: 0, y0: 0, x1: 1, y1: 1))] }
    #expect(!GarbledText.isGarbled(words("!#$&")), "too few characters to judge")
    #expect(GarbledText.isGarbled(words(String(repeating: "预算支出#$", count: 4))))
    #expect(!GarbledText.isGarbled(words(String(repeating: "预算支出12#", count: 4))))
    #expect(GarbledText.isGarbled(words(String(repeating: "\u{E001}\u{E002}预算", count: 6))))
  }
}

extension GarbledPDFTests {
  /// What a garbled page may hold is not called missing: the 2021 seed's missing 三公 table becomes 未能核对, with the
  /// reason the page was not read.
  @Test func whatIsMissingMayBeOnTheGarbledPage() throws {
    var doc = try DocumentReader.read(url: AuditSeedTests.seeds.appendingPathComponent("001_d4b356eb47825e97.txt"))
    doc.unreadPages = [3, 7]
    doc.garbledPages = [7]
    let findings = Auditor.audit(doc, catalog: try TestSupport.forms.catalog("classification-2024"))
    let missing = try #require(
      findings.first { $0.rule == "audit.required.table" && $0.message.contains("三公") },
      "\(findings.filter { $0.rule.hasPrefix("audit.required") }.map(\.message))")
    #expect(missing.severity == .info)
    #expect(missing.message.hasPrefix("未能核对："))
    #expect(missing.message.contains("第3页只有图片，第7页的文字无法识别"), "\(missing.message)")
  }
}

extension GarbledPDFTests {
  /// A table pasted as a picture under its typed title, unit and notes: more than a scan's few words, but the
  /// picture covers most of the page with nothing typed over it, so the page is unread. A picture behind typed
  /// text (a letterhead, a background) leaves the page read.
  @Test func aPageThatIsMostlyAPictureIsUnread() throws {
    // A 2 × 2 grey image drawn 700 × 400 pt (inline image: cairo writes it as an SVG image with its placement).
    let picture = "q 700 0 0 400 70 60 cm BI /W 2 /H 2 /CS /G /BPC 8 ID @``@ EI Q\n"
    let words = MiniPDF.lines(
      [
        "Revenue budget 2025, table 2", "Unit: yuan   Department: Example", "Note: figures from the budget system",
        "Source: finance bureau",
      ], height: 595)
    let typedOver = MiniPDF.lines((1...12).map { "Line \($0) of prose typed over a background picture" }, height: 595)
    let pdf = MiniPDF.data([MiniPDF.Page(content: picture + words), MiniPDF.Page(content: picture + typedOver)])
    let pages = try MiniPDF.withFile(pdf) { url in
      var notes: [String] = []
      return try Poppler.pages(url, name: "pictured.pdf", notes: &notes)
    }
    #expect(pages.map(\.pictured) == [true, false])
    #expect(pages.map(\.imageOnly) == [false, false])
  }
}

extension GarbledPDFTests {
  /// A line one table has and the other lacks may be on an unread page: 未能核对. Two codes printed for one line
  /// are both read, and stay a warning.
  @Test func aMissingLineBesideAnUnreadPageIsUnsure() {
    let missing = Diagnostic(
      rule: "audit.cross.row-code", severity: .warning, table: "《收入总表》", row: "2010301", column: nil,
      message: "《支出总表》有科目 2010301，《收入总表》中没有这一行。", expected: "2010301", actual: "无", plugin: "audit")
    let soft = Auditor.unsure(missing, pages: [9], why: "第9页大部分是图片、未能读出，所缺的可能在其中")
    #expect(soft.severity == .info && soft.message.hasPrefix("未能核对："))
    var twoCodes = missing
    twoCodes.actual = "2050505"
    #expect(Auditor.unsure(twoCodes, pages: [9], why: "x").severity == .warning)
  }
}
