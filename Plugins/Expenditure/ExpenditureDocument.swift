import YusuanCore

/// 支出总表 (T3), 一般公共预算支出表 (T5), 基本支出表 (T6), 政府性基金 (T8), 国有资本经营 (T9), 项目支出表 (T10).
extension ExpenditurePlugin {
  static let tableIDs: [TableID] = [.t3, .t5, .t6, .t8, .t9, .t10]

  public func tables(_ c: CompileContext) throws -> [DocTable] { Self.tableIDs.flatMap { tables($0, c) } }

  public func tables(_ id: TableID, _ c: CompileContext) -> [DocTable] {
    switch id {
    case .t6: [economicTable(c)]
    case .t10: [projectTable(c)]
    default: TableID.functionTables[id].map { [functionTable(c, id, fund: $0)] } ?? []
    }
  }

  /// T3, T5, T8, T9: 类 → 款 → 项 of one fund's lines (all funds for T3) with 合计, 基本支出, 项目支出.
  func functionTable(_ c: CompileContext, _ id: TableID, fund: FundSource?) -> DocTable {
    let f = c.view.functions
    let rows = fund.map { f.bySourceRows[$0] ?? [:] } ?? f.rows
    let columns = FunctionTable.columns([Column.total, SpendingKind.basic.fullName, SpendingKind.project.fullName])
    if rows.isEmpty { return .empty(id, c, columns: columns) }
    return c.table(
      id, columns: columns,
      rows: FunctionTable.body(rows: rows, total: f.total(of: fund), c: c) { [$0.total, $0.basic, $0.project] })
  }

  /// T6: 基本支出 by 经济分类 类 and 款, split into 人员经费 and 公用经费.
  func economicTable(_ c: CompileContext) -> DocTable {
    let e = c.view.economics
    let columns = FunctionTable.columns([Column.total, EconomicCategory.personnel.rawValue, EconomicCategory.publicUse.rawValue])
    if e.rows.isEmpty { return .empty(.t6, c, columns: columns) }
    var rows: [TableRow] = e.rows.keys.sorted().map { code in
      let r = e.rows[code]!
      return TableRow(
        kind: code.count == 3 ? .subtotal : .detail, level: code.count == 3 ? 0 : 1,
        cells: [.text(code), .text(c.economicName(code)), .amount(r.total), .amount(r.personnel), .amount(r.publicUse)], key: code)
    }
    rows.append(
      TableRow(
        kind: .total, cells: [.text(c.fill("table.total")), .blank, .amount(e.total.total), .amount(e.total.personnel), .amount(e.total.publicUse)],
        key: TableRow.totalKey))
    return c.table(.t6, columns: columns, rows: rows)
  }

  /// T10: one row per project, with its amounts by source.
  func projectTable(_ c: CompileContext) -> DocTable {
    let columns = [Column(.text, width: 12), Column(.text, width: 26), Column(.text, width: 20)] + Column.bySource(width: 11)
    let projects = c.facts.projects
    if projects.isEmpty { return .empty(.t10, c, columns: columns) }
    var rows = projects.map { p in
      TableRow(
        cells: [.text(p.type), .text(p.name), .text(p.unit ?? c.department), .amount(p.total)]
          + FundSource.allCases.map { p.amounts[$0].map(Cell.amount) ?? .blank },
        key: p.name)
    }
    rows.append(
      TableRow(
        kind: .total,
        cells: [.text(c.fill("table.total")), .blank, .blank, .amount(projects.map(\.total).sum())]
          + FundSource.allCases.map { s in .amount(projects.compactMap { $0.amounts[s] }.sum()) }, key: TableRow.totalKey))
    return c.table(.t10, columns: columns, rows: rows)
  }

  public func explanations(_ c: CompileContext) throws -> [Explanation] {
    [
      Explanation(table: .t3, blocks: [.paragraph(spendingSummary(c))]), Explanation(table: .t5, blocks: generalBudget(c)),
      Explanation(table: .t6, blocks: basicByEconomic(c)), fundExplanation(c, .t8, .governmentFund), fundExplanation(c, .t9, .stateCapital),
      Explanation(table: .t10, blocks: [.paragraph(projectSummary(c))]),
    ]
  }

  func spendingSummary(_ c: CompileContext) -> String {
    let t = c.view.functions.total
    let change = c.change(t.total, prior: c.view.prior.amount("合计"), subject: "合计", once: true)
    let (shares, note) = c.wording.shares([t.basic, t.project], of: t.total)
    if t.project.isZero {
      return c.fill("t3.body.no-projects", ["合计": c.figure(t.total), "增减": change, "基本": c.figure(t.basic), "基本占比": shares[0]])
    }
    // The largest few projects by name, then 等 in the template when there are more (a list of every project read
    // as generated): {主要项目}, {其余项目个数}.
    let largest = Self.largest(c.facts.projects)
    return c.fill(
      "t3.body",
      [
        "合计": c.figure(t.total), "增减": change, "基本": c.figure(t.basic), "基本占比": shares[0],
        "项目": c.figure(t.project), "项目占比": shares[1], "主要项目": largest.map(\.name).joined(separator: "、"),
        "其余项目个数": String(c.facts.projects.count - largest.count), "尾差": note ?? "",
      ])
  }

  /// How many projects 支出总表's sentence names (主要用于…等项目).
  static let projectsNamed = 3

  /// The `projectsNamed` largest projects, the larger first (in the order entered among equals).
  static func largest(_ projects: [Project]) -> [Project] {
    Array(projects.enumerated().sorted { ($1.element.total, $0.offset) < ($0.element.total, $1.offset) }.prefix(projectsNamed).map(\.element))
  }

  func generalBudget(_ c: CompileContext) -> [Block] {
    let f = c.view.functions
    let rows = f.bySourceRows[.general] ?? [:]
    guard !rows.isEmpty else { return [.paragraph(c.fill("t5.none"))] }
    let total = f.total(of: .general)
    let prior = c.view.prior
    var out: [Block] = [
      .heading(level: 2, text: c.fill("t5.scale.title")),
      .paragraph(
        c.fill(
          "t5.scale",
          [
            "合计": c.figure(total.total),
            "增减": c.change(
              total.total, prior: prior.amount("合计", source: .general), subject: FundSource.general.rawValue,
              fallbacks: Array(c.reasonSubjects(for: .general).dropFirst()), once: true),
          ])),
      .heading(level: 2, text: c.fill("t5.structure.title")),
    ]
    let classes = rows.values.filter { $0.code.count == 3 }.sorted { $0.code < $1.code }
    let (shares, note) = c.wording.shares(classes.map(\.total), of: total.total)
    let list = c.parts(
      "支出", names: classes.map { c.functionName($0.code) },
      items: zip(classes, shares).map { c.item("item.share", c.functionName($0.0.code), $0.0.total, ["占比": $0.1]) }, separator: "；")
    // An edition that explains each 类 with its change (Anhui 2021: 1.一般公共服务支出457.90万元，占87.08%，比2020年预算减少…)
    // has a `t5.class` template; an empty one prints nothing.
    if c.prose.templates["t5.class"]?.isEmpty == false {
      for (i, (row, share)) in zip(classes, shares).enumerated() {
        out.append(
          .paragraph(
            c.fill(
              "t5.class", number: i + 1,
              [
                "名称": c.functionName(row.code), "金额": c.figure(row.total), "占比": share,
                "增减": c.change(row.total, prior: prior.amount(row.code, source: .general), subject: row.code),
              ])))
      }
    }
    out.append(.paragraph(c.fill("t5.structure", list.merging(["尾差": note ?? ""]) { _, v in v })))
    out.append(.heading(level: 2, text: c.fill("t5.detail.title")))
    // One sentence per 项, also for a 项 budgeted last year and not this year.
    let priorOnly = Set(c.facts.expenditures.filter { $0.source == .general && $0.prior != nil }.map(\.code)).subtracting(rows.keys)
    let items = Set(rows.keys.filter { $0.count == 7 }).union(priorOnly.filter { $0.count == 7 }).sorted()
    for (i, code) in items.enumerated() {
      let amount = rows[code]?.total ?? .zero
      let kuan = String(code.prefix(5)), cls = String(code.prefix(3))
      out.append(
        .paragraph(
          c.fill(
            "t5.detail",
            [
              "序号": String(i + 1), "类名": c.functionName(cls), "款名": c.functionName(kuan), "项名": c.functionName(code),
              "金额": c.figure(amount), "增减": c.change(amount, prior: prior.amount(code, source: .general), subject: code, fallbacks: [kuan, cls]),
            ])))
    }
    return out
  }

  func basicByEconomic(_ c: CompileContext) -> [Block] {
    let e = c.view.economics
    guard !e.total.total.isZero else { return [.paragraph(c.fill("t6.none"))] }
    func names(_ cat: EconomicCategory) -> String {
      c.facts.economics.filter { $0.effectiveCategory == cat && !$0.amount.isZero }.map(\.code).reduce(into: [String]()) {
        if !$0.contains($1) { $0.append($1) }
      }
      .map { c.economicName($0) }.joined(separator: "、")
    }
    var out: [Block] = [.paragraph(c.fill("t6.body", ["合计": c.figure(e.total.total), "人员": c.figure(e.total.personnel), "公用": c.figure(e.total.publicUse)]))]
    if !e.total.personnel.isZero { out.append(.paragraph(c.fill("t6.personnel", ["人员": c.figure(e.total.personnel), "科目列表": names(.personnel)]))) }
    if !e.total.publicUse.isZero { out.append(.paragraph(c.fill("t6.public", ["公用": c.figure(e.total.publicUse), "科目列表": names(.publicUse)]))) }
    return out
  }

  func fundExplanation(_ c: CompileContext, _ id: TableID, _ fund: FundSource) -> Explanation {
    let t = c.view.functions.total(of: fund)
    let key = id.rawValue.lowercased()
    if t.total.isZero && c.view.prior.amount("合计", source: fund).map({ $0.isZero }) ?? true {
      return Explanation(table: id, blocks: [.paragraph(c.fill("\(key).none"))])
    }
    return Explanation(
      table: id,
      blocks: [
        .paragraph(
          c.fill(
            "\(key).body",
            ["合计": c.figure(t.total), "增减": c.change(t.total, prior: c.view.prior.amount("合计", source: fund), subject: fund.rawValue, once: true)]))
      ])
  }

  func projectSummary(_ c: CompileContext) -> String {
    let projects = c.facts.projects
    guard !projects.isEmpty else { return c.fill("t10.none") }
    let total = projects.map(\.total).sum()
    let funds = FundSource.allCases.map { s in (s, projects.compactMap { $0.amounts[s] }.sum()) }.filter { !$0.1.isZero }
    let sources = c.parts("来源", names: funds.map { c.fund($0.0).name }, items: funds.map { c.item("item.arranged", c.fund($0.0).name, $0.1) }, separator: "，")
    let prior = c.view.prior.amount(SpendingKind.project.fullName)
    return c.fill(
      "t10.body",
      sources.merging([
        "合计": c.figure(total), "个数": String(projects.count),
        "增减": c.change(total, prior: prior, subject: SpendingKind.project.fullName),
      ]) { _, v in v })
  }
}
