import Foundation
import Workbench
import YusuanCore
import YusuanStore

/// Answers: each checked at its own prompt, the row built into an entry line and applied like any other entry.
extension ReplSession {
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
      return .failure(
        ValidationMessage(
          text: hits.isEmpty
            ? "“\(value)”不是科目编码，目录中也没有这个名称。"
            : "“\(value)”对应多个科目："
              + hits.prefix(6).map { "\($0.code) \($0.name)（\(book.name(String($0.code.prefix(5)), system) ?? String($0.code.prefix(5)))）" }.joined(
                separator: "；") + "。请输入编码，或按 TAB 补全。"))
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
    guard let d = CodeRules.check(code: code, name: nil, system: system, level: nil, catalog: wb.catalog, at: loc).first(where: { $0.rule == "code.unknown" })
    else { return }
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
      let changes = try wb.applyEntries([Workbench.SourcedLine(text: line, file: "repl", line: 1)], source: .repl).flatMap(\.changes)
      out("✔ 已录入：\(line)")
      if let effect = Effect.describe(changes, wb: wb) { out("  \(effect)") }
      enteredRow = Effect.row(changes)
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
}
