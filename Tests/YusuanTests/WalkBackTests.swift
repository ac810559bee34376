import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore
@testable import yusuan
@testable import Walk

/// Answers as typed at a terminal: each read records its prompt and the text put into the editor; an empty answer
/// with text in the editor is that text (Enter accepts what `<` put back).
final class EditorLikeInput: InputSource {
  var answers: [String]
  var reads: [(prompt: String, initial: String?)] = []
  init(_ answers: [String]) { self.answers = answers }
  func read(prompt: String, initialText: String?) -> InputEvent {
    reads.append((prompt, initialText))
    guard !answers.isEmpty else { return .endOfInput }
    let a = answers.removeFirst()
    return .line(a.isEmpty ? (initialText ?? "") : a)
  }
  func remember(_ line: String) {}
}

/// Issue 12 item 6: `<` keeps what was typed, in the set-up questions and right after an entry; `yusuan` in a folder
/// that already has the workbook offers to continue it.
@Suite struct WalkBackTests {
  static func walk(_ wb: Workbench, _ answers: [String]) -> (text: String, input: EditorLikeInput) {
    let input = EditorLikeInput(answers)
    let box = OutputBox()
    let s = ReplSession(wb: wb, input: input, out: { box.lines.append($0) })
    s.start(resumeMessage: false)
    s.run()
    return (box.lines.joined(separator: "\n"), input)
  }

  /// `<` right after a confirmed row reopens that row (the entry undone, its last answer back for editing) instead
  /// of leaving for the previous table; Enter through enters it again, corrected.
  @Test func backAfterAnEntryReopensIt() throws {
    let wb = try TestSupport.workbook("收入 一般公共预算 300 上年 300")
    let r = Self.walk(wb, ["goto T5", "2010301", "", "200", "250", "厉行节约", "<", "<", "240", "", ""])
    let afterBack = try #require(r.input.reads.firstIndex { $0.prompt.contains("增减原因") && $0.initial == "厉行节约" }, "\(r.input.reads)")
    #expect(r.input.reads[afterBack].prompt.contains("6/20"), "still the spending table: \(r.input.reads[afterBack])")
    #expect(r.input.reads[afterBack + 1].prompt.contains("上年预算数") && r.input.reads[afterBack + 1].initial == "250")
    #expect(r.text.contains("已撤销：支出 2010301"))
    let lines = wb.facts.expenditures.filter { $0.code == "2010301" }
    #expect(lines.count == 1 && lines.first?.prior == wan("240"), "\(r.text)")
    #expect(wb.facts.reason(for: "2010301") == "厉行节约")
    #expect(r.input.reads.last?.prompt.contains("经济分类科目编码") == true, "the last Enter ended the table: \(r.input.reads.suffix(2))")
  }

  /// In the 三公 table too: `<` after an item reopens that item, not the previous table.
  @Test func backAfterAFixedRowReopensIt() throws {
    let wb = try TestSupport.workbook("")
    let r = Self.walk(wb, ["goto T7", "1", "1", "<"])
    let last = try #require(r.input.reads.last)
    #expect(last.prompt.contains("因公出国（境）费·上年预算数") && last.initial == "1", "\(r.input.reads.suffix(3))")
    #expect(wb.facts.threePublic.isEmpty, "the entry is undone until entered again")
  }

  static func dialog(_ dir: String, _ answers: [String]) throws -> (choice: StartDialog.Choice?, input: EditorLikeInput, text: String) {
    let input = EditorLikeInput(answers)
    let box = OutputBox()
    let choice = try StartDialog(forms: TestSupport.forms, suggestedPath: nil, input: input, out: { box.lines.append($0) }, dir: dir).run()
    return (choice, input, box.lines.joined(separator: "\n"))
  }

  /// `<` during set-up goes back one question with its answer in the editor (it was lost).
  @Test func backDuringSetUpKeepsTheAnswer() throws {
    let dir = (TestSupport.tempPath() as NSString).deletingLastPathComponent
    let r = try Self.dialog(dir, ["某县统计局", "<", "", "2026", ""])
    let back = try #require(r.input.reads.dropFirst(2).first)
    #expect(back.prompt.hasPrefix("部门名称") && back.initial == "某县统计局", "\(r.input.reads)")
    #expect(r.choice == StartDialog.Choice(path: dir + "/某县统计局-2026.yusuan", created: true), "\(r.text)")
    #expect(FileManager.default.fileExists(atPath: dir + "/某县统计局-2026.yusuan"))
    // A wrong year is asked again with what was typed, to correct it.
    let r2 = try Self.dialog((TestSupport.tempPath() as NSString).deletingLastPathComponent, ["甲", "202", "2026", ""])
    #expect(r2.input.reads.contains { $0.prompt.hasPrefix("预算年度") && $0.initial == "202" })
  }

  /// The department's name is one rule for `new` and the REPL (DepartmentName): a name of 41 characters or with a
  /// control character is refused with why, and asked again with what was typed; the CLI says the same.
  @Test func theDepartmentsNameIsKeptToATitlesLength() throws {
    let long = String(repeating: "长", count: DepartmentName.longest + 1)
    let dir = (TestSupport.tempPath() as NSString).deletingLastPathComponent
    let r = try Self.dialog(dir, [long, "某县统计局", "2026", ""])
    #expect(r.text.contains("超过 \(DepartmentName.longest) 个字"), "\(r.text)")
    #expect(r.input.reads.contains { $0.prompt.hasPrefix("部门名称") && $0.initial == long })
    #expect(r.choice?.path == dir + "/某县统计局-2026.yusuan")
    let bell = try Self.dialog((TestSupport.tempPath() as NSString).deletingLastPathComponent, ["某\u{7}局", "某局", "2026", ""])
    #expect(bell.text.contains("控制字符"))
    let cli = try CLI.run(["new", TestSupport.tempPath(), "--department", long, "--year", "2025"])
    #expect(cli.status == 2 && cli.stderr.contains("超过 \(DepartmentName.longest) 个字"), "\(cli.stderr)")
    #expect(DepartmentName.problem("上海市普陀区人民政府办公室") == nil)
  }

  /// `yusuan` in a folder that has the workbook: offered at once, and Enter continues it (it asked three questions
  /// and then refused). Said no to, the same department and year still lead to it, not to a refusal.
  @Test func anExistingWorkbookIsOfferedToContinue() throws {
    let dir = (TestSupport.tempPath() as NSString).deletingLastPathComponent
    let path = dir + "/某县统计局-2026.yusuan"
    _ = try Workbench.create(path: path, department: "某县统计局", year: 2026, editionID: "anhui-2024", forms: TestSupport.forms)
    let r = try Self.dialog(dir, [""])
    #expect(r.choice == StartDialog.Choice(path: path, created: false))
    #expect(r.input.reads.count == 1 && r.input.reads[0].prompt.contains("某县统计局-2026.yusuan"), "\(r.input.reads)")
    let r2 = try Self.dialog(dir, ["否", "某县统计局", "2026", "", ""])
    #expect(r2.choice == StartDialog.Choice(path: path, created: false), "\(r2.text)")
    #expect(!r2.text.contains("✗"), "\(r2.text)")
  }
}
