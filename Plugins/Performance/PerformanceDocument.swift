import YusuanCore

/// 项目及绩效目标情况 (with a 项目支出绩效目标表 per project) and 绩效目标设置情况.
extension PerformancePlugin {
  public func explanations(_ c: CompileContext) throws -> [Explanation] {
    let managed = c.facts.projects.filter(\.performanceManaged)
    var blocks: [Block] = []
    if managed.isEmpty { blocks.append(.paragraph(c.fill("other.projects.none"))) }
    for (i, p) in managed.enumerated() {
      let goal = c.facts.goals.first { $0.project == p.name }
      blocks.append(.paragraph(c.fill("other.project", ["序号": String(i + 1), "项目": p.name, "金额": c.figure(p.total), "目标": goal?.objective ?? "（未录入）"])))
      if let goal { blocks.append(.table(goalTable(c, p, goal))) }
    }
    let total = managed.map(\.total).sum()
    let funds = FundSource.allCases.map { s in (s, managed.compactMap { $0.amounts[s] }.sum()) }.filter { !$0.1.isZero }
    let sources = c.parts("来源", names: funds.map { c.fund($0.0).name }, items: funds.map { c.item("item.amount", c.fund($0.0).name, $0.1) })
    let setting =
      managed.isEmpty
      ? c.fill("other.performance.none") : c.fill("other.performance", sources.merging(["个数": String(managed.count), "合计": c.figure(total)]) { _, v in v })
    return [Explanation(key: "项目绩效", blocks: blocks), Explanation(key: "绩效目标设置", blocks: [.paragraph(setting)])]
  }

  /// 项目支出绩效目标表 in the template's form (seed 000, 2024): five columns, the label at the left; 项目名称 and 年度目标
  /// across the row; 项目资金（万元） over its four lines (年度资金总额, 其中：财政拨款, 上年结转, 其他资金); 绩效指标 down the
  /// indicator rows, each 一级指标 merged over its group. Labels print bold, the values entered plain. The rows keep
  /// every position's text (一级指标 on each of its rows) for the formats that do not merge.
  func goalTable(_ c: CompileContext, _ p: Project, _ g: PerformanceGoal) -> DocTable {
    func wan(_ a: Amount?) -> String { a.map { c.fill("amount", ["金额": c.figure($0)]) } ?? "" }
    var rows: [TableRow] = []
    var merges: [CellMerge] = []
    /// One row; `bold` names the label positions; `spans` merges (column, span) to the right.
    func add(_ texts: [String], bold: Set<Int>, spans: [(Int, Int)] = []) {
      rows.append(TableRow(cells: texts.map { .text($0) }, bold: texts.indices.map { bold.contains($0) }))
      merges += spans.map { CellMerge(row: rows.count - 1, col: $0.0, colSpan: $0.1) }
    }
    add(["项目名称", g.project, "", "", ""], bold: [0], spans: [(1, 4)])
    add(["主管部门及代码", g.department ?? c.department, "", "实施单位", g.implementer ?? p.unit ?? c.department], bold: [0, 3], spans: [(1, 2)])
    add(["项目来源", g.origin ?? "", "", "项目期", g.period ?? ""], bold: [0, 3], spans: [(1, 2)])
    let fundsRow = rows.count
    for (label, amount) in [("年度资金总额", g.total), ("其中：财政拨款", g.appropriation), ("上年结转", g.carryover), ("其他资金", g.other)] {
      add([rows.count == fundsRow ? "项目资金（万元）" : "", label, "", wan(amount), ""], bold: [0, 1], spans: [(1, 2), (3, 2)])
    }
    merges.append(CellMerge(row: fundsRow, col: 0, rowSpan: 4))
    add(["年度目标", g.objective, "", "", ""], bold: [0], spans: [(1, 4)])
    let indicatorsRow = rows.count
    add(["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"], bold: [0, 1, 2, 3, 4])
    let indicators = c.facts.indicators.filter { $0.project == g.project }
    var groupStart = rows.count
    for (k, ind) in indicators.enumerated() {
      rows.append(TableRow(cells: [.blank, .text(ind.level1), .text(ind.level2), .text(ind.level3), .text(ind.value)]))
      // 一级指标 merged down its run of rows (产出指标 over 数量、质量、时效、成本指标).
      if k + 1 == indicators.count || indicators[k + 1].level1 != ind.level1 {
        if rows.count - groupStart > 1 { merges.append(CellMerge(row: groupStart, col: 1, rowSpan: rows.count - groupStart)) }
        groupStart = rows.count
      }
    }
    if rows.count - indicatorsRow > 1 { merges.append(CellMerge(row: indicatorsRow, col: 0, rowSpan: rows.count - indicatorsRow)) }
    return DocTable(
      id: TableID.t14.rawValue, label: nil, title: "项目支出绩效目标表（\(c.year)年度）", unit: "", money: c.money(.t14),
      header: c.header(.t14),
      columns: [Column(.text, width: 14), Column(.text, width: 14), Column(.text, width: 16), Column(.text, width: 22), Column(.text, width: 26)],
      rows: rows, merges: merges)
  }
}
