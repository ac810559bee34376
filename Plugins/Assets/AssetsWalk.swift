import YusuanCore

extension AssetsPlugin {
  public func walk(_ context: EntryContext) -> [WalkStep] {
    [
      WalkStep(
        id: "assets.vehicles", section: title, title: "车辆占有情况（上年12月31日）", table: nil,
        help: "按类别录入车辆数；没有车辆时在类别处输入“无”。直接回车结束本表。", kind: .rows, command: Vehicles.command, context: context,
        fields: [WalkField(Vehicles.category, context), WalkField(Vehicles.count, context, ask: WalkField.unlessNone)],
        isComplete: { !$0.vehicles.isEmpty || $0.emptySections.contains("车辆") }),
      WalkStep(
        id: "assets.equipment", section: title, title: "单价100万元以上设备", table: nil,
        help: "录入单价100万元以上的设备（不含车辆）；没有时输入“无”。", kind: .rows, command: EquipmentLine.command, context: context,
        fields: [WalkField(EquipmentLine.name, context), WalkField(EquipmentLine.count, context, ask: WalkField.unlessNone)],
        isComplete: { !$0.equipment.isEmpty || $0.emptySections.contains("设备") }),
      WalkStep(
        id: "assets.purchases", section: title, title: "本年计划购置车辆和大型设备", table: nil,
        help: "录入本年计划购置的公务用车和单价100万元以上设备；没有时输入“无”。", kind: .rows, command: Purchase.command, context: context,
        fields: [
          WalkField(Purchase.kind, context),
          WalkField(Purchase.name, context, ask: WalkField.unlessNone),
          WalkField(Purchase.count, context, ask: WalkField.unlessNone),
          WalkField(Purchase.amount, context, ask: WalkField.unlessNone),
        ],
        isComplete: { !$0.plannedPurchases.isEmpty || $0.emptySections.contains("购置") }),
      WalkStep(
        id: "assets.configuration", section: title, title: "通用资产配置支出表", table: TableID.t13.rawValue,
        help: "录入本年通用资产配置（如台式计算机）；没有时输入“无”。", kind: .rows, command: Configuration.command, context: context,
        fields: [
          WalkField(Configuration.name, context),
          WalkField(Configuration.count, context, ask: WalkField.unlessNone),
          WalkField(Configuration.funds, context, prompt: "金额（万元）", source: .general, ask: WalkField.unlessNone),
        ],
        isComplete: { !$0.assetConfigurations.isEmpty || $0.emptySections.contains("配置") }),
    ]
  }
}
