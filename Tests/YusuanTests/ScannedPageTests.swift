import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
@testable import Renderers
@testable import YusuanCore

/// A PDF with a scanned page (an image, no text layer) among text pages. Tests/Fixtures/pdf/scanned-page.pdf is the
/// synthetic Shanghai-layout workbook printed by LibreOffice (3 pages) with its page 2 replaced by a 60 dpi image of
/// itself (pdfseparate, pdftoppm, PIL, pdfunite; recipe in scripts/make-pdf-fixtures.py). Its table runs over all three.
@Suite(.enabled(if: PDFReadingTests.popplerPresent, "需要 poppler-utils（.ci/run 会安装）"))
struct ScannedPageTests {
  @Test func aScannedPageIsSaidUnreadAndNothingIsCalledMissing() throws {
    let doc = try DocumentReader.read(url: TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/pdf/scanned-page.pdf"))
    #expect(doc.unreadPages == [2])
    let findings = Auditor.audit(doc, catalog: try PDFReadingTests.catalog(), editions: PDFReadingTests.editions())
    #expect(findings.contains { $0.rule == "audit.read.image-page" && $0.message.contains("第2页") })
    // Rows of the table are on the unread page: its sums, and whatever is "missing", are not checked — said so.
    #expect(findings.filter { $0.severity != .info }.isEmpty, "\(findings.filter { $0.severity != .info }.map { "[\($0.rule)] \($0.message)" })")
    let soft = findings.filter { $0.rule == "audit.sum.parent" || $0.rule == "audit.required.three-public" }
    #expect(!soft.isEmpty && soft.allSatisfy { $0.message.hasPrefix("未能核对：") && $0.message.contains("第2页只有图片") })
    // The text pages are still read: the table's first rows are there.
    #expect(doc.tables.first?.rows.first?.cells.first == "201")
  }

  /// The same workbook printed whole: no page is unread, and the planted defect is an error again.
  @Test(.enabled(if: PDFReadingTests.sofficePresent, "需要 LibreOffice（.ci/run 会安装）"))
  func withoutScannedPagesNothingIsSoftened() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-scan-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let pdf = try PDFConverter.convert(TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/pdf/shanghai-layout.xlsx"), outputDirectory: out)
    let doc = try DocumentReader.read(url: pdf)
    #expect(doc.unreadPages.isEmpty)
    let findings = Auditor.audit(doc, catalog: try PDFReadingTests.catalog(), editions: PDFReadingTests.editions())
    #expect(findings.contains { $0.rule == "audit.sum.parent" && $0.severity == .error })
  }
}
