import YusuanCore

extension PerformancePlugin {
  public func walk(_ context: EntryContext) -> [WalkStep] {
    let year = context.meta.year
    @Sendable func project(_ f: FactSet, _ a: [String]) -> Project? { f.projects.first { $0.name == a.first } }
    @Sendable func amount(_ a: [String], _ i: Int) -> Amount {
      guard a.count > i, case .success(let v) = AmountParser.parse(a[i]) else { return .zero }
      return v
    }
    /// The project's money from 财政拨款 (一般公共预算, 政府性基金, 国有资本经营) and from 上年结转.
    @Sendable func appropriation(_ p: Project) -> Amount { p.amounts.filter { $0.key.isAppropriation }.map(\.value).sum() }
    @Sendable func carryover(_ p: Project) -> Amount { p.amounts[.carryover] ?? .zero }
    // Answers of a 绩效 row, by field.
    let totalAt = 1, appropriationAt = 2, carryoverAt = 3
    /// The levels (产出/效益/满意度) a project's indicators still lack.
    @Sendable func missingLevels(_ f: FactSet, _ name: String) -> [String] {
      let have = Set(f.indicators.filter { $0.project == name }.map(\.level1))
      return Indicator.level1Names.filter { !have.contains($0) }
    }
    return [
      WalkStep(
        id: "performance.goals", section: title, title: "项目支出绩效目标表", table: nil,
        help: "为每个实行绩效管理的项目录入年度资金总额及其构成（财政拨款、上年结转、其他资金）、项目来源、项目期和年度目标；方括号中是按项目支出表算出的默认值。直接回车结束本表。",
        kind: .rows, command: Goal.command, context: context,
        fields: [
          WalkField(
            Goal.project, context,
            suggestion: { f, _ in
              f.projects.first { p in p.performanceManaged && !f.goals.contains { $0.project == p.name } }?.name
            }),
          WalkField(
            Goal.total, context,
            suggestion: { f, a in
              f.goals.first { $0.project == a.first }?.total.scriptText ?? project(f, a)?.total.scriptText
            }),
          WalkField(
            Goal.appropriation, context,
            suggestion: { f, a in
              f.goals.first { $0.project == a.first }?.appropriation?.scriptText ?? project(f, a).map(appropriation)?.scriptText ?? a.dropFirst(totalAt).first
            }),
          WalkField(
            Goal.carryover, context,
            suggestion: { f, a in project(f, a).map(carryover).flatMap { $0.isZero ? nil : $0.scriptText } },
            ask: { f, a in project(f, a).map { !carryover($0).isZero } ?? false || f.goals.contains { $0.project == a.first && $0.carryover != nil } }),
          // 其他资金: what 总额 leaves after 财政拨款 and 上年结转, asked only when something is left.
          WalkField(
            Goal.other, context,
            suggestion: { _, a in (amount(a, totalAt) - amount(a, appropriationAt) - amount(a, carryoverAt)).scriptText },
            ask: { _, a in
              a.count > appropriationAt && !a[appropriationAt].isEmpty
                && !(amount(a, totalAt) - amount(a, appropriationAt) - amount(a, carryoverAt)).isZero
            }),
          WalkField(
            Goal.origin, context, optional: false,
            suggestion: { f, a in
              f.goals.first { $0.project == a.first }?.origin ?? ((project(f, a)?.prior ?? .zero).isZero ? "新增项目" : "延续项目")
            }),
          WalkField(
            Goal.period, context, optional: false,
            suggestion: { f, a in
              f.goals.first { $0.project == a.first }?.period ?? "\(year)-1-1至\(year)-12-31"
            }),
          WalkField(Goal.objective, context, suggestion: { f, a in f.goals.first { $0.project == a.first }?.objective }),
        ],
        isComplete: { f in f.projects.filter(\.performanceManaged).allSatisfy { p in f.goals.contains { $0.project == p.name } } }),
      WalkStep(
        id: "performance.indicators", section: title, title: "绩效指标", table: nil,
        help: "逐行录入绩效指标：项目、一级指标（产出/效益/满意度）、二级指标、三级指标、指标值；方括号中是还缺指标的项目和一级指标。直接回车结束本表。", kind: .rows, command: IndicatorLine.command, context: context,
        fields: [
          WalkField(
            IndicatorLine.project, context,
            suggestion: { f, _ in
              // Offered only while a project still lacks a level, so Enter ends the table once all are there.
              f.goals.first { !missingLevels(f, $0.project).isEmpty }?.project
            }),
          WalkField(
            IndicatorLine.level1, context,
            suggestion: { f, a in
              a.first.flatMap { missingLevels(f, $0).first }
            }),
          WalkField(IndicatorLine.level2, context, options: { _, a in a.count > 1 ? Indicator.level2Names[a[1]] ?? [] : [] }),
          WalkField(IndicatorLine.level3, context),
          WalkField(IndicatorLine.value, context),
        ],
        isComplete: { f in f.goals.allSatisfy { g in Set(f.indicators.filter { $0.project == g.project }.map(\.level1)).count == 3 } }),
    ]
  }
}
