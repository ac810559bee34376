import YusuanCore

/// 收支总表 (T1), 收入总表 (T2), 财政拨款收支总表 (T4) and their explanations.
extension RevenuePlugin {
  static let currentSources: [FundSource] = [.general, .governmentFund, .stateCapital, .specialAccount, .unitFunds]
  static let appropriations: [FundSource] = [.general, .governmentFund, .stateCapital]

  static let tableIDs: [TableID] = [.t1, .t2, .t4]

  public func tables(_ c: CompileContext) throws -> [DocTable] { Self.tableIDs.flatMap { tables($0, c) } }

  public func tables(_ id: TableID, _ c: CompileContext) -> [DocTable] {
    switch id {
    case .t1: [incomeAndSpending(c)]
    case .t2: [revenueByFunction(c)]
    case .t4: [appropriationTable(c)]
    default: []
    }
  }

  func revenue(_ c: CompileContext, _ s: FundSource) -> Amount { c.facts.revenues.first { $0.source == s }?.amount ?? .zero }

  /// T1: 收入 by source beside 支出 by the 24 类 in fixed order.
  func incomeAndSpending(_ c: CompileContext) -> DocTable {
    let f = c.view.functions
    if let spec = c.view.edition.table(.t1), let lines = spec.rows {
      let columns = spec.columns ?? [[LayoutWords.basic, LayoutWords.project]]
      let classes: [(String, [Amount])] =
        lines.allClasses == true
        ? c.view.edition.expenditureClasses.map { code in (code, f.rows[code].map { Self.spending(c, $0, columns) } ?? columns.map { _ in .zero }) }
        : f.classes().map { ($0.code, Self.spending(c, $0, columns)) }
      let right = classes.enumerated().map { (c.fill("t1.row.class", number: $0.offset + 1, ["名称": c.functionName($0.element.0)]), $0.element.1, $0.element.0) }
      // The totals are the sums of the 类 as printed, so that a split entered finer than the table prints still adds up.
      let totals = columns.indices.map { i in right.map { $0.1[i] }.sum() }
      return c.table(
        .t1,
        columns: [Column(.text, width: 30), Column(.amount, width: 12), Column(.text, width: 30)]
          + columns.map { Column(.amount, width: 12, key: Self.spendingKey($0)) },
        rows: Self.twoSided(c, lines, right: right, income: FundSource.allCases.map { revenue(c, $0) }.sum(), totals: totals, prefix: "t1"))
    }
    let left: [(String, Amount)] = Self.currentSources.enumerated().map {
      (c.fill("t1.row.source", number: $0.offset + 1, ["来源": c.fund($0.element).revenue]), revenue(c, $0.element))
    }
    let right: [(String, Amount, String)] = c.view.edition.expenditureClasses.enumerated().map {
      (c.fill("t1.row.class", number: $0.offset + 1, ["名称": c.functionName($0.element)]), f.rows[$0.element]?.total ?? .zero, $0.element)
    }
    var rows: [TableRow] = []
    for i in 0..<max(left.count, right.count) {
      let l = i < left.count ? left[i] : nil, r = i < right.count ? right[i] : nil
      rows.append(
        TableRow(
          cells: [
            l.map { .text($0.0) } ?? .blank, l.map { $0.1.isZero ? .blank : .amount($0.1) } ?? .blank,
            r.map { .text($0.0) } ?? .blank, r.map { $0.1.isZero ? .blank : .amount($0.1) } ?? .blank,
          ], key: r?.2))
    }
    let current = Self.currentSources.map { revenue(c, $0) }.sum()
    let carry = revenue(c, .carryover)
    rows.append(
      TableRow(
        kind: .subtotal, cells: [.text(c.fill("t1.row.income-total")), .amount(current), .text(c.fill("t1.row.spending-total")), .amount(f.total.total)]))
    rows.append(TableRow(cells: [.text(c.fund(.carryover).revenue), carry.isZero ? .blank : .amount(carry), .text(c.fill("t1.row.carry-forward")), .blank]))
    rows.append(
      TableRow(
        kind: .total,
        cells: [
          .text(c.fill("t1.row.income-grand-total")), .amount(current + carry),
          .text(c.fill("t1.row.spending-grand-total")), .amount(f.total.total),
        ], key: TableRow.totalKey))
    return c.table(
      .t1, columns: [Column(.text, width: 30), Column(.amount, width: 12), Column(.text, width: 30), Column(.amount, width: 12, key: Column.total)],
      rows: rows)
  }

  /// The 支出 of a 类 in T1's `columns`: each column the sum of the parts it names. 人员经费 is the 类's entered split
  /// (`基本支出 201 人员经费 …`) at the printed step, 公用经费 the rest of its 基本支出, so a row always adds up; a 类
  /// without a split prints neither (a draft only: the check reports it as `basic-split.missing`).
  static func spending(_ c: CompileContext, _ row: FunctionRollup.Row, _ columns: [[String]]) -> [Amount] {
    let split = c.facts.basicSplits.first { $0.code == row.code }
    let personnel = split.map { c.money(.t1).shown($0.personnel) } ?? .zero
    let parts = [
      LayoutWords.basic: row.basic, LayoutWords.project: row.project,
      EconomicCategory.personnel.rawValue: personnel, EconomicCategory.publicUse.rawValue: split == nil ? .zero : row.basic - personnel,
    ]
    return columns.map { $0.compactMap { parts[$0] }.sum() }
  }

  /// The key of a T1 支出 column that adds up `words`: 合计 for 基本支出 with 项目支出, the one part it names alone.
  static func spendingKey(_ words: [String]) -> String? {
    Set(words) == [LayoutWords.basic, LayoutWords.project] ? Column.total : words.count == 1 ? words[0] : nil
  }

  /// T2: 收入 by 功能分类 with one column per source, or per group of sources when the edition says so (`columns`).
  func revenueByFunction(_ c: CompileContext) -> DocTable {
    let f = c.view.functions
    let groups: [[FundSource]] =
      c.view.edition.table(.t2)?.columns.map { $0.map { $0.compactMap(FundSource.init(rawValue:)) } }
      ?? FundSource.allCases.map { [$0] }
    let columns = FunctionTable.columns([Column.total] + groups.map { $0.count == 1 ? $0[0].rawValue : nil })
    if f.rows.isEmpty { return .empty(.t2, c, columns: columns) }
    return c.table(
      .t2, columns: columns,
      rows: FunctionTable.body(rows: f.rows, total: f.total, c: c) { r in [r.total] + groups.map { $0.map { r.bySource[$0] ?? .zero }.sum() } })
  }

  /// A two-sided table laid out by the edition (`rows`): its 收入 lines beside the 类 (`right`), then its closing
  /// lines (本年收入小计 | 本年支出小计 …), then the grand totals (`{prefix}.row.income-grand-total`,
  /// `{prefix}.row.spending-grand-total`). A zero prints blank.
  static func twoSided(_ c: CompileContext, _ layout: TwoSidedRows, right: [(String, [Amount], String)], income: Amount, totals: [Amount], prefix: String)
    -> [TableRow]
  {
    let width = totals.count
    func cells(_ xs: [Amount]) -> [Cell] { xs.map { $0.isZero ? .blank : .amount($0) } }
    var rows: [TableRow] = []
    for i in 0..<max(layout.income.count, right.count) {
      let l = i < layout.income.count ? layout.income[i] : nil, r = i < right.count ? right[i] : nil
      let left: [Cell] = l.map { line in [.text(line.label)] + cells([line.funds.map { revenueAmount(c, $0) }.sum()]) } ?? [.blank, .blank]
      let rightCells: [Cell] = r.map { [.text($0.0)] + cells($0.1) } ?? Array(repeating: .blank, count: 1 + width)
      rows.append(TableRow(cells: left + rightCells, key: r?.2))
    }
    for line in layout.closing ?? [] {
      let left: [Cell] = [.text(line.label)] + cells([line.funds.map { revenueAmount(c, $0) }.sum()])
      let spending: [Cell] = line.sum == true ? totals.map { .amount($0) } : Array(repeating: .blank, count: width)
      rows.append(TableRow(kind: line.sum == true ? .subtotal : .detail, cells: left + [.text(line.spending)] + spending))
    }
    rows.append(
      TableRow(
        kind: .total,
        cells: [.text(c.fill(prefix + ".row.income-grand-total")), .amount(income), .text(c.fill(prefix + ".row.spending-grand-total"))]
          + totals.map { .amount($0) }, key: TableRow.totalKey))
    return rows
  }

  static func revenueAmount(_ c: CompileContext, _ s: FundSource) -> Amount { c.facts.revenues.first { $0.source == s }?.amount ?? .zero }

  /// T4: 财政拨款 income by fund beside 财政拨款 spending by 类 and fund.
  func appropriationTable(_ c: CompileContext) -> DocTable {
    let f = c.view.functions
    let funds = Self.appropriations
    func approp(_ r: FunctionRollup.Row?) -> [Amount] {
      let parts = funds.map { r?.bySource[$0] ?? .zero }
      return [parts.sum()] + parts
    }
    if let lines = c.view.edition.table(.t4)?.rows {
      let classes: [(String, [Amount])] =
        lines.allClasses == true
        ? c.view.edition.expenditureClasses.map { ($0, approp(f.rows[$0])) }
        : f.classes().map { ($0.code, approp($0)) }.filter { !$0.1[0].isZero }
      let right = classes.enumerated().map { (c.fill("t4.row.class", number: $0.offset + 1, ["名称": c.functionName($0.element.0)]), $0.element.1, $0.element.0) }
      return c.table(
        .t4, columns: Self.appropriationColumns,
        rows: Self.twoSided(c, lines, right: right, income: (funds + [.carryover]).map { revenue(c, $0) }.sum(), totals: approp(f.total), prefix: "t4"))
    }
    let left: [(String, Amount?, TableRow.Kind)] =
      [(c.fill("t4.row.current"), funds.map { revenue(c, $0) }.sum(), .subtotal)]
      + funds.map { (c.fill("t4.row.fund", ["资金": c.fund($0).appropriation]), revenue(c, $0), .detail) }
      + [(c.fill("t4.row.carryover", ["资金": c.fund(.carryover).appropriation]), revenue(c, .carryover), .subtotal)]
    let right = c.view.edition.expenditureClasses.map { (c.functionName($0), approp(f.rows[$0]), $0) }
    var rows: [TableRow] = []
    for i in 0..<max(left.count, right.count) {
      let l = i < left.count ? left[i] : nil, r = i < right.count ? right[i] : nil
      var cells: [Cell] = [l.map { .text($0.0) } ?? .blank, l.flatMap { $0.1 }.map { $0.isZero ? .blank : .amount($0) } ?? .blank]
      cells +=
        [r.map { .text(c.fill("t4.row.class", number: i + 1, ["名称": $0.0])) } ?? .blank]
        + (r.map { $0.1.map { $0.isZero ? Cell.blank : .amount($0) } } ?? [.blank, .blank, .blank, .blank])
      // 一、本年收入 and 二、上年结转 are totals of the 收入 side only: bold there, not the 类 that shares their line.
      let side = l?.2 == .subtotal
      rows.append(TableRow(kind: side ? .subtotal : .detail, cells: cells, bold: side ? cells.indices.map { $0 < 2 } : nil, key: r?.2))
    }
    let total = approp(f.total)
    let income = funds.map { revenue(c, $0) }.sum() + revenue(c, .carryover)
    rows.append(
      TableRow(
        kind: .total,
        cells: [.text(c.fill("t4.row.income-grand-total")), .amount(income), .text(c.fill("t4.row.spending-grand-total"))]
          + total.map { .amount($0) }, key: TableRow.totalKey))
    return c.table(.t4, columns: Self.appropriationColumns, rows: rows)
  }

  /// T4: 收入 (项目, 预算数) beside 支出 (项目, then 合计 and one column per appropriation fund).
  static var appropriationColumns: [Column] {
    [Column(.text, width: 24), Column(.amount, width: 11), Column(.text, width: 26), Column(.amount, width: 11, key: Column.total)]
      + appropriations.map { Column(.amount, width: 11, key: $0.rawValue) }
  }

  /// The sources as the edition prints them: those sharing a printed 收入 name joined, in the order first met.
  func printed(_ sources: [FundSource], _ c: CompileContext) -> [(name: String, sources: [FundSource])] {
    var out: [(name: String, sources: [FundSource])] = []
    for s in sources {
      let name = c.fund(s).revenue
      if let k = out.firstIndex(where: { $0.name == name }) { out[k].sources.append(s) } else { out.append((name, [s])) }
    }
    return out
  }

  public func explanations(_ c: CompileContext) throws -> [Explanation] {
    let f = c.view.functions
    let w = c.wording
    let classes = f.classes()
    let classList = classes.map { c.item("item.amount", c.functionName($0.code), $0.total) }.joined(separator: "、")
    // Funds an edition prints under one name (Shanghai's 其他收入: 财政专户管理资金 and 单位资金) are one item.
    let incomes = printed(FundSource.allCases.filter { !revenue(c, $0).isZero }, c).map { ($0.name, $0.sources.map { revenue(c, $0) }.sum()) }
    var income = c.parts("收入", names: incomes.map(\.0), items: incomes.map { c.item("item.amount", $0.0, $0.1) })
    if incomes.isEmpty { income["收入列表"] = c.fill("list.none") }
    // T1
    let t1 = c.fill(
      "t1.body",
      income.merging([
        "合计": c.figure(f.total.total), "增减": c.change(f.total.total, prior: c.view.prior.amount("合计"), subject: "合计", once: true),
        "支出列表": classList.isEmpty ? c.fill("list.none") : classList,
      ]) { _, v in v })
    // T2
    let current = Self.currentSources.map { revenue(c, $0) }.sum()
    let carry = revenue(c, .carryover)
    var t2: [Block] = [.paragraph(c.fill("t2.body", ["合计": c.figure(current + carry), "上年结转": c.figure(carry), "本年收入": c.figure(current)]))]
    let facts = c.facts.revenues.filter { $0.source != .carryover && !$0.amount.isZero }
    let present = printed(facts.map(\.source), c).map { group in
      let rs = facts.filter { group.sources.contains($0.source) }
      let priors = rs.compactMap(\.prior)
      return (name: group.name, first: rs[0].source, amount: rs.map(\.amount).sum(), prior: priors.count == rs.count ? priors.sum() : nil)
    }
    if !present.isEmpty {
      let (shares, note) = w.shares(present.map(\.amount), of: current)
      // A single source is the whole: 全部为一般公共预算拨款收入, without 占100.00% (the templates' {来源个数}).
      let count = String(present.count)
      let items = zip(present, shares).map { r, share in
        c.fill(
          "t2.source",
          [
            "来源": r.name, "金额": c.figure(r.amount), "占比": share, "来源个数": count,
            "增减": c.change(r.amount, prior: r.prior, subject: r.first.rawValue, fallbacks: Array(c.reasonSubjects(for: r.first).dropFirst()), once: true),
          ])
      }
      t2.append(.paragraph(c.fill("t2.sources", ["本年收入": c.figure(current), "来源列表": items.joined(separator: "；"), "来源个数": count, "尾差": note ?? ""])))
    }
    // T4
    let funds = Self.appropriations
    let approTotal = funds.map { f.total.bySource[$0] ?? .zero }.sum() + (f.total.bySource[.carryover] ?? .zero)
    var t4: String
    if approTotal.isZero {
      t4 = c.fill("t4.none")
    } else {
      let present = funds.filter { !revenue(c, $0).isZero }
      var values = c.parts(
        "来源", names: present.map { c.fund($0).appropriation }, items: present.map { c.item("item.amount", c.fund($0).appropriation, revenue(c, $0)) })
      if present.isEmpty { values["来源列表"] = c.fill("list.none") }
      let approClasses = classes.map { r in (r.code, funds.map { r.bySource[$0] ?? .zero }.sum() + (r.bySource[.carryover] ?? .zero)) }.filter { !$0.1.isZero }
      let (shares, note) = w.shares(approClasses.map(\.1), of: approTotal)
      values.merge(
        c.parts(
          "支出", names: approClasses.map { c.functionName($0.0) },
          items: zip(approClasses, shares).map { c.item("item.share", c.functionName($0.0.0), $0.0.1, ["占比": $0.1]) }, separator: "；")
      ) { _, v in v }
      t4 = c.fill(
        "t4.body",
        values.merging([
          "合计": c.figure(approTotal), "本年": c.figure(funds.map { revenue(c, $0) }.sum()),
          "上年结转": c.figure(carry), "尾差": note ?? "",
        ]) { _, v in v })
    }
    return [Explanation(table: .t1, blocks: [.paragraph(t1)]), Explanation(table: .t2, blocks: t2), Explanation(table: .t4, blocks: [.paragraph(t4)])]
  }
}
