import YusuanCore

/// 通用资产配置支出表 (T13) and 国有资产占有使用情况.
extension AssetsPlugin {
  public func tables(_ c: CompileContext) throws -> [DocTable] {
    let columns = [Column(.text, width: 24), Column(.count, width: 8)] + Column.bySource(width: 11)
    let items = c.facts.assetConfigurations
    if items.isEmpty { return [.empty(.t13, c, columns: columns)] }
    let rows =
      items.map { a in
        TableRow(cells: [.text(a.name), .count(a.count), .amount(a.total)] + FundSource.allCases.map { a.amounts[$0].map(Cell.amount) ?? .blank }, key: a.name)
      }
      + [
        TableRow(
          kind: .total,
          cells: [.text(c.fill("table.total")), .count(items.map(\.count).reduce(0, +)), .amount(items.map(\.total).sum())]
            + FundSource.allCases.map { s in .amount(items.compactMap { $0.amounts[s] }.sum()) }, key: TableRow.totalKey)
      ]
    return [c.table(.t13, columns: columns, rows: rows)]
  }

  public func explanations(_ c: CompileContext) throws -> [Explanation] {
    let f = c.facts
    let items = f.assetConfigurations
    let t13 =
      items.isEmpty
      ? c.fill("t13.none")
      : c.fill(
        "t13.body",
        [
          "合计": c.figure(items.map(\.total).sum()),
          "资产列表": items.map { c.item("item.asset", $0.name, $0.total, ["数量": String($0.count)]) }.joined(separator: "；"),
        ])
    let vehicles = f.vehicles.filter { $0.count > 0 }
    let equipment = f.equipment.map(\.count).reduce(0, +)
    var blocks: [Block] = []
    if vehicles.isEmpty {
      blocks.append(.paragraph(c.fill("other.assets.no-vehicles", ["设备数": String(equipment)])))
    } else {
      blocks.append(
        .paragraph(
          c.fill(
            "other.assets.vehicles",
            [
              "车辆数": String(vehicles.map(\.count).reduce(0, +)),
              "车辆列表": vehicles.map { c.fill("item.vehicle", ["名称": $0.category, "数量": String($0.count)]) }.joined(separator: "、"),
              "设备数": String(equipment),
            ])))
    }
    let cars = f.plannedPurchases.filter { $0.kind == "车辆" }, devices = f.plannedPurchases.filter { $0.kind == "设备" }
    if cars.isEmpty && devices.isEmpty {
      blocks.append(.paragraph(c.fill("other.assets.no-purchases")))
    } else {
      blocks.append(
        .paragraph(
          c.fill(
            "other.assets.purchases",
            [
              "购车数": String(cars.map(\.count).reduce(0, +)), "购车费": c.figure(cars.map(\.amount).sum()),
              // By what each purchase is (Shanghai lists the categories: 其中：机要通信用车1辆).
              "购车列表": cars.map { c.fill("item.vehicle", ["名称": $0.name, "数量": String($0.count)]) }.joined(separator: "、"),
              "购设备数": String(devices.map(\.count).reduce(0, +)), "购设备费": c.figure(devices.map(\.amount).sum()),
            ])))
    }
    return [Explanation(table: .t13, blocks: [.paragraph(t13)]), Explanation(key: "国有资产", blocks: blocks)]
  }
}
