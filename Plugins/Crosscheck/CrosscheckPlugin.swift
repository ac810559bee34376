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
    static let table = Arg<String>.choice("表号", Choice(values: { _ in TableID.allCases.map(\.rawValue) }, map: { w, _ in TableID.typed(w)?.rawValue }),
                                          key: true, placeholder: "表号")
    static let row = Arg<String>.label("行", placeholder: "行")
    static let name = Arg<String?>.option("名称", .text, placeholder: "\"科目名称\"")
    static let values = columns.map { Arg<Amount?>.option($0, .amount) }
    /// 删除 names a figure by its table and its number among the 核对 lines.
    static let ordinal = Arg<Int>.count("核对序号", key: true, placeholder: "序号")

    static let command = EntryCommand("核对", summary: "已印出或导入的数字，与推算值核对",
      example: "核对 T5 201 名称 \"一般公共服务支出\" 合计 486.55",
      args: [table, row, name] + values.map { $0 as any AnyArg }, removalArgs: [table, ordinal],
      optionAlias: { w in columnAliases[w] ?? FundSource.named(w)?.rawValue },
      build: { (a, c) throws(EntryError) in
        var figures: [String: Amount] = [:]
        for v in values { if let x = a[v] { figures[v.spec.id] = x } }
        guard !figures.isEmpty else { throw a.fail("至少要有一列数字，例如：合计 486.55。") }
        return [.set(.declared(DeclaredFigure(ordinal: c.facts.nextOrdinal(in: "核对"), table: a[table], row: AmountParser.normalizeWidth(a[row]),
                                              name: a[name], values: figures)))]
      },
      key: { a, _ in Fact.declared(DeclaredFigure(ordinal: a[ordinal], table: a[table], row: "", values: [:])).key },
      export: { f in
        f.declared.sorted { $0.ordinal < $1.ordinal }.map { d in
          [table.bind(d.table), row.bind(d.row), name.bind(d.name)] + values.map { $0.bind(d.values[$0.spec.id]) }
        }
      })
  }

  public func check(_ view: BudgetView) throws -> [Diagnostic] {
    var out: [Diagnostic] = []
    for d in view.facts.declared {
      let isCode = d.row.allSatisfy { $0.isASCII && $0.isNumber }
      if isCode {
        let system: CodeSystem = d.table == TableID.t6.rawValue ? .economic : .function
        out += CodeRules.check(code: d.row, name: d.name, system: system, level: nil, catalog: view.catalog,
                               at: .init(table: d.table, row: d.row, plugin: id))
        if CodeShape.problem(d.row, in: system) != nil { continue }
      }
      for (column, printed) in d.values.sorted(by: { $0.key < $1.key }) {
        guard let derived = Derived.value(table: d.table, row: d.row, column: column, view: view) else {
          out.append(Diagnostic(rule: CrosscheckRuleID.unresolved, table: d.table, row: d.row, column: column,
                                message: "无法从已录入的事实推算 \(d.table) 的“\(d.row)”行“\(column)”列，无法核对印出的 \(printed.wan)。请检查表号、行和列。",
                                actual: printed.wan, plugin: id))
          continue
        }
        if derived.roundedWanCents != printed.roundedWanCents {
          let label = [d.row, d.name].compactMap { $0 }.joined(separator: " ")
          out.append(Diagnostic(rule: CrosscheckRuleID.sumDeclared, table: d.table, row: d.row, column: column,
                                message: "\(d.table)“\(label)”\(column)印为 \(printed.wan) 万元，按已录入的明细计算应为 \(derived.wan) 万元（相差 \((printed - derived).wan)）。",
                                expected: derived.wan, actual: printed.wan, plugin: id))
        }
      }
    }
    return out
  }
}

/// Where each (table, row, column) of a declared figure comes from.
enum Derived {
  static func value(table: String, row: String, column: String, view: BudgetView) -> Amount? {
    guard let id = TableID(rawValue: table) else { return nil }
    switch id {
    case .t1, .t2, .t3, .t4, .t5, .t8, .t9:
      return function(table: id, row: row, column: column, view: view)
    case .t6:
      let r: EconomicRollup.Row?
      switch row {
      case "合计", "基本支出": r = view.economics.total
      case "人员经费": return column == "合计" ? view.economics.total.personnel : nil
      case "公用经费": return column == "合计" ? view.economics.total.publicUse : nil
      default: r = view.economics.rows[row] ?? (row.count == 5 || row.count == 3 ? EconomicRollup.Row(code: row) : nil)
      }
      guard let r else { return nil }
      switch column {
      case "合计": return r.total
      case "人员经费": return r.personnel
      case "公用经费": return r.publicUse
      case "上年": return row == "合计" ? view.economics.priorTotal : nil
      default: return nil
      }
    case .t7:
      if row == "合计" { return column == "合计" ? view.facts.threePublic.map(\.amount).sum() : column == "上年" ? view.facts.threePublic.compactMap(\.prior).sum() : nil }
      guard let item = ThreePublicItem.named(row), let f = view.facts.threePublic.first(where: { $0.item == item }) else { return nil }
      return column == "合计" ? f.amount : column == "上年" ? f.prior : nil
    case .t10:
      guard row == "合计" else { return view.facts.projects.first { $0.name == row }.flatMap { column == "合计" ? $0.total : nil } }
      if column == "合计" { return view.facts.projects.map(\.total).sum() }
      if let s = FundSource(rawValue: column) { return view.facts.projects.compactMap { $0.amounts[s] }.sum() }
      return nil
    case .t11:
      return row == "合计" && column == "合计" ? view.facts.procurements.map(\.total).sum() : nil
    case .t12:
      return row == "合计" && column == "合计" ? view.facts.purchasedServices.map(\.total).sum() : nil
    case .t13:
      return row == "合计" && column == "合计" ? view.facts.assetConfigurations.map(\.total).sum() : nil
    case .t14:
      // 合计: the funds of all projects under 绩效管理 (the 绩效目标设置情况 paragraph states it).
      guard row == "合计", column == "合计" else { return view.facts.goals.first { $0.project == row }?.total }
      return view.facts.projects.filter(\.performanceManaged).map(\.total).sum()
    }
  }

  static func function(table: TableID, row: String, column: String, view: BudgetView) -> Amount? {
    let fund: FundSource? = TableID.functionTables[table] ?? nil
    let rows = fund.map { view.functions.bySourceRows[$0] ?? [:] } ?? view.functions.rows
    let r: FunctionRollup.Row
    switch row {
    case "合计", "本年支出合计", "支出总计", "收入总计":
      if column == "上年" { return view.prior.amount("合计") }
      r = view.functions.total(of: fund)
    case "基本支出", "项目支出":
      if column == "上年" { return view.prior.amount(row) }
      let t = view.functions.total(of: fund)
      return row == "基本支出" ? t.basic : t.project
    default:
      if column == "上年" { return view.prior.amount(row) }
      r = rows[row] ?? FunctionRollup.Row(code: row)
    }
    switch column {
    case "合计": return r.total
    case "基本支出": return r.basic
    case "项目支出": return r.project
    default: return FundSource(rawValue: column).map { r.bySource[$0] ?? .zero }
    }
  }
}
