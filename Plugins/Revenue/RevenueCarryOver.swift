import YusuanCore

extension RevenuePlugin {
  /// Each source's amount becomes its prior-year figure; this year's is zero.
  public func carryOver(_ prior: FactSet) -> CarriedFacts {
    CarriedFacts(
      facts: prior.revenues.map { .revenue(RevenueFact(source: $0.source, amount: .zero, prior: $0.amount)) },
      summary: ["收入\(prior.revenues.count)项"])
  }
}
