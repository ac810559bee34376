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
