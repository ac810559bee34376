import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
@testable import YusuanCore

/// The corpus PDFs as text laid out with spaces (`pdftotext -layout`, what a reviewer gets by saving a PDF's text):
/// read by position into the same tables as the PDF, audited without false errors.
@Suite struct LayoutTextReadingTests {
  static let ready = PDFReadingTests.popplerPresent && PDFReadingTests.corpusPresent
  static let reason: Comment = "需要 ../shared/corpus 与 poppler-utils（用户的新克隆中没有 ../shared，此测试跳过）"

  /// `pdftotext -layout` of a corpus document, in a temporary folder.
  static func layoutText(_ name: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-layout-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let out = dir.appendingPathComponent(name + ".txt")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Poppler.find("pdftotext")!)
    p.arguments = ["-layout", PDFReadingTests.corpus.appendingPathComponent(name + ".pdf").path, out.path]
    try p.run(); p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    return out
  }

  /// A laid-out text written by hand in pdftotext's manner (Tests/Fixtures/layout/shanghai-layout.txt): rows
  /// squeezed where names are short, one space between crowded figures, columns only a header names (事业收入,
  /// 事业单位经营收入, 其他收入), rows of one label (二、事业收入), a table continued over a form feed with its columns
  /// moved, and prose whose indented paragraphs wrap. One planted defect: the prose says 260.00 万元 for 250.00.
  @Test func handWrittenLayoutIsReadByPosition() throws {
    let doc = try DocumentReader.read(url: TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/layout/shanghai-layout.txt"))
    #expect(doc.tables.map(\.title) == ["2025年部门收入预算总表", "2025年部门财务收支预算总表"])
    let income = try #require(doc.tables.first)
    // 事业单位 ⏎ 经营收入 is wrapped around the line that names the other columns: the column keeps its last line.
    #expect(income.columns == ["科目编码", "功能分类科目名称", "合计", "财政拨款收入", "事业收入", "经营收入", "其他收入"], "\(income.columns)")
    #expect(income.unit == .yuan)
    let expectedIncome = [
      ["201", "一般公共服务支出", "2,500,000.00", "2,500,000.00", "", "", ""],
      ["20103", "政府办公厅（室）及相关机构事务", "2,500,000.00", "2,500,000.00", "", "", ""],
      ["2010301", "行政运行", "1,200,000.00", "1,200,000.00", "", "", ""],
      ["2010302", "一般行政管理事务", "1,300,000.00", "1,300,000.00", "", "", ""],
      ["208", "社会保障和就业支出", "350,000.00", "350,000.00", "", "", ""],
      ["20805", "行政事业单位养老支出", "350,000.00", "350,000.00", "", "", ""],
      ["2080505", "机关事业单位基本养老保险缴费支出", "350,000.00", "350,000.00", "", "", ""],
      ["", "合计", "2,850,000.00", "2,850,000.00", "", "", ""],
    ]
    #expect(income.rows.map(\.cells) == expectedIncome)
    let summary = try #require(doc.tables.last)
    #expect(
      summary.rows.map(\.cells) == [
        ["一、财政拨款收入", "2,850,000.00", "一、一般公共服务支出", "2,500,000.00"],
        ["1. 一般公共预算资金", "2,850,000.00", "二、社会保障和就业支出", "350,000.00"],
        ["二、事业收入", "", "", ""],
        ["三、其他收入", "", "", ""],
        ["收入总计", "2,850,000.00", "支出总计", "2,850,000.00"],
      ])
    // Two paragraphs, joined across their wrapped lines; the centred heading is a heading, not a table row.
    #expect(doc.paragraphs.map(\.text).contains { $0.hasSuffix("支出预算285.00万元，其中：基本支出285.00万元。") })
    #expect(doc.paragraphs.contains { $0.text == "部门预算编制说明" && $0.isHeading })
    let findings = Auditor.audit(doc, catalog: try PDFReadingTests.catalog(), editions: PDFReadingTests.editions())
    let errors = findings.filter { $0.severity == .error && $0.rule.hasPrefix("audit.") && !$0.rule.hasPrefix("audit.required") }
    #expect(errors.map(\.rule) == ["audit.prose.figure"], "\(errors.map { "\($0.rule) \($0.message)" })")
    #expect(errors.first?.line == 31 && errors.first?.expected == "250.00")
  }

  @Test(.enabled(if: ready, reason), arguments: PDFReadingTests.documents)
  func layoutTextTablesEqualTheReviewedReadings(_ name: String) throws {
    let url = try Self.layoutText(name)
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    let doc = try DocumentReader.read(url: url)
    let index = TableCSV.parse(try String(contentsOf: PDFReadingTests.readings.appendingPathComponent("\(name)/tables.csv"), encoding: .utf8)).dropFirst()
    let tables = doc.tables.filter { $0.kind != .other }
    #expect(tables.count == index.count, "\(name): \(tables.map(\.title))")
    var total = 0, wrong: [String] = [], unread: [String] = []
    for (k, row) in index.enumerated() where k < tables.count {
      let t = tables[k]
      #expect(t.title == row[1], "\(name) table \(k + 1) title")
      #expect(t.unit?.rawValue == row[2], "\(name) table \(k + 1) unit")
      let expected = TableCSV.parse(
        try String(contentsOf: PDFReadingTests.readings.appendingPathComponent(String(format: "%@/t%02d.csv", name, k + 1)), encoding: .utf8))
      let body = Array(expected.dropFirst())
      // An empty table (no figure) is checked by the audit below; its lone 合计 may sit in either label column.
      guard body.joined().contains(where: { TableReading.looksNumeric($0) && $0.contains(".") }) else { continue }
      if t.rows.isEmpty { unread.append(row[1]); continue }
      // Header wording is laid out over several lines and not always recoverable from text; the body is. A blank
      // cell and a missing trailing cell are the same.
      let padded = t.rows.map { $0.cells + Array(repeating: "", count: max(0, (body.first?.count ?? 0) - $0.cells.count)) }
      let (cells, w) = PDFReadingTests.compare(body, padded, table: "\(name) t\(k + 1)")
      total += cells; wrong += w
    }
    #expect(wrong.isEmpty, "\(wrong.count) of \(total): \(wrong.prefix(12))")
    #expect(total >= 500, "cells compared: \(total)")
    // Only the 三公 table (one row of figures under a header of several lines) is left unread, and said so.
    #expect(unread.allSatisfy { $0.contains("三公") }, "\(unread)")
    // import lists the unread table instead of dropping its figures in silence.
    #expect(ImportMapping.lines(doc, mode: .current).unread.count == unread.count)
    if !unread.isEmpty {
      let notes = Auditor.audit(doc, catalog: try PDFReadingTests.catalog(), editions: PDFReadingTests.editions()).filter { $0.rule == "audit.read.table" }
      #expect(
        unread.allSatisfy { title in notes.contains { ($0.table ?? "").contains(title.replacingOccurrences(of: "2025年", with: "")) } },
        "\(unread) \(notes.map(\.table))")
    }
  }

  @Test(.enabled(if: ready, reason), arguments: PDFReadingTests.documents)
  func layoutTextAuditRaisesNoFalseErrors(_ name: String) throws {
    let url = try Self.layoutText(name)
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    let doc = try DocumentReader.read(url: url)
    let findings = Auditor.audit(doc, catalog: try PDFReadingTests.catalog(), editions: PDFReadingTests.editions())
    let key = TableCSV.parse(try String(contentsOf: PDFReadingTests.readings.appendingPathComponent("\(name)/defects.csv"), encoding: .utf8)).dropFirst()
    let keyed = Set(key.compactMap { $0.last }.filter { !$0.isEmpty })
    #expect(findings.errorCount == 0, "\(name): \(findings.filter { $0.severity == .error }.map { "\($0.rule) \($0.row ?? "") \($0.message)" })")
    // The 商务委 PDFs hold a clipped copy of 主要职能 in their text layer (the PDF reader leaves it out, as the page
    // does not show it); their text has it twice, so a duplicate paragraph is what the text says.
    let falseWarnings = findings.filter {
      $0.severity == .warning && !keyed.contains($0.rule) && !(name.contains("shangwuwei") && $0.rule == "audit.text.duplicate")
    }
    #expect(falseWarnings.isEmpty, "\(name): \(falseWarnings.map { "\($0.rule) \($0.message)" })")
  }
}
