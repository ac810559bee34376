import Testing
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
