import YusuanCore

extension ThreePublicPlugin {
  /// Each item's amount becomes its prior-year figure; this year's is zero.
  public func carryOver(_ prior: FactSet) -> CarriedFacts {
    CarriedFacts(
      facts: prior.threePublic.map { .threePublic(ThreePublicFact(item: $0.item, amount: .zero, prior: $0.amount)) },
      summary: ["“三公”\(prior.threePublic.count)项"])
  }
}
