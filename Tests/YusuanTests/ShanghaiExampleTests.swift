import Foundation
import Testing
@testable import Audit
@testable import Renderers
@testable import Workbench
@testable import YusuanCore

/// The 上海市普陀区人民政府办公室 2025年部门预算 (examples/putuo-zhengfuban-2025) compiled under shanghai-2025-dept:
/// every table figure equals the reviewed reading of the published PDF (Tests/Fixtures/readings/…/t01–t09.csv),
/// and the audit of the compiled Word document finds no error or warning.
struct ShanghaiExampleTests {
  static func compiled() throws -> PublishedDocument {
    try ExampleTests.workbook("putuo-zhengfuban-2025", department: "上海市普陀区人民政府办公室", year: 2025, edition: "shanghai-2025-dept").compile(draft: false)
  }

  /// A compiled row as the readings write it: split 类/款/项 cells joined into one 科目编码, figures without
  /// thousands separators.
  static func readingRow(_ t: DocTable, _ row: TableRow, codeColumns: Int) -> [String] {
    let texts = row.cells.map { t.text($0).replacingOccurrences(of: ",", with: "") }
    guard codeColumns > 1 else { return texts }
    return [texts.prefix(codeColumns).joined()] + texts.dropFirst(codeColumns)
  }

  @Test func everyTableFigureEqualsThePublishedDocument() throws {
    let doc = try Self.compiled()
    let edition = try TestSupport.forms.edition("shanghai-2025-dept")
    let printed = edition.tables.sorted { $0.number < $1.number }
    let tables = doc.parts.flatMap(\.blocks).compactMap { if case .table(let t) = $0 { t } else { nil } }
    #expect(tables.map(\.id) == printed.map(\.id.rawValue))
    let dir = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/readings/shanghai-putuo-zhengfuban-2025-dept")
    let titles = TableCSV.parse(try String(contentsOf: dir.appendingPathComponent("tables.csv"), encoding: .utf8)).dropFirst()
    var compared = 0
    for (i, (t, spec)) in zip(tables, printed).enumerated() {
      // Titles and units as printed.
      let title = Array(titles)[i]
      #expect(t.title == title[1], "table \(i + 1)")
      #expect(t.unit.hasSuffix(title[2]) && t.preparer == "编制部门：上海市普陀区人民政府办公室")
      let expected = Array(TableCSV.parse(try String(contentsOf: dir.appendingPathComponent(String(format: "t%02d.csv", i + 1)), encoding: .utf8)).dropFirst())
      guard !t.isEmpty else {
        // The two empty tables print no figure in either (the PDF only a blank 合计 row).
        #expect(expected.allSatisfy { $0.allSatisfy { $0.isEmpty || $0 == "合计" } })
        #expect(t.note == "注：" + (title[5].hasPrefix("注:") ? String(title[5].dropFirst(2)) : title[5]))
        continue
      }
      let rows = t.rows.map { Self.readingRow(t, $0, codeColumns: spec.codeColumns ?? 1) }
      #expect(rows.count == expected.count, "table \(i + 1): \(rows.count) rows, the PDF \(expected.count)")
      for (r, (got, want)) in zip(rows, expected).enumerated() {
        #expect(got.count == want.count, "table \(i + 1) row \(r + 1)")
        for (c, (g, w)) in zip(got, want).enumerated() {
          if Decimal(string: w) != nil && !w.isEmpty && w.allSatisfy({ $0.isNumber || $0 == "." }) && w.contains(".") {
            compared += 1
            #expect(g == w, "table \(i + 1) row \(r + 1) column \(c + 1): \(g) ≠ \(w)")
          } else {
            #expect(g == w, "table \(i + 1) row \(r + 1) column \(c + 1): “\(g)” ≠ “\(w)”")
          }
        }
      }
    }
    // 221 figures in the nine tables of the PDF (checks.md), every one compared.
    #expect(compared == 221)
  }

  @Test func theCompiledDocumentPassesTheAudit() throws {
    let doc = try Self.compiled()
    let read = try DocumentReader.read(data: try DocxRenderer.render(doc), name: "putuo.docx")
    let findings = Auditor.audit(read, catalog: try TestSupport.forms.catalog("classification-2024"), editions: PDFReadingTests.editions())
    #expect(findings.filter { $0.severity != .info }.isEmpty, "\(findings.filter { $0.severity != .info }.map { "[\($0.rule)] \($0.message)" })")
    #expect(read.tables.filter { $0.kind != .other }.count == 9)
  }

  /// Printed to PDF by LibreOffice and read back: judged by its own edition, no error, warning or note beyond that,
  /// and each numbered glossary entry ((一)财政拨款收入：是…, two lines) read as one paragraph.
  @Test(.enabled(if: PDFReadingTests.popplerPresent && PDFReadingTests.sofficePresent, "需要 poppler-utils 与 LibreOffice（.ci/run 会安装）"))
  func theCompiledPDFPassesTheAudit() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-putuo-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let docx = out.appendingPathComponent("putuo.docx")
    try DocxRenderer.render(try Self.compiled()).write(to: docx)
    let read = try DocumentReader.read(url: try PDFConverter.convert(docx: docx, outputDirectory: out))
    let findings = Auditor.audit(read, catalog: try TestSupport.forms.catalog("classification-harvested"), editions: PDFReadingTests.editions())
    #expect(findings.filter { $0.rule != "audit.read.template" }.isEmpty, "\(findings.map { "[\($0.rule)] \($0.message)" })")
    #expect(findings.contains { $0.rule == "audit.read.template" && $0.message.contains("shanghai-2025-dept") })
    let glossary = read.paragraphs.filter { $0.text.hasPrefix("（") && $0.text.contains("：") && $0.text.count > 40 }
    #expect(glossary.count >= 7 && glossary.allSatisfy { $0.text.hasSuffix("。") }, "\(glossary.map { String($0.text.suffix(12)) })")
    #expect(!read.paragraphs.contains { $0.text.hasPrefix("入”") })
  }
}
