import YusuanCore

/// 国有资产占有使用情况 and 通用资产配置 (T13): vehicles by category at 31 December of the prior year,
/// equipment of 100万元 and more, planned purchases, general asset configuration.
public struct AssetsPlugin: SectionPlugin {
  public init() {}
  public let id = "assets"
  public let title = "国有资产"

  static let asset = CommandSpec("资产", summary: "国有资产：车辆、设备、计划购置、通用资产配置、原值",
    syntax: "资产 车辆 类别 数量 | 资产 设备 \"名称\" 数量 [原值 金额] | 资产 购置 车辆|设备 \"名称\" 数量 金额 金额 | 资产 配置 \"名称\" 数量 金额 金额 | 资产 原值 金额 [车辆 金额] [其他 金额] [车辆数 数量] | 资产 车辆|设备|购置|配置 无",
    example: "资产 车辆 机要通信用车 1")
  public var commands: [CommandSpec] { [Self.asset] }

  static let kinds = ["车辆", "设备", "购置", "配置", "原值"]

  public func parse(_ command: CommandSpec, _ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> [FactEdit] {
    let kind = try args.choice("资产类别", choices: Self.kinds) { Self.kinds.contains($0) ? $0 : nil }
    if kind != "原值", args.peek()?.text == "无" {
      let none = args.next()
      try args.expectEnd()
      if let refusal = NoneBesideItems.refusal(args, at: none, none: "资产 \(kind) 无", what: Self.what[kind] ?? kind, removals: Self.removals(kind, context.facts)) {
        throw refusal
      }
      return [.set(.emptySection(EmptySection(section: kind)))]
    }
    var edits: [FactEdit] = []
    switch kind {
    case "车辆":
      let category = try args.text("车辆类别（如 机要通信用车）")
      let n = try args.count("车辆数量")
      try args.expectEnd()
      edits.append(.set(.vehicle(VehicleHolding(category: category, count: n))))
    case "设备":
      let name = try args.text("设备名称")
      let n = try args.count("设备数量")
      let o = try args.options(["原值": .amount])
      edits.append(.set(.equipment(Equipment(name: name, count: n, value: o.amounts["原值"]))))
    case "购置":
      let what = try args.choice("购置类别", choices: ["车辆", "设备"]) { ["车辆", "设备"].contains($0) ? $0 : nil }
      let name = try args.text("购置名称")
      let n = try args.count("数量")
      let o = try args.options(["金额": .amount])
      guard let amount = o.amounts["金额"] else { throw args.fail("缺少购置金额：金额 金额。") }
      edits.append(.set(.plannedPurchase(PlannedPurchase(kind: what, name: name, count: n, amount: amount))))
    case "配置":
      let name = try args.text("资产名称")
      let n = try args.count("数量")
      let (amounts, _) = try args.fundAmounts(options: [:])
      guard !amounts.isEmpty else { throw args.fail("缺少金额：金额 金额。") }
      let ordinal = context.facts.ordinal(of: Fact.assetConfiguration(AssetConfiguration(ordinal: 0, name: name, count: n, amounts: [:])).key)
        ?? context.facts.nextOrdinal(in: "资产配置")
      edits.append(.set(.assetConfiguration(AssetConfiguration(ordinal: ordinal, name: name, count: n, amounts: amounts))))
    default:
      let total = try args.amount("固定资产原值总额")
      let o = try args.options(["车辆": .amount, "其他": .amount, "车辆数": .text])
      var count: Int? = nil
      if let t = o.tokens["车辆数"] {
        guard let n = ArgReader.wholeNumber(t.text), n < 1_000_000 else { throw args.fail("车辆数应为0到999999之间的整数，只写数字（不带正负号），实际为“\(t.text)”。", at: t) }
        count = n
      }
      edits.append(.set(.assetValue(AssetValue(total: total, vehicles: o.amounts["车辆"], other: o.amounts["其他"], vehicleCount: count))))
    }
    // Entering something in a section withdraws an earlier "无" for it.
    if context.facts.emptySections.contains(kind) { edits.append(.remove(key: Fact.emptySection(EmptySection(section: kind)).key)) }
    return edits
  }

  static let what = ["车辆": "车辆", "设备": "单价100万元以上设备", "购置": "计划购置", "配置": "通用资产配置"]

  /// The 删除 line of each item of a kind of asset.
  static func removals(_ kind: String, _ f: FactSet) -> [String] {
    switch kind {
    case "车辆": return f.vehicles.map { "删除 资产 车辆 \(ScriptWriter.q($0.category))" }
    case "设备": return f.equipment.map { "删除 资产 设备 \(ScriptWriter.q($0.name))" }
    case "购置": return f.plannedPurchases.map { "删除 资产 购置 \($0.kind) \(ScriptWriter.q($0.name))" }
    case "配置": return f.assetConfigurations.map { "删除 资产 配置 \(ScriptWriter.q($0.name))" }
    default: return []
    }
  }

  public func removalKey(_ command: CommandSpec, _ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> String {
    let kind = try args.choice("资产类别", choices: Self.kinds) { Self.kinds.contains($0) ? $0 : nil }
    if kind == "原值" { try args.expectEnd(); return Fact.assetValue(AssetValue(total: .zero)).key }
    if args.peek()?.text == "无" { _ = args.next(); try args.expectEnd(); return Fact.emptySection(EmptySection(section: kind)).key }
    switch kind {
    case "车辆": let c = try args.text("车辆类别"); try args.expectEnd(); return Fact.vehicle(VehicleHolding(category: c, count: 0)).key
    case "设备": let n = try args.text("设备名称"); try args.expectEnd(); return Fact.equipment(Equipment(name: n, count: 0)).key
    case "购置":
      let w = try args.text("购置类别"); let n = try args.text("购置名称"); try args.expectEnd()
      return Fact.plannedPurchase(PlannedPurchase(kind: w, name: n, count: 0, amount: .zero)).key
    default: let n = try args.text("资产名称"); try args.expectEnd(); return Fact.assetConfiguration(AssetConfiguration(ordinal: 0, name: n, count: 0, amounts: [:])).key
    }
  }

  public func export(_ facts: FactSet) -> [String] {
    var out: [String] = []
    // 无 beside items (entered before it was refused) is left out: it says nothing the items do not contradict.
    let empty = facts.emptySections.filter { Self.removals($0, facts).isEmpty }
    if empty.contains("车辆") { out.append("资产 车辆 无") }
    out += facts.vehicles.map { "资产 车辆 \(ScriptWriter.q($0.category)) \($0.count)" }
    if empty.contains("设备") { out.append("资产 设备 无") }
    out += facts.equipment.map { "资产 设备 \(ScriptWriter.q($0.name)) \($0.count)" + ($0.value.map { " 原值 \($0.scriptText)" } ?? "") }
    if empty.contains("购置") { out.append("资产 购置 无") }
    out += facts.plannedPurchases.map { "资产 购置 \($0.kind) \(ScriptWriter.q($0.name)) \($0.count) 金额 \($0.amount.scriptText)" }
    if empty.contains("配置") { out.append("资产 配置 无") }
    out += facts.assetConfigurations.map { "资产 配置 \(ScriptWriter.q($0.name)) \($0.count) \(ScriptWriter.amounts($0.amounts))" }
    if let v = facts.assetValue {
      var s = "资产 原值 \(v.total.scriptText)"
      if let a = v.vehicles { s += " 车辆 \(a.scriptText)" }
      if let a = v.other { s += " 其他 \(a.scriptText)" }
      if let n = v.vehicleCount { s += " 车辆数 \(n)" }
      out.append(s)
    }
    return out
  }

  public func check(_ view: BudgetView) throws -> [Diagnostic] {
    let f = view.facts
    var out: [Diagnostic] = []
    let empty = f.emptySections
    if f.vehicles.isEmpty && !empty.contains("车辆") {
      out.append(Diagnostic(rule: AssetsRuleID.vehiclesMissing, table: "国有资产", row: "车辆",
                            message: "尚未录入车辆占有情况。国有资产占有使用情况须按车辆类别说明截至\(view.meta.priorYear)年12月31日的车辆数。请用：资产 车辆 机要通信用车 1；没有车辆时：资产 车辆 无", plugin: id))
    }
    if f.equipment.isEmpty && !empty.contains("设备") {
      out.append(Diagnostic(rule: AssetsRuleID.equipmentMissing, table: "国有资产", row: "单价100万元以上设备",
                            message: "尚未说明单价100万元以上设备（不含车辆）。没有时请录入：资产 设备 无", plugin: id))
    }
    if f.plannedPurchases.isEmpty && !empty.contains("购置") {
      out.append(Diagnostic(rule: AssetsRuleID.purchasesMissing, table: "国有资产", row: "计划购置",
                            message: "尚未说明本年计划购置车辆和单价100万元以上设备的情况。没有时请录入：资产 购置 无", plugin: id))
    }
    if f.assetConfigurations.isEmpty && !empty.contains("配置") && view.edition.table(.t13) != nil {
      out.append(Diagnostic(rule: AssetsRuleID.configurationMissing, table: TableID.t13.rawValue,
                            message: "尚未录入通用资产配置支出。没有时请录入：资产 配置 无", plugin: id))
    }
    for kind in ["车辆", "设备", "购置", "配置"] where empty.contains(kind) {
      let n = Self.removals(kind, f).count
      if n > 0 { out.append(NoneBesideItems.finding(none: "资产 \(kind) 无", what: Self.what[kind] ?? kind, count: n, table: kind == "配置" ? TableID.t13.rawValue : "国有资产", plugin: id)) }
    }
    if let v = f.assetValue {
      if let a = v.vehicles, let o = v.other, a + o != v.total {
        out.append(Diagnostic(rule: AssetsRuleID.valueSum, table: "国有资产", row: "固定资产原价总额",
                              message: "固定资产原值总额 \(v.total.wan) 万元，而车辆 \(a.wan) 万元与其他固定资产 \(o.wan) 万元之和为 \((a + o).wan) 万元，两者应相等。",
                              expected: (a + o).wan, actual: v.total.wan, plugin: id))
      }
      if let n = v.vehicleCount {
        let byCategory = f.vehicles.map(\.count).reduce(0, +)
        if f.vehicles.isEmpty && n > 0 && empty.contains("车辆") {
          out.append(Diagnostic(rule: AssetsRuleID.vehicleCount, table: "国有资产", row: "车辆",
                                message: "资产原值中车辆数为 \(n) 辆，但车辆占有情况录入为“无”。", expected: "0", actual: String(n), plugin: id))
        } else if f.vehicles.isEmpty && n > 0 {
          out.append(Diagnostic(rule: AssetsRuleID.vehicleCategory, table: "国有资产", row: "车辆",
                                message: "车辆共 \(n) 辆，但未按类别列示（主要领导干部用车、机要通信用车、应急保障用车……）。请按类别录入：资产 车辆 类别 数量",
                                expected: "按类别列示", actual: "\(n)辆未分类", plugin: id))
        } else if byCategory != n {
          out.append(Diagnostic(rule: AssetsRuleID.vehicleCount, table: "国有资产", row: "车辆",
                                message: "车辆总数 \(n) 辆与按类别录入的合计 \(byCategory) 辆不等。", expected: String(byCategory), actual: String(n), plugin: id))
        }
      }
    }
    for p in f.plannedPurchases where p.count > 0 && p.amount.isZero {
      out.append(Diagnostic(rule: AssetsRuleID.purchaseZero, table: "国有资产", row: p.name,
                            message: "计划购置\(p.kind)“\(p.name)”\(p.count)（辆/台），购置费却为0。请核对金额或删除该计划。", plugin: id))
    }
    let vehiclePlan = f.plannedPurchases.filter { $0.kind == "车辆" }.map(\.amount).sum()
    if let buy = f.threePublic.first(where: { $0.item == .vehiclePurchase }), buy.amount != vehiclePlan, !(f.plannedPurchases.isEmpty && !empty.contains("购置")) {
      out.append(Diagnostic(rule: AssetsRuleID.vehiclePurchase, table: TableID.t7.rawValue, row: "公务用车购置费",
                            message: "“三公”经费中的公务用车购置费 \(buy.amount.wan) 万元，与国有资产中计划购置车辆 \(vehiclePlan.wan) 万元不一致。",
                            expected: vehiclePlan.wan, actual: buy.amount.wan, plugin: id))
    }
    return out
  }
}
