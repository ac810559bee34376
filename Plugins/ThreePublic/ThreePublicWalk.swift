import YusuanCore

extension ThreePublicPlugin {
  public func walk(_ context: EntryContext) -> [WalkStep] {
    let settings = context.edition.rules
    @Sendable func fact(_ f: FactSet, _ a: [String]) -> ThreePublicFact? {
      ThreePublicItem.named(a.first ?? "").flatMap { i in f.threePublic.first { $0.item == i } }
    }
    return [
      WalkStep(
        id: "three-public", section: title, title: "一般公共预算“三公”经费支出表", table: TableID.t7.rawValue,
        help: "依次录入四项“三公”经费的本年和上年预算数（为零也要录入0）。", kind: .fixed(Self.itemNames), command: Line.command, context: context,
        fields: [
          WalkField(Line.item, context),
          WalkField(Line.amount, context, suggestion: { f, a in fact(f, a).map { ($0.amount.isZero ? $0.prior ?? $0.amount : $0.amount).scriptText } ?? "0" }),
          WalkField(Line.prior, context, suggestion: { f, a in fact(f, a)?.prior?.scriptText }),
          WalkField(
            Line.reason, context,
            suggestion: { f, a in f.reason(for: ThreePublicItem.named(a.first ?? "")?.rawValue ?? "") },
            ask: WalkField.whenChangeNeedsReason(current: 1, prior: 2, settings: settings)),
        ],
        isComplete: { $0.threePublic.count == ThreePublicItem.allCases.count })
    ]
  }
}
