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
    let script =
      TestSupport.consistent + """

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

/// Issue 14 (3): a script saved on Windows (CRLF) or an old Mac (CR) reads line by line like a Unix one
/// (it was read as one line: a first-line comment swallowed the whole file).
struct LineEndingTests {
  @Test func fileLinesEndAtLFCRLFAndCR() {
    #expect("a\nb\r\nc\rd".fileLines == ["a", "b", "c", "d"])
    #expect("a\r\n\r\nb\r\n".fileLines == ["a", "", "b", ""])
    #expect("a\r\rb".fileLines == ["a", "", "b"])
    #expect("".fileLines == [""])
    #expect("职责 \"甲\"\r\n任务 \"乙\"".fileLines == ["职责 \"甲\"", "任务 \"乙\""])
  }

  static let script = ["# 示例脚本：第一行是注释", "职责 \"负责会议的准备工作。\"", "支出 2010301 基本 60 上年 60", "任务 \"完成年度工作目标。\"", ""]

  /// The same script with each line ending gives the same workbook, via the real binary.
  @Test(arguments: ["\r\n", "\r"])
  func windowsAndOldMacScriptsReadLikeUnix(_ ending: String) throws {
    func entered(_ text: String) throws -> (run: CLI.Result, export: String) {
      let w = TestSupport.tempPath()
      _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
      let run = try CLI.run(["run", w, try CLI.writeTemp(text)])
      return (run, try CLI.run(["export", w]).stdout)
    }
    let unix = try entered(Self.script.joined(separator: "\n"))
    let other = try entered(Self.script.joined(separator: ending))
    #expect(unix.run.status == 0, "\(unix.run.stderr)")
    #expect(other.run.status == 0, "\(other.run.stderr)")
    #expect(other.run.stdout.hasPrefix("已录入 3 条"), "\(other.run.stdout)")
    #expect(other.export == unix.export)
  }

  /// The piped REPL reads the same lines (an error in line 3 is `stdin:3`).
  @Test(arguments: ["\r\n", "\r"])
  func pipedREPLReadsWindowsAndOldMacLines(_ ending: String) throws {
    func piped(_ text: String) throws -> (repl: CLI.Result, export: String) {
      let w = TestSupport.tempPath()
      _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
      let repl = try CLI.run(["repl", w], stdin: text)
      return (repl, try CLI.run(["export", w]).stdout)
    }
    let unix = try piped(Self.script.joined(separator: "\n"))
    let other = try piped(Self.script.joined(separator: ending))
    #expect(other.repl.status == 0, "\(other.repl.stderr)")
    #expect(other.export == unix.export)
    #expect(other.export.contains("任务"))
    let bad = try piped(["# 注释", "职责 \"好的\"", "支出 2010301 基本 -5"].joined(separator: ending))
    #expect(bad.repl.stderr.contains("stdin:3:"), "\(bad.repl.stderr)")
  }

  /// An error in line 3 is reported at line 3, quoting line 3 alone; so is a line that is not UTF-8.
  @Test(arguments: ["\n", "\r\n", "\r"])
  func errorsAreReportedAtTheirLine(_ ending: String) throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    let bad = try CLI.writeTemp(["# 注释", "职责 \"好的\"", "支出 2010301 基本 -5", "任务 \"完成\""].joined(separator: ending))
    let r = try CLI.run(["run", w, bad])
    #expect(r.status == 2)
    #expect(r.stderr.contains("\(bad):3:"), "\(r.stderr)")
    #expect(r.stderr.contains("3 | 支出 2010301 基本 -5\n"), "\(r.stderr)")
    #expect(!r.stderr.contains("任务"))
    let gbk = FileManager.default.temporaryDirectory.appendingPathComponent("gbk-\(UUID()).ys")
    try (Data("# 注释\(ending)职责 \"好的\"\(ending)".utf8) + Data([0xD6, 0xB0, 0xD4, 0xF0]) + Data(ending.utf8)).write(to: gbk)
    let g = try CLI.run(["run", w, gbk.path])
    #expect(g.status == 2)
    #expect(g.stderr.contains("\(gbk.path):3:"), "\(g.stderr)")
  }
}

/// Issue 14 (8): `金额` is the 一般公共预算 amount; giving it and `一般公共预算` on one line was stored as their sum.
struct SameSourceTwiceTests {
  @Test(arguments: [
    "项目 \"调研活动经费\" 类型 日常运转类 金额 5 一般公共预算 5",
    "项目 \"调研活动经费\" 类型 日常运转类 一般公共预算 5 金额 5",
    "采购 货物 \"办公电脑\" 金额 5 一般公共预算 5",
    "购买服务 \"物业管理\" 方式 \"公开招标\" 期限 \"2025年\" 金额 5 一般公共预算 5",
    "资产 配置 \"办公电脑\" 2 一般公共预算 5 金额 5",
  ])
  func refusedWithTheSecondMarked(_ line: String) throws {
    let wb = try TestSupport.workbook("")
    do {
      try wb.apply(TestSupport.lines(line), source: .script)
      Issue.record("accepted: \(line)")
    } catch let e as ApplyError {
      let err = try #require(e.errors.first)
      #expect(err.message.contains("“金额”就是一般公共预算的金额"), "\(err.message)")
      // The caret is under the second of the two.
      let second = [line.range(of: "金额 5")!, line.range(of: "一般公共预算 5")!].map(\.lowerBound).max()!
      #expect(err.column == DisplayWidth.of(String(line[..<second])) + 1, "\(err.rendered)")
    }
    #expect(wb.facts.projects.isEmpty && wb.facts.procurements.isEmpty && wb.facts.purchasedServices.isEmpty && wb.facts.assetConfigurations.isEmpty)
  }

  @Test func oneOfThemAloneIsOneAmount() throws {
    let wb = try TestSupport.workbook("项目 \"甲\" 类型 日常运转类 金额 5\n项目 \"乙\" 类型 日常运转类 一般公共预算 5 单位资金 2")
    #expect(wb.facts.projects.map(\.total) == [try AmountParser.parse("5").get(), try AmountParser.parse("7").get()])
  }
}

/// A unit written apart from its figure belongs to it (issue 12: `12 万元` passed the walk's field and then the
/// whole entry was refused); a unit alone or after another unit is still refused.
@Suite struct UnitApartTests {
  @Test func aUnitAfterASpaceBelongsToItsFigure() throws {
    let spaced = try TestSupport.workbook("支出 2010301 基本 12 万元 上年 3000 元")
    let joined = try TestSupport.workbook("支出 2010301 基本 12 上年 0.3")
    #expect(spaced.exportScript() == joined.exportScript())
    #expect(throws: (any Error).self) { try TestSupport.workbook("支出 2010301 基本 12万 元") }
    #expect(throws: (any Error).self) { try TestSupport.workbook("支出 2010301 基本 万元") }
  }
}
