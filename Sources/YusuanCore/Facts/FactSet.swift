/// The facts of a workbook, by key, with typed views for plugins and rules.
public struct FactSet: Sendable, Equatable {
  public private(set) var byKey: [String: Fact] = [:]

  public init(_ facts: [Fact] = []) {
    for f in facts { byKey[f.key] = f }
  }

  public var count: Int { byKey.count }
  public var all: [Fact] { byKey.keys.sorted().map { byKey[$0]! } }

  public subscript(key: String) -> Fact? { byKey[key] }

  /// Applies one edit and returns what it replaced, so the change can be journaled and undone.
  @discardableResult
  public mutating func apply(_ edit: FactEdit) -> FactChange {
    switch edit {
    case .set(let f):
      let before = byKey[f.key]
      byKey[f.key] = f
      return FactChange(key: f.key, before: before, after: f)
    case .remove(let key):
      let before = byKey.removeValue(forKey: key)
      return FactChange(key: key, before: before, after: nil)
    }
  }

  /// Puts back what a change replaced.
  public mutating func revert(_ change: FactChange) {
    if let b = change.before { byKey[change.key] = b } else { byKey.removeValue(forKey: change.key) }
  }

  // MARK: Typed views (sorted for stable output)

  public var duties: [ListItem] { values { if case .duty(let x) = $0 { x } else { nil } }.sorted { $0.ordinal < $1.ordinal } }
  public var tasks: [ListItem] { values { if case .task(let x) = $0 { x } else { nil } }.sorted { $0.ordinal < $1.ordinal } }
  public var units: [BudgetUnit] { values { if case .unit(let x) = $0 { x } else { nil } }.sorted { $0.ordinal < $1.ordinal } }
  public var revenues: [RevenueFact] { values { if case .revenue(let x) = $0 { x } else { nil } }.sorted { $0.source < $1.source } }
  public var expenditures: [ExpenditureLine] {
    values { if case .expenditure(let x) = $0 { x } else { nil } }
      .sorted { ($0.code, $0.kind.rawValue, $0.source, $0.unit ?? "") < ($1.code, $1.kind.rawValue, $1.source, $1.unit ?? "") }
  }
  public var priors: [AggregatePrior] { values { if case .prior(let x) = $0 { x } else { nil } }.sorted { $0.subject < $1.subject } }
  public var reasons: [Reason] { values { if case .reason(let x) = $0 { x } else { nil } }.sorted { $0.subject < $1.subject } }
  public var economics: [EconomicLine] { values { if case .economic(let x) = $0 { x } else { nil } }.sorted { ($0.code, $0.unit ?? "") < ($1.code, $1.unit ?? "") } }
  public var projects: [Project] { values { if case .project(let x) = $0 { x } else { nil } }.sorted { $0.ordinal < $1.ordinal } }
  public var goals: [PerformanceGoal] { values { if case .goal(let x) = $0 { x } else { nil } }.sorted { $0.project < $1.project } }
  public var indicators: [Indicator] { values { if case .indicator(let x) = $0 { x } else { nil } }.sorted { ($0.project, $0.ordinal) < ($1.project, $1.ordinal) } }
  public var threePublic: [ThreePublicFact] {
    values { if case .threePublic(let x) = $0 { x } else { nil } }
      .sorted { ThreePublicItem.allCases.firstIndex(of: $0.item)! < ThreePublicItem.allCases.firstIndex(of: $1.item)! }
  }
  public var operatingCost: OperatingCost? { values { if case .operatingCost(let x) = $0 { x } else { nil } }.first }
  public var procurements: [ProcurementItem] { values { if case .procurement(let x) = $0 { x } else { nil } }.sorted { $0.ordinal < $1.ordinal } }
  public var purchasedServices: [PurchasedService] { values { if case .purchasedService(let x) = $0 { x } else { nil } }.sorted { $0.ordinal < $1.ordinal } }
  public var emptySections: Set<String> { Set(values { if case .emptySection(let x) = $0 { x.section } else { nil } }) }
  public var vehicles: [VehicleHolding] { values { if case .vehicle(let x) = $0 { x } else { nil } }.sorted { $0.category < $1.category } }
  public var equipment: [Equipment] { values { if case .equipment(let x) = $0 { x } else { nil } }.sorted { $0.name < $1.name } }
  public var plannedPurchases: [PlannedPurchase] { values { if case .plannedPurchase(let x) = $0 { x } else { nil } }.sorted { ($0.kind, $0.name) < ($1.kind, $1.name) } }
  public var assetConfigurations: [AssetConfiguration] { values { if case .assetConfiguration(let x) = $0 { x } else { nil } }.sorted { $0.ordinal < $1.ordinal } }
  public var assetValue: AssetValue? { values { if case .assetValue(let x) = $0 { x } else { nil } }.first }
  public var tableNotes: [TableNote] { values { if case .tableNote(let x) = $0 { x } else { nil } }.sorted { $0.table < $1.table } }
  public var declared: [DeclaredFigure] { values { if case .declared(let x) = $0 { x } else { nil } }.sorted { ($0.table, $0.ordinal) < ($1.table, $1.ordinal) } }

  public func reason(for subject: String) -> String? {
    if case .reason(let r) = byKey["原因|\(subject)"] { return r.text }
    return nil
  }

  public func aggregatePrior(for subject: String) -> Amount? {
    if case .prior(let p) = byKey["上年|\(subject)"] { return p.amount }
    return nil
  }

  /// The next free ordinal among facts whose key starts with `prefix`, for lists that keep entry order.
  public func nextOrdinal(_ ordinals: [Int]) -> Int { (ordinals.max() ?? 0) + 1 }

  private func values<T>(_ pick: (Fact) -> T?) -> [T] { byKey.values.compactMap(pick) }
}

/// A change to the fact set, as a plugin asks for it.
public enum FactEdit: Sendable, Equatable {
  case set(Fact)
  case remove(key: String)
}

/// What an applied edit did: the before- and after-image of one key. Journaled so an entry can be undone exactly.
public struct FactChange: Sendable, Codable, Equatable {
  public var key: String
  public var before: Fact?
  public var after: Fact?
  public init(key: String, before: Fact?, after: Fact?) { self.key = key; self.before = before; self.after = after }
}
