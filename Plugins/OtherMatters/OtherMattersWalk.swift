import YusuanCore

extension OtherMattersPlugin {
  public func walk(_ context: EntryContext) -> [WalkStep] {
    let settings = context.edition.rules
    return [
      WalkStep(
        id: "other.operating-cost", section: title, title: "机关运行经费", table: nil,
        help: "录入机关运行经费财政拨款预算和上年预算数；机关运行经费一般不超过基本支出中的公用经费。", kind: .single, command: OperatingCostLine.command, context: context,
        fields: [
          WalkField(
            OperatingCostLine.amount, context, suggestion: { f, _ in f.operatingCost.map { ($0.amount.isZero ? $0.prior ?? $0.amount : $0.amount).scriptText } }
          ),
          WalkField(OperatingCostLine.prior, context, suggestion: { f, _ in f.operatingCost?.prior?.scriptText }),
          WalkField(
            OperatingCostLine.reason, context, suggestion: { f, _ in f.reason(for: "机关运行经费") },
            ask: WalkField.whenChangeNeedsReason(current: 0, prior: 1, settings: settings)),
        ],
        isComplete: { $0.operatingCost != nil })
    ]
  }
}
