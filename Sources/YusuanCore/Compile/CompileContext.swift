/// What a plugin needs to write its tables and its paragraphs of 情况说明.
public struct CompileContext: Sendable {
  public let view: BudgetView
  public let prose: ProseTemplates
  public let headers: TableHeaders
  public let wording: Wording

  public init(view: BudgetView, prose: ProseTemplates, headers: TableHeaders) {
    self.view = view
    self.prose = prose
    self.headers = headers
    wording = Wording(templates: prose, priorYear: view.meta.priorYear, basis: view.edition.priorYear, money: view.edition.units.prose)
  }

  public var department: String { view.meta.department }
  public var year: Int { view.meta.year }
  public var facts: FactSet { view.facts }

  /// Fills a prose template; the standard values (`standardValues`) are always available.
  public func fill(_ key: String, _ values: [String: String] = [:]) -> String {
    prose.fill(key, standardValues.merging(values) { _, given in given })
  }

  /// The placeholders every template and header may use: 部门, 年度, the prior year's (PriorYearBasis), and the
  /// edition's 文件类型 (部门预算/单位预算) and 预算层级 (区级/市级).
  public var standardValues: [String: String] {
    var v = view.edition.priorYear.values(priorYear: view.meta.priorYear)
    v["部门"] = department
    v["年度"] = String(year)
    v["文件类型"] = view.edition.kind
    v["预算层级"] = view.edition.level
    return v
  }

  /// A template for the `n`th of a list or of headings: {序号} is 1, 2 …, {中文序号} 一、二 ….
  public func fill(_ key: String, number n: Int, _ values: [String: String] = [:]) -> String {
    fill(key, values.merging(["序号": String(n), "中文序号": Wording.chineseNumber(n)]) { given, _ in given })
  }

  /// One item of a list with its figure (`item.amount`: {名称}{金额}万元, `item.share`, `item.arranged` …).
  public func item(_ key: String, _ name: String, _ amount: Amount, _ values: [String: String] = [:]) -> String {
    fill(key, values.merging(["名称": name, "金额": figure(amount)]) { given, _ in given })
  }

  /// The edition's words for a fund.
  public func fund(_ source: FundSource) -> FundNames { view.edition.names(of: source) }

  /// The column headers of a table, from forms (empty when the forms lack them; the compiler reports that).
  /// Header text may name the years and the prior-year basis ({年度}年预算数, {上年}年{上年口径}).
  public func header(_ id: TableID) -> [[HeaderCell]] { header(id.rawValue) }

  /// The header of a table that is not a standard one (单位构成).
  public func header(_ id: String) -> [[HeaderCell]] {
    let values = standardValues
    return (headers.headers[id] ?? []).map { $0.map { HeaderCell(ProseTemplates.substitute($0.text, values), colSpan: $0.colSpan, rowSpan: $0.rowSpan) } }
  }

  /// A figure in the prose: the amount in the edition's prose format (the unit word is in the template).
  public func figure(_ a: Amount) -> String { view.edition.units.prose.text(a) }

  /// The format of a table's amounts in this edition.
  public func money(_ id: TableID) -> MoneyFormat { view.edition.money(for: id) }

  /// A table of the edition: its label, title, unit line, amount format and header all from forms.
  /// A table whose edition prints codes in 类/款/项 columns (`code_columns`) gets them split here.
  public func table(_ id: TableID, columns: [Column], rows: [TableRow], note: String? = nil) -> DocTable {
    var rows = rows
    if money(id).blankZero {
      rows = rows.map { r in
        var r = r; r.cells = r.cells.map { if case .amount(let a) = $0, a.isZero { .blank } else { $0 } }; return r
      }
    }
    let t = DocTable(
      id: id.rawValue, label: label(id), title: title(id), unit: view.edition.unitLabel(for: id), money: money(id), header: header(id.rawValue),
      columns: columns, rows: rows, note: note,
      preparer: view.edition.units.preparer.map { ProseTemplates.substitute($0, standardValues) })
    guard let n = view.edition.table(id)?.codeColumns else { return t }
    return CodeColumns.split(t, into: n)
  }

  public func title(_ id: TableID) -> String { view.edition.title(of: id, department: department, year: year) ?? id.rawValue }
  public func label(_ id: TableID) -> String? { view.edition.label(of: id) }
  public func prints(_ id: TableID) -> Bool { view.edition.table(id) != nil }

  /// The note under an empty table: the officer's 说明, else the edition's (with the standard placeholders);
  /// printed as 注：…… as the template does.
  public func emptyNote(_ id: TableID) -> String? {
    let text =
      facts.tableNotes.first(where: { $0.table == id.rawValue })?.text
      ?? view.edition.table(id)?.emptyNote.map {
        ProseTemplates.substitute($0, standardValues)
      }
    guard let text = text?.trimmingBlanks(), !text.isEmpty else { return nil }
    return text.hasPrefix("注") ? text : "注：" + text
  }

  /// A change clause with the reason entered for `subject` (or the first of `fallbacks` that has one).
  /// The change clause with the first reason entered for `subject` or its fallbacks that explains a change this
  /// way: a reason that argues the other way (节约开支 for an increase) is never printed after it
  /// (`change.reason-direction` tells the officer).
  /// `once`: a clause of the budget's overall change — 收支总表, 收入总表 (each fund), 支出总表, 财政拨款收支总表 and the
  /// funds' 支出表 as a whole — whose reason is printed at its first place in the document only (`SaidOnce`): they
  /// tell one story. 项目支出, “三公”, 机关运行经费 and each itemised line (a 项, a 三公 item) say their own.
  public func change(_ current: Amount, prior: Amount?, subject: String, fallbacks: [String] = [], once: Bool = false) -> String {
    let reasons = ([subject] + fallbacks).compactMap { facts.reason(for: $0) }
    let reason = prior.map { p in reasons.first { !ReasonDirection.contradicts($0, current: current, prior: p) } } ?? reasons.first
    return wording.change(current: current, prior: prior, reason: reason, once: once)
  }

  /// The parts of a whole that have a figure, as a template's three placeholders: {X列表} the items (each already
  /// worded, e.g. by `item.amount`) joined by `separator`, {X个数} how many, and {X名称} their names joined by 、 — so
  /// that a template lists several ({X列表}) and says a single one plainly ({#X个数=1}全部为{X名称}{|}…{/X个数}).
  public func parts(_ prefix: String, names: [String], items: [String], separator: String = "、") -> [String: String] {
    [prefix + "列表": items.joined(separator: separator), prefix + "个数": String(items.count), prefix + "名称": names.joined(separator: "、")]
  }

  public func reasonSubjects(for source: FundSource) -> [String] { view.reasonSubjects(for: source) }

  /// The name of a function code as printed: the catalog's, else as entered, else the code.
  public func functionName(_ code: String) -> String {
    view.name(code, .function) ?? facts.expenditures.first { $0.code == code && $0.name != nil }?.name ?? code
  }

  public func economicName(_ code: String) -> String {
    view.name(code, .economic) ?? facts.economics.first { $0.code == code && $0.name != nil }?.name ?? code
  }
}

/// One section of 第三部分 情况说明: for a table (key = its id) or an item of 其他重要事项 (key = its name).
public struct Explanation: Sendable {
  public var key: String
  public var blocks: [Block]
  public init(key: String, blocks: [Block]) { self.key = key; self.blocks = blocks }
  /// The explanation of a table (its section of 第三部分).
  public init(table: TableID, blocks: [Block]) { self.init(key: table.rawValue, blocks: blocks) }
}

extension DocTable {
  /// A table of the edition with no data: one 本表无数据 row and the note.
  public static func empty(_ id: TableID, _ c: CompileContext, columns: [Column]) -> DocTable {
    var cells = [Cell](repeating: .blank, count: columns.count)
    cells[min(1, columns.count - 1)] = .text(c.fill("table.empty"))
    return c.table(id, columns: columns, rows: [TableRow(kind: .emptyMarker, cells: cells)], note: c.emptyNote(id))
  }
}
