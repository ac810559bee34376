/// `无` for a section that has items (`采购 无` beside 采购 lines) says two opposite things, and the export could keep
/// only one of them: refused at entry (`EmptyForm.section`), reported by `check` in a workbook entered before that.
public enum NoneBesideItems {
  public static let rule = CoreRuleID.noneBesideItems

  /// Why `none` is refused while the section has `count` items (`example`: the 删除 line of the first).
  public static func refusal(none: String, what: String, count: Int, example: String) -> String {
    "已录入\(what) \(count) 项，不能同时录入“\(none)”。如确实没有，请先逐项删除，例如：\(example)。"
  }

  /// The finding for a workbook that has both.
  public static func finding(none: String, what: String, count: Int, table: String, plugin: String) -> Diagnostic {
    Diagnostic(
      rule: rule, table: table,
      message: "录入了“\(none)”，同时又有\(what) \(count) 项，两者矛盾；“无”不起作用，导出时也会略去。请用 删除 \(none) 去掉它，或删除这些项目。",
      plugin: plugin)
  }
}
