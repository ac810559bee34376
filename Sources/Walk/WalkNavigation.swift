import Foundation
import Workbench
import YusuanCore
import YusuanStore

/// Moving through the walk: entering a table, rows carried from last year, next/prev/goto, `<` and reopening a row.
extension ReplSession {
  func enterStep() {
    steppedBack = [:]
    answers = []
    fieldIndex = 0
    fixedIndex = 0
    offered = nil
    try? wb.store.setSetting("walk.step", step.id)
    out("")
    out(
      "── 第\(stepIndex + 1)/\(steps.count)张表 · \(step.section) · \(step.title)\(step.table.map { "（\($0)）" } ?? "") \(step.isComplete(wb.facts) ? "✔" : "") ──")
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
