import YusuanCore

extension OtherMattersPlugin {
  public func walk(_ context: EntryContext) -> [WalkStep] {
    let settings = context.edition.rules
    return [
      WalkStep(id: "other.operating-cost", section: title, title: "机关运行经费", table: nil,
               help: "录入机关运行经费财政拨款预算和上年预算数；机关运行经费一般不超过基本支出中的公用经费。", kind: .single, command: "机关运行经费",
               fields: [WalkField(prompt: "本年预算数（万元）", kind: .amount, suggestion: { f, _ in f.operatingCost.map { ($0.amount.isZero ? $0.prior ?? $0.amount : $0.amount).scriptText } }),
                        WalkField(keyword: "上年", prompt: "上年预算数（万元）", kind: .amount, optional: true, suggestion: { f, _ in f.operatingCost?.prior?.scriptText }),
                        WalkField(keyword: "原因", prompt: "增减原因", kind: .text, optional: true, suggestion: { f, _ in f.reason(for: "机关运行经费") },
                                  ask: WalkField.whenChangeNeedsReason(current: 0, prior: 1, settings: settings))],
               isComplete: { $0.operatingCost != nil }),
    ]
  }
}
