import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore
import YusuanStore

/// The entry language: tokens, errors with carets, all-or-nothing batches, corrections, 删除, export round trip.
struct ScriptTests {
  @Test func tokenizesWordsQuotesAndComments() throws {
    let line = try Lexer.tokenize("职责 \"负责 会议\" “全角引号” 「直角」　全角空格 # 注释 \"不算\"")
    #expect(line.tokens.map(\.text) == ["职责", "负责 会议", "全角引号", "直角", "全角空格"])
    #expect(line.tokens.map(\.quoted) == [false, true, true, true, false])
    #expect(try Lexer.tokenize("职责 \"他说\\\"好\\\"\"").tokens[1].text == "他说\"好\"")
    #expect(try Lexer.tokenize("  # 只有注释").isBlank)
  }

  @Test func unterminatedQuoteIsAnErrorAtTheQuote() {
    #expect(throws: EntryError.self) { try Lexer.tokenize("职责 \"没有结尾") }
    do { _ = try Lexer.tokenize("职责 \"没有结尾"); Issue.record("accepted") } catch { #expect(error.start == 3) }
  }

  /// Carets are measured in display columns: each CJK character takes two.
  @Test func caretUnderTheBadAmountCountsCJKWidth() throws {
    let wb = try TestSupport.workbook("")
    do {
      try wb.apply(TestSupport.lines("支出 2010301 基本 457.90.", file: "a.ys"), source: .script)
      Issue.record("accepted")
    } catch let e as ApplyError {
      let err = try #require(e.errors.first)
      #expect(err.line == 1)
      #expect(err.column == 19)  // "支出 2010301 基本 " = 2+1+7+1+4+1+... display columns
      let lines = err.rendered.split(separator: "\n").map(String.init)
      #expect(lines[0].hasPrefix("a.ys:1:19: 错误："))
      #expect(lines[1] == "1 | 支出 2010301 基本 457.90.")
      #expect(lines[2] == "  |                   ^^^^^^^")
    }
  }

  @Test func oneBadLineChangesNothingAndEveryBadLineIsReported() throws {
    let wb = try TestSupport.workbook("职责 \"原有职责。\"")
    let before = wb.exportScript()
    let script = """
      支出 2010301 基本 10
      支出 2010302 项目 abc
      经济 30101 5
      未知命令 1
      """
    #expect(throws: ApplyError.self) { try wb.apply(TestSupport.lines(script), source: .script) }
    do { try wb.apply(TestSupport.lines(script), source: .script) } catch let e as ApplyError {
      #expect(e.errors.map(\.line) == [2, 4])
    }
    #expect(wb.exportScript() == before)
    let reopened = try Workbench.open(path: wb.store.path, forms: TestSupport.forms)
    #expect(reopened.exportScript() == before)
    #expect(try reopened.store.journal().count == 1)
  }

  @Test func reenteringAFactCorrectsIt() throws {
    let wb = try TestSupport.workbook("支出 2010301 基本 10\n支出 2010301 基本 12 上年 11")
    #expect(wb.facts.expenditures.count == 1)
    #expect(wb.facts.expenditures[0].amount == Amount(wanCents: 1200))
    #expect(wb.facts.expenditures[0].prior == Amount(wanCents: 1100))
  }

  @Test func removeDeletesAndRefusesWhatIsNotThere() throws {
    let wb = try TestSupport.workbook("支出 2010301 基本 10\n职责 \"甲\"\n职责 \"乙\"")
    try wb.apply(TestSupport.lines("删除 支出 2010301 基本\n删除 职责 1"), source: .script)
    #expect(wb.facts.expenditures.isEmpty)
    #expect(wb.facts.duties.map(\.text) == ["乙"])
    #expect(throws: ApplyError.self) { try wb.apply(TestSupport.lines("删除 支出 2010301 基本"), source: .script) }
  }

  @Test func unknownCommandSuggestsNearOnes() throws {
    let wb = try TestSupport.workbook("")
    do { try wb.apply(TestSupport.lines("支付 2010301 基本 1"), source: .script) } catch let e as ApplyError {
      #expect(e.errors[0].message.contains("不认识的命令“支付”"))
      #expect(e.errors[0].message.contains("支出"))
    }
  }

  /// export → run on a fresh workbook → export gives the same text: the canonical script rebuilds identical facts.
  @Test func exportRoundTripsThroughRun() throws {
    let script = TestSupport.consistent + """

      支出 2080505 基本 3.5 来源 财政专户管理资金 单位 "示例中心" 名称 "机关事业单位基本养老保险缴费支出" 上年 3
      单位 "示例中心" 事业
      经济 30108 3.5 单位 "示例中心" 人员经费
      上年 208 3
      原因 208 "人员增加"
      项目 "多来源项目" 类型 特定目标类 一般公共预算 1.5 单位资金 2 上年 1
      资产 原值 970.18 车辆 450.14 其他 520.04 车辆数 2
      资产 车辆 机要通信用车 2
      核对 T5 合计 名称 "合计" 合计 100 基本支出 60
      说明 T8 "本部门没有政府性基金预算。"
      支出 2010301 基本 1234.56元 来源 单位资金
      """
    let wb = try TestSupport.workbook(script)
    let exported = wb.exportScript()
    let rebuilt = try TestSupport.workbook(exported)
    #expect(rebuilt.facts == wb.facts)
    #expect(rebuilt.exportScript() == exported)
    #expect(exported.contains("支出 2010301 基本 1234.56元 来源 单位资金"))
  }
}
