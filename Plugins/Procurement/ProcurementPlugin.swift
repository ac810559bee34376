import YusuanCore

/// 政府采购 (T11, 总额 = 货物 + 工程 + 服务) and 政府购买服务 (T12).
public struct ProcurementPlugin: SectionPlugin {
  public init() {}
  public let id = "procurement"
  public let title = "政府采购与购买服务"

  public var commands: [EntryCommand] { [Item.command, Service.command] }

  /// 采购: a government procurement item, by category (or `采购 无`).
  enum Item {
    static let category = Arg<ProcurementCategory>.choice(
      "采购品目", named: { ProcurementCategory(rawValue: $0) }, key: true,
      prompt: "采购品目（货物/工程/服务，没有请输入“无”）")
    static let name = Arg<String>.text("采购项目名称", key: true, prompt: "采购项目名称")
    static let funds = Arg<[FundSource: Amount]>.funds(missing: "缺少采购金额：金额 金额。")

    static let command = EntryCommand(
      "采购", summary: "政府采购一项（或“采购 无”）", example: "采购 货物 \"办公设备\" 金额 12",
      args: [category, name, funds], empty: .section("采购", none: "采购 无", what: what("采购"), removals: { removals("采购", $0) }),
      build: { a, c in
        let item = ProcurementItem(ordinal: 0, category: a[category], name: a[name], amounts: a[funds])
        let ordinal = c.facts.ordinal(of: Fact.procurement(item).key) ?? c.facts.nextOrdinal(in: "采购")
        return [.set(.procurement(ProcurementItem(ordinal: ordinal, category: item.category, name: item.name, amounts: item.amounts)))]
      },
      key: { a, _ in Fact.procurement(ProcurementItem(ordinal: 0, category: a[category], name: a[name], amounts: [:])).key },
      export: { f in f.procurements.map { [category.bind($0.category), name.bind($0.name), funds.bind($0.amounts)] } })
  }

  /// 购买服务: a service the government buys (or `购买服务 无`).
  enum Service {
    static let name = Arg<String>.text("购买服务支出项目", key: true, prompt: "支出项目（没有请输入“无”）")
    static let method = Arg<String>.required(
      "方式", .text, name: "购买方式", prompt: "购买方式", placeholder: "\"购买方式\"",
      missing: "缺少购买方式：方式 \"公开招标\"。")
    static let period = Arg<String>.required(
      "期限", .text, name: "起止时间", prompt: "起止时间", placeholder: "\"起止时间\"",
      missing: "缺少购买服务起止时间：期限 \"2025年1月至12月\"。")
    static let funds = Arg<[FundSource: Amount]>.funds(missing: "缺少金额：金额 金额。")

    static let command = EntryCommand(
      "购买服务", summary: "政府购买服务一项（或“购买服务 无”）",
      example: "购买服务 \"政府网站运维\" 方式 \"公开招标\" 期限 \"2025年1月至12月\" 金额 20",
      args: [name, method, period, funds], empty: .section("购买服务", none: "购买服务 无", what: what("购买服务"), removals: { removals("购买服务", $0) }),
      build: { a, c in
        let service = PurchasedService(ordinal: 0, name: a[name], method: a[method], period: a[period], amounts: a[funds])
        let ordinal = c.facts.ordinal(of: Fact.purchasedService(service).key) ?? c.facts.nextOrdinal(in: "购买服务")
        return [
          .set(
            .purchasedService(
              PurchasedService(
                ordinal: ordinal, name: service.name, method: service.method, period: service.period,
                amounts: service.amounts)))
        ]
      },
      key: { a, _ in Fact.purchasedService(PurchasedService(ordinal: 0, name: a[name], method: "", period: "", amounts: [:])).key },
      export: { f in f.purchasedServices.map { [name.bind($0.name), method.bind($0.method), period.bind($0.period), funds.bind($0.amounts)] } })
  }

  static func what(_ section: String) -> String { section == "采购" ? "政府采购" : "政府购买服务" }

  /// The 删除 line of each item of a section.
  static func removals(_ section: String, _ f: FactSet) -> [String] {
    section == "采购"
      ? f.procurements.map { "删除 采购 \($0.category.rawValue) \(ScriptWriter.q($0.name))" }
      : f.purchasedServices.map { "删除 购买服务 \(ScriptWriter.q($0.name))" }
  }

  public func check(_ view: BudgetView) throws -> [Diagnostic] {
    let f = view.facts
    var out: [Diagnostic] = []
    if f.procurements.isEmpty && !f.emptySections.contains("采购") {
      out.append(
        Diagnostic(
          rule: ProcurementRuleID.procurementMissing, table: TableID.t11.rawValue,
          message: "尚未录入政府采购。政府采购情况须说明总额及货物、工程、服务各多少；没有时请录入：采购 无", plugin: id))
    }
    if f.purchasedServices.isEmpty && !f.emptySections.contains("购买服务") {
      out.append(
        Diagnostic(
          rule: ProcurementRuleID.servicesMissing, table: TableID.t12.rawValue,
          message: "尚未录入政府购买服务。没有时请录入：购买服务 无", plugin: id))
    }
    for (section, table) in [("采购", TableID.t11.rawValue), ("购买服务", TableID.t12.rawValue)] where f.emptySections.contains(section) {
      let n = Self.removals(section, f).count
      if n > 0 { out.append(NoneBesideItems.finding(none: "\(section) 无", what: Self.what(section), count: n, table: table, plugin: id)) }
    }
    for p in f.procurements where p.total.isZero {
      out.append(
        Diagnostic(
          rule: ProcurementRuleID.procurementZero, table: TableID.t11.rawValue, row: p.name,
          message: "采购项目“\(p.name)”金额为0。没有采购请删除该项并录入：采购 无", plugin: id))
    }
    for p in f.procurements { out += TextRules.residue(p.name, words: view.edition.rules.residue, table: TableID.t11.rawValue, row: p.name, plugin: id) }
    for s in f.purchasedServices { out += TextRules.residue(s.name, words: view.edition.rules.residue, table: TableID.t12.rawValue, row: s.name, plugin: id) }
    return out
  }
}
