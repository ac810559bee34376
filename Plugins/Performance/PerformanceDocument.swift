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
    let sources = FundSource.allCases.compactMap { s -> String? in
      let a = managed.compactMap { $0.amounts[s] }.sum()
      return a.isZero ? nil : c.item("item.amount", c.fund(s).name, a)
    }.joined(separator: "、")
    let setting = managed.isEmpty ? c.fill("other.performance.none") :
      c.fill("other.performance", ["个数": String(managed.count), "合计": c.figure(total), "来源列表": sources])
    return [Explanation(key: "项目绩效", blocks: blocks), Explanation(key: "绩效目标设置", blocks: [.paragraph(setting)])]
  }

  /// 项目支出绩效目标表: the goal's header lines, then one row per indicator (一级 / 二级 / 三级 / 指标值).
  func goalTable(_ c: CompileContext, _ p: Project, _ g: PerformanceGoal) -> DocTable {
    func line(_ label: String, _ value: String, _ label2: String = "", _ value2: String = "") -> TableRow {
      TableRow(kind: .subtotal, cells: [.text(label), .text(value), .text(label2), .text(value2)])
    }
    func wan(_ a: Amount?) -> String { a.map { c.fill("amount", ["金额": c.figure($0)]) } ?? "" }
    var rows = [
      line("项目名称", g.project),
      line("主管部门及代码", g.department ?? c.department, "实施单位", g.implementer ?? p.unit ?? c.department),
      line("项目来源", g.origin ?? "", "项目期", g.period ?? ""),
      line("年度资金总额", wan(g.total), "其中：财政拨款", wan(g.appropriation)),
      line("上年结转", wan(g.carryover), "其他资金", wan(g.other)),
      line("年度目标", g.objective),
      TableRow(kind: .subtotal, cells: [.text("一级指标"), .text("二级指标"), .text("三级指标"), .text("指标值")]),
    ]
    rows += c.facts.indicators.filter { $0.project == g.project }.map { TableRow(cells: [.text($0.level1), .text($0.level2), .text($0.level3), .text($0.value)]) }
    return DocTable(id: TableID.t14.rawValue, label: nil, title: "项目支出绩效目标表（\(c.year)年度）", unit: "", money: c.money(.t14),
                    header: c.header(.t14),
                    columns: [Column(.text, width: 16), Column(.text, width: 24), Column(.text, width: 20), Column(.text, width: 24)], rows: rows)
  }
}
