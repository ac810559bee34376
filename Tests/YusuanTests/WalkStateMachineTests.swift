import Foundation
import Testing
@testable import Walk
@testable import Workbench
@testable import YusuanCore
import YusuanStore

/// An input source that notes the walk's state at every prompt, then gives the next event; an empty answer is the
/// text the walk put into the editor (Enter accepts what `<` put back, as at a terminal).
final class ProbeInput: InputSource {
  var events: [InputEvent]
  weak var session: ReplSession?
  var seen: [(prompt: String, initial: String?, state: WalkState)] = []
  init(_ events: [InputEvent]) { self.events = events }
  func read(prompt: String, initialText: String?) -> InputEvent {
    if let s = session { seen.append((prompt, initialText, s.state)) }
    guard !events.isEmpty else { return .endOfInput }
    let e = events.removeFirst()
    if case .line("") = e, let initialText { return .line(initialText) }
    return e
  }
  func remember(_ line: String) {}
}

/// Issue 13 item 6: the walk's state machine in process, through the library's `ReplSession` and an injected input:
/// each test follows the state (table, question, answers) prompt by prompt, not the printed text.
@Suite struct WalkStateMachineTests {
  struct Run {
    var seen: [(prompt: String, initial: String?, state: WalkState)]
    var text: String
    var session: ReplSession
    /// The state at the prompt after the `n`-th answer (0: the first prompt).
    func after(_ n: Int) -> WalkState { seen[n].state }
  }

  static func run(_ wb: Workbench, _ answers: [String], events: [InputEvent]? = nil) -> Run {
    let input = ProbeInput(events ?? answers.map { .line($0) })
    let box = OutputBox()
    let s = ReplSession(wb: wb, input: input, out: { box.lines.append($0) })
    input.session = s
    s.start(resumeMessage: true)
    s.run()
    return Run(seen: input.seen, text: box.lines.joined(separator: "\n"), session: s)
  }

  static let revenue = "收入 一般公共预算 300 上年 300"

  /// `<` goes back one question: the answers after it are dropped from the row, the one gone back to is put into
  /// the editor; Enter through the questions gives the row again.
  @Test func backGoesOneQuestionBack() throws {
    let wb = try TestSupport.workbook(Self.revenue)
    let r = Self.run(wb, ["goto T5", "2010301", "基本", "<", "", "200"])
    #expect(r.after(1) == WalkState(step: "expenditure.lines", question: "科目编码", answers: [], offered: nil, furthest: "expenditure.lines"))
    // The name is not asked for a code in the catalog, nor the source with one source: both stay empty.
    #expect(r.after(2).question == "基本/项目" && r.after(2).answers == ["2010301", ""])
    #expect(r.after(3).question == "本年预算数（万元）" && r.after(3).answers == ["2010301", "", "基本", ""])
    #expect(r.after(4).question == "基本/项目" && r.after(4).answers == ["2010301", ""])
    #expect(r.seen[4].initial == "基本")
    #expect(r.after(5).question == "本年预算数（万元）" && r.after(5).answers == ["2010301", "", "基本", ""])
    #expect(r.after(6).question == "上年预算数（万元）")
    #expect(wb.facts.expenditures.isEmpty, "nothing entered before the row is complete")
  }

  /// `<` at a table's first question, nothing typed, opens the previous table; at the first table it stays.
  @Test func backAtTheFirstQuestionOpensThePreviousTable() throws {
    let wb = try TestSupport.workbook(Self.revenue)
    let r = Self.run(wb, ["goto T5", "<", "<", "goto 1", "<"])
    #expect(r.after(1).step == "expenditure.lines")
    #expect(r.after(2).step == "revenue.confirm" && r.after(2).question == nil)
    #expect(r.after(3).step == "revenue.sources")
    #expect(r.after(4).step == "profile.duties")
    #expect(r.after(5).step == "profile.duties" && r.text.contains("已在第一张表。"))
  }

  /// `<` right after a row was entered reopens it: the entry is undone (journaled), the row's answers come back
  /// with its last question open, and Enter through the questions enters it again.
  @Test func backAfterAnEntryReopensTheRow() throws {
    let wb = try TestSupport.workbook(Self.revenue)
    let r = Self.run(wb, ["goto T5", "2010301", "", "200", "250", "", "<", "", "2010302"])
    #expect(r.after(6) == WalkState(step: "expenditure.lines", question: "科目编码", answers: [], offered: nil, furthest: "expenditure.lines"))
    #expect(r.after(7).question == "增减原因" && r.after(7).answers == ["2010301", "", "基本", "", "200", "250"])
    #expect(r.text.contains("已撤销：支出 2010301 基本 200 上年 250"))
    #expect(r.after(8).question == "科目编码" && r.after(8).answers.isEmpty, "entered again")
    #expect(wb.facts.expenditures.map(\.code) == ["2010301"])
    let journal = try wb.store.journal()
    #expect(journal.filter { $0.source == .undo }.count == 1 && journal.filter { $0.command.hasPrefix("支出 2010301") }.count == 2)
  }

  /// `undo` takes back the last entry and stays at the question; `<` after it no longer reopens that row.
  @Test func undoTakesBackTheLastEntryAndStays() throws {
    let wb = try TestSupport.workbook(Self.revenue)
    let r = Self.run(wb, ["goto T5", "2010301", "", "200", "250", "", "undo", "<"])
    #expect(r.after(7) == WalkState(step: "expenditure.lines", question: "科目编码", answers: [], offered: nil, furthest: "expenditure.lines"))
    #expect(wb.facts.expenditures.isEmpty && wb.facts.revenues.count == 1)
    #expect(r.text.contains("已撤销：支出 2010301"))
    #expect(r.after(8).step == "revenue.confirm", "< after undo leaves for the previous table")
  }

  /// `goto` by number, table id or title word: the row in progress is dropped, the table entered from its first
  /// question (a table of fixed rows from its first label); a name it cannot find leaves the walk where it was.
  @Test func gotoOpensTheTableNamed() throws {
    let wb = try TestSupport.workbook(Self.revenue)
    let r = Self.run(wb, ["goto T5", "2010301", "goto T7", "goto 不存在的表", "goto 3", "goto 主要职责", "next", "prev"])
    #expect(r.after(2).answers == ["2010301", ""])
    #expect(r.after(3).step == "three-public" && r.after(3).answers == ["因公出国（境）费"] && r.after(3).question == "本年预算数（万元）")
    #expect(r.after(4).step == "three-public" && r.text.contains("找不到“不存在的表”"))
    #expect(r.after(5).step == r.session.steps[2].id)
    #expect(r.after(6).step == "profile.duties")
    #expect(r.after(7).step == "profile.units")
    #expect(r.after(8).step == "profile.duties")
    #expect(r.after(8).furthest == "three-public", "going back does not forget how far the walk had come")
  }

  /// Ctrl-C cancels what is being typed, not the row nor the session.
  @Test func interruptKeepsTheRow() throws {
    let wb = try TestSupport.workbook(Self.revenue)
    let r = Self.run(wb, [], events: [.line("goto T5"), .line("2010301"), .interrupted, .line("项目")])
    #expect(r.after(3) == r.after(2))
    #expect(r.after(4).answers == ["2010301", "", "项目", ""])
    #expect(r.session.hasEnded, "the end of input ends the session")
  }

  /// A session reopened resumes at the table it stopped at, knowing how far the walk had come; a row of last year
  /// answered is not offered again, one put off with 跳过 is.
  @Test func aReopenedWalkResumesWhereItStopped() throws {
    let wb = try TestSupport.workbook(Self.revenue + "\n支出 2010301 基本 0 上年 100\n支出 2010302 项目 0 上年 50")
    let first = Self.run(wb, ["goto T5", "120", "", "", "跳过", "quit"])
    #expect(first.after(1).offered == "支出|2010301|基本|一般公共预算|" && first.after(1).question == "本年预算数（万元）")
    #expect(first.after(4).offered == "支出|2010302|项目|一般公共预算|")
    #expect(wb.facts.expenditures.first { $0.code == "2010301" }?.amount == wan("120"))

    let again = try Workbench.open(path: wb.store.path, forms: TestSupport.forms)
    let second = Self.run(again, ["quit"])
    #expect(second.after(0).step == "expenditure.lines" && second.after(0).furthest == "expenditure.lines")
    #expect(second.after(0).offered == "支出|2010302|项目|一般公共预算|", "the answered row is not offered again; the skipped one is")
    #expect(second.text.contains("继续：第6/20张表"))
  }
}

/// Issue 13 item 4 (the REPL's part): what an entry changed is said from the changes `apply` returned, by the
/// section that owns them, never by splitting the typed line again.
@Suite struct WalkEffectTests {
  /// A 删除 line is an entry like another: the walk says the new total (it said nothing, its first word being 删除).
  @Test func aRemovalSaysTheNewTotal() throws {
    let wb = try TestSupport.workbook(WalkStateMachineTests.revenue + "\n支出 2010301 基本 200\n支出 2010302 项目 100")
    let r = WalkStateMachineTests.run(wb, ["goto T5", "删除 支出 2010301 基本"])
    #expect(r.text.contains("✔ 已录入：删除 支出 2010301 基本\n  类 201 一般公共服务支出 合计 100.00 万元；支出合计 100.00 万元（基本 0.00，项目 100.00）；收入还有 200.00 万元未安排支出"), "\(r.text)")
  }

  /// The summary comes from the plugin whose facts changed, the row from the changed fact's key.
  @Test func theEffectIsTheChangedSections() throws {
    let wb = try TestSupport.workbook(WalkStateMachineTests.revenue)
    let changes = try wb.applyEntries(TestSupport.lines("支出 2010301 基本 120 原因 \"增人\""), source: .repl).flatMap(\.changes)
    #expect(changes.count == 2)
    #expect(Effect.row(changes) == "2010301")
    #expect(Effect.describe(changes, wb: wb)?.hasPrefix("类 201 一般公共服务支出 合计 120.00 万元") == true)
    let three = try wb.applyEntries(TestSupport.lines("三公 无"), source: .repl).flatMap(\.changes)
    #expect(Effect.describe(three, wb: wb) == "“三公”经费合计 0.00 万元")
    let note = try wb.applyEntries(TestSupport.lines("说明 T8 \"本部门没有政府性基金。\""), source: .repl).flatMap(\.changes)
    #expect(Effect.describe(note, wb: wb) == nil && Effect.row(note) == "T8")
  }
}
