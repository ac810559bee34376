import YusuanCore

/// 第一部分 部门概况: 主要职责, 预算单位构成, 年度主要工作任务.
public struct ProfilePlugin: SectionPlugin {
  public init() {}
  public let id = "profile"
  public let title = "部门概况"

  public var commands: [EntryCommand] { [Self.duty.command, Unit.command, Self.task.command] }

  public func check(_ view: BudgetView) throws -> [Diagnostic] {
    var out: [Diagnostic] = []
    let f = view.facts
    if f.duties.isEmpty {
      out.append(
        Diagnostic(
          rule: ProfileRuleID.dutiesMissing, table: "第一部分", row: "主要职责",
          message: "尚未录入主要职责。部门概况须列明部门主要职责，请用：职责 \"……\"", plugin: id))
    }
    if f.units.isEmpty {
      out.append(
        Diagnostic(
          rule: ProfileRuleID.unitsMissing, table: "第一部分", row: "预算单位构成",
          message: "尚未录入预算单位构成。请至少录入本级：单位 \"\(view.meta.department)\" 机关", plugin: id))
    }
    if f.tasks.isEmpty {
      out.append(
        Diagnostic(
          rule: ProfileRuleID.tasksMissing, table: "第一部分", row: "主要工作任务",
          message: "尚未录入年度主要工作任务。请用：任务 \"……\"", plugin: id))
    }
    for d in f.duties { out += TextRules.residue(d.text, words: view.edition.rules.residue, table: "第一部分", row: "职责\(d.ordinal)", plugin: id) }
    for t in f.tasks { out += TextRules.residue(t.text, words: view.edition.rules.residue, table: "第一部分", row: "任务\(t.ordinal)", plugin: id) }
    for u in f.units { out += TextRules.residue(u.name, words: view.edition.rules.residue, table: "第一部分", row: "单位", plugin: id) }
    return out
  }
}
