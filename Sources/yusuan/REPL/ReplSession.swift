import Foundation
import Workbench
import YusuanCore
import YusuanStore

/// What the officer's terminal gives back for one prompt.
enum InputEvent: Equatable {
  case line(String)
  /// Ctrl-C: cancel the current input, not the session.
  case interrupted
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfInput
}

/// Where input comes from: the line editor on a terminal, plain lines otherwise.
protocol InputSource: AnyObject {
  func read(prompt: String, initialText: String?) -> InputEvent
  func remember(_ line: String)
}

/// The guided walk: section by section, table by table, field by field, with the same entry commands as scripts.
///
/// hledger-add style: each prompt shows where the officer is and a default in [brackets]; Enter accepts it;
/// `<` steps back one prompt keeping what was typed; every accepted entry is durable before the next prompt.
final class ReplSession {
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

  init(wb: Workbench, input: InputSource, out: @escaping (String) -> Void) {
    self.wb = wb
    self.input = input
    self.out = out
    steps = SectionRegistry.plugins.flatMap { $0.walk(wb.context) }
      + [WalkStep(id: "review", section: "审核", title: "检查全部问题", table: nil,
                  help: "列出全部检查结果。改正后可输入 compile 目录 生成公开文件；输入 quit 退出。", isComplete: { _ in false })]
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
  func completion(editions: [String]) -> ReplCompletion {
    ReplCompletion(codeBook: { [unowned self] in codeBook() }, facts: { [unowned self] in wb.facts }, editions: editions,
                   field: { [unowned self] in currentField.map { ($0, answers) } })
  }

  // MARK: Start and resume

  func start(resumeMessage: Bool) {
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
      out("已完成 \(done)/\(steps.count) 张表，\(findings.errorCount) 条错误、\(findings.warningCount) 条警告；继续：第\(stepIndex + 1)/\(steps.count)张表 \(step.section)·\(step.title)。")
    }
    enterStep()
  }

  func enterStep() {
    steppedBack = [:]
    answers = []
    fieldIndex = 0
    fixedIndex = 0
    offered = nil
    try? wb.store.setSetting("walk.step", step.id)
    out("")
    out("── 第\(stepIndex + 1)/\(steps.count)张表 · \(step.section) · \(step.title)\(step.table.map { "（\($0)）" } ?? "") \(step.isComplete(wb.facts) ? "✔" : "") ──")
    out(step.help)
    if case .confirm = step.kind {
      if let t = step.table { show(t) } else if step.id == "review" { showAllFindings() }
      // A derived table may still ask what only the officer knows about it (the reason for the total's change).
      skipFieldsNotAsked()
    } else if let t = step.table, step.isComplete(wb.facts) {
      // What is already entered here (e.g. lines carried from last year), so the officer sees what to confirm or correct.
      show(t)
    }
    offerPending()
  }

  /// In a table of rows, offers the next row carried from last year that still waits for this year's figure:
  /// its code (or name) is filled in and the walk asks for the amount, last year's figure as the default.
  @discardableResult
  func offerPending() -> Bool {
    guard isRows, fieldIndex == 0, answers.isEmpty else { return false }
    let rows = step.pending(wb.facts).filter { !answeredRows.contains($0.key) && !skippedRows.contains($0.key) }
    guard let row = rows.first, row.answers.count < step.fields.count else { offered = nil; return false }
    offered = row
    answers = row.answers
    fieldIndex = row.answers.count
    skipFieldsNotAsked()
    out("上年数待确认（本表还有 \(rows.count) 行）：\(row.label)。输入本年数，回车沿用方括号中的数；“跳过”留待以后，< 修改科目，next 换表。")
    return true
  }

  /// Leaves the row on offer with nothing typed for it and offers the next one, if any.
  @discardableResult
  func offerNext() -> Bool {
    offered = nil
    answers = []
    fieldIndex = 0
    return offerPending()
  }

  /// The offered row has been answered (or deliberately left): remember it in the workbook.
  func markOffered(_ row: PendingRow) {
    answeredRows.insert(row.key)
    try? wb.store.setSetting(Self.answeredSetting, answeredRows.sorted().joined(separator: "\u{1F}"))
  }

  // MARK: The loop

  func run() {
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
      let hint = d.map { "[\($0)]" } ?? (fieldIndex == 0 && isRows ? "[回车结束本表]" : field.expected(wb.facts, answers) ? "[变化较大，需说明]"
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
       text.contains(" ") || first == EntryParser.removeKeyword {
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

  /// One answer to the current field: validated now, so a bad amount is refused at its own prompt.
  func answer(_ text: String, defaultValue: String?) {
    lastEntered = nil
    guard let field = currentField else { return }
    var value = text.isEmpty ? (defaultValue ?? "") : text
    if value.isEmpty {
      if fieldIndex == 0 && isRows { out("本表结束。"); afterTable(); return }
      if case .fixed = step.kind, fieldIndex == 0 { advance(); return }
      if !field.mayBeEmpty(wb.facts, answers) { out("此项不能为空。\(example(field))"); return }
    }
    if !value.isEmpty {
      switch validate(value, field) {
      case .failure(let message):
        out("✗ \(message.text)")
        return
      case .success(let normal): value = normal
      }
    }
    answers.append(value)
    fieldIndex += 1
    skipFieldsNotAsked()
    if fieldIndex >= step.fields.count { submitRow() }
  }

  func skipFieldsNotAsked() {
    while let f = currentField, !f.ask(wb.facts, answers) {
      answers.append("")
      fieldIndex += 1
    }
  }

  /// An answer checked as its declared argument takes it; a code may be typed as its name (行政运 → 2010301)
  /// when it names exactly one code at the level asked.
  func validate(_ value: String, _ field: WalkField) -> Result<String, ValidationMessage> {
    switch field.check(value, wb.context) {
    case .success(let normal):
      if case .code(let system) = field.kind { warnIfUnknown(normal, system) }
      return .success(normal)
    case .failure(let r) where r.mayBeName:
      guard case .code(let system) = field.kind else { return .failure(ValidationMessage(text: r.text)) }
      let book = codeBook()
      let level = field.level ?? (system == .function ? 7 : 5)
      let hits = book.complete(value, in: system).filter { $0.code.count == level }
      if hits.count == 1 { out("→ \(hits[0].code) \(hits[0].name)"); return .success(hits[0].code) }
      return .failure(ValidationMessage(text: hits.isEmpty ? "“\(value)”不是科目编码，目录中也没有这个名称。" :
        "“\(value)”对应多个科目：" + hits.prefix(6).map { "\($0.code) \($0.name)（\(book.name(String($0.code.prefix(5)), system) ?? String($0.code.prefix(5)))）" }.joined(separator: "；") + "。请输入编码，或按 TAB 补全。"))
    case .failure(let r):
      return .failure(ValidationMessage(text: r.text))
    }
  }

  struct ValidationMessage: Error { var text: String }

  /// A well-formed code the catalog does not know: said once, when it is first typed, with the codes it may have
  /// meant and how to load the official catalog; the walk then asks its name (the finding is not repeated).
  func warnIfUnknown(_ code: String, _ system: CodeSystem) {
    guard wb.catalog.entry(code, system) == nil, !warnedCodes.contains(code) else { return }
    warnedCodes.insert(code)
    let loc = CodeRules.Location(table: nil, row: nil, plugin: "walk")
    guard let d = CodeRules.check(code: code, name: nil, system: system, level: nil, catalog: wb.catalog, at: loc).first(where: { $0.rule == "code.unknown" }) else { return }
    var text = d.message
    if !text.contains("catalog import") { text += "如有本年度官方科目目录，可用 yusuan catalog import 导入。" }
    out("  ⚠ \(text)")
  }

  func example(_ field: WalkField) -> String {
    switch field.kind {
    case .amount: return "例如 212.89（万元）或 3000元。"
    case .code(let s): return s == .function ? "例如 2010301（行政运行），可输入“行政运”后按 TAB。" : "例如 30101（基本工资）。"
    case .choice(let o): return "可选：\(o.joined(separator: "、"))。"
    default: return ""
    }
  }

  /// Builds the entry line from the answers and applies it like any other entry.
  func submitRow() {
    guard let start = step.lineStart else { return }
    var parts = [start]
    // Positional values first, in field order, then the options: a field asked early (名称 after the code,
    // 来源 after 基本/项目) is still an option of the line.
    let answered = zip(step.fields, answers)
    for (f, a) in answered where f.keyword == nil { if let frag = f.fragment(a) { parts.append(frag) } }
    for (f, a) in answered where f.keyword != nil { if let frag = f.fragment(a) { parts.append(frag) } }
    if case .fixed(let labels) = step.kind, answers.first != labels[fixedIndex] { parts.insert(labels[fixedIndex], at: 1) }
    // A derived table's optional question left empty: nothing to enter, on to the next table.
    if step.kind.isConfirm, parts.count == 1 { advance(); return }
    let line = parts.joined(separator: " ")
    let kept = answers
    let entered = Entered(step: stepIndex, fixedIndex: fixedIndex, answers: kept)
    if apply(line) {
      defer { lastEntered = entered }
      steppedBack = [:]
      answers = []
      fieldIndex = 0
      if let row = offered { markOffered(row); offered = nil }
      switch step.kind {
      case .single, .confirm: advance()
      case .fixed(let labels):
        fixedIndex += 1
        if fixedIndex >= labels.count { advance() } else { prefillFixed() }
      default:
        // 无 says the table has no rows: nothing more to ask here.
        if kept.first == "无" { out("本表结束。"); afterTable() } else { offerPending() }
      }
    } else {
      // Refused: start the row again with what was typed, so nothing needs retyping.
      answers = []
      fieldIndex = 0
      pendingInitial = kept.first
      prefillFixed()
    }
  }

  /// In a `.fixed` step the first field is the label itself.
  func prefillFixed() {
    if case .fixed(let labels) = step.kind, fixedIndex < labels.count, answers.isEmpty {
      answers = [labels[fixedIndex]]
      fieldIndex = 1
    }
  }

  /// Applies one entry line; echoes its effect and the new findings. Durable before it returns.
  @discardableResult
  func apply(_ line: String) -> Bool {
    do {
      try wb.apply([Workbench.SourcedLine(text: line, file: "repl", line: 1)], source: .repl)
      out("✔ 已录入：\(line)")
      if let effect = Effect.describe(line, wb: wb) { out("  \(effect)") }
      enteredRow = Effect.row(line)
      reportFindings()
      enteredRow = nil
      return true
    } catch let e as ApplyError {
      for err in e.errors {
        out("✗ " + err.message.replacingOccurrences(of: "\n", with: "\n  "))
      }
      return false
    } catch {
      out("✗ 未能保存：\(ErrorText.describe(error))本条未录入，已录入的内容不受影响。")
      return false
    }
  }

  // MARK: Findings

  /// A finding's identity, without its numbers: the same finding with new figures (收支平衡 while the spending is
  /// being entered) is not news. An unknown code is one finding however many tables use it.
  static func identity(_ d: Diagnostic) -> String {
    if d.rule == "code.unknown", let code = d.actual { return "code.unknown|\(code)" }
    return [d.rule, d.table ?? "", d.row ?? "", d.column ?? ""].joined(separator: "|")
  }

  /// The walk steps a finding waits for: the step of its table (else the last step of its section), and the later
  /// step its rule compares with (`WalkStep.dueAfter`).
  func waits(_ d: Diagnostic) -> [Int] {
    var out: [Int] = []
    if let t = d.table, let i = steps.firstIndex(where: { $0.table == t }) {
      out.append(i)
    } else if let p = d.plugin, let i = steps.lastIndex(where: { $0.section == pluginTitle(p) }) {
      out.append(i)
    }
    for s in steps { if let id = s.dueAfter[d.rule], let i = steps.firstIndex(where: { $0.id == id }) { out.append(i) } }
    return out
  }

  /// Whether a finding is news now: every table it is about has been entered (the walk has passed its step), or it
  /// sits on the very row just entered in this table (an unexplained change, a name of another 款). The others are
  /// 待录入: counted, not shown as errors, until the walk has passed the tables they wait for.
  func isDue(_ d: Diagnostic) -> Bool {
    // An unknown code is said when it is typed (`warnIfUnknown`), wherever it sits.
    if d.rule == "code.unknown" { return true }
    return waits(d).allSatisfy { i in
      i < furthest || (i == stepIndex && d.row != nil && d.row == enteredRow && d.table != nil && d.table == step.table)
    }
  }

  /// Reports what changed since the officer was last told: findings now due that are new (caused by the entry, or
  /// due now that their tables are entered) and those told before that are gone (fixed). With `silently`, only
  /// takes note (after `goto`, at the start).
  func reportFindings(silently: Bool = false) {
    let findings = wb.check().filter { $0.severity != .info }
    let due = findings.filter(isDue)
    let pending = findings.filter { !isDue($0) }
    let ids = Set(findings.map(Self.identity))
    if !silently {
      for d in known where !ids.contains(Self.identity(d)) {
        out("  ✔ 已解决：\(Self.title(d))\(d.location.isEmpty ? "" : "（\(d.location)）")")
      }
      let told = Set(known.map(Self.identity))
      for d in due where !told.contains(Self.identity(d)) && !(d.rule == "code.unknown" && d.actual.map(warnedCodes.contains) == true) {
        out("  \(Self.mark(d)) [\(d.rule)] \(d.location.isEmpty ? "" : d.location + "：")\(walkMessage(d))")
      }
      // A check of a kind not waiting before, for a later table than this one: said once, briefly, as 待录入 (this
      // table's own gaps are plain while it is being entered).
      let newKinds = Set(pending.map(\.rule)).subtracting(pendingRules)
      let waiting = pending.filter { newKinds.contains($0.rule) && (waits($0).max() ?? 0) > stepIndex }
      if !waiting.isEmpty {
        out("  ○ 待录入：" + pendingSummary(waiting) + "，录完后再检查。")
      }
    }
    var seen = Set<String>()
    known = due.filter { seen.insert(Self.identity($0)).inserted }
    pendingRules = Set(pending.map(\.rule))
  }

  /// `check`: every finding, those still waiting for later tables marked 待录入 rather than as errors.
  func showAllFindings() {
    let findings = wb.check()
    let pending = findings.filter { $0.severity != .info && !isDue($0) }
    let pendingIDs = Set(pending.map(Self.identity))
    for d in findings where d.severity != .info && !pendingIDs.contains(Self.identity(d)) {
      out("  \(Self.mark(d)) [\(d.rule)] \(d.location.isEmpty ? "" : d.location + "：")\(walkMessage(d))")
    }
    if !pending.isEmpty {
      out("  待录入（相关的表录完后再检查，共 \(pending.count) 条）：")
      for d in pending { out("  ○ [\(d.rule)] \(d.location.isEmpty ? "" : d.location + "：")\(walkMessage(d))") }
    }
    out(DiagnosticRenderer.summary(findings))
    reportFindings(silently: true)
  }

  /// `收入与支出不平衡 2 项（第6张表）、…`: pending findings by kind, with the table they wait for.
  func pendingSummary(_ ds: [Diagnostic]) -> String {
    struct Group: Hashable { var title: String; var step: Int? }
    var order: [Group] = []
    var counts: [Group: Int] = [:]
    for d in ds {
      let g = Group(title: Self.title(d), step: waits(d).filter { $0 >= furthest }.max())
      if counts[g] == nil { order.append(g) }
      counts[g, default: 0] += 1
    }
    return order.map { g in
      "\(g.title) \(counts[g]!) 项" + (g.step.map { "（第\($0 + 1)张表 \(steps[$0].title)）" } ?? "")
    }.joined(separator: "、")
  }

  /// A finding's message in the walk: where a script user is told the entry to type (请用：项目 …), the officer is
  /// told which table of the walk to go back to.
  func walkMessage(_ d: Diagnostic) -> String {
    guard let r = d.message.range(of: "请用："), let i = waits(d).min() else { return d.message }
    var head = String(d.message[..<r.lowerBound])
    if let last = head.last, "，；、".contains(last) { head.removeLast() }
    if let last = head.last, !"。！？".contains(last) { head += "。" }
    return head + "可输入 goto \(i + 1) 回到第\(i + 1)张表“\(steps[i].title)”录入。"
  }

  static func title(_ d: Diagnostic) -> String { SectionRegistry.rules.first { $0.id == d.rule }?.title ?? d.rule }

  static func mark(_ d: Diagnostic) -> String { d.severity == .error ? "✗" : "⚠" }

  func pluginTitle(_ id: String) -> String { SectionRegistry.plugins.first { $0.id == id }?.title ?? id }

  func afterTable() {
    if let t = step.table, !(step.kind.isConfirm) { show(t) }
    advance()
  }

  /// On to the next table. A table ended in the walk (`report`) says, under it, the findings that were waiting for
  /// it; `next` (skipping it) only takes note of them.
  func advance(report: Bool = true) {
    if stepIndex + 1 < steps.count {
      stepIndex += 1
      reach(report: report)
      enterStep()
    } else {
      out("已到最后一张表。输入 check 查看问题，quit 退出。")
      enterStep()
    }
    prefillFixed()
  }

  /// Opens step `i` out of the walk's order (goto, prev, `<` into the previous table): nothing is reported.
  func go(to i: Int) {
    lastEntered = nil
    stepIndex = i
    reach(report: false)
    enterStep()
    prefillFixed()
  }

  /// The walk has reached the current step: the tables before it count as entered.
  func reach(report: Bool) {
    if stepIndex > furthest {
      furthest = stepIndex
      try? wb.store.setSetting(Self.furthestSetting, step.id)
    }
    reportFindings(silently: !report)
  }

  func back() {
    if let e = lastEntered, offered == nil, fieldIndex == (step.kind.isFixed ? 1 : 0) {
      reopen(e)
    } else if fieldIndex > (step.kind.isFixed ? 1 : 0), !step.kind.isConfirm {
      // `<` goes back one prompt, putting its answer back for editing.
      if let shown = shownInitial, !shown.isEmpty { steppedBack[fieldIndex] = shown }
      fieldIndex -= 1
      while fieldIndex > 0, answers[fieldIndex].isEmpty, let f = currentField, !f.ask(wb.facts, Array(answers.prefix(fieldIndex))) { fieldIndex -= 1 }
      pendingInitial = answers[fieldIndex]
      for (j, a) in answers.enumerated().dropFirst(fieldIndex + 1) where !a.isEmpty { steppedBack[j] = a }
      answers = Array(answers.prefix(fieldIndex))
    } else if stepIndex > 0 {
      go(to: stepIndex - 1)
    } else {
      out("已在第一张表。")
    }
  }

  /// `<` right after a row was entered: the entry is undone (journaled, like `undo`) and its answers come back, the
  /// last question asked open for editing; Enter through the questions enters it again.
  func reopen(_ e: Entered) {
    lastEntered = nil
    do {
      guard let r = try wb.undo() else { return }
      out("已撤销：\(r.command)。请修改这一行（回车沿用原来的回答）。")
    } catch {
      out("✗ 撤销失败：\(ErrorText.describe(error))")
      return
    }
    if e.step != stepIndex {
      stepIndex = e.step
      enterStep()
    }
    offered = nil
    fixedIndex = e.fixedIndex
    let first = step.kind.isFixed ? 1 : 0
    var i = e.answers.count - 1
    while i > first, e.answers[i].isEmpty, !step.fields[i].ask(wb.facts, Array(e.answers.prefix(i))) { i -= 1 }
    answers = Array(e.answers.prefix(i))
    fieldIndex = i
    pendingInitial = e.answers[i]
    steppedBack = [:]
  }

  func show(_ id: String) {
    do {
      let doc = try wb.compile(draft: true)
      let all = doc.tables
      guard let t = all.first(where: { $0.id == id.uppercased() }) else {
        out("没有表 \(id)。本版本的表：\(wb.edition.tables.map { "\($0.id) \($0.name)" }.joined(separator: "、"))")
        return
      }
      out(TextTable.render(t))
    } catch {
      out("无法生成表 \(id)：\(ErrorText.describe(error))")
    }
  }

  func leave() {
    let findings = wb.check()
    out("已保存。\(DiagnosticRenderer.summary(findings)) 下次用 yusuan repl \(wb.store.path) 继续。")
    quit = true
  }
}

extension WalkStep.Kind {
  var isConfirm: Bool { if case .confirm = self { return true } else { return false } }
  var isFixed: Bool { if case .fixed = self { return true } else { return false } }
}
