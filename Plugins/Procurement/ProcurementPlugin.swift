import YusuanCore

/// 政府采购 (T11, 总额 = 货物 + 工程 + 服务) and 政府购买服务 (T12).
public struct ProcurementPlugin: SectionPlugin {
  public init() {}
  public let id = "procurement"
  public let title = "政府采购与购买服务"

  static let procurement = CommandSpec("采购", summary: "政府采购一项（或“采购 无”）",
    syntax: "采购 货物|工程|服务 \"采购项目\" 金额 金额 | 采购 无", example: "采购 货物 \"办公设备\" 12.00")
  static let service = CommandSpec("购买服务", summary: "政府购买服务一项（或“购买服务 无”）",
    syntax: "购买服务 \"支出项目\" 方式 \"购买方式\" 期限 \"起止时间\" 金额 金额 | 购买服务 无",
    example: "购买服务 \"政府网站运维\" 方式 \"公开招标\" 期限 \"2025年1月至12月\" 金额 20")
  public var commands: [CommandSpec] { [Self.procurement, Self.service] }

  static let categories = ProcurementCategory.allCases.map(\.rawValue)

  public func parse(_ command: CommandSpec, _ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> [FactEdit] {
    let section = command.keyword
    if args.peek()?.text == "无" {
      let none = args.next()
      try args.expectEnd()
      if let refusal = NoneBesideItems.refusal(args, at: none, none: "\(section) 无", what: Self.what(section), removals: Self.removals(section, context.facts)) {
        throw refusal
      }
      return [.set(.emptySection(EmptySection(section: section)))]
    }
    var edits: [FactEdit] = []
    if section == "采购" {
      let category = try args.choice("采购品目", choices: Self.categories) { ProcurementCategory(rawValue: $0) }
      let name = try args.text("采购项目名称")
      let (amounts, _) = try args.fundAmounts(options: [:])
      guard !amounts.isEmpty else { throw args.fail("缺少采购金额：金额 金额。") }
      let ordinal = context.facts.ordinal(of: Fact.procurement(ProcurementItem(ordinal: 0, category: category, name: name, amounts: [:])).key)
        ?? context.facts.nextOrdinal(in: "采购")
      edits.append(.set(.procurement(ProcurementItem(ordinal: ordinal, category: category, name: name, amounts: amounts))))
    } else {
      let name = try args.text("购买服务支出项目")
      let (amounts, o) = try args.fundAmounts(options: ["方式": .text, "期限": .text])
      guard let method = o.texts["方式"] else { throw args.fail("缺少购买方式：方式 \"公开招标\"。") }
      guard let period = o.texts["期限"] else { throw args.fail("缺少购买服务起止时间：期限 \"2025年1月至12月\"。") }
      guard !amounts.isEmpty else { throw args.fail("缺少金额：金额 金额。") }
      let ordinal = context.facts.ordinal(of: Fact.purchasedService(PurchasedService(ordinal: 0, name: name, method: method, period: period, amounts: [:])).key)
        ?? context.facts.nextOrdinal(in: "购买服务")
      edits.append(.set(.purchasedService(PurchasedService(ordinal: ordinal, name: name, method: method, period: period, amounts: amounts))))
    }
    if context.facts.emptySections.contains(section) { edits.append(.remove(key: Fact.emptySection(EmptySection(section: section)).key)) }
    return edits
  }

  static func what(_ section: String) -> String { section == "采购" ? "政府采购" : "政府购买服务" }

  /// The 删除 line of each item of a section.
  static func removals(_ section: String, _ f: FactSet) -> [String] {
    section == "采购"
      ? f.procurements.map { "删除 采购 \($0.category.rawValue) \(ScriptWriter.q($0.name))" }
      : f.purchasedServices.map { "删除 购买服务 \(ScriptWriter.q($0.name))" }
  }

  public func removalKey(_ command: CommandSpec, _ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> String {
    if args.peek()?.text == "无" { _ = args.next(); try args.expectEnd(); return Fact.emptySection(EmptySection(section: command.keyword)).key }
    if command.keyword == "采购" {
      let category = try args.choice("采购品目", choices: Self.categories) { ProcurementCategory(rawValue: $0) }
      let name = try args.text("采购项目名称")
      try args.expectEnd()
      return Fact.procurement(ProcurementItem(ordinal: 0, category: category, name: name, amounts: [:])).key
    }
    let name = try args.text("购买服务支出项目")
    try args.expectEnd()
    return Fact.purchasedService(PurchasedService(ordinal: 0, name: name, method: "", period: "", amounts: [:])).key
  }

  public func export(_ facts: FactSet) -> [String] {
    var out: [String] = []
    // 无 beside items (entered before it was refused) is left out: it says nothing the items do not contradict.
    if facts.emptySections.contains("采购") && facts.procurements.isEmpty { out.append("采购 无") }
    out += facts.procurements.map { "采购 \($0.category.rawValue) \(ScriptWriter.q($0.name)) \(ScriptWriter.amounts($0.amounts))" }
    if facts.emptySections.contains("购买服务") && facts.purchasedServices.isEmpty { out.append("购买服务 无") }
    out += facts.purchasedServices.map {
      "购买服务 \(ScriptWriter.q($0.name)) 方式 \(ScriptWriter.q($0.method)) 期限 \(ScriptWriter.q($0.period)) \(ScriptWriter.amounts($0.amounts))"
    }
    return out
  }

  public func check(_ view: BudgetView) throws -> [Diagnostic] {
    let f = view.facts
    var out: [Diagnostic] = []
    if f.procurements.isEmpty && !f.emptySections.contains("采购") {
      out.append(Diagnostic(rule: ProcurementRuleID.procurementMissing, table: TableID.t11.rawValue,
                            message: "尚未录入政府采购。政府采购情况须说明总额及货物、工程、服务各多少；没有时请录入：采购 无", plugin: id))
    }
    if f.purchasedServices.isEmpty && !f.emptySections.contains("购买服务") {
      out.append(Diagnostic(rule: ProcurementRuleID.servicesMissing, table: TableID.t12.rawValue,
                            message: "尚未录入政府购买服务。没有时请录入：购买服务 无", plugin: id))
    }
    for (section, table) in [("采购", TableID.t11.rawValue), ("购买服务", TableID.t12.rawValue)] where f.emptySections.contains(section) {
      let n = Self.removals(section, f).count
      if n > 0 { out.append(NoneBesideItems.finding(none: "\(section) 无", what: Self.what(section), count: n, table: table, plugin: id)) }
    }
    for p in f.procurements where p.total.isZero {
      out.append(Diagnostic(rule: ProcurementRuleID.procurementZero, table: TableID.t11.rawValue, row: p.name,
                            message: "采购项目“\(p.name)”金额为0。没有采购请删除该项并录入：采购 无", plugin: id))
    }
    for p in f.procurements { out += TextRules.residue(p.name, words: view.edition.rules.residue, table: TableID.t11.rawValue, row: p.name, plugin: id) }
    for s in f.purchasedServices { out += TextRules.residue(s.name, words: view.edition.rules.residue, table: TableID.t12.rawValue, row: s.name, plugin: id) }
    return out
  }
}
