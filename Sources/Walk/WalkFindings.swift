import Foundation
import Workbench
import YusuanCore
import YusuanStore

/// Which findings the walk shows, and when: news once, fixed when gone, 待录入 until their tables are entered.
extension ReplSession {
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
}
