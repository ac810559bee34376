import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
@testable import Renderers
@testable import YusuanCore

/// Reading real and synthetic PDFs end to end, compared cell for cell with reviewed expected readings.
/// The synthetic workbook (Shanghai layout) is converted by LibreOffice in the test; the corpus documents are read
/// from `../shared/corpus` when it is beside the repository.
@Suite struct PDFReadingTests {
  static let popplerPresent = Poppler.find("pdftotext") != nil && Poppler.find("pdftocairo") != nil
  static let sofficePresent = PDFConverter.findSoffice() != nil
  static let corpus = TestSupport.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
  static let corpusPresent = FileManager.default.fileExists(atPath: corpus.appendingPathComponent("shanghai-putuo-zhengfuban-2025-dept.pdf").path)
  static let readings = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/readings")
  static let documents = [
    "shanghai-putuo-zhengfuban-2025-dept", "shanghai-putuo-zhengfuban-2025-unit",
    "shanghai-putuo-shangwuwei-2025-dept", "shanghai-putuo-shangwuwei-2025-unit",
  ]

  static func catalog() throws -> Catalog { try TestSupport.forms.catalog("classification-harvested") }
  static func editions() -> [Edition] { TestSupport.forms.editionIDs.compactMap { try? TestSupport.forms.edition($0) } }

  /// Cells compared and the differences (table, row, column, expected, read), amounts compared without separators.
  static func compare(_ expected: [[String]], _ read: [[String]], table: String) -> (cells: Int, wrong: [String]) {
    func norm(_ s: String) -> String {
      let t = s.trimmingCharacters(in: .whitespaces)
      let plain = t.replacingOccurrences(of: ",", with: "")
      return Double(plain) != nil ? plain : t
    }
    var cells = 0, wrong: [String] = []
    for r in 0..<max(expected.count, read.count) {
      let e = r < expected.count ? expected[r] : [], g = r < read.count ? read[r] : []
      for c in 0..<max(e.count, g.count) {
        cells += 1
        let a = c < e.count ? norm(e[c]) : "∅", b = c < g.count ? norm(g[c]) : "∅"
        if a != b { wrong.append("\(table) 行\(r) 列\(c)：应为「\(a)」，读出「\(b)」") }
      }
    }
    return (cells, wrong)
  }

  /// The same table with rules (lattice) and without (stream): the same cells, the same one defect.
  @Test(
    .enabled(if: popplerPresent && sofficePresent, "需要 poppler-utils 与 LibreOffice（.ci/run 会安装）"),
    arguments: ["shanghai-layout.xlsx", "shanghai-layout-borderless.xlsx", "shanghai-layout-titles.xlsx"])
  func syntheticShanghaiLayoutIsReadCellForCell(_ fixture: String) throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-pdf-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let pdf = try PDFConverter.convert(TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/pdf/" + fixture), outputDirectory: out)
    let doc = try DocumentReader.read(url: pdf)
    #expect(doc.tables.count == 1)
    let t = try #require(doc.tables.first)
    #expect(t.title == "2025年部门支出预算总表")
    #expect(t.unit == .yuan, "单位：元 is printed on the 编制部门 line")
    let pages = Set(t.rows.compactMap { doc.spots[$0.line]?.page })
    #expect(pages.count >= 2, "the table runs over pages and is joined: \(pages)")
    let expected = TableCSV.parse(
      try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/pdf/shanghai-layout.expected.csv"), encoding: .utf8))
    let (cells, wrong) = Self.compare(expected, [t.columns] + t.rows.map(\.cells), table: "t01")
    #expect(cells == 57 * 5)
    #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    // The page number in the footer and the repeated header are not rows.
    #expect(!t.rows.contains { $0.cells.contains { $0.contains("页") || $0 == "类" } })

    let findings = Auditor.audit(doc, catalog: try Self.catalog(), editions: Self.editions())
    // The one planted defect: 类 208 printed 1,000.00 above its 款; the total, right by the detail rows, is not blamed.
    let parent = findings.filter { $0.rule == "audit.sum.parent" }
    #expect(Set(parent.map(\.row)) == ["208"])
    #expect(parent.allSatisfy { $0.page != nil && $0.box != nil }, "PDF findings carry page and box")
    #expect(!findings.contains { $0.rule == "audit.sum.total" })
    #expect(!findings.contains { $0.rule == "audit.amount.malformed" || $0.rule == "audit.code.malformed" })
  }

  @Test(.enabled(if: popplerPresent && corpusPresent, "需要 ../shared/corpus 与 poppler-utils（用户的新克隆中没有 ../shared，此测试跳过）"))
  func corpusTablesEqualTheReviewedReadings() throws {
    var total = 0
    for name in Self.documents {
      let doc = try DocumentReader.read(url: Self.corpus.appendingPathComponent(name + ".pdf"))
      let index = TableCSV.parse(try String(contentsOf: Self.readings.appendingPathComponent("\(name)/tables.csv"), encoding: .utf8)).dropFirst()
      let budgetTables = doc.tables.filter { $0.kind != .other }
      #expect(budgetTables.count == index.count, "\(name): \(budgetTables.count) tables read")
      for (k, row) in index.enumerated() where k < budgetTables.count {
        let t = budgetTables[k]
        #expect(t.title == row[1], "\(name) table \(k + 1) title")
        #expect(t.unit?.rawValue == row[2], "\(name) table \(k + 1) unit")
        let pages = Set(t.rows.compactMap { doc.spots[$0.line]?.page }).sorted().map(String.init).joined(separator: ";")
        #expect(pages == row[3], "\(name) table \(k + 1) pages")
        let file = Self.readings.appendingPathComponent(String(format: "%@/t%02d.csv", name, k + 1))
        let expected = TableCSV.parse(try String(contentsOf: file, encoding: .utf8))
        let (cells, wrong) = Self.compare(expected, [t.columns] + t.rows.map(\.cells), table: "\(name) t\(k + 1)")
        total += cells
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
      }
    }
    #expect(total == 3010, "cells compared: \(total)")
  }

  @Test(.enabled(if: popplerPresent && corpusPresent, "需要 ../shared/corpus 与 poppler-utils（用户的新克隆中没有 ../shared，此测试跳过）"))
  func corpusAuditRaisesNoFalseErrors() throws {
    for name in Self.documents {
      let doc = try DocumentReader.read(url: Self.corpus.appendingPathComponent(name + ".pdf"))
      let findings = Auditor.audit(doc, catalog: try Self.catalog(), editions: Self.editions())
      // The answer keys (Tests/Fixtures/readings/*/defects.csv) hold no figure error in these four documents;
      // every warning must be one of the key's defects (a false warning is one no key row names).
      let key = TableCSV.parse(try String(contentsOf: Self.readings.appendingPathComponent("\(name)/defects.csv"), encoding: .utf8)).dropFirst()
      let keyed = Set(key.compactMap { $0.last }.filter { !$0.isEmpty })
      #expect(findings.errorCount == 0, "\(name): \(findings.filter { $0.severity == .error }.map { "\($0.rule) \($0.message)" })")
      let falseWarnings = findings.filter { $0.severity == .warning && !keyed.contains($0.rule) }
      #expect(falseWarnings.isEmpty, "\(name): \(falseWarnings.map { "\($0.rule) \($0.message)" })")
      // Every defect of the key that a rule is named for is found by that rule, on the page the key gives.
      for row in key where row.count >= 8 && !row[7].isEmpty {
        let page = row[3].range(of: #"^p(\d+)"#, options: .regularExpression).map { Int(row[3][$0].dropFirst())! }
        let hits = findings.filter { $0.rule == row[7] }
        #expect(!hits.isEmpty && (page == nil || hits.contains { $0.page == page }), "\(name) \(row[0]) (\(row[3])) not found by \(row[7])")
      }
      // The clipped duplicate of 主要职能 on pages 3–4 is not read twice.
      let copies = doc.paragraphs.map { $0.text.components(separatedBy: "协调重要商品储备和市场调控").count - 1 }.reduce(0, +)
      if name.contains("shangwuwei") { #expect(copies == 1, "\(name): \(copies)") }
    }
  }

  /// `import` of each corpus document: every figure is entered, checked, recognised as one already entered,
  /// recognised as a derived subtotal, or listed — and the 元 amounts are stored exactly as printed.
  @Test(.enabled(if: popplerPresent && corpusPresent, "需要 ../shared/corpus 与 poppler-utils（用户的新克隆中没有 ../shared，此测试跳过）"))
  func corpusImportPlacesEveryFigure() throws {
    for name in Self.documents {
      let doc = try DocumentReader.read(url: Self.corpus.appendingPathComponent(name + ".pdf"))
      let mapped = ImportMapping.lines(doc, mode: .current)
      // The reviewed readings hold every table's cells: count their non-zero figures.
      var printed = 0
      for k in 1...9 {
        let rows = TableCSV.parse(try String(contentsOf: Self.readings.appendingPathComponent(String(format: "%@/t%02d.csv", name, k)), encoding: .utf8))
          .dropFirst()
        printed +=
          rows.flatMap { $0 }.filter { cell in
            let plain = cell.replacingOccurrences(of: ",", with: "")
            return plain.contains(".") && Double(plain).map { $0 != 0 } == true
          }.count
      }
      #expect(mapped.figures.total == printed, "\(name): \(mapped.figures) of \(printed)")
      #expect(mapped.figures.unplaced == mapped.unplaced.count, "\(name): every unplaced figure is listed")
      #expect(mapped.figures.facts >= 80, "\(name): \(mapped.figures)")

      // Through the real binary: the 项 lines of the 一般公共预算 table come back exactly, in 元.
      let wb = TestSupport.tempPath("import")
      _ = try CLI.run(["new", wb, "--department", "导入测试", "--year", "2025"])
      let r = try CLI.run(["import", wb, Self.corpus.appendingPathComponent(name + ".pdf").path, "--as", "current"])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stdout.contains("个未导入"))
      let script = try CLI.run(["export", wb, "--format", "script"]).stdout
      let t05 = TableCSV.parse(try String(contentsOf: Self.readings.appendingPathComponent("\(name)/t05.csv"), encoding: .utf8)).dropFirst()
      for row in t05 where row[0].count == 7 {
        for (col, kind) in [(3, "基本"), (4, "项目")] where !row[col].isEmpty {
          let yuan = try AmountParser.parse(row[col], defaultUnit: .yuan).get()
          #expect(script.contains("支出 \(row[0]) \(kind) \(yuan.scriptText)"), "\(name) \(row[0]) \(kind) \(row[col])")
        }
      }
    }
  }
}
