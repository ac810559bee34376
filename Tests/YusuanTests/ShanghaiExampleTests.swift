import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
@testable import Renderers
@testable import Workbench
@testable import YusuanCore

/// The two Shanghai examples, each the published document of 上海市普陀区人民政府办公室 entered as facts and
/// compiled under its edition: the 2025年部门预算 (examples/putuo-zhengfuban-2025, shanghai-2025-dept) and the
/// 2025年单位预算 (examples/putuo-zhengfuban-2025-unit, shanghai-2025-unit). Every table figure equals the reviewed
/// reading of the published PDF (Tests/Fixtures/readings/…/t01–t09.csv), the audit of the compiled Word and PDF
/// documents finds no error or warning, and the parts, headings and titles come in the published document's order.
struct ShanghaiExampleTests {
  struct Example: Sendable {
    var name: String
    var edition: String
    /// The folder of the PDF's reviewed reading, and the PDF's name in ../shared/corpus.
    var reading: String
    var preparer: String
    /// The figures (amounts with decimals) of the PDF's nine tables.
    var figures: Int
    var cover: [String]
    var parts: [String]
    /// The parts' lines of the contents page.
    var contents: [String]
  }

  static let department = "上海市普陀区人民政府办公室"
  static let examples = [
    Example(
      name: "putuo-zhengfuban-2025", edition: "shanghai-2025-dept", reading: "shanghai-putuo-zhengfuban-2025-dept", preparer: "编制部门：",
      figures: 221, cover: ["上海市普陀区2025年区级部门预算", "预算主管部门：\(department)"],
      parts: ["\(department)主要职能", "\(department)机构设置", "名词解释", "2025年部门预算编制说明", "", "其他相关情况说明", "项目经费情况说明"],
      contents: ["一、部门主要职能", "二、部门机构设置", "三、名词解释", "四、部门预算编制说明", "五、部门预算表", "六、其他相关情况说明", "七、项目经费情况说明"]),
    // The 单位预算 prints the same nine tables' figures and, in its 收支总表, each 类's 人员经费, 公用经费 and 项目支出
    // (10 more); it has no 项目经费情况说明.
    Example(
      name: "putuo-zhengfuban-2025-unit", edition: "shanghai-2025-unit", reading: "shanghai-putuo-zhengfuban-2025-unit", preparer: "编制单位：",
      figures: 231, cover: ["上海市普陀区2025年区级单位预算", "预算单位：\(department)"],
      parts: ["\(department)主要职能", "\(department)机构设置", "名词解释", "2025年单位预算编制说明", "", "其他相关情况说明"],
      contents: ["一、单位主要职能", "二、单位机构设置", "三、名词解释", "四、单位预算编制说明", "五、单位预算表", "六、其他相关情况说明"]),
  ]
  static func example(_ name: String) -> Example { examples.first { $0.name == name }! }

  static func workbook(_ e: Example) throws -> Workbench {
    try ExampleTests.workbook(e.name, department: department, year: 2025, edition: e.edition)
  }

  static func compiled(_ e: Example = examples[0]) throws -> PublishedDocument { try workbook(e).compile(draft: false) }

  /// A compiled row as the readings write it: split 类/款/项 cells joined into one 科目编码, figures without
  /// thousands separators.
  static func readingRow(_ t: DocTable, _ row: TableRow, codeColumns: Int) -> [String] {
    let texts = row.cells.map { t.text($0).replacingOccurrences(of: ",", with: "") }
    guard codeColumns > 1 else { return texts }
    return [texts.prefix(codeColumns).joined()] + texts.dropFirst(codeColumns)
  }

  /// The column names as the readings write them: the lowest header cell over each column, 类/款/项 as 科目编码.
  static func readingHeader(_ t: DocTable, codeColumns: Int) -> [String] {
    let layout = TableLayout(t)
    let names = (0..<layout.columnCount).map { layout.cellCovering(row: layout.headerRowCount - 1, col: $0)?.text ?? "" }
    return codeColumns > 1 ? ["科目编码"] + names.dropFirst(codeColumns) : names
  }

  @Test(arguments: examples.map(\.name))
  func everyTableFigureEqualsThePublishedDocument(name: String) throws {
    let e = Self.example(name)
    let doc = try Self.compiled(e)
    let edition = try TestSupport.forms.edition(e.edition)
    let printed = edition.tables.sorted { $0.number < $1.number }
    let tables = doc.tables
    #expect(tables.map(\.id) == printed.map(\.id.rawValue))
    let dir = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/readings/\(e.reading)")
    let titles = TableCSV.parse(try String(contentsOf: dir.appendingPathComponent("tables.csv"), encoding: .utf8)).dropFirst()
    #expect(titles.count == tables.count)
    var compared = 0
    for (i, (t, spec)) in zip(tables, printed).enumerated() {
      // Titles, units and column names as printed.
      let title = Array(titles)[i]
      #expect(t.title == title[1], "\(name) table \(i + 1)")
      #expect(t.unit.hasSuffix(title[2]) && t.preparer == e.preparer + Self.department)
      let reading = TableCSV.parse(try String(contentsOf: dir.appendingPathComponent(String(format: "t%02d.csv", i + 1)), encoding: .utf8))
      #expect(Self.readingHeader(t, codeColumns: spec.codeColumns ?? 1) == reading[0], "\(name) table \(i + 1) header")
      let expected = Array(reading.dropFirst())
      guard !t.isEmpty else {
        // The two empty tables print no figure in either (the PDF only a blank 合计 row).
        #expect(expected.allSatisfy { $0.allSatisfy { $0.isEmpty || $0 == "合计" } })
        #expect(t.note == "注：" + (title[5].hasPrefix("注:") ? String(title[5].dropFirst(2)) : title[5]))
        continue
      }
      let rows = t.rows.map { Self.readingRow(t, $0, codeColumns: spec.codeColumns ?? 1) }
      #expect(rows.count == expected.count, "\(name) table \(i + 1): \(rows.count) rows, the PDF \(expected.count)")
      for (r, (got, want)) in zip(rows, expected).enumerated() {
        #expect(got.count == want.count, "\(name) table \(i + 1) row \(r + 1)")
        for (c, (g, w)) in zip(got, want).enumerated() {
          if Decimal(string: w) != nil && !w.isEmpty && w.allSatisfy({ $0.isNumber || $0 == "." }) && w.contains(".") {
            compared += 1
            #expect(g == w, "\(name) table \(i + 1) row \(r + 1) column \(c + 1): \(g) ≠ \(w)")
          } else {
            #expect(g == w, "\(name) table \(i + 1) row \(r + 1) column \(c + 1): “\(g)” ≠ “\(w)”")
          }
        }
      }
    }
    // Every figure of the nine tables of the PDF (checks.md), compared.
    #expect(compared == e.figures)
  }

  /// `check` finds no error; the warnings are the facts the PDFs do not print (上年 per 项, 机关运行经费's 上年, a
  /// 绩效 list) and the 213.28万元 机关运行经费 against 公用经费 2,132,777.54元 (equal once shown in 万元).
  @Test(arguments: examples.map(\.name))
  func theExampleChecksClean(name: String) throws {
    let findings = try Self.workbook(Self.example(name)).check()
    #expect(findings.errorCount == 0, "\(findings.filter { $0.severity == .error }.map { "[\($0.rule)] \($0.message)" })")
    // 机关运行经费 213.28万元 is entered as the 三公 table prints it; the 公用经费 of 元 entries shown to the hundredth is
    // the same 213.28, so it does not exceed it.
    let known: Set<String> = ["change.prior-missing", "performance.none", "operating-cost.prior-missing", "profile.tasks-missing"]
    #expect(findings.filter { $0.severity == .warning && !known.contains($0.rule) }.isEmpty, "\(findings.map(\.rule))")
  }

  /// Cover, contents, part titles, the headings of 其他相关情况说明 and the table titles, in order.
  @Test(arguments: examples.map(\.name))
  func thePartsAndTitlesFollowTheTemplate(name: String) throws {
    let e = Self.example(name)
    let doc = try Self.compiled(e)
    #expect(doc.cover == e.cover)
    #expect(doc.parts.map(\.title) == e.parts)
    let lines = try #require(doc.contents).lines
    #expect(lines.filter { $0.level == 1 }.map(\.text) == e.contents)
    #expect(lines.filter { $0.level == 2 }.map(\.text) == doc.tables.enumerated().map { "\($0.offset + 1). \($0.element.title)" })
  }

  /// The same order in the published PDF itself: every line of our cover and contents, every part title, heading
  /// and table title is found in the PDF's text after the one before it.
  @Test(
    .enabled(if: PDFReadingTests.popplerPresent && PDFReadingTests.corpusPresent, "需要 ../shared/corpus 与 poppler-utils（用户的新克隆中没有 ../shared，此测试跳过）"),
    arguments: examples.map(\.name))
  func theOrderIsThePublishedDocuments(name: String) throws {
    let e = Self.example(name)
    let doc = try Self.compiled(e)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Poppler.find("pdftotext")))
    process.arguments = ["-layout", PDFReadingTests.corpus.appendingPathComponent(e.reading + ".pdf").path, "-"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    func norm(_ s: String) -> String { s.filter { !$0.isWhitespace }.replacingOccurrences(of: "．", with: ".") }
    let pdf = norm(String(decoding: data, as: UTF8.self))
    var sequence = (doc.cover ?? []) + [doc.contents?.title ?? ""] + (doc.contents?.lines.map(\.text) ?? [])
    for part in doc.parts {
      if !part.title.isEmpty { sequence.append(part.title) }
      for block in part.blocks {
        switch block {
        case .heading(let level, let text) where level == 1: sequence.append(text)
        case .table(let t): sequence.append(t.title)
        default: break
        }
      }
    }
    var at = pdf.startIndex
    for item in sequence.map(norm) where !item.isEmpty {
      let found = pdf.range(of: item, range: at..<pdf.endIndex)
      #expect(found != nil, "\(name): “\(item)” not found after the previous title in \(e.reading).pdf")
      if let found { at = found.upperBound }
    }
  }

  @Test(arguments: examples.map(\.name))
  func theCompiledDocumentPassesTheAudit(name: String) throws {
    let doc = try Self.compiled(Self.example(name))
    let read = try DocumentReader.read(data: try DocxRenderer.render(doc), name: "putuo.docx")
    let findings = Auditor.audit(read, catalog: try TestSupport.forms.catalog("classification-2024"), editions: PDFReadingTests.editions())
    #expect(findings.filter { $0.severity != .info }.isEmpty, "\(findings.filter { $0.severity != .info }.map { "[\($0.rule)] \($0.message)" })")
    #expect(read.tables.filter { $0.kind != .other }.count == 9)
  }

  /// Published in every format (the PDF by LibreOffice) and the PDF read back: judged by its own edition, no
  /// error, warning or note beyond that, its nine tables titled, and each numbered glossary entry ((一)财政拨款收入：
  /// 是…, two lines) read as one paragraph.
  @Test(
    .enabled(if: PDFReadingTests.popplerPresent && PDFReadingTests.sofficePresent, "需要 poppler-utils 与 LibreOffice（.ci/run 会安装）"),
    arguments: examples.map(\.name))
  func theCompiledPDFPassesTheAudit(name: String) throws {
    let e = Self.example(name)
    let doc = try Self.compiled(e)
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-putuo-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let report = try Self.workbook(e).publish(to: out, draft: false)
    #expect(report.pdfSkipped == nil && report.refused.isEmpty)
    let written = Set(report.written.map { $0.lastPathComponent.hasSuffix(DataPackageRenderer.folderSuffix) ? "datapackage" : $0.pathExtension })
    #expect(written == Set(PublishFormat.allCases.map(\.rawValue)), "\(written)")
    let pdf = try #require(report.written.first { $0.pathExtension == "pdf" })
    let read = try DocumentReader.read(url: pdf)
    let findings = Auditor.audit(read, catalog: try TestSupport.forms.catalog("classification-harvested"), editions: PDFReadingTests.editions())
    #expect(findings.filter { $0.rule != "audit.read.template" }.isEmpty, "\(findings.map { "[\($0.rule)] \($0.message)" })")
    #expect(findings.contains { $0.rule == "audit.read.template" && $0.message.contains(e.edition) })
    #expect(read.tables.filter { $0.kind != .other }.map(\.title) == doc.tables.map(\.title))
    let glossary = read.paragraphs.filter { $0.text.hasPrefix("（") && $0.text.contains("：") && $0.text.count > 40 }
    #expect(glossary.count >= 7 && glossary.allSatisfy { $0.text.hasSuffix("。") }, "\(glossary.map { String($0.text.suffix(12)) })")
    #expect(!read.paragraphs.contains { $0.text.hasPrefix("入”") })
    // The 预算表 workbook printed to PDF by Calc (元, 类/款/项 in three columns, thousands separators) reads as the
    // workbook: the same tables, figure for figure.
    let xlsxURL = try #require(report.written.first { $0.pathExtension == "xlsx" })
    let calc = out.appendingPathComponent("calc")
    try FileManager.default.createDirectory(at: calc, withIntermediateDirectories: true)
    let book = try DocumentReader.read(url: xlsxURL)
    let printed = try DocumentReader.read(url: try PDFConverter.convert(xlsxURL, outputDirectory: calc))
    #expect(printed.tables.map(\.title) == book.tables.map(\.title))
    for (a, b) in zip(book.tables, printed.tables) {
      let values = { (t: AuditTable) in t.rows.map { $0.values.map { $0.value } } }
      #expect(values(a) == values(b) && a.rows.map { $0.cells.first } == b.rows.map { $0.cells.first }, "\(a.title ?? "")")
    }
    let calcFindings = Auditor.audit(printed, catalog: try TestSupport.forms.catalog("classification-harvested"), editions: PDFReadingTests.editions())
    #expect(calcFindings.filter { $0.severity != .info }.isEmpty, "\(calcFindings.filter { $0.severity != .info }.map { "[\($0.rule)] \($0.message)" })")
  }
}

/// What auditing yusuan's own Shanghai documents (random departments, compiled and printed) found in the compile.
extension ShanghaiExampleTests {
  /// Two funds the edition prints under one name (财政专户管理资金 and 单位资金 are both 其他收入) are one item of
  /// the 收入 list, their sum, not 其他收入 twice; and a planned vehicle is listed by what it is, as the template's
  /// 购置车辆X辆，其中：… asks.
  @Test func sharedFundNamesAreOneItemAndPurchasesAreListed() throws {
    let wb = try Self.workbook(Self.examples[0])
    try wb.apply(TestSupport.lines("收入 财政专户管理资金 300000元\n收入 单位资金 200000元\n资产 购置 车辆 \"机要通信用车\" 1 金额 30\n"), source: .script)
    let md = MarkdownRenderer.renderString(try wb.compile(draft: true))
    #expect(md.contains("、其他收入50万元，"), "the two funds as one 其他收入")
    #expect(!md.contains("其他收入30万元") && !md.contains("其他收入20万元"))
    #expect(md.contains("安排购置车辆1辆，其中：机要通信用车1辆"), "\(md.components(separatedBy: "\n").filter { $0.contains("购置车辆") })")
  }
}
