import YusuanCore

/// 政府采购支出表 (T11), 政府购买服务支出表 (T12), and their items of 其他重要事项.
extension ProcurementPlugin {
  static var sourceColumns: [Column] { Column.bySource(width: 11) }

  static func sourceCells(_ m: [FundSource: Amount]) -> [Cell] { FundSource.allCases.map { m[$0].map(Cell.amount) ?? .blank } }
  static func sourceTotals(_ ms: [[FundSource: Amount]]) -> [Cell] { FundSource.allCases.map { s in .amount(ms.compactMap { $0[s] }.sum()) } }

  public func tables(_ c: CompileContext) throws -> [DocTable] {
    let cols11 = [Column(.text, width: 26), Column(.text, width: 8)] + Self.sourceColumns
    let items = c.facts.procurements
    let t11 =
      items.isEmpty
      ? DocTable.empty(.t11, c, columns: cols11)
      : c.table(
        .t11, columns: cols11,
        rows: items.map { TableRow(cells: [.text($0.name), .text($0.category.rawValue), .amount($0.total)] + Self.sourceCells($0.amounts), key: $0.name) }
          + [
            TableRow(
              kind: .total, cells: [.text(c.fill("table.total")), .blank, .amount(items.map(\.total).sum())] + Self.sourceTotals(items.map(\.amounts)),
              key: TableRow.totalKey)
          ])
    let cols12 = [Column(.text, width: 24), Column(.text, width: 12), Column(.text, width: 16)] + Self.sourceColumns
    let services = c.facts.purchasedServices
    let t12 =
      services.isEmpty
      ? DocTable.empty(.t12, c, columns: cols12)
      : c.table(
        .t12, columns: cols12,
        rows: services.map {
          TableRow(cells: [.text($0.name), .text($0.method), .text($0.period), .amount($0.total)] + Self.sourceCells($0.amounts), key: $0.name)
        }
          + [
            TableRow(
              kind: .total,
              cells: [.text(c.fill("table.total")), .blank, .blank, .amount(services.map(\.total).sum())] + Self.sourceTotals(services.map(\.amounts)),
              key: TableRow.totalKey)
          ])
    return [t11, t12]
  }

  func byCategory(_ c: CompileContext) -> [String: String] {
    var v: [String: String] = [:]
    for cat in ProcurementCategory.allCases { v[cat.rawValue] = c.figure(c.facts.procurements.filter { $0.category == cat }.map(\.total).sum()) }
    v["合计"] = c.figure(c.facts.procurements.map(\.total).sum())
    // The categories that have a figure, for a template that leaves zero ones out ({采购列表}, {采购个数}, {采购名称}).
    let present = ProcurementCategory.allCases.map { cat in (cat.rawValue, c.facts.procurements.filter { $0.category == cat }.map(\.total).sum()) }.filter {
      !$0.1.isZero
    }
    return v.merging(c.parts("采购", names: present.map(\.0), items: present.map { c.item("item.amount", $0.0, $0.1) }, separator: "，")) { _, new in new }
  }

  public func explanations(_ c: CompileContext) throws -> [Explanation] {
    let items = c.facts.procurements, services = c.facts.purchasedServices
    let t11 = items.isEmpty ? c.fill("t11.none") : c.fill("t11.body", byCategory(c))
    let t12 =
      services.isEmpty
      ? c.fill("t12.none")
      : c.fill(
        "t12.body",
        [
          "合计": c.figure(services.map(\.total).sum()), "个数": String(services.count),
          "项目列表": services.map { c.item("item.amount", $0.name, $0.total) }.joined(separator: "、"),
        ])
    let other = c.fill("other.procurement", byCategory(c))
    let otherServices = c.fill("other.services", ["合计": c.figure(services.map(\.total).sum())])
    return [
      Explanation(table: .t11, blocks: [.paragraph(t11)]), Explanation(table: .t12, blocks: [.paragraph(t12)]),
      Explanation(key: "政府采购", blocks: [.paragraph(other)]), Explanation(key: "政府购买服务", blocks: [.paragraph(otherServices)]),
    ]
  }
}
