import YusuanCore

/// 一般公共预算“三公”经费支出表 (T7) and its explanation: printed even when zero, 购置 split from 运行.
extension ThreePublicPlugin {
  func amounts(_ c: CompileContext) -> (current: [ThreePublicItem: Amount], prior: [ThreePublicItem: Amount?]) {
    var cur: [ThreePublicItem: Amount] = [:], pri: [ThreePublicItem: Amount?] = [:]
    for item in ThreePublicItem.allCases {
      let f = c.facts.threePublic.first { $0.item == item }
      cur[item] = f?.amount ?? .zero
      pri[item] = f?.prior
    }
    return (cur, pri)
  }

  static func sum(_ xs: [Amount?]) -> Amount? { xs.contains { $0 == nil } ? nil : xs.compactMap { $0 }.sum() }

  public func tables(_ c: CompileContext) throws -> [DocTable] {
    let (cur, pri) = amounts(c)
    if let columns = c.view.edition.table(.t7)?.columns {
      // The edition's columns (Shanghai: 合计, 出国, 接待, 车辆小计, 购置, 运行, 机关运行经费), one row of this
      // year's figures and no label column; a zero prints blank, as the template leaves it.
      let operating = c.facts.operatingCost?.amount ?? .zero
      let figures = columns.map { words in
        words.map { $0 == LayoutWords.operatingCost ? operating : ThreePublicItem(rawValue: $0).flatMap { cur[$0] } ?? .zero }.sum()
      }
      return [
        c.table(
          .t7, columns: columns.map { Column(.amount, width: 12, key: Self.columnKey($0)) },
          rows: [TableRow(cells: figures.map { $0.isZero ? .blank : .amount($0) }, key: TableRow.currentYearKey)])
      ]
    }
    func row(_ label: String, _ v: (ThreePublicItem) -> Amount?, kind: TableRow.Kind = .detail, key: String? = nil) -> TableRow {
      let items = ThreePublicItem.allCases.map(v)
      let vehicles = Self.sum([v(.vehiclePurchase), v(.vehicleOperation)])
      let cells: [Amount?] = [Self.sum(items), v(.overseas), vehicles, v(.vehiclePurchase), v(.vehicleOperation), v(.reception)]
      return TableRow(kind: kind, cells: [.text(label)] + cells.map { $0.map(Cell.amount) ?? .blank }, key: key)
    }
    let rows = [
      row(c.fill("t7.row.current"), { cur[$0] }, key: TableRow.currentYearKey), row(c.fill("t7.row.prior"), { pri[$0] ?? nil }, key: TableRow.priorYearKey),
      row(c.fill("t7.row.change"), { item in (pri[item] ?? nil).map { cur[item]! - $0 } }, kind: .subtotal),
    ]
    let items: [[ThreePublicItem]] = [
      ThreePublicItem.allCases, [.overseas], [.vehiclePurchase, .vehicleOperation], [.vehiclePurchase], [.vehicleOperation], [.reception],
    ]
    return [c.table(.t7, columns: [Column(.text, width: 14)] + items.map { Column(.amount, width: 12, key: Self.columnKey($0.map(\.rawValue))) }, rows: rows)]
  }

  /// The key of a T7 column adding up `words`: 合计 for the four items, an item alone by its name, 机关运行经费.
  static func columnKey(_ words: [String]) -> String? {
    Set(words) == Set(ThreePublicItem.allCases.map(\.rawValue)) ? Column.total : words.count == 1 ? words[0] : nil
  }

  public func explanations(_ c: CompileContext) throws -> [Explanation] {
    let (cur, pri) = amounts(c)
    func change(_ item: ThreePublicItem) -> String { c.change(cur[item]!, prior: pri[item] ?? nil, subject: item.rawValue) }
    let total = cur.values.sum()
    let totalPrior = Self.sum(ThreePublicItem.allCases.map { pri[$0] ?? nil })
    let vehicles = cur[.vehiclePurchase]! + cur[.vehicleOperation]!
    let text = c.fill(
      "t7.body",
      [
        "合计": c.figure(total), "增减": c.change(total, prior: totalPrior, subject: "三公"),
        "出国": c.figure(cur[.overseas]!), "出国增减": change(.overseas),
        // {购置上年}: last year's 购置费, for a year without one (本年未安排公务用车购置费，2024年预算18.00万元).
        "车辆": c.figure(vehicles), "购置": c.figure(cur[.vehiclePurchase]!), "购置增减": change(.vehiclePurchase),
        "购置上年": (pri[.vehiclePurchase] ?? nil).map(c.figure) ?? "",
        "运行": c.figure(cur[.vehicleOperation]!), "运行增减": change(.vehicleOperation),
        "接待": c.figure(cur[.reception]!), "接待增减": change(.reception),
      ])
    return [Explanation(table: .t7, blocks: [.paragraph(text)])]
  }
}
