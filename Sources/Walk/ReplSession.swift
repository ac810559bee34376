import Foundation
import Workbench
import YusuanCore
import YusuanStore

/// The guided walk: section by section, table by table, field by field, with the same entry commands as scripts.
///
/// hledger-add style: each prompt shows where the officer is and a default in [brackets]; Enter accepts it;
/// `<` steps back one prompt keeping what was typed; every accepted entry is durable before the next prompt.
public final class ReplSession {
  let wb: Workbench
  let input: InputSource
  let out: (String) -> Void
  let steps: [WalkStep]
  var stepIndex = 0
  /// Answers of the row being entered; index = field.
  var answers: [String] = []
  var fieldIndex = 0
  /// Labels done in a `.fixed` step.
  var fixedIndex = 0
  /// Text to put back into the editor at the next prompt (after `<` or a refused row).
  var pendingInitial: String? = nil
  /// Answers of this row that `<` stepped back over, by field: put into the editor when the field is asked again,
  /// so going back to fix one answer never means retyping the ones after it.
  var steppedBack: [Int: String] = [:]
  /// The text the editor was given at the last prompt: `<` typed after it (`厉行节约<`) still means `<`.
  var shownInitial: String? = nil
  var quit = false
  /// Findings due that the officer has been told about (or found at the start): each is announced once, when the
  /// entry that causes it is accepted or the table it waits for is ended, and said to be fixed when it goes.
  var known: [Diagnostic] = []
  /// Rules with findings still waiting for tables not yet entered (待录入), so a new kind is said once.
  var pendingRules: Set<String> = []
  /// The furthest step the walk has reached: the tables before it count as entered.
  var furthest = 0
  /// The row (code, source, name …) of the entry just applied, whose own findings are news at once.
  var enteredRow: String? = nil
  /// The row the walk has just entered (its step, fixed label and answers): `<` before anything else is answered
  /// reopens it (the entry is undone, its answers put back), rather than leaving for the previous table.
  struct Entered { var step: Int; var fixedIndex: Int; var answers: [String] }
  var lastEntered: Entered? = nil
  /// Last year's row being offered for this year's figure (its leading answers are filled in).
  var offered: PendingRow? = nil
  /// Offered rows the officer has answered, kept in the workbook so a reopened walk does not offer them again.
  var answeredRows: Set<String> = []
  /// Offered rows put off with 跳过 in this session (offered again next time).
  var skippedRows: Set<String> = []
  /// Codes missing from the catalog that the walk has already warned about (once each).
  var warnedCodes: Set<String> = []
  static let answeredSetting = "walk.answered"
  static let furthestSetting = "walk.furthest"

  public init(wb: Workbench, input: InputSource, out: @escaping (String) -> Void) {
    self.wb = wb
    self.input = input
    self.out = out
    steps =
      SectionRegistry.plugins.flatMap { $0.walk(wb.context) }
      + [
        WalkStep(
          id: "review", section: "审核", title: "检查全部问题", table: nil,
          help: "列出全部检查结果。改正后可输入 compile 目录 生成公开文件；输入 quit 退出。", isComplete: { _ in false })
      ]
  }

  var step: WalkStep { steps[stepIndex] }

  /// The facts of last year's workbook of this department in the same folder, if there is one (read once).
  lazy var priorFacts: FactSet? = {
    let dir = (wb.store.path as NSString).deletingLastPathComponent
    guard let path = PriorWorkbook.find(department: wb.meta.department, year: wb.meta.year - 1, in: dir.isEmpty ? "." : dir) else { return nil }
    return try? Workbench.open(path: path, forms: wb.forms, readonly: true).facts
  }()

  /// The codes the officer may mean: the catalog's, this workbook's and last year's.
  func codeBook() -> CodeBook { CodeBook(catalog: wb.catalog, facts: [wb.facts] + (priorFacts.map { [$0] } ?? [])) }

  /// TAB completion for this session's prompts.
  public func completion(editions: [String]) -> ReplCompletion {
    ReplCompletion(
      codeBook: { [unowned self] in codeBook() }, facts: { [unowned self] in wb.facts }, editions: editions,
      context: { [unowned self] in wb.context },
      field: { [unowned self] in currentField.map { ($0, answers) } })
  }

  // MARK: Start and resume

  public func start(resumeMessage: Bool) {
    if let saved = try? wb.store.setting(Self.answeredSetting) {
      answeredRows = Set(saved.split(separator: "\u{1F}").map(String.init))
    }
    let findings = wb.check()
    if let saved = try? wb.store.setting("walk.step"), let i = steps.firstIndex(where: { $0.id == saved }) { stepIndex = i }
    if let saved = try? wb.store.setting(Self.furthestSetting), let i = steps.firstIndex(where: { $0.id == saved }) { furthest = i }
    furthest = max(furthest, stepIndex)
    reportFindings(silently: true)
    let done = steps.filter { $0.isComplete(wb.facts) }.count
    out("yusuan（预算）· \(wb.meta.department) \(wb.meta.year)年 · 版本 \(wb.edition.id) · 工作簿 \(wb.store.path)")
    out("随时可输入：help 帮助　< 返回上一项　undo 撤销上一条　show 表号 查看表　check 检查　next/prev 换表　quit 退出（已录入的内容随时保存）。")
    if resumeMessage, (try? wb.store.head()) ?? 0 > 0 {
      out(
        "已完成 \(done)/\(steps.count) 张表，\(findings.errorCount) 条错误、\(findings.warningCount) 条警告；继续：第\(stepIndex + 1)/\(steps.count)张表 \(step.section)·\(step.title)。"
      )
    }
    enterStep()
  }

  // MARK: The loop

  public func run() {
    while !quit {
      let prompt = currentPrompt()
      let initial = pendingInitial ?? (currentField == nil ? nil : steppedBack[fieldIndex])
      pendingInitial = nil
      shownInitial = initial
      switch input.read(prompt: prompt.text, initialText: initial) {
      case .endOfInput:
        out("")
        leave()
      case .interrupted:
        out("（已取消本项输入；输入 quit 退出）")
      case .line(let raw):
        handle(raw, defaultValue: prompt.defaultValue)
      }
    }
  }

  struct Prompt { var text: String; var defaultValue: String? }

  func currentPrompt() -> Prompt {
    let place = "【\(step.section)｜\(step.title) \(stepIndex + 1)/\(steps.count)】"
    switch step.kind {
    case .confirm where currentField == nil:
      return Prompt(text: place + "回车继续 › ", defaultValue: nil)
    default:
      guard let field = currentField else { return Prompt(text: place + "› ", defaultValue: nil) }
      let d = field.suggestion(wb.facts, answers)
      let label: String
      if case .fixed(let labels) = step.kind { label = "\(labels[fixedIndex])·\(field.prompt)" } else { label = field.prompt }
      let hint =
        d.map { "[\($0)]" }
        ?? (fieldIndex == 0 && isRows
          ? "[回车结束本表]"
          : field.expected(wb.facts, answers)
            ? "[变化较大，需说明]"
            : field.mayBeEmpty(wb.facts, answers) ? "[可空]" : "")
      return Prompt(text: place + label + (hint.isEmpty ? "" : " " + hint) + " › ", defaultValue: d)
    }
  }

  var isRows: Bool { if case .rows = step.kind { return true } else { return false } }

  var currentField: WalkField? { fieldIndex < step.fields.count ? step.fields[fieldIndex] : nil }

  func handle(_ raw: String, defaultValue: String?) {
    var text = raw.trimmingBlanks()
    // `<` typed at the end of the text put back into the editor is still `<` (that text is kept for later).
    if let shown = shownInitial, !shown.isEmpty, text.hasPrefix(shown), ["<", "返回"].contains(String(text.dropFirst(shown.count)).trimmingBlanks()) {
      text = "<"
    }
    if !text.isEmpty { input.remember(raw) }
    // After undo or next (goto and prev: `go(to:)`), `<` no longer reopens the row entered.
    if ["undo", "撤销", "next", "下一张"].contains(String(text.split(separator: " ").first ?? "")) { lastEntered = nil }
    if MetaCommand.handle(text, session: self) { return }
    // A full entry command typed directly, anywhere.
    if let first = text.split(separator: " ").first.map(String.init), SectionRegistry.commands[first] != nil || first == EntryParser.removeKeyword,
      text.contains(" ") || first == EntryParser.removeKeyword
    {
      lastEntered = nil
      // A direct entry may answer the row on offer (or remove it): then move on to the next one.
      if apply(text), let row = offered, !step.pending(wb.facts).contains(where: { $0.key == row.key }) {
        markOffered(row)
        offerNext()
      }
      return
    }
    if let row = offered, text == "跳过" {
      lastEntered = nil
      skippedRows.insert(row.key)
      if !offerNext() { out("上年各行已处理完毕；可继续录入新的行，直接回车结束本表。") }
      return
    }
    switch step.kind {
    case .confirm where currentField == nil:
      if text.isEmpty { advance() } else { out("此表由系统生成，无需录入。回车继续，或输入 help。") }
    default:
      answer(text, defaultValue: defaultValue)
    }
  }
}
