import YusuanCore

extension AssetsPlugin {
  /// Vehicles and equipment held, as a starting point (they are counted at 31 December of the year before).
  public func carryOver(_ prior: FactSet) -> CarriedFacts {
    CarriedFacts(facts: prior.vehicles.map(Fact.vehicle) + prior.equipment.map(Fact.equipment), summary: ["车辆\(prior.vehicles.count)类"])
  }
}
