import YusuanCore

/// 绩效目标 (T14): every project under 绩效管理 has a goal table whose funds match the project.
public struct PerformancePlugin: SectionPlugin {
  public init() {}
  public let id = "performance"
  public let title = "绩效目标"

  public var commands: [EntryCommand] { [Goal.command, IndicatorLine.command] }

  /// The values the 项目支出绩效目标表 prints under 项目来源 (issue 14: free text was accepted).
  static let origins = ["新增项目", "延续项目"]

  public func check(_ view: BudgetView) throws -> [Diagnostic] {
    let f = view.facts
    var out: [Diagnostic] = []
    let projectsByName = Dictionary(grouping: f.projects, by: \.name)
    let goals = Dictionary(f.goals.map { ($0.project, $0) }, uniquingKeysWith: { a, _ in a })
    let managed = f.projects.filter(\.performanceManaged)
    let indicatorsByProject = Dictionary(grouping: f.indicators, by: \.project)
    if !f.projects.isEmpty && managed.isEmpty {
      out.append(
        Diagnostic(
          rule: PerformanceRuleID.noneManaged, table: TableID.t14.rawValue,
          message: "有 \(f.projects.count) 个项目、合计 \(f.projects.map(\.total).sum().wan) 万元，但没有一个实行绩效目标管理。预算绩效管理要求项目支出设置绩效目标；请在项目后加“绩效管理”并录入绩效目标表。",
          expected: "至少1个绩效管理项目", actual: "0", plugin: id))
    }
    for p in managed {
      guard let g = goals[p.name] else {
        out.append(
          Diagnostic(
            rule: PerformanceRuleID.goalMissing, table: TableID.t14.rawValue, row: p.name,
            message: "项目“\(p.name)”实行绩效管理，但没有绩效目标表。请用：绩效 \"\(p.name)\" 总额 \(p.total.scriptText) 目标 \"……\"", plugin: id))
        continue
      }
      let projectTotal = (projectsByName[p.name] ?? [p]).map(\.total).sum()
      if g.total != projectTotal {
        out.append(
          Diagnostic(
            rule: PerformanceRuleID.goalFunds, table: TableID.t14.rawValue, row: p.name, column: "年度资金总额",
            message: "项目“\(p.name)”绩效目标表的年度资金总额 \(g.total.wan) 万元，与项目支出表中该项目 \(projectTotal.wan) 万元不等。",
            expected: projectTotal.wan, actual: g.total.wan, plugin: id))
      }
      let parts = [g.appropriation, g.carryover, g.other].compactMap { $0 }
      if !parts.isEmpty && parts.sum() != g.total {
        out.append(
          Diagnostic(
            rule: PerformanceRuleID.goalFunds, table: TableID.t14.rawValue, row: p.name, column: "其中",
            message: "项目“\(p.name)”绩效目标表中财政拨款、上年结转、其他资金之和 \(parts.sum().wan) 万元，与年度资金总额 \(g.total.wan) 万元不等。",
            expected: g.total.wan, actual: parts.sum().wan, plugin: id))
      }
      let inds = indicatorsByProject[p.name] ?? []
      let levels = Set(inds.map(\.level1))
      let missingLevels = Indicator.level1Names.filter { !levels.contains($0) }
      if !missingLevels.isEmpty {
        out.append(
          Diagnostic(
            rule: PerformanceRuleID.indicators, severity: inds.isEmpty ? .error : .warning, table: TableID.t14.rawValue, row: p.name,
            message: "项目“\(p.name)”的绩效指标缺少\(missingLevels.joined(separator: "、"))。绩效目标表须有产出、效益、满意度三类一级指标。",
            expected: Indicator.level1Names.joined(separator: "、"),
            actual: levels.isEmpty ? "无" : Indicator.level1Names.filter { levels.contains($0) }.joined(separator: "、"), plugin: id))
      }
    }
    for g in f.goals where projectsByName[g.project] == nil {
      out.append(
        Diagnostic(
          rule: PerformanceRuleID.orphan, table: TableID.t14.rawValue, row: g.project,
          message: "绩效目标表的项目“\(g.project)”不在项目支出表中。请核对项目名称。", plugin: id))
    }
    for g in f.goals where projectsByName[g.project]?.contains(where: \.performanceManaged) == false {
      out.append(
        Diagnostic(
          rule: PerformanceRuleID.unmanaged, table: TableID.t14.rawValue, row: g.project,
          message: "项目“\(g.project)”有绩效目标表，但项目录入时未标“绩效管理”。", plugin: id))
    }
    out += indicatorQuality(f.indicators)
    for g in f.goals { out += TextRules.residue(g.objective, words: view.edition.rules.residue, table: TableID.t14.rawValue, row: g.project, plugin: id) }
    for i in f.indicators {
      out += TextRules.residue(i.level3 + " " + i.value, words: view.edition.rules.residue, table: TableID.t14.rawValue, row: i.project, plugin: id)
    }
    return out
  }

  /// `performance.indicator-duplicate` (warning): one 三级指标 with the same value under two headings — a copied row
  /// (the 2024 seed's 成本指标 repeats its 效益指标). `performance.indicator-value` (warning): a value that is still the
  /// template's list of options to choose from, e.g. 影响程度（较高、明显、一般）.
  func indicatorQuality(_ indicators: [Indicator]) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for (project, rows) in Dictionary(grouping: indicators, by: \.project).sorted(by: { $0.key < $1.key }) {
      var seen: [String: Indicator] = [:]
      for i in rows.sorted(by: { $0.ordinal < $1.ordinal }) {
        let key = NameKey.of(i.level3) + "|" + NameKey.of(i.value)
        if let first = seen[key], first.level2 != i.level2 {
          out.append(
            Diagnostic(
              rule: PerformanceRuleID.indicatorDuplicate, table: TableID.t14.rawValue, row: project, column: i.level2,
              message: "项目“\(project)”的\(i.level2)“\(i.level3)：\(i.value)”与\(first.level2)完全相同，像是照抄的行。每个二级指标应有自己的三级指标和指标值。",
              expected: "不同于\(first.level2)", actual: "\(i.level3)：\(i.value)", plugin: id))
        } else if seen[key] == nil {
          seen[key] = i
        }
        if Self.isOptionList(i.value) {
          out.append(
            Diagnostic(
              rule: PerformanceRuleID.indicatorValue, table: TableID.t14.rawValue, row: project, column: i.level3,
              message: "项目“\(project)”的指标“\(i.level3)”的指标值“\(i.value)”仍是模板中供选择的选项，请填写选定的、可衡量的值。",
              expected: "选定的指标值", actual: i.value, plugin: id))
        }
      }
    }
    return out
  }

  /// A bracketed list of alternatives: （较高、明显、一般） or (A/B/C).
  static func isOptionList(_ value: String) -> Bool {
    guard let open = value.firstIndex(where: { $0 == "（" || $0 == "(" }),
      let close = value[open...].firstIndex(where: { $0 == "）" || $0 == ")" })
    else { return false }
    let inner = value[value.index(after: open)..<close]
    return inner.contains("、") || inner.contains("/") || inner.contains("／")
  }
}
