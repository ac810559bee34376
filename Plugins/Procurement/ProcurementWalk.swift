import YusuanCore

extension ProcurementPlugin {
  public func walk(_ context: EntryContext) -> [WalkStep] {
    [
      WalkStep(
        id: "procurement.items", section: title, title: "政府采购支出表", table: TableID.t11.rawValue,
        help: "按品目（货物、工程、服务）录入政府采购项目；没有时在品目处输入“无”。直接回车结束本表。", kind: .rows, command: Item.command, context: context,
        fields: [
          WalkField(Item.category, context),
          WalkField(Item.name, context, ask: WalkField.unlessNone),
          WalkField(Item.funds, context, prompt: "金额（万元）", source: .general, ask: WalkField.unlessNone),
        ],
        isComplete: { !$0.procurements.isEmpty || $0.emptySections.contains("采购") }),
      WalkStep(
        id: "procurement.services", section: title, title: "政府购买服务支出表", table: TableID.t12.rawValue,
        help: "录入政府购买服务项目；没有时在名称处输入“无”。", kind: .rows, command: Service.command, context: context,
        fields: [
          WalkField(Service.name, context),
          WalkField(Service.method, context, ask: WalkField.unlessNone),
          WalkField(Service.period, context, ask: WalkField.unlessNone),
          WalkField(Service.funds, context, prompt: "金额（万元）", source: .general, ask: WalkField.unlessNone),
        ],
        isComplete: { !$0.purchasedServices.isEmpty || $0.emptySections.contains("购买服务") }),
    ]
  }
}
