import YusuanCore

extension PerformancePlugin {
  public func walk(_ context: EntryContext) -> [WalkStep] {
    [
      WalkStep(id: "performance.goals", section: title, title: "项目支出绩效目标表", table: nil,
               help: "为每个实行绩效管理的项目录入年度资金总额和年度目标。直接回车结束本表。", kind: .rows, command: "绩效",
               fields: [WalkField(prompt: "项目名称", kind: .text, suggestion: { f, _ in
                          f.projects.first { p in p.performanceManaged && !f.goals.contains { $0.project == p.name } }?.name }),
                        WalkField(keyword: "总额", prompt: "年度资金总额（万元）", kind: .amount, suggestion: { f, a in f.projects.first { $0.name == a.first }?.total.scriptText }),
                        WalkField(keyword: "目标", prompt: "年度目标", kind: .text)],
               isComplete: { f in f.projects.filter(\.performanceManaged).allSatisfy { p in f.goals.contains { $0.project == p.name } } }),
      WalkStep(id: "performance.indicators", section: title, title: "绩效指标", table: nil,
               help: "逐行录入绩效指标：项目、一级指标（产出/效益/满意度）、二级指标、三级指标、指标值。直接回车结束本表。", kind: .rows, command: "指标",
               fields: [WalkField(prompt: "项目名称", kind: .text, suggestion: { f, _ in f.goals.last?.project }),
                        WalkField(prompt: "一级指标", kind: .choice(Indicator.level1Names)),
                        WalkField(prompt: "二级指标", kind: .text),
                        WalkField(prompt: "三级指标", kind: .text),
                        WalkField(prompt: "指标值", kind: .text)],
               isComplete: { f in f.goals.allSatisfy { g in Set(f.indicators.filter { $0.project == g.project }.map(\.level1)).count == 3 } }),
    ]
  }
}
