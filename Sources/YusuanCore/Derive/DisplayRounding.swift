/// Figures finer than the tables print (entered in 元 for a 万元 edition) are shown so that every printed total equals
/// the sum of its printed parts (DESIGN §4): each group of lines is rounded by largest remainder against its own
/// rounded total, and every table then sums the shown lines. The 2024 seed printed 类 adding to 612.41 against a
/// total of 612.42. The step is the edition's table format (`units.tables`): 0.01万元 in Anhui, 0.01元 (exact) in
/// Shanghai.
public enum DisplayRounding {
  /// Shown values (in printed steps of `money`) for `amounts`, summing to the half-up rounding of their exact sum.
  public static func allocate(_ amounts: [Amount], _ money: MoneyFormat) -> [Int64] {
    let q = money.quantum
    let floors = amounts.map { $0.fen >= 0 ? $0.fen / q : -((-$0.fen + q - 1) / q) }
    let rems = zip(amounts, floors).map { $0.0.fen - $0.1 * q }
    let target = money.steps(amounts.sum())
    var extra = Int(target - floors.reduce(0, +))
    var shown = floors
    for i in rems.indices.sorted(by: { (rems[$0], -$0) > (rems[$1], -$1) }) where extra > 0 {
      shown[i] += 1
      extra -= 1
    }
    return shown
  }

  /// The facts with amounts replaced by their shown values, and how many figures moved off their own rounding.
  /// Facts already exact to the printed step come back unchanged.
  public static func shown(_ facts: FactSet, _ money: MoneyFormat) -> (facts: FactSet, adjusted: Int) {
    let q = money.quantum
    let lines = facts.expenditures, econ = facts.economics, projects = facts.projects, revenues = facts.revenues
    let all = lines.map(\.amount) + econ.map(\.amount) + projects.flatMap { $0.amounts.values } + revenues.map(\.amount)
    guard all.contains(where: { $0.fen % q != 0 }) else { return (facts, 0) }
    var out = facts
    var adjusted = 0
    func put(_ original: Amount, _ cents: Int64) -> Amount {
      if cents != money.steps(original) { adjusted += 1 }
      return Amount(fen: cents * q)
    }
    // 基本 and 项目 separately, so 基本支出 matches the 经济分类 total and 项目支出 the project list.
    var shownBySource: [FundSource: Int64] = [:]
    for kind in SpendingKind.allCases {
      let group = lines.filter { $0.kind == kind }
      for (l, cents) in zip(group, allocate(group.map(\.amount), money)) {
        var m = l
        m.amount = put(l.amount, cents)
        shownBySource[l.source, default: 0] += cents
        out.apply(.set(.expenditure(m)))
      }
    }
    for (e, cents) in zip(econ, allocate(econ.map(\.amount), money)) {
      var m = e
      m.amount = put(e.amount, cents)
      out.apply(.set(.economic(m)))
    }
    let projectParts = projects.flatMap { p in p.amounts.keys.sorted().map { (p, $0) } }
    var shownProjects = Dictionary(uniqueKeysWithValues: projects.map { ($0.name + "|" + ($0.unit ?? ""), $0) })
    for ((p, s), cents) in zip(projectParts, allocate(projectParts.map { $0.0.amounts[$0.1]! }, money)) {
      shownProjects[p.name + "|" + (p.unit ?? "")]!.amounts[s] = put(p.amounts[s]!, cents)
    }
    for p in shownProjects.values { out.apply(.set(.project(p))) }
    // Revenue equal to the expenditure of its source is shown as that expenditure's shown sum.
    for r in revenues {
      var m = r
      let exactSpent = lines.filter { $0.source == r.source }.map(\.amount).sum()
      m.amount = r.amount == exactSpent ? put(r.amount, shownBySource[r.source] ?? 0) : money.shown(r.amount)
      out.apply(.set(.revenue(m)))
    }
    return (out, adjusted)
  }
}
