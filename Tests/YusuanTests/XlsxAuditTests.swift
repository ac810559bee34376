import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
@testable import Renderers
@testable import YusuanCore

/// Workbooks of budget tables (the 部门预算表 attachment) audited as they are stored: every sheet, cells exact.
@Suite struct XlsxAuditTests {
  /// The synthetic Shanghai-layout workbook that the PDF tests print: the same cells as its reviewed reading, and
  /// the one planted defect (类 208 printed 1,000.00 above its 款).
  @Test func shanghaiLayoutWorkbookIsReadCellForCell() throws {
    let url = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/pdf/shanghai-layout.xlsx")
    let doc = try DocumentReader.read(url: url)
    #expect(doc.format == .xlsx)
    let t = try #require(doc.tables.first { $0.kind != .other })
    #expect(t.title == "2025年部门支出预算总表" && t.unit == .yuan)
    let expected = TableCSV.parse(
      try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/pdf/shanghai-layout.expected.csv"), encoding: .utf8))
    let (cells, wrong) = PDFReadingTests.compare(expected, [t.columns] + t.rows.map(\.cells), table: "t01")
    #expect(cells == 57 * 5)
    #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    let findings = Auditor.audit(doc, catalog: try PDFReadingTests.catalog(), editions: PDFReadingTests.editions())
    #expect(Set(findings.filter { $0.rule == "audit.sum.parent" }.map(\.row)) == ["208"])
    #expect(!findings.contains { $0.rule == "audit.read.row-short" || $0.rule == "audit.amount.malformed" || $0.rule == "audit.sum.total" })
  }

  /// yusuan's own compiled workbook (one sheet a table, figures stored as numbers): the same tables as the compiled
  /// Word document, and an audit with nothing to say but that the prose is elsewhere.
  @Test func compiledDemoWorkbookPassesTheAudit() throws {
    let wb = try TestSupport.demoWorkbook()
    let compiled = try wb.compile(draft: false)
    let xlsx = try DocumentReader.read(data: try XlsxRenderer.render(compiled), name: "demo.xlsx")
    let docx = try DocumentReader.read(data: try DocxRenderer.render(compiled), name: "demo.docx")
    #expect(xlsx.format == .xlsx && xlsx.tables.count == docx.tables.count && xlsx.tables.count >= 13)
    for (a, b) in zip(xlsx.tables, docx.tables) {
      #expect(a.title == b.title)
      // Figures compared as amounts: the workbook stores 228.7 where the document prints 228.70.
      let values = { (t: AuditTable) in t.rows.map { $0.values.map { $0.value } } }
      #expect(values(a) == values(b), "\(a.title ?? "")")
    }
    let findings = Auditor.audit(xlsx, catalog: try TestSupport.forms.catalog("classification-2024"))
    #expect(findings.filter { $0.severity != .info }.isEmpty, "\(findings.filter { $0.severity != .info }.map { "[\($0.rule)] \($0.message)" })")
    #expect(findings.contains { $0.rule == "audit.required.explanation" && $0.message.contains("未能核对") })
  }

  /// Many departments publish the 预算表 attachment as a PDF printed from Excel: a ruled grid, one table per page,
  /// each project's 绩效目标表 under the same title. Printed by LibreOffice Calc from our compiled workbook, it reads
  /// cell for cell as the workbook itself, each 绩效目标表 a table of its own (two copies of one form, not one table
  /// continued), and audits clean.
  @Test(
    .enabled(
      if: PDFConverter.findSoffice() != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftocairo"),
      "需要 LibreOffice 与 poppler-utils（.ci/run 会安装）"))
  func aWorkbookPrintedToPDFReadsAsTheWorkbook() throws {
    let wb = try TestSupport.demoWorkbook()
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-calc-pdf-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let file = out.appendingPathComponent("demo.xlsx")
    try XlsxRenderer.render(try wb.compile(draft: false)).write(to: file)
    let xlsx = try DocumentReader.read(url: file)
    let pdf = try DocumentReader.read(url: try PDFConverter.convert(file, outputDirectory: out))
    #expect(pdf.format == .pdf && pdf.tables.count == xlsx.tables.count, "\(pdf.tables.map(\.title))")
    #expect(pdf.tables.filter { $0.kind == .performance }.count == 2)
    var cells = 0
    for (a, b) in zip(xlsx.tables, pdf.tables) {
      #expect(a.title == b.title)
      #expect(a.rows.map(\.cells) == b.rows.map(\.cells), "\(a.title ?? "")")
      cells += a.rows.map(\.cells.count).reduce(0, +)
    }
    #expect(cells > 500)
    let findings = Auditor.audit(pdf, catalog: try TestSupport.forms.catalog("classification-2024"))
    #expect(findings.filter { $0.severity != .info }.isEmpty, "\(findings.filter { $0.severity != .info }.map { "[\($0.rule)] \($0.message)" })")
  }

  @Test func binaryNoiseIsTheDisplayedFigure() {
    #expect(XlsxBlocks.cleanNumber("1467842.0000000002") == "1467842.00")
    #expect(XlsxBlocks.cleanNumber("38.199999999999996") == "38.20")
    #expect(XlsxBlocks.cleanNumber("12.345") == "12.345", "a real third decimal stays, to be seen")
    #expect(XlsxBlocks.cleanNumber("0.1234567") == "0.1234567", "not noise: far from a cent")
    #expect(XlsxBlocks.cleanNumber("2010301") == "2010301")
  }
}
