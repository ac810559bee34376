import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore
@testable import yusuan
@testable import Walk

/// Issue 12 item 2: TAB completes from the catalog, from the codes this workbook and last year's use, and from
/// names; every question offers its own answers on a TAB with nothing typed; did-you-mean stays in the code's 款.
@Suite struct WalkCatalogTests {
  /// TAB at step `goto` (a table id or title word) with these answers of its row already given; holds the session
  /// (the completion refers to it unowned, as in the REPL).
  struct Tab {
    let session: ReplSession
    let c: ReplCompletion
    func candidates(line: String, word: String) -> [String] { withExtendedLifetime(session) { c.candidates(line: line, word: word) } }
    func display(_ s: String) -> String? { withExtendedLifetime(session) { c.display(s) } }
  }

  static func session(_ wb: Workbench, at goto: String, answers: [String] = []) -> Tab {
    let s = ReplSession(wb: wb, input: ScriptedInput([]), out: { _ in })
    s.go(to: WalkStep.index(of: goto, in: s.steps)!)
    s.answers = answers
    s.fieldIndex = answers.count
    return Tab(session: s, c: s.completion(editions: []))
  }

  /// A code the catalog lacks, entered with its name, is completed from that name and listed with it.
  @Test func tabFindsTheWorkbooksOwnCodesByName() throws {
    let wb = try TestSupport.workbook("收入 一般公共预算 100\n支出 2010505 项目 60 名称 \"专项统计业务\"")
    let c = Self.session(wb, at: "T5")
    #expect(c.candidates(line: "统计业", word: "统计业") == ["2010505"])
    #expect(c.display("2010505") == "2010505 专项统计业务（统计信息事务）")
    #expect(c.candidates(line: "20105", word: "20105").first == "2010505", "the workbook's codes first")
  }

  /// Last year's workbook of the department, beside this one: its codes are offered, first on an empty TAB.
  @Test func tabOffersLastYearsCodes() throws {
    let dir = (TestSupport.tempPath() as NSString).deletingLastPathComponent
    let prior = try Workbench.create(path: dir + "/去年.yusuan", department: "某县统计局", year: 2025, editionID: "anhui-2024", forms: TestSupport.forms)
    try prior.apply(TestSupport.lines("支出 2010501 基本 200 名称 \"行政运行\"\n经济 30101 100"), source: .script)
    let wb = try Workbench.create(path: dir + "/今年.yusuan", department: "某县统计局", year: 2026, editionID: "anhui-2024", forms: TestSupport.forms)
    let c = Self.session(wb, at: "T5")
    #expect(c.candidates(line: "", word: "") == ["2010501"])
    #expect(c.candidates(line: "行政运", word: "行政运").first == "2010501", "\(c.candidates(line: "行政运", word: "行政运"))")
    #expect(c.display("2010501") == "2010501 行政运行（统计信息事务）")
    let e = Self.session(wb, at: "T6")
    #expect(e.candidates(line: "", word: "") == ["30101"])
  }

  /// TAB with nothing typed lists the question's own answers, never the commands: the 一级指标, the 二级指标 of the
  /// 一级 chosen (数量/质量/时效/成本指标), 是/否, and at a code with no code used yet the 类 to start from.
  @Test func anEmptyTabListsTheChoices() throws {
    let wb = try TestSupport.workbook("项目 \"经济普查\" 类型 特定目标类 金额 40 绩效管理")
    let level1 = Self.session(wb, at: "绩效指标", answers: ["经济普查"])
    #expect(level1.candidates(line: "", word: "") == Indicator.level1Names)
    let level2 = Self.session(wb, at: "绩效指标", answers: ["经济普查", "产出指标"])
    #expect(level2.candidates(line: "", word: "") == ["数量指标", "质量指标", "时效指标", "成本指标"])
    #expect(level2.candidates(line: "质", word: "质") == ["质量指标"])
    let kind = Self.session(wb, at: "T5", answers: ["2010301", ""])
    #expect(kind.candidates(line: "", word: "") == ["基本", "项目"])
    let code = Self.session(try TestSupport.workbook(""), at: "T5")
    let classes = code.candidates(line: "", word: "")
    #expect(classes.contains("201") && classes.allSatisfy { $0.count == 3 }, "\(classes)")
    #expect(!classes.contains("help"))
  }

  /// The editions use the harvested catalog, a superset of the 2024 reference (2010506 统计管理 is in it).
  @Test func theEditionsUseTheHarvestedCatalog() throws {
    let wb = try TestSupport.workbook("")
    #expect(wb.catalog.id == "classification-harvested")
    #expect(wb.catalog.name("2010506", .function) == "统计管理")
    let old = try TestSupport.forms.catalog("classification-2024")
    for e in old.complete("", in: .function) + old.complete("", in: .economic) {
      #expect(wb.catalog.name(e.code, e.system) == e.name, "\(e.code)")
    }
  }

  /// Did-you-mean stays inside the code's 款: 2010501 is 统计信息事务's 行政运行 (no neighbour offered); a code with no
  /// near code in its 款 says so.
  @Test func didYouMeanStaysInTheKuan() throws {
    let loc = CodeRules.Location(table: "T5", row: nil, plugin: "test")
    let cat = try TestSupport.forms.catalog("classification-harvested")
    let m1 = try #require(CodeRules.check(code: "2010501", name: nil, system: .function, level: 7, catalog: cat, at: loc).first { $0.rule == "code.unknown" })
    #expect(m1.message.contains("统计信息事务") && m1.message.contains("行政运行") && !m1.message.contains("是否应为"), "\(m1.message)")
    #expect(m1.expected == nil)
    let m2 = try #require(CodeRules.check(code: "2010588", name: nil, system: .function, level: 7, catalog: cat, at: loc).first { $0.rule == "code.unknown" })
    #expect(m2.message.contains("“20105 统计信息事务”款下没有与之相近的科目"), "\(m2.message)")
    #expect(m2.message.contains("catalog import"))
    // A slip next to a code of the same 款 is still offered.
    let m3 = try #require(CodeRules.check(code: "2010508", name: nil, system: .function, level: 7, catalog: cat, at: loc).first { $0.rule == "code.unknown" })
    #expect(m3.message.contains("是否应为：2010506") || m3.message.contains("是否应为：2010507"), "\(m3.message)")
  }
}
