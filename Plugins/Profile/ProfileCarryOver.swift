import YusuanCore

extension ProfilePlugin {
  /// 职责, 单位 and 任务 as they were: the officer edits what changed.
  public func carryOver(_ prior: FactSet) -> CarriedFacts {
    CarriedFacts(
      facts: prior.duties.map(Fact.duty) + prior.units.map(Fact.unit) + prior.tasks.map(Fact.task),
      summary: ["职责\(prior.duties.count)条", "单位\(prior.units.count)个", "任务\(prior.tasks.count)条"])
  }
}
