import YusuanCore

/// 第一部分 部门概况: 主要职责, 预算单位构成, 年度主要工作任务.
public struct ProfilePlugin: SectionPlugin {
  public init() {}
  public let id = "profile"
  public let title = "部门概况"

  static let duty = CommandSpec("职责", summary: "主要职责（按序号排列）", syntax: "职责 [序号] \"文字\"", example: "职责 \"负责区政府会议的准备工作。\"")
  static let unit = CommandSpec("单位", summary: "预算单位构成", syntax: "单位 \"单位名称\" 机关|参公事业|事业|其他", example: "单位 \"杜集区政府办公室\" 机关")
  static let task = CommandSpec("任务", summary: "年度主要工作任务", syntax: "任务 [序号] \"文字\"", example: "任务 \"完成区下达的招商引资目标任务。\"")

  public var commands: [CommandSpec] { [Self.duty, Self.unit, Self.task] }

  public func parse(_ command: CommandSpec, _ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> [FactEdit] {
    switch command.keyword {
    case "职责", "任务":
      let (ordinal, text) = try Self.numberedText(&args, largest: context.facts.largestOrdinal(in: command.keyword), what: command.keyword)
      let item = ListItem(ordinal: ordinal, text: text)
      return [.set(command.keyword == "职责" ? .duty(item) : .task(item))]
    default:
      let name = try args.text("单位名称")
      let nature = try args.choice("单位性质", choices: BudgetUnit.natures) { BudgetUnit.natures.contains($0) ? $0 : nil }
      try args.expectEnd()
      let ordinal = context.facts.ordinal(of: Fact.unit(BudgetUnit(ordinal: 0, name: name, nature: nature)).key) ?? context.facts.nextOrdinal(in: "单位")
      return [.set(.unit(BudgetUnit(ordinal: ordinal, name: name, nature: nature)))]
    }
  }

  /// The numbers an item may have; the export writes every item's number, so an appended item may not go past it.
  static let largestOrdinal = 999

  /// `[序号] "文字"`: an explicit number replaces that item; without one the text is appended.
  static func numberedText(_ args: inout ArgReader, largest: Int, what: String) throws(EntryError) -> (Int, String) {
    var ordinal = largest + 1
    if let n = try args.optionalOrdinal(what, largest: largestOrdinal) {
      ordinal = n
    } else if ordinal > largestOrdinal {
      throw args.fail("\(what)的序号最大为\(largestOrdinal)，已有第\(largestOrdinal)条，不能再追加。请写明序号，替换或补上其中一条，例如：\(what) 5 \"……\"。",
                      at: args.peek())
    }
    let text = try args.text("\(what)内容").trimmingBlanks()
    guard !text.isEmpty else { throw args.fail("\(what)内容不能为空。") }
    try args.expectEnd()
    return (ordinal, text)
  }

  public func removalKey(_ command: CommandSpec, _ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> String {
    switch command.keyword {
    case "职责", "任务":
      let n = try args.count("序号")
      try args.expectEnd()
      let item = ListItem(ordinal: n, text: "")
      return command.keyword == "职责" ? Fact.duty(item).key : Fact.task(item).key
    default:
      let name = try args.text("单位名称")
      try args.expectEnd()
      return Fact.unit(BudgetUnit(ordinal: 0, name: name, nature: "")).key
    }
  }

  public func export(_ facts: FactSet) -> [String] {
    facts.duties.map { "职责 \($0.ordinal) \(ScriptWriter.q($0.text))" }
      + facts.units.map { "单位 \(ScriptWriter.q($0.name)) \($0.nature)" }
      + facts.tasks.map { "任务 \($0.ordinal) \(ScriptWriter.q($0.text))" }
  }

  public func check(_ view: BudgetView) throws -> [Diagnostic] {
    var out: [Diagnostic] = []
    let f = view.facts
    if f.duties.isEmpty {
      out.append(Diagnostic(rule: ProfileRuleID.dutiesMissing, table: "第一部分", row: "主要职责",
                            message: "尚未录入主要职责。部门概况须列明部门主要职责，请用：职责 \"……\"", plugin: id))
    }
    if f.units.isEmpty {
      out.append(Diagnostic(rule: ProfileRuleID.unitsMissing, table: "第一部分", row: "预算单位构成",
                            message: "尚未录入预算单位构成。请至少录入本级：单位 \"\(view.meta.department)\" 机关", plugin: id))
    }
    if f.tasks.isEmpty {
      out.append(Diagnostic(rule: ProfileRuleID.tasksMissing, table: "第一部分", row: "主要工作任务",
                            message: "尚未录入年度主要工作任务。请用：任务 \"……\"", plugin: id))
    }
    for d in f.duties { out += TextRules.residue(d.text, words: view.edition.rules.residue, table: "第一部分", row: "职责\(d.ordinal)", plugin: id) }
    for t in f.tasks { out += TextRules.residue(t.text, words: view.edition.rules.residue, table: "第一部分", row: "任务\(t.ordinal)", plugin: id) }
    for u in f.units { out += TextRules.residue(u.name, words: view.edition.rules.residue, table: "第一部分", row: "单位", plugin: id) }
    return out
  }
}
