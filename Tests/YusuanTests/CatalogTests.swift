import Testing
import Foundation
@testable import Workbench
@testable import YusuanCore

struct CatalogTests {
  let catalog = try! TestSupport.forms.catalog("classification-2024")

  @Test func bundledCatalogKeepsConfidence() throws {
    #expect(catalog.count == 260)
    #expect(catalog.entry("2010301", .function)?.name == "行政运行")
    #expect(catalog.entry("2010306", .function)?.confidence == "low")
    #expect(catalog.entry("30217", .economic)?.name == "公务接待费")
  }

  /// Shapes: 3/5/7 digits for 功能分类, 3/5 for 经济分类, the right leading digit.
  @Test(arguments: [
    ("2010301", CodeSystem.function, nil as CodeShapeProblem?),
    ("210305", .function, .wrongLength(6)),
    ("11", .function, .wrongLength(2)),
    ("2", .function, .wrongLength(1)),
    ("20a03", .function, .notDigits),
    ("3010101", .function, .wrongPrefix(expected: "2")),
    ("30101", .economic, nil),
    ("3010101", .economic, .wrongLength(7)),
  ])
  func shapes(code: String, system: CodeSystem, problem: CodeShapeProblem?) {
    #expect(CodeShape.problem(code, in: system) == problem)
  }

  @Test func suggestsByNameAndByNearCode() {
    // 2050505 was printed for 2080505: the name finds it.
    let byName = catalog.suggestions(for: "2050505", name: "机关事业单位基本养老保险缴费支出", in: .function)
    #expect(byName.first?.code == "2080505")
    // 210305 lost a digit of 2010305.
    let near = catalog.suggestions(for: "210305", name: nil, in: .function)
    #expect(near.map(\.code).contains("2010305"))
    // A swapped pair.
    #expect(catalog.suggestions(for: "2013001", name: nil, in: .function).map(\.code).contains("2010301"))
  }

  @Test func completesByPrefixAndNameFragment() {
    #expect(catalog.complete("行政运", in: .function).map(\.code).contains("2010301"))
    #expect(catalog.complete("20103", in: .function).allSatisfy { $0.code.hasPrefix("20103") })
  }

  @Test func importParsesOfficialHeadersAndReportsEveryBadRow() {
    let csv = """
      科目编码,科目名称
      2010301,行政运行
      210305,专项业务
      2010301,重复
      ,缺编码
      9999,未知分类
      30101,基本工资
      """
    let parsed = CatalogCSV.parse(csv)
    #expect(parsed.entries.map(\.code) == ["2010301", "30101"])
    #expect(parsed.entries.allSatisfy { $0.confidence == "official" })
    #expect(parsed.problems.map(\.line) == [3, 4, 5, 6])
  }

  @Test func importRefusesFileWithoutHeader() {
    let parsed = CatalogCSV.parse("2010301,行政运行\n")
    #expect(parsed.entries.isEmpty)
    #expect(parsed.problems.first?.line == 1)
  }

  @Test func namesAgreeIgnoringBracketWidthAndQualifier() {
    #expect(CodeRules.namesAgree("一般行政管理事务（政府办公室）", "一般行政管理事务"))
    #expect(CodeRules.namesAgree("因公出国(境)费用", "因公出国（境）费用"))
    #expect(!CodeRules.namesAgree("政府办公室事务", "政府办公厅（室）及相关机构事务"))
  }
}

/// Forms as data: every edition loads, its prose defines the required templates, its headers fit its tables.
struct FormsTests {
  @Test(arguments: TestSupport.forms.editionIDs)
  func editionLoadsWithProseAndHeaders(id: String) throws {
    let forms = TestSupport.forms
    let edition = try forms.edition(id)
    #expect(!edition.tables.isEmpty)
    #expect(edition.expenditureClasses.count == 24)
    let prose = try forms.prose(id)
    for key in ProseTemplates.requiredKeys { #expect(prose.templates[key] != nil, "\(id) prose lacks \(key)") }
    let headers = try forms.tableHeaders(id)
    for t in edition.tables { #expect(headers.headers[t.id.rawValue] != nil, "\(id) has no header for \(t.id)") }
  }

  @Test func headerColumnCountPlacesRowSpans() throws {
    let headers = try TestSupport.forms.tableHeaders("anhui-2024").headers
    #expect(TableHeaders.columnCount(headers["T5"]!) == 5)
    #expect(TableHeaders.columnCount(headers["T7"]!) == 7)
    #expect(TableHeaders.columnCount(headers["T10"]!) == 10)
    // The 2021 edition words T5's header as printed in that document.
    let h21 = try TestSupport.forms.tableHeaders("anhui-2021").headers
    #expect(h21["T5"]?.first?.last?.text == "预算数")
  }

  /// An edition is data: a new folder with a changed header compiles with no Swift change, and a header that does not
  /// fit its table is refused with a message naming the file.
  @Test func aNewEditionNeedsNoCode() throws {
    let root = URL(fileURLWithPath: TestSupport.tempPath("forms")).deletingLastPathComponent().appendingPathComponent("forms")
    try FileManager.default.copyItem(at: TestSupport.repoRoot.appendingPathComponent("forms"), to: root)
    let src = root.appendingPathComponent("editions/anhui-2024"), dst = root.appendingPathComponent("editions/demo-province-2025")
    try FileManager.default.copyItem(at: src, to: dst)
    var yaml = try String(contentsOf: dst.appendingPathComponent("edition.yaml"), encoding: .utf8)
    yaml = yaml.replacingOccurrences(of: "id: anhui-2024", with: "id: demo-province-2025").replacingOccurrences(of: "部门公开表{n}", with: "附表{n}")
    try yaml.write(to: dst.appendingPathComponent("edition.yaml"), atomically: true, encoding: .utf8)
    try "T3:\n  - [{text: 科目, cols: 2}, 总计, 基本, 项目]\n".write(to: dst.appendingPathComponent("tables.yaml"), atomically: true, encoding: .utf8)
    let forms = FormsLibrary(root: root)
    let wb = try Workbench.create(path: TestSupport.tempPath(), department: "甲", year: 2025, editionID: "demo-province-2025", forms: forms)
    try wb.apply(TestSupport.lines(TestSupport.consistent), source: .script)
    let t3 = try #require(try wb.compile(draft: false).tables.first { $0.id == "T3" })
    #expect(t3.label == "附表3")
    #expect(t3.header.first?.map(\.text) == ["科目", "总计", "基本", "项目"])
    try "T3:\n  - [{text: 科目, cols: 2}, 总计]\n".write(to: dst.appendingPathComponent("tables.yaml"), atomically: true, encoding: .utf8)
    #expect(throws: Compiler.Failure.self) { try wb.compile(draft: false) }
  }
}

extension CatalogTests {
  /// A misspelt key in an edition file would be skipped by decoding and the default printed; the author is told
  /// instead, with the line, the place and the keys known there. Every bundled edition has none.
  @Test func anEditionsUnknownKeysAreRefused() throws {
    for id in TestSupport.forms.editionIDs { _ = try TestSupport.forms.edition(id) }
    let root = URL(fileURLWithPath: TestSupport.tempPath("forms")).deletingLastPathComponent().appendingPathComponent("forms")
    try FileManager.default.copyItem(at: TestSupport.repoRoot.appendingPathComponent("forms"), to: root)
    let file = root.appendingPathComponent("editions/anhui-2024/edition.yaml")
    var yaml = try String(contentsOf: file, encoding: .utf8)
    yaml = yaml.replacingOccurrences(of: "    required: true\n", with: "    requird: true\n")
      .replacingOccurrences(of: "numbering: \"部门公开表{n}\"\n", with: "numbering: \"部门公开表{n}\"\nunit: 元\nnotes:\n")
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    let error = #expect(throws: FormsLibrary.LoadError.self) { try FormsLibrary(root: root).edition("anhui-2024") }
    let message = error?.description ?? ""
    #expect(message.contains("顶层的键“unit”不是已知的键"), "\(message)")
    #expect(message.contains("“tables[7]”中的键“requird”"), "\(message)")
    #expect(message.contains("已知的键：id、number、name"), "the keys known there are named: \(message)")
    #expect(!message.contains("notes"), "a key left empty says nothing and is not held against the file")
    #expect(message.contains("第10行") || message.contains("第9行"), "\(message)")
  }
}
