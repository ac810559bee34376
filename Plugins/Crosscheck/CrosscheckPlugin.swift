import YusuanCore

/// 核对: figures as printed in a table (or imported from the budget system) for rows yusuan derives.
/// Each is checked against the derived value, so a figure typed twice can no longer disagree unnoticed.
public struct CrosscheckPlugin: SectionPlugin {
  public init() {}
  public let id = "crosscheck"
  public let title = "核对数"

  public var commands: [EntryCommand] { [Declared.command] }

  static let columns = ["合计", "基本支出", "项目支出", "上年", "人员经费", "公用经费"] + FundSource.allCases.map(\.rawValue)
  static let columnAliases: [String: String] = ["基本": "基本支出", "项目": "项目支出", "预算数": "合计", "金额": "合计"]

  /// 核对: figures of a row as printed (or imported), each column its own option.
  enum Declared {
    static let table = Arg<String>.choice(
      "表号", Choice(values: { _ in TableID.allCases.map(\.rawValue) }, map: { w, _ in TableID.typed(w)?.rawValue }),
      key: true, placeholder: "表号")
    static let row = Arg<String>.label("行", placeholder: "行")
    static let name = Arg<String?>.option("名称", .text, placeholder: "\"科目名称\"")
    static let values = columns.map { Arg<Amount?>.option($0, .amount) }
    /// 删除 names a figure by its table and its number among the 核对 lines.
    static let ordinal = Arg<Int>.count("核对序号", key: true, placeholder: "序号")

    static let command = EntryCommand(
      "核对", summary: "已印出或导入的数字，与推算值核对",
      example: "核对 T5 201 名称 \"一般公共服务支出\" 合计 486.55",
      args: [table, row, name] + values.map { $0 as any AnyArg }, removalArgs: [table, ordinal],
      optionAlias: { w in columnAliases[w] ?? FundSource.named(w)?.rawValue },
      build: { (a, c) throws(EntryError) in
        var figures: [String: Amount] = [:]
        for v in values { if let x = a[v] { figures[v.spec.id] = x } }
        guard !figures.isEmpty else { throw a.fail("至少要有一列数字，例如：合计 486.55。") }
        return [
          .set(
            .declared(
              DeclaredFigure(
                ordinal: c.facts.nextOrdinal(in: "核对"), table: a[table], row: AmountParser.normalizeWidth(a[row]),
                name: a[name], values: figures)))
        ]
      },
      key: { a, _ in Fact.declared(DeclaredFigure(ordinal: a[ordinal], table: a[table], row: "", values: [:])).key },
      export: { f in
        f.declared.sorted { $0.ordinal < $1.ordinal }.map { d in
          [table.bind(d.table), row.bind(d.row), name.bind(d.name)] + values.map { $0.bind(d.values[$0.spec.id]) }
        }
      })
  }

  public func check(_ view: BudgetView, printed: PrintedTables) throws -> [Diagnostic] {
    var out: [Diagnostic] = []
    for d in view.facts.declared {
      let isCode = d.row.allSatisfy { $0.isASCII && $0.isNumber }
      if isCode {
        let system: CodeSystem = d.table == TableID.t6.rawValue ? .economic : .function
        out += CodeRules.check(
          code: d.row, name: d.name, system: system, level: nil, catalog: view.catalog,
          at: .init(table: d.table, row: d.row, plugin: id))
        if CodeShape.problem(d.row, in: system) != nil { continue }
      }
      for (column, printedFigure) in d.values.sorted(by: { $0.key < $1.key }) {
        guard let derived = try Printed.value(table: d.table, row: d.row, column: column, view: view, printed: printed) else {
          out.append(
            Diagnostic(
              rule: CrosscheckRuleID.unresolved, table: d.table, row: d.row, column: column,
              message: "无法从已录入的事实推算 \(d.table) 的“\(d.row)”行“\(column)”列，无法核对印出的 \(printedFigure.wan)。请检查表号、行和列。",
              actual: printedFigure.wan, plugin: id))
          continue
        }
        if derived.roundedWanCents != printedFigure.roundedWanCents {
          let label = [d.row, d.name].compactMap { $0 }.joined(separator: " ")
          out.append(
            Diagnostic(
              rule: CrosscheckRuleID.sumDeclared, table: d.table, row: d.row, column: column,
              message: "\(d.table)“\(label)”\(column)印为 \(printedFigure.wan) 万元，按已录入的明细计算应为 \(derived.wan) 万元（相差 \((printedFigure - derived).wan)）。",
              expected: derived.wan, actual: printedFigure.wan, plugin: id))
        }
      }
    }
    return out
  }
}

/// Where the figure a `核对` line names is read: the cell of the table as its section prints it (`PrintedTables`),
/// found by the row and column keys the sections give. What no table prints is what the prose states from the same
/// facts: last year's figures (上年, which the prose compares with) and the funds of the projects under 绩效管理
/// (T14's 合计, stated in 绩效目标设置情况).
enum Printed {
  static func value(table: String, row typed: String, column: String, view: BudgetView, printed: PrintedTables) throws -> Amount? {
    guard let id = TableID(rawValue: table) else { return nil }
    // 合计, 总计, 本年支出合计, 收入总计 …: the table's total row.
    let row = TotalLabel.isTotal(typed) || TotalLabel.isGrandTotal(typed) ? TableRow.totalKey : typed
    switch id {
    case .t7:
      // Rows are the years and columns the items: 公务接待费 上年 is the item's figure in the 上年 row.
      let item = row == TableRow.totalKey ? Column.total : ThreePublicItem.named(row)?.rawValue
      guard let item else { return nil }
      switch column {
      case Column.total: return try printed.figure(.t7, row: TableRow.currentYearKey, column: item)
      case "上年":
        if let v = try printed.figure(.t7, row: TableRow.priorYearKey, column: item) { return v }
        // An edition whose 三公 table prints this year only: last year's figure as the prose states it.
        let facts = view.facts.threePublic
        return item == Column.total ? facts.compactMap(\.prior).sum() : facts.first { $0.item.rawValue == item }?.prior
      default: return nil
      }
    case .t14:
      // Each project's form prints its funds as text; the 合计 is the prose's (绩效目标设置情况).
      guard row == TableRow.totalKey, column == Column.total else { return column == Column.total ? view.facts.goals.first { $0.project == row }?.total : nil }
      return view.facts.projects.filter(\.performanceManaged).map(\.total).sum()
    default:
      if column == "上年" { return prior(id, row: row, view: view) }
      // 基本支出 of the 基本支出表 is its total.
      let key = id == .t6 && row == SpendingKind.basic.fullName ? TableRow.totalKey : row
      if let v = try printed.figure(id, row: key, column: column) { return v }
      // A row named by a column (基本支出 合计, 人员经费 合计): that column of the total row.
      if column == Column.total, key != TableRow.totalKey, let v = try printed.figure(id, row: TableRow.totalKey, column: key) { return v }
      // A code the table does not list has nothing in any column the table prints.
      let system: CodeSystem = id == .t6 ? .economic : .function
      if key.allSatisfy({ $0.isASCII && $0.isNumber }), CodeShape.problem(key, in: system) == nil, try printed.hasColumn(id, column) { return .zero }
      return nil
    }
  }

  /// Last year's figure the prose compares a row with (上年 is printed in no table but the 三公 one).
  static func prior(_ id: TableID, row: String, view: BudgetView) -> Amount? {
    if id == .t6 { return row == TableRow.totalKey ? view.economics.priorTotal : nil }
    return view.prior.amount(row)
  }
}
