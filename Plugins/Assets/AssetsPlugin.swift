import YusuanCore

/// 国有资产占有使用情况 and 通用资产配置 (T13): vehicles by category at 31 December of the prior year,
/// equipment of 100万元 and more, planned purchases, general asset configuration.
public struct AssetsPlugin: SectionPlugin {
  public init() {}
  public let id = "assets"
  public let title = "国有资产"

  public var commands: [EntryCommand] {
    [Vehicles.command, EquipmentLine.command, Purchase.command, Configuration.command, Value.command]
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

  public func check(_ view: BudgetView) throws -> [Diagnostic] {
    let f = view.facts
    var out: [Diagnostic] = []
    let empty = f.emptySections
    if f.vehicles.isEmpty && !empty.contains("车辆") {
      out.append(
        Diagnostic(
          rule: AssetsRuleID.vehiclesMissing, table: "国有资产", row: "车辆",
          message: "尚未录入车辆占有情况。国有资产占有使用情况须按车辆类别说明截至\(view.meta.priorYear)年12月31日的车辆数。请用：资产 车辆 机要通信用车 1；没有车辆时：资产 车辆 无", plugin: id))
    }
    if f.equipment.isEmpty && !empty.contains("设备") {
      out.append(
        Diagnostic(
          rule: AssetsRuleID.equipmentMissing, table: "国有资产", row: "单价100万元以上设备",
          message: "尚未说明单价100万元以上设备（不含车辆）。没有时请录入：资产 设备 无", plugin: id))
    }
    if f.plannedPurchases.isEmpty && !empty.contains("购置") {
      out.append(
        Diagnostic(
          rule: AssetsRuleID.purchasesMissing, table: "国有资产", row: "计划购置",
          message: "尚未说明本年计划购置车辆和单价100万元以上设备的情况。没有时请录入：资产 购置 无", plugin: id))
    }
    if f.assetConfigurations.isEmpty && !empty.contains("配置") && view.edition.table(.t13) != nil {
      out.append(
        Diagnostic(
          rule: AssetsRuleID.configurationMissing, table: TableID.t13.rawValue,
          message: "尚未录入通用资产配置支出。没有时请录入：资产 配置 无", plugin: id))
    }
    for kind in ["车辆", "设备", "购置", "配置"] where empty.contains(kind) {
      let n = Self.removals(kind, f).count
      if n > 0 {
        out.append(
          NoneBesideItems.finding(
            none: "资产 \(kind) 无", what: Self.what[kind] ?? kind, count: n, table: kind == "配置" ? TableID.t13.rawValue : "国有资产", plugin: id))
      }
    }
    if let v = f.assetValue {
      if let a = v.vehicles, let o = v.other, a + o != v.total {
        out.append(
          Diagnostic(
            rule: AssetsRuleID.valueSum, table: "国有资产", row: "固定资产原价总额",
            message: "固定资产原值总额 \(v.total.wan) 万元，而车辆 \(a.wan) 万元与其他固定资产 \(o.wan) 万元之和为 \((a + o).wan) 万元，两者应相等。",
            expected: (a + o).wan, actual: v.total.wan, plugin: id))
      }
      if let n = v.vehicleCount {
        let byCategory = f.vehicles.map(\.count).reduce(0, +)
        if f.vehicles.isEmpty && n > 0 && empty.contains("车辆") {
          out.append(
            Diagnostic(
              rule: AssetsRuleID.vehicleCount, table: "国有资产", row: "车辆",
              message: "资产原值中车辆数为 \(n) 辆，但车辆占有情况录入为“无”。", expected: "0", actual: String(n), plugin: id))
        } else if f.vehicles.isEmpty && n > 0 {
          out.append(
            Diagnostic(
              rule: AssetsRuleID.vehicleCategory, table: "国有资产", row: "车辆",
              message: "车辆共 \(n) 辆，但未按类别列示（主要领导干部用车、机要通信用车、应急保障用车……）。请按类别录入：资产 车辆 类别 数量",
              expected: "按类别列示", actual: "\(n)辆未分类", plugin: id))
        } else if byCategory != n {
          out.append(
            Diagnostic(
              rule: AssetsRuleID.vehicleCount, table: "国有资产", row: "车辆",
              message: "车辆总数 \(n) 辆与按类别录入的合计 \(byCategory) 辆不等。", expected: String(byCategory), actual: String(n), plugin: id))
        }
      }
    }
    for p in f.plannedPurchases where p.count > 0 && p.amount.isZero {
      out.append(
        Diagnostic(
          rule: AssetsRuleID.purchaseZero, table: "国有资产", row: p.name,
          message: "计划购置\(p.kind)“\(p.name)”\(p.count)（辆/台），购置费却为0。请核对金额或删除该计划。", plugin: id))
    }
    let vehiclePlan = f.plannedPurchases.filter { $0.kind == "车辆" }.map(\.amount).sum()
    if let buy = f.threePublic.first(where: { $0.item == .vehiclePurchase }), buy.amount != vehiclePlan, !(f.plannedPurchases.isEmpty && !empty.contains("购置"))
    {
      out.append(
        Diagnostic(
          rule: AssetsRuleID.vehiclePurchase, table: TableID.t7.rawValue, row: "公务用车购置费",
          message: "“三公”经费中的公务用车购置费 \(buy.amount.wan) 万元，与国有资产中计划购置车辆 \(vehiclePlan.wan) 万元不一致。",
          expected: vehiclePlan.wan, actual: buy.amount.wan, plugin: id))
    }
    return out
  }
}
