/// The placeholders budget-disclosure templates leave where a department's own words belong: one list for the
/// check of entered prose (with an edition's own words, `RuleSettings.residue`) and for the audit of any published
/// document (with every edition's own words).
public enum TemplateResidue {
  public static let common = [
    "XX", "ＸＸ", "××", "xx局", "根据实际情况", "增加（减少）", "增长（下降）", "增加(减少)", "增长(下降)",
    "局（委）", "局(委)", "（单位名称）", "（部门名称）",
  ]

  /// The common words, then those of `own` not among them.
  public static func words(adding own: [String]) -> [String] {
    own.reduce(into: common) { if !$0.contains($1) { $0.append($1) } }
  }
}

/// `text.residue` (error): entered prose still carries the template's placeholders (XX局, 根据实际情况进行解释,
/// 增加（减少）…): `TemplateResidue.common` and the edition's own words.
public enum TextRules {
  public static func residue(_ text: String, words: [String], table: String?, row: String?, plugin: String) -> [Diagnostic] {
    let hits = words.filter { !$0.isEmpty && text.containsBytes($0) }
    guard !hits.isEmpty else { return [] }
    let excerpt = text.count > 40 ? String(text.prefix(40)) + "…" : text
    return [
      Diagnostic(
        rule: CoreRuleID.textResidue, table: table, row: row,
        message: "文字中留有模板占位内容“\(hits.joined(separator: "”“"))”：「\(excerpt)」。请改为本部门的实际内容。",
        expected: "不含“\(hits[0])”", actual: hits.joined(separator: "、"), plugin: plugin)
    ]
  }
}

/// `change.reason-missing` (warning): a change from last year beyond the edition's threshold needs a reason,
/// because the 情况说明 must state one for every such change.
/// `change.reason-direction` (warning): the reason argues the other way (压减一般性支出 for an increase): printed
/// after the change it would read 增长原因主要是压减一般性支出.
public enum ChangeRules {
  public static func needsReason(current: Amount, prior: Amount?, settings: RuleSettings) -> Bool {
    guard let prior else { return false }
    let change = (current - prior).magnitude
    if change.isZero { return false }
    if prior.isZero { return true }
    if change >= settings.reasonAmountValue { return true }
    let pct = Ratio.percentHundredths(change, of: prior.magnitude) ?? 0
    return pct >= settings.reasonPercentHundredths
  }

  public static func reasonChecks(
    subject: String, label: String, current: Amount, prior: Amount?, reason: String?,
    view: BudgetView, table: String?, plugin: String
  ) -> [Diagnostic] {
    if let reason, !reason.isEmpty {
      return reasonDirection(subject: subject, label: label, current: current, prior: prior, reason: reason, view: view, table: table, plugin: plugin)
    }
    guard needsReason(current: current, prior: prior, settings: view.edition.rules), let prior else { return [] }
    let change = current - prior
    let word = change.isNegative ? "减少" : "增加"
    return [
      Diagnostic(
        rule: CoreRuleID.changeReasonMissing, table: table, row: subject,
        message: "\(label)比\(view.meta.priorYear)年\(word)\(change.magnitude.wan)万元（\(prior.wan) → \(current.wan)），超过须说明原因的幅度。请录入：原因 \(subject) \"……\"",
        expected: "有原因", actual: "无", plugin: plugin)
    ]
  }

  /// `change.reason-direction` alone, for a reason found for the change (its own or one it would borrow).
  public static func reasonDirection(
    subject: String, label: String, current: Amount, prior: Amount?, reason: String?,
    view: BudgetView, table: String?, plugin: String
  ) -> [Diagnostic] {
    guard let reason, let prior, ReasonDirection.contradicts(reason, current: current, prior: prior) else { return [] }
    let up = current > prior, word = up ? "增加" : "减少"
    return [
      Diagnostic(
        rule: CoreRuleID.changeReasonDirection, table: table, row: subject,
        message:
          "\(label)比\(view.meta.priorYear)年\(word)\((current - prior).magnitude.wan)万元，录入的原因“\(reason)”说的却是\(up ? "减少" : "增加")，不能作为这一\(word)的原因印出。请为它录入\(word)的原因：原因 \(subject) \"……\"",
        expected: "\(word)的原因", actual: reason, plugin: plugin)
    ]
  }
}
