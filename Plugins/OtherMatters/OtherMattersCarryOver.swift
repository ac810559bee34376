import YusuanCore

extension OtherMattersPlugin {
  /// 机关运行经费 becomes its prior-year figure; this year's is zero.
  public func carryOver(_ prior: FactSet) -> CarriedFacts {
    guard let c = prior.operatingCost else { return CarriedFacts() }
    return CarriedFacts(facts: [.operatingCost(OperatingCost(amount: .zero, prior: c.amount))], summary: ["机关运行经费"])
  }
}
