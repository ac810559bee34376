import YusuanCore

/// 第一部分 部门概况: 主要职责, 预算单位构成 (with its table when there are several units), 主要工作任务.
extension ProfilePlugin {
  public func overview(_ c: CompileContext) throws -> [Block] {
    var out: [Block] = [.heading(level: 1, text: c.fill("overview.duties"))]
    for (i, d) in c.facts.duties.enumerated() { out.append(.paragraph(c.fill("list.numbered", number: i + 1, ["文字": d.text]))) }
    out.append(.heading(level: 1, text: c.fill("overview.units")))
    let units = c.facts.units
    if units.count <= 1 {
      out.append(.paragraph(c.fill("overview.units.own-only")))
    } else {
      out.append(.paragraph(c.fill("overview.units.many", ["单位列表": units.map(\.name).joined(separator: "、"), "个数": String(units.count)])))
      out.append(.table(DocTable(id: "单位构成", label: nil, title: "\(c.department)\(c.year)年度部门预算单位构成", unit: "", money: c.view.edition.units.tables,
                                 header: c.header("单位构成"),
                                 columns: [Column(.count, width: 6), Column(.text, width: 36), Column(.text, width: 12)],
                                 rows: units.enumerated().map { TableRow(cells: [.count($0.offset + 1), .text($0.element.name), .text($0.element.nature)]) })))
    }
    out.append(.heading(level: 1, text: c.fill("overview.tasks")))
    for (i, t) in c.facts.tasks.enumerated() { out.append(.paragraph(c.fill("list.numbered", number: i + 1, ["文字": t.text]))) }
    return out
  }
}
