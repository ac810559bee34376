import YusuanCore
import YusuanStore

extension Workbench {
  /// Starts this year from last year's workbook (`new --from`): the profile and units as they were, every amount
  /// of last year moved into the prior-year column with this year's amount at zero, projects marked 待确认,
  /// vehicles and equipment as a starting point. Reasons, printed figures, goals and plans are not carried.
  /// One journaled entry; returns a one-line summary of what was carried.
  public func carryOver(from priorPath: String) throws -> String {
    let prior = try Workbench.open(path: priorPath, forms: forms, readonly: true, sections: sections)
    guard prior.meta.year < meta.year else {
      throw CarryOverError(description: "上年工作簿“\(priorPath)”是\(prior.meta.year)年的，不早于本工作簿的\(meta.year)年。")
    }
    let f = prior.facts
    var carried: [Fact] = []
    carried += f.duties.map(Fact.duty) + f.units.map(Fact.unit) + f.tasks.map(Fact.task)
    carried += f.revenues.map { .revenue(RevenueFact(source: $0.source, amount: .zero, prior: $0.amount)) }
    carried += f.expenditures.map { var l = $0; l.prior = l.amount; l.amount = .zero; return .expenditure(l) }
    carried += f.economics.map { var e = $0; e.prior = e.amount; e.amount = .zero; return .economic(e) }
    carried += f.projects.map { p in
      var q = p
      q.prior = p.total
      q.amounts = Dictionary(uniqueKeysWithValues: p.amounts.keys.map { ($0, Amount.zero) })
      q.carried = true
      return .project(q)
    }
    carried += f.threePublic.map { .threePublic(ThreePublicFact(item: $0.item, amount: .zero, prior: $0.amount)) }
    if let c = f.operatingCost { carried.append(.operatingCost(OperatingCost(amount: .zero, prior: c.amount))) }
    carried += f.vehicles.map(Fact.vehicle) + f.equipment.map(Fact.equipment)
    var working = facts
    let changes = carried.map { working.apply(.set($0)) }
    try store.commit([JournalEntry(source: .import, location: priorPath, command: "从上年带入 \(priorPath)", changes: changes)], expectedHead: try store.head())
    try reload()
    return "职责\(f.duties.count)条、单位\(f.units.count)个、任务\(f.tasks.count)条、收入\(f.revenues.count)项、支出\(f.expenditures.count)行、经济分类\(f.economics.count)款、项目\(f.projects.count)个（待确认）、“三公”\(f.threePublic.count)项"
      + (f.operatingCost == nil ? "" : "、机关运行经费") + "、车辆\(f.vehicles.count)类；\(prior.meta.year)年的金额已记为上年数，本年数待录入。"
  }
}

public struct CarryOverError: Error, CustomStringConvertible {
  public var description: String
}
