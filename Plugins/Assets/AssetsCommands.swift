import YusuanCore

/// The entry commands of 国有资产, `资产 车辆|设备|购置|配置|原值 …`, each declared once.
extension AssetsPlugin {
  /// A command of the 资产 group; `none` for the kinds that may be declared empty (`资产 车辆 无`).
  static func asset(
    _ kind: String, summary: String, example: String, args: [any AnyArg],
    build: @escaping @Sendable (ArgValues, EntryContext) throws(EntryError) -> [FactEdit],
    key: @escaping @Sendable (ArgValues, EntryContext) throws(EntryError) -> String,
    export: @escaping @Sendable (FactSet) -> [[ArgBinding?]]
  ) -> EntryCommand {
    let none = kind == "原值" ? nil : EmptyForm.section(kind, none: "资产 \(kind) 无", what: what[kind] ?? kind, removals: { removals(kind, $0) })
    return EntryCommand(
      "资产", sub: kind, subName: "资产类别", summary: summary, example: example, args: args, empty: none,
      build: build, key: key, export: export)
  }

  /// 资产 车辆: vehicles held at 31 December of the prior year, by category.
  enum Vehicles {
    static let category = Arg<String>.choice("车辆类别", .of(VehicleHolding.usualCategories, quoted: true), key: true, prompt: "车辆类别")
    static let count = Arg<Int>.count("车辆数量", prompt: "数量（辆）")

    static let command = asset(
      "车辆", summary: "上年12月31日的车辆数（按类别）", example: "资产 车辆 机要通信用车 1", args: [category, count],
      build: { a, _ in [.set(.vehicle(VehicleHolding(category: a[category], count: a[count])))] },
      key: { a, _ in Fact.vehicle(VehicleHolding(category: a[category], count: 0)).key },
      export: { f in f.vehicles.map { [category.bind($0.category), count.bind($0.count)] } })
  }

  /// 资产 设备: equipment of 100万元 and more.
  enum EquipmentLine {
    static let name = Arg<String>.text("设备名称", key: true, prompt: "设备名称（没有请输入“无”）")
    static let count = Arg<Int>.count("设备数量", prompt: "数量（台/套）")
    static let value = Arg<Amount?>.option("原值", .amount)

    static let command = asset(
      "设备", summary: "单价100万元以上设备（不含车辆）", example: "资产 设备 \"CT机\" 1 原值 320", args: [name, count, value],
      build: { a, _ in [.set(.equipment(Equipment(name: a[name], count: a[count], value: a[value])))] },
      key: { a, _ in Fact.equipment(Equipment(name: a[name], count: 0)).key },
      export: { f in f.equipment.map { [name.bind($0.name), count.bind($0.count), value.bind($0.value)] } })
  }

  /// 资产 购置: vehicles and large equipment to be bought this year.
  enum Purchase {
    static let kind = Arg<String>.choice("购置类别", .of(["车辆", "设备"]), key: true, prompt: "购置类别（车辆/设备，没有请输入“无”）")
    static let name = Arg<String>.text("购置名称", key: true, prompt: "名称")
    static let count = Arg<Int>.count("数量", prompt: "数量")
    static let amount = Arg<Amount>.required("金额", .amount, name: "购置金额", prompt: "购置费（万元）", missing: "缺少购置金额：金额 金额。")

    static let command = asset(
      "购置", summary: "本年计划购置车辆和单价100万元以上设备", example: "资产 购置 车辆 \"轿车\" 1 金额 20",
      args: [kind, name, count, amount],
      build: { a, _ in [.set(.plannedPurchase(PlannedPurchase(kind: a[kind], name: a[name], count: a[count], amount: a[amount])))] },
      key: { a, _ in Fact.plannedPurchase(PlannedPurchase(kind: a[kind], name: a[name], count: 0, amount: .zero)).key },
      export: { f in f.plannedPurchases.map { [kind.bind($0.kind), name.bind($0.name), count.bind($0.count), amount.bind($0.amount)] } })
  }

  /// 资产 配置: a row of 通用资产配置支出表.
  enum Configuration {
    static let name = Arg<String>.text("资产名称", key: true, prompt: "资产名称（没有请输入“无”）")
    static let count = Arg<Int>.count("数量", prompt: "数量")
    static let funds = Arg<[FundSource: Amount]>.funds(missing: "缺少金额：金额 金额。")

    static let command = asset(
      "配置", summary: "通用资产配置支出表的一行", example: "资产 配置 \"台式计算机\" 10 金额 6", args: [name, count, funds],
      build: { a, c in
        let row = AssetConfiguration(ordinal: 0, name: a[name], count: a[count], amounts: a[funds])
        let ordinal = c.facts.ordinal(of: Fact.assetConfiguration(row).key) ?? c.facts.nextOrdinal(in: "资产配置")
        return [.set(.assetConfiguration(AssetConfiguration(ordinal: ordinal, name: row.name, count: row.count, amounts: row.amounts)))]
      },
      key: { a, _ in Fact.assetConfiguration(AssetConfiguration(ordinal: 0, name: a[name], count: 0, amounts: [:])).key },
      export: { f in f.assetConfigurations.map { [name.bind($0.name), count.bind($0.count), funds.bind($0.amounts)] } })
  }

  /// 资产 原值: the original value of fixed assets at the end of last year (by the asset books).
  enum Value {
    static let total = Arg<Amount>.amount("固定资产原值总额")
    static let vehicles = Arg<Amount?>.option("车辆", .amount)
    static let other = Arg<Amount?>.option("其他", .amount)
    static let vehicleCount = Arg<Int?>.option("车辆数", .count)

    static let command = asset(
      "原值", summary: "上年末固定资产原值（按资产账）", example: "资产 原值 1200 车辆 80 其他 1120 车辆数 3",
      args: [total, vehicles, other, vehicleCount],
      build: { a, _ in [.set(.assetValue(AssetValue(total: a[total], vehicles: a[vehicles], other: a[other], vehicleCount: a[vehicleCount])))] },
      key: { _, _ in Fact.assetValue(AssetValue(total: .zero)).key },
      export: { f in
        f.assetValue.map { v in [[total.bind(v.total), vehicles.bind(v.vehicles), other.bind(v.other), vehicleCount.bind(v.vehicleCount)]] } ?? []
      })
  }
}
