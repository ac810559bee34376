import YusuanCore

extension ExpenditurePlugin {
  /// Spending lines and 经济分类 款 with last year's amount as their prior-year figure and this year's at zero;
  /// projects likewise, by source, and marked 待确认 until the officer confirms them for this year.
  public func carryOver(_ prior: FactSet) -> CarriedFacts {
    var facts: [Fact] = prior.expenditures.map {
      var l = $0; l.prior = l.amount; l.amount = .zero; return .expenditure(l)
    }
    facts += prior.economics.map {
      var e = $0; e.prior = e.amount; e.amount = .zero; return .economic(e)
    }
    facts += prior.projects.map { p in
      var q = p
      q.prior = p.total
      q.amounts = Dictionary(uniqueKeysWithValues: p.amounts.keys.map { ($0, Amount.zero) })
      q.carried = true
      return .project(q)
    }
    return CarriedFacts(facts: facts, summary: ["支出\(prior.expenditures.count)行", "经济分类\(prior.economics.count)款", "项目\(prior.projects.count)个（待确认）"])
  }
}
