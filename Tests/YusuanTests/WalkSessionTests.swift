import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore
@testable import yusuan
@testable import Walk

/// The guided walk in-process: a session fed scripted answers, its output collected. Each test types only
/// answers, Enter ("") and the walk's own navigation, never an entry command (issue 12).
final class ScriptedInput: InputSource {
  var answers: [String]
  var prompts: [String] = []
  init(_ answers: [String]) { self.answers = answers }
  func read(prompt: String, initialText: String?) -> InputEvent {
    prompts.append(prompt)
    guard !answers.isEmpty else { return .endOfInput }
    return .line(answers.removeFirst())
  }
  func remember(_ line: String) {}
}

enum Walk {
  /// Runs the walk from table `goto` (a table id or number) with these answers, until they run out.
  static func run(_ wb: Workbench, goto: String, _ answers: [String]) -> (text: String, prompts: [String]) {
    let input = ScriptedInput(["goto \(goto)"] + answers)
    let box = OutputBox()
    let s = ReplSession(wb: wb, input: input, out: { box.lines.append($0) })
    s.start(resumeMessage: false)
    s.run()
    return (box.lines.joined(separator: "\n"), input.prompts)
  }
}

final class OutputBox: @unchecked Sendable { var lines: [String] = [] }

@Suite struct WalkSessionTests {
  static let twoSources = "收入 一般公共预算 300 上年 300\n收入 单位资金 20 上年 20"

  /// The walk itself works in-process (the harness the other tests rely on).
  @Test func harnessEntersARow() throws {
    let wb = try TestSupport.workbook("")
    _ = Walk.run(wb, goto: "T5", ["2010301", "基本", "10", "", ""])
    #expect(wb.exportScript().contains("支出 2010301 基本 10"))
  }

  /// A 7-digit code the catalog lacks is said once (with how to load the official catalog) and its 科目名称 is
  /// asked and stored, so the tables print the name, not the code; 01 offers 行政运行. A second line of the same
  /// code is not asked again.
  @Test func anUnknownCodeAsksItsNameOnce() throws {
    let wb = try TestSupport.workbook("")
    let r = Walk.run(
      wb, goto: "T5",
      [
        "2010505", "专项统计业务", "", "60", "0", "新增专项", "2010501", "", "", "200", "200",
        "2010505", "基本", "5", "0", "新增",
      ])
    #expect(r.prompts.contains { $0.contains("科目名称") })
    #expect(r.prompts.contains { $0.contains("科目名称（目录中没有此编码） [行政运行]") })
    #expect(r.prompts.filter { $0.contains("科目名称") }.count == 2, "asked for 2010505 once and 2010501 once")
    #expect(r.prompts.contains { $0.contains("基本/项目 [项目]") } && r.prompts.contains { $0.contains("基本/项目 [基本]") })
    let names = Dictionary(wb.facts.expenditures.compactMap { l in l.name.map { (l.code + l.kind.rawValue, $0) } }, uniquingKeysWith: { a, _ in a })
    #expect(names["2010505项目"] == "专项统计业务", "\(r.text)\n\(r.prompts)")
    #expect(names["2010501基本"] == "行政运行")
    #expect(r.text.components(separatedBy: "不在科目目录").count - 1 == 2, "one warning per code:\n\(r.text)")
    #expect(r.text.contains("catalog import"))
    let doc = try wb.compile(draft: true)
    let t5 = try #require(doc.tables.first { $0.id == "T5" })
    #expect(TextTable.render(t5).contains("专项统计业务"))
  }

  /// With more than one revenue source a spending line asks its 资金来源, the source not yet all spent offered
  /// first; with one source it is not asked.
  @Test func spendingAsksItsSourceWhenRevenueHasTwo() throws {
    let wb = try TestSupport.workbook(Self.twoSources + "\n支出 2010301 基本 300 上年 300")
    let r = Walk.run(wb, goto: "T5", ["2010302", "项目", "", "20", "20", ""])
    #expect(r.prompts.contains { $0.contains("资金来源 [单位资金]") })
    #expect(wb.facts.expenditures.contains { $0.code == "2010302" && $0.source == .unitFunds && $0.amount == wan("20") }, "\(r.text)\n\(r.prompts)")
    let one = try TestSupport.workbook("收入 一般公共预算 300")
    let r1 = Walk.run(one, goto: "T5", ["2010301", "", "300", "", ""])
    #expect(!r1.prompts.contains { $0.contains("资金来源") })
    #expect(one.facts.expenditures.first?.source == .general)
  }

  /// Revenue asks its reason when the change needs one, and keeps it for that source (two sources: each its own).
  @Test func revenueAsksItsReasonPerSource() throws {
    let wb = try TestSupport.workbook("")
    let r = Walk.run(wb, goto: "T2", ["", "300", "280", "业务量增加", "单位资金", "20", "0", "新增统计服务收入", ""])
    #expect(r.prompts.filter { $0.contains("增减原因") }.count == 2)
    #expect(wb.facts.reason(for: "一般公共预算") == "业务量增加")
    #expect(wb.facts.reason(for: "单位资金") == "新增统计服务收入")
    #expect(!wb.check().contains { $0.rule == "change.reason-missing" && $0.table == "T2" })
  }

  /// The spending summary (T3) asks the reason for the total's change when it needs one; Enter leaves it.
  @Test func theSpendingSummaryAsksTheTotalsReason() throws {
    let wb = try TestSupport.workbook("收入 一般公共预算 300 上年 240\n支出 2010301 基本 300 上年 240 原因 \"人员增加\"")
    let r = Walk.run(wb, goto: "T3", ["工作任务增加"])
    #expect(r.prompts.contains { $0.contains("支出合计增减原因") })
    #expect(wb.facts.reason(for: "合计") == "工作任务增加")
    #expect(r.prompts.last?.contains("三公") == true, "on to the next table: \(r.prompts)")
    // No change: the summary only asks for Enter.
    let same = try TestSupport.workbook("收入 一般公共预算 300 上年 300\n支出 2010301 基本 300 上年 300")
    let r2 = Walk.run(same, goto: "T3", [""])
    #expect(!r2.prompts.contains { $0.contains("增减原因") })
    #expect(r2.prompts.last?.contains("三公") == true)
  }

  /// A project splits its amount by source when the revenue has more than one; the defaults are the project
  /// spending of its code not yet covered by a project.
  @Test func aProjectSplitsItsAmountBySource() throws {
    let wb = try TestSupport.workbook(Self.twoSources + "\n支出 2010507 项目 40 上年 40\n支出 2010507 项目 20 来源 单位资金 上年 20\n支出 2010301 基本 260 上年 260")
    let r = Walk.run(wb, goto: "T10", ["经济普查", "特定目标类", "", "", "", "", "是"])
    #expect(r.prompts.contains { $0.contains("功能科目编码 [2010507]") })
    #expect(r.prompts.contains { $0.contains("金额（万元，一般公共预算） [40]") })
    #expect(r.prompts.contains { $0.contains("单位资金（万元） [20]") })
    let p = try #require(wb.facts.projects.first)
    #expect(p.amounts == [.general: wan("40"), .unitFunds: wan("20")])
    #expect(p.performanceManaged)
    #expect(!wb.check().contains { $0.rule == "cross.project-list" })
  }

  /// The 绩效目标表 asks the fund split, 项目来源 and 项目期, each with a default from the project.
  @Test func theGoalAsksItsSplitOriginAndPeriod() throws {
    let wb = try TestSupport.workbook(Self.twoSources + "\n项目 \"经济普查\" 类型 特定目标类 科目 2010507 一般公共预算 40 单位资金 20 绩效管理")
    let r = Walk.run(wb, goto: "项目支出绩效目标表", ["", "", "", "", "", "", "完成普查数据开发。", ""])
    #expect(r.prompts.contains { $0.contains("财政拨款（万元） [40]") })
    #expect(r.prompts.contains { $0.contains("其他资金（万元） [20]") })
    #expect(!r.prompts.contains { $0.contains("上年结转") })
    let g = try #require(wb.facts.goals.first)
    #expect(g.total == wan("60") && g.appropriation == wan("40") && g.other == wan("20"))
    #expect(g.origin == "新增项目" && g.period == "2025-1-1至2025-12-31" && g.objective == "完成普查数据开发。")
    #expect(r.prompts.last?.contains("绩效指标") == true, "Enter ended the table: \(r.prompts.suffix(2))")
  }

  /// The indicator table offers the project and the level still missing, and Enter ends it once all are there
  /// (it picked the project and then refused the empty level, for ever).
  @Test func indicatorsEndWithEnter() throws {
    let wb = try TestSupport.workbook("项目 \"经济普查\" 类型 特定目标类 金额 40 绩效管理\n绩效 \"经济普查\" 总额 40 目标 \"完成。\"")
    let r = Walk.run(
      wb, goto: "绩效指标",
      [
        "", "", "数量指标", "报告", "3篇", "", "", "社会效益指标", "支撑决策", "有效",
        "", "", "服务对象满意度指标", "满意度", "≥90%", "",
      ])
    #expect(r.prompts.contains { $0.contains("一级指标 [产出指标]") } && r.prompts.contains { $0.contains("一级指标 [满意度指标]") })
    #expect(Set(wb.facts.indicators.map(\.level1)) == Set(Indicator.level1Names))
    #expect(r.prompts.last?.contains("机关运行经费") == true, "Enter ended the table: \(r.prompts.suffix(2))")
  }

  /// 无 ends its table at once (nothing else can be entered beside it).
  @Test func noneEndsTheTable() throws {
    let wb = try TestSupport.workbook("")
    let r = Walk.run(wb, goto: "车辆占有情况", ["无", "无"])
    #expect(wb.facts.emptySections.contains("车辆") && wb.facts.emptySections.contains("设备"))
    #expect(r.prompts.last?.contains("本年计划购置") == true, "\(r.prompts.suffix(2))")
  }
}

/// An amount in 万元, as typed.
func wan(_ s: String) -> Amount {
  guard case .success(let a) = AmountParser.parse(s) else { fatalError("not an amount: \(s)") }
  return a
}

/// Two small truths of the REPL's own printing (issue 12 bugs), checked in-process.
@Suite struct ReplPrintingTests {
  /// `show` prints an empty table's note once, as the document prints it: never 注：注：.
  @Test func showPrintsANoteOnce() throws {
    let wb = try TestSupport.demoWorkbook()
    let ids = (1...20).map { "show T\($0)" }
    let input = ScriptedInput(ids + ["quit"])
    let box = OutputBox()
    let s = ReplSession(wb: wb, input: input, out: { box.lines.append($0) })
    s.start(resumeMessage: false)
    s.run()
    let text = box.lines.joined(separator: "\n")
    #expect(text.contains("注：") && text.contains("故本表无数据"), "an empty table with its note was shown")
    #expect(!text.contains("注：注：") && !text.contains("注:注"), "\(text)")
  }

  /// The resume line counts the finished tables and the current one out of the same number of tables.
  @Test func theResumeLineCountsOneWay() throws {
    let wb = try TestSupport.demoWorkbook()
    let box = OutputBox()
    let s = ReplSession(wb: wb, input: ScriptedInput(["quit"]), out: { box.lines.append($0) })
    s.start(resumeMessage: true)
    let line = try #require(box.lines.first { $0.hasPrefix("已完成 ") }, "\(box.lines)")
    let numbers = line.matches(of: /(\d+)\/(\d+)/).map { (Int($0.output.1)!, Int($0.output.2)!) }
    #expect(numbers.count == 2 && numbers[0].1 == numbers[1].1 && numbers[0].0 <= numbers[0].1 && numbers[1].0 <= numbers[1].1, "\(line)")
  }

  /// The confirmation of an entry says the amount stored, in the document's unit, not the text typed:
  /// 2,287,000元 is confirmed as 228.70万元 (it repeated “2,287,000元”).
  @Test func theConfirmationSaysTheStoredAmount() throws {
    let wb = try TestSupport.workbook("")
    let r = Walk.run(wb, goto: "T2", ["", "2,287,000元", "2,287,000元", "", ""])
    #expect(wb.facts.revenues.first?.amount == Amount(wanCents: 22870), "\(r.text)")
    #expect(r.text.contains("228.70") && !r.text.contains("2,287,000元"), "\(r.text)")
  }
}
