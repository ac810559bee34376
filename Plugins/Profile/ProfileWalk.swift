import YusuanCore

extension ProfilePlugin {
  public func walk(_ context: EntryContext) -> [WalkStep] {
    [
      WalkStep(
        id: "profile.duties", section: title, title: "主要职责", table: nil,
        help: "逐条录入部门主要职责，每条一行；直接回车结束本表。", kind: .rows, command: Self.duty.command, context: context,
        fields: [WalkField(Self.duty.text, context)], isComplete: { !$0.duties.isEmpty }),
      WalkStep(
        id: "profile.units", section: title, title: "预算单位构成", table: nil,
        help: "录入纳入部门预算的单位（本级在前）及其性质：机关、参公事业、事业、其他。", kind: .rows, command: Unit.command, context: context,
        fields: [
          WalkField(Unit.name, context, suggestion: { f, _ in f.units.isEmpty ? context.meta.department : nil }),
          WalkField(Unit.nature, context, suggestion: { f, _ in f.units.isEmpty ? "机关" : "事业" }),
        ],
        isComplete: { !$0.units.isEmpty }),
      WalkStep(
        id: "profile.tasks", section: title, title: "年度主要工作任务", table: nil,
        help: "逐条录入本年度主要工作任务；直接回车结束本表。", kind: .rows, command: Self.task.command, context: context,
        fields: [WalkField(Self.task.text, context)], isComplete: { !$0.tasks.isEmpty }),
    ]
  }
}
