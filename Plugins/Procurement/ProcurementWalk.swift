import YusuanCore

extension ProcurementPlugin {
  public func walk(_ context: EntryContext) -> [WalkStep] {
    [
      WalkStep(id: "procurement.items", section: title, title: "政府采购支出表", table: TableID.t11.rawValue,
               help: "按品目（货物、工程、服务）录入政府采购项目；没有时在品目处输入“无”。直接回车结束本表。", kind: .rows, command: "采购",
               fields: [WalkField(prompt: "采购品目（货物/工程/服务，没有请输入“无”）", kind: .choice(Self.categories + ["无"])),
                        WalkField(prompt: "采购项目名称", kind: .text, ask: WalkField.unlessNone),
                        WalkField(keyword: "金额", prompt: "金额（万元）", kind: .amount, ask: WalkField.unlessNone)],
               isComplete: { !$0.procurements.isEmpty || $0.emptySections.contains("采购") }),
      WalkStep(id: "procurement.services", section: title, title: "政府购买服务支出表", table: TableID.t12.rawValue,
               help: "录入政府购买服务项目；没有时在名称处输入“无”。", kind: .rows, command: "购买服务",
               fields: [WalkField(prompt: "支出项目（没有请输入“无”）", kind: .text),
                        WalkField(keyword: "方式", prompt: "购买方式", kind: .text, ask: WalkField.unlessNone),
                        WalkField(keyword: "期限", prompt: "起止时间", kind: .text, ask: WalkField.unlessNone),
                        WalkField(keyword: "金额", prompt: "金额（万元）", kind: .amount, ask: WalkField.unlessNone)],
               isComplete: { !$0.purchasedServices.isEmpty || $0.emptySections.contains("购买服务") }),
    ]
  }
}
