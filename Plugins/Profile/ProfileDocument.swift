import YusuanCore

/// 第一部分 部门概况: 主要职责, 预算单位构成 (with its table when there are several units), 主要工作任务 — under
/// their headings as the standard overview, and each alone (keys 职责, 单位构成, 工作任务) for an edition whose
/// parts print them on their own pages (Shanghai's 部门主要职能, 部门机构设置).
extension ProfilePlugin {
  public func overview(_ c: CompileContext) throws -> [Block] {
    [.heading(level: 1, text: c.fill("overview.duties"))] + duties(c)
      + [.heading(level: 1, text: c.fill("overview.units"))] + units(c)
      + [.heading(level: 1, text: c.fill("overview.tasks"))] + tasks(c)
  }

  public func explanations(_ c: CompileContext) throws -> [Explanation] {
    [Explanation(key: "职责", blocks: duties(c)), Explanation(key: "单位构成", blocks: units(c)), Explanation(key: "工作任务", blocks: tasks(c))]
  }

  func duties(_ c: CompileContext) -> [Block] {
    c.facts.duties.enumerated().map { .paragraph(c.fill("list.numbered", number: $0.offset + 1, ["文字": $0.element.text])) }
  }

  func units(_ c: CompileContext) -> [Block] {
    let units = c.facts.units
    if units.count <= 1 { return [.paragraph(c.fill("overview.units.own-only"))] }
    return [
      .paragraph(c.fill("overview.units.many", ["单位列表": units.map(\.name).joined(separator: "、"), "个数": String(units.count)])),
      .table(
        DocTable(
          id: "单位构成", label: nil, title: "\(c.department)\(c.year)年度部门预算单位构成", unit: "", money: c.view.edition.units.tables,
          header: c.header("单位构成"),
          columns: [Column(.count, width: 6), Column(.text, width: 36), Column(.text, width: 12)],
          rows: units.enumerated().map { TableRow(cells: [.count($0.offset + 1), .text($0.element.name), .text($0.element.nature)]) })),
    ]
  }

  func tasks(_ c: CompileContext) -> [Block] {
    c.facts.tasks.enumerated().map { .paragraph(c.fill("list.numbered", number: $0.offset + 1, ["文字": $0.element.text])) }
  }
}
