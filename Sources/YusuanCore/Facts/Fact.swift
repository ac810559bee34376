// The facts of one department-year: everything an officer enters, once. Every table and sentence derives from these.
//
// Facts are kept by key; entering a fact with an existing key replaces it (a correction), so a script can be
// re-run and an entry corrected without duplicates. Each kind of fact belongs to one section plugin, and is declared
// in this folder in a file of its section (ProfileFacts, RevenueFacts, ExpenditureFacts …).

/// Any one fact, tagged by kind. The key decides identity: a new fact with the same key replaces the old one.
public enum Fact: Hashable, Sendable, Codable {
  case duty(ListItem)
  case task(ListItem)
  case unit(BudgetUnit)
  case revenue(RevenueFact)
  case expenditure(ExpenditureLine)
  case prior(AggregatePrior)
  case reason(Reason)
  case economic(EconomicLine)
  case basicSplit(BasicSplit)
  case project(Project)
  case goal(PerformanceGoal)
  case indicator(Indicator)
  case threePublic(ThreePublicFact)
  case operatingCost(OperatingCost)
  case procurement(ProcurementItem)
  case purchasedService(PurchasedService)
  case emptySection(EmptySection)
  case vehicle(VehicleHolding)
  case equipment(Equipment)
  case plannedPurchase(PlannedPurchase)
  case assetConfiguration(AssetConfiguration)
  case assetValue(AssetValue)
  case tableNote(TableNote)
  case declared(DeclaredFigure)

  /// The identity of the fact within a workbook.
  public var key: String {
    switch self {
    case .duty(let d): return "职责|\(pad(d.ordinal))"
    case .task(let t): return "任务|\(pad(t.ordinal))"
    case .unit(let u): return "单位|\(u.name)"
    case .revenue(let r): return "收入|\(r.source.rawValue)"
    case .expenditure(let e): return "支出|\(e.code)|\(e.kind.rawValue)|\(e.source.rawValue)|\(e.unit ?? "")"
    case .prior(let p): return "上年|\(p.subject)"
    case .reason(let r): return "原因|\(r.subject)"
    case .economic(let e): return "经济|\(e.code)|\(e.unit ?? "")"
    case .basicSplit(let b): return "基本支出|\(b.code)"
    case .project(let p): return "项目|\(p.name)|\(p.unit ?? "")"
    case .goal(let g): return "绩效|\(g.project)"
    case .indicator(let i): return "指标|\(i.project)|\(pad(i.ordinal))"
    case .threePublic(let t): return "三公|\(t.item.rawValue)"
    case .operatingCost: return "机关运行经费"
    case .procurement(let p): return "采购|\(p.category.rawValue)|\(p.name)"
    case .purchasedService(let s): return "购买服务|\(s.name)"
    case .emptySection(let s): return "无|\(s.section)"
    case .vehicle(let v): return "资产车辆|\(v.category)"
    case .equipment(let e): return "资产设备|\(e.name)"
    case .plannedPurchase(let p): return "资产购置|\(p.kind)|\(p.name)"
    case .assetConfiguration(let a): return "资产配置|\(a.name)"
    case .assetValue: return "资产原值"
    case .tableNote(let n): return "说明|\(n.table)"
    case .declared(let d): return "核对|\(d.table)|\(pad(d.ordinal))"
    }
  }

  /// The numbered list a fact belongs to and its number in it, for facts kept in entry order; nil for the rest.
  /// Appending to a list takes the next number, which `FactSet` keeps per list so that it is one lookup.
  public var ordinal: (list: String, number: Int)? {
    switch self {
    case .duty(let d): return ("职责", d.ordinal)
    case .task(let t): return ("任务", t.ordinal)
    case .unit(let u): return ("单位", u.ordinal)
    case .project(let p): return ("项目", p.ordinal)
    case .indicator(let i): return (Self.indicatorList(of: i.project), i.ordinal)
    case .procurement(let p): return ("采购", p.ordinal)
    case .purchasedService(let s): return ("购买服务", s.ordinal)
    case .assetConfiguration(let a): return ("资产配置", a.ordinal)
    case .declared(let d): return ("核对", d.ordinal)
    default: return nil
    }
  }

  /// The numbered list of one project's 指标 (each project numbers its own from 1).
  public static func indicatorList(of project: String) -> String { "指标|\(project)" }

  /// Every amount the fact carries (current, prior and per-source figures), for the workbook's sum limit.
  public var amounts: [Amount] {
    switch self {
    case .revenue(let r): return [r.amount] + [r.prior].compactMap { $0 }
    case .expenditure(let e): return [e.amount] + [e.prior].compactMap { $0 }
    case .prior(let p): return [p.amount]
    case .economic(let e): return [e.amount] + [e.prior].compactMap { $0 }
    case .basicSplit(let b): return [b.personnel, b.publicUse]
    case .project(let p): return Array(p.amounts.values) + [p.prior].compactMap { $0 }
    case .goal(let g): return [g.total] + [g.appropriation, g.carryover, g.other].compactMap { $0 }
    case .threePublic(let t): return [t.amount] + [t.prior].compactMap { $0 }
    case .operatingCost(let o): return [o.amount] + [o.prior].compactMap { $0 }
    case .procurement(let p): return Array(p.amounts.values)
    case .purchasedService(let s): return Array(s.amounts.values)
    case .equipment(let e): return [e.value].compactMap { $0 }
    case .plannedPurchase(let p): return [p.amount]
    case .assetConfiguration(let a): return Array(a.amounts.values)
    case .assetValue(let v): return [v.total] + [v.vehicles, v.other].compactMap { $0 }
    case .declared(let d): return Array(d.values.values)
    case .duty, .task, .unit, .reason, .indicator, .emptySection, .vehicle, .tableNote: return []
    }
  }

  /// The sum of the magnitudes of `amounts`, exact (Int128 cannot overflow on any number of Int64 figures here).
  public var amountMagnitude: Int128 { amounts.reduce(0) { $0 + Int128($1.fen.magnitude) } }

  private func pad(_ n: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, 5 - s.count)) + s
  }
}
