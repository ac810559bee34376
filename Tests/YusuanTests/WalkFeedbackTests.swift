import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore
@testable import yusuan
@testable import Walk

/// Issue 12 items 3–5: after each entry the walk says only what that entry changed (its effect, the findings it
/// caused or fixed); checks waiting for tables not reached yet are 待录入, not red errors; a row's questions do not
/// depend on its amounts, so an Enter never ends a table except on a row's first question.
@Suite struct WalkFeedbackTests {
  /// What the walk printed after `marker` (an entry's confirmation), up to the next entry or table end.
  static func after(_ text: String, _ marker: String) -> String {
    guard let r = text.range(of: marker) else { return "" }
    let rest = text[r.upperBound...]
    let end = [rest.range(of: "✔ 已录入"), rest.range(of: "本表结束")].compactMap { $0?.lowerBound }.min() ?? rest.endIndex
    return String(rest[..<end])
  }

  /// The first revenue line, before any spending: no red 收支平衡, a 待录入 note naming the table it waits for.
  @Test func revenueBeforeSpendingIsPendingNotAnError() throws {
    let wb = try TestSupport.workbook("")
    let r = Walk.run(wb, goto: "T2", ["", "300", "300", ""])
    #expect(!r.text.contains("✗"), "\(r.text)")
    #expect(!r.text.contains("cross.revenue-expenditure"), "\(r.text)")
    #expect(r.text.contains("○ 待录入：收入与支出不平衡"), "\(r.text)")
    #expect(r.text.contains("第6张表"), "names the table it waits for: \(r.text)")
  }

  /// While the spending is entered, 收支平衡 and the project list are not repeated after each line (they wait for
  /// their tables); the effect says how much revenue is left. Ending the table with revenue left says 收支平衡 once.
  @Test func spendingLinesShowOnlyTheirEffect() throws {
    let wb = try TestSupport.workbook("收入 一般公共预算 300 上年 300")
    let r = Walk.run(wb, goto: "T5", ["2010301", "", "200", "200", "", "2010302", "", "60", "60", "", ""])
    let beforeEnd = r.text.components(separatedBy: "本表结束").first ?? ""
    #expect(!beforeEnd.contains("cross.revenue-expenditure"), "\(beforeEnd)")
    #expect(!beforeEnd.contains("cross.project-list"), "the projects table is not reached yet: \(beforeEnd)")
    #expect(!beforeEnd.contains("项目 \"项目名称\""), "no typed entry asked for: \(beforeEnd)")
    #expect(beforeEnd.contains("收入还有 40.00 万元未安排支出"), "\(beforeEnd)")
    let atEnd = r.text.components(separatedBy: "本表结束").dropFirst().joined()
    #expect(atEnd.components(separatedBy: "[cross.revenue-expenditure]").count - 1 >= 1, "said at the table's end: \(atEnd)")
    #expect(!atEnd.contains("cross.project-list"), "\(atEnd)")
  }

  /// A finding told once is not repeated when its numbers change; when an entry fixes it, the walk says so.
  @Test func aFixedFindingIsSaidFixed() throws {
    let wb = try TestSupport.workbook("收入 一般公共预算 300 上年 300\n支出 2010301 基本 200 上年 200\n支出 2010302 项目 100 上年 100")
    // The economic table ended short of the basic spending: said at its end, not after each line.
    let r = Walk.run(wb, goto: "T6", ["30101", "100", "", "30102", "50", "", ""])
    let lines = r.text.components(separatedBy: "本表结束")
    #expect(!(lines.first ?? "").contains("cross.basic-economic"), "\(r.text)")
    #expect((lines.dropFirst().first ?? "").contains("[cross.basic-economic]"), "\(r.text)")
    // Back in the table: a line that still leaves a gap says nothing new; the one that closes it says it is fixed.
    let r2 = Walk.run(wb, goto: "T6", ["30201", "30", "", "30211", "20", ""])
    let first = Self.after(r2.text, "✔ 已录入：经济 30201 30")
    #expect(!first.contains("cross.basic-economic") && !first.contains("已解决"), "\(first)")
    let second = Self.after(r2.text, "✔ 已录入：经济 30211 20")
    #expect(second.contains("✔ 已解决：基本支出按功能分类与按经济分类不等"), "\(r2.text)")
  }

  /// In the walk a finding points to the walk's table to go back to, never to an entry command to type
  /// (`cross.project-list` said 请用：项目 "项目名称" …).
  @Test func findingsPointToTheWalksTable() throws {
    let wb = try TestSupport.workbook("收入 一般公共预算 100 上年 100\n支出 2010302 项目 100 上年 100")
    let r = Walk.run(wb, goto: "T10", ["", "check"])
    #expect(r.text.contains("[cross.project-list]"), "\(r.text)")
    #expect(r.text.contains("goto 8 回到第8张表“项目支出表”录入"), "\(r.text)")
    #expect(!r.text.contains("请用："), "\(r.text)")
  }

  /// `check` shows everything, the findings still waiting for later tables included (as 待录入, not as errors).
  @Test func checkShowsEverything() throws {
    let wb = try TestSupport.workbook("")
    let r = Walk.run(wb, goto: "T2", ["", "300", "300", "", "check", "progress"])
    let check = r.text.components(separatedBy: "收入合计 300.00 万元").last ?? ""
    #expect(check.contains("待录入"), "\(check)")
    #expect(check.contains("[cross.revenue-expenditure]"), "\(check)")
    #expect(check.contains("[profile.duties-missing]"), "\(check)")
    // progress counts them by table: the spending table waits, the profile (passed) has its errors.
    #expect(r.text.contains("第6张 支出·一般公共预算支出（功能分类项级）（") && r.text.contains("项待录入"), "\(r.text)")
  }

  /// Rhythm: a row's questions do not depend on its amounts. The reason is asked on every row (needed or not), so
  /// the Enter an officer gives it never lands on the next row's code and ends the table.
  @Test func anEnterForTheReasonNeverEndsTheTable() throws {
    let wb = try TestSupport.workbook("收入 一般公共预算 300 上年 300")
    // 200 → 200 needs no reason; the Enter for it must not end the table: 2010302 is still a row of T5.
    let r = Walk.run(wb, goto: "T5", ["2010301", "", "200", "200", "", "2010302", "", "100", "100", "", ""])
    #expect(wb.facts.expenditures.contains { $0.code == "2010302" }, "\(r.prompts)")
    #expect(r.prompts.filter { $0.contains("增减原因 [可空]") }.count == 2)
    // A change beyond the threshold: the prompt says the reason is needed.
    let r2 = Walk.run(wb, goto: "T5", ["2010350", "", "30", "10", "新增人员"])
    #expect(r2.prompts.contains { $0.contains("增减原因 [变化较大，需说明]") }, "\(r2.prompts)")
    // Revenue too.
    let r3 = Walk.run(wb, goto: "T2", ["一般公共预算", "300", "", "", "单位资金", "20", "20", "", ""])
    #expect(wb.facts.revenues.contains { $0.source == .unitFunds }, "\(r3.prompts)")
  }

  /// Enter on any question but a row's first takes the default or leaves an optional field empty; on a required
  /// field without a default it is refused, never the end of the table.
  @Test func enterElsewhereNeverEndsTheTable() throws {
    let wb = try TestSupport.workbook("收入 一般公共预算 300 上年 300")
    let r = Walk.run(wb, goto: "T5", ["2010301", "", "", "200", "", "", "2010302", "", "100", "", "", ""])
    #expect(r.text.contains("此项不能为空"))
    #expect(wb.facts.expenditures.map(\.code).sorted() == ["2010301", "2010302"], "\(r.prompts)")
    #expect(r.prompts.last?.contains("经济分类科目编码") == true, "ended by the Enter on the first question: \(r.prompts.suffix(2))")
  }
}
