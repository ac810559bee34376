import Foundation

/// The facts of a workbook, by key, with typed views for plugins and rules.
///
/// Facts are partitioned by kind (the key up to its first `|`), so a typed view reads only its own kind:
/// applying an entry stays cheap however large the workbook grows.
public struct FactSet: Sendable, Equatable {
  private var byKind: [ByteKey: [ByteKey: Fact]] = [:]
  /// Typed views computed once per state: rules read them many times per check. An edit drops its kind's view.
  private var cache = ViewCache()
  /// The sum of the magnitudes of every amount in the workbook, kept up to date by `apply`: every total the
  /// tables print is at most a small multiple of it, so keeping it within `Amount.largestWorkbookSum` keeps
  /// every total within Int64.
  public private(set) var amountMagnitude: Int128 = 0
  /// The largest number of each numbered list (`Fact.ordinal`), kept by `apply`: appending a 职责, 项目 or 指标
  /// once read the list's sorted view, and as the view is rebuilt after every edit of its kind, a script of
  /// thousands of such lines re-sorted the list on every line (issue 14 item 18).
  private var largestOrdinals: [ByteKey: Int] = [:]

  public static func == (a: FactSet, b: FactSet) -> Bool { a.byKind == b.byKind }

  public init(_ facts: [Fact] = []) {
    for f in facts {
      let key = f.key
      let kind = Self.kind(of: key)
      if let old = byKind[kind]?[ByteKey(key)] { amountMagnitude -= old.amountMagnitude }
      byKind[kind, default: [:]][ByteKey(key)] = f
      amountMagnitude += f.amountMagnitude
    }
    for f in byKind.values.lazy.flatMap(\.values) {
      if let o = f.ordinal, o.number > largestOrdinal(in: o.list) { largestOrdinals[ByteKey(o.list)] = o.number }
    }
  }

  static func kind(of key: String) -> ByteKey {
    ByteKey(String(key.utf8.firstIndex(of: 0x7C).map { key[..<$0] } ?? key[...]))
  }

  public var count: Int { byKind.values.reduce(0) { $0 + $1.count } }
  public var all: [Fact] { byKind.values.flatMap(\.values).sorted { $0.key < $1.key } }

  /// True when the workbook's amounts are small enough for every total to be computed exactly.
  public var amountsFit: Bool { amountMagnitude <= Int128(Amount.largestWorkbookSum) }

  public subscript(key: String) -> Fact? { byKind[Self.kind(of: key)]?[ByteKey(key)] }

  /// Applies one edit and returns what it replaced, so the change can be journaled and undone.
  /// Only the typed view of the edited kind is recomputed: a 指标 entry does not re-sort 300 支出 lines.
  @discardableResult
  public mutating func apply(_ edit: FactEdit) -> FactChange {
    let key: String
    switch edit {
    case .set(let f): key = f.key
    case .remove(let k): key = k
    }
    let kind = Self.kind(of: key)
    cache = cache.without(kind.text)
    let before = byKind[kind]?[ByteKey(key)]
    amountMagnitude -= before?.amountMagnitude ?? 0
    if case .set(let f) = edit { amountMagnitude += f.amountMagnitude }
    let change: FactChange
    switch edit {
    case .set(let f):
      byKind[kind, default: [:]][ByteKey(key)] = f
      change = FactChange(key: key, before: before, after: f)
    case .remove:
      byKind[kind]?[ByteKey(key)] = nil
      if byKind[kind]?.isEmpty == true { byKind[kind] = nil }
      change = FactChange(key: key, before: before, after: nil)
    }
    keepLargestOrdinal(before: before?.ordinal, after: change.after?.ordinal, kind: kind)
    return change
  }

  /// Updates `largestOrdinals` for one replaced fact. Only when the largest number of a list goes (a 删除, or an
  /// item renumbered down) is its kind read again, to find the next largest.
  private mutating func keepLargestOrdinal(before: (list: String, number: Int)?, after: (list: String, number: Int)?, kind: ByteKey) {
    if let a = after, a.number > largestOrdinal(in: a.list) { largestOrdinals[ByteKey(a.list)] = a.number }
    guard let b = before, b.number == largestOrdinal(in: b.list), !(after.map { $0.list == b.list && $0.number >= b.number } ?? false) else { return }
    let largest = (byKind[kind] ?? [:]).values.lazy.compactMap(\.ordinal).filter { $0.list == b.list }.map(\.number).max()
    largestOrdinals[ByteKey(b.list)] = largest
  }

  /// Puts back what a change replaced.
  public mutating func revert(_ change: FactChange) {
    if let b = change.before { apply(.set(b)) } else { apply(.remove(key: change.key)) }
  }

  // MARK: Typed views (sorted for stable output)

  public var duties: [ListItem] { cache.get("职责") { values("职责") { if case .duty(let x) = $0 { x } else { nil } }.sorted { $0.ordinal < $1.ordinal } } }
  public var tasks: [ListItem] { cache.get("任务") { values("任务") { if case .task(let x) = $0 { x } else { nil } }.sorted { $0.ordinal < $1.ordinal } } }
  public var units: [BudgetUnit] { cache.get("单位") { values("单位") { if case .unit(let x) = $0 { x } else { nil } }.sorted { $0.ordinal < $1.ordinal } } }
  public var revenues: [RevenueFact] { cache.get("收入") { values("收入") { if case .revenue(let x) = $0 { x } else { nil } }.sorted { $0.source < $1.source } } }
  public var expenditures: [ExpenditureLine] {
    cache.get("支出") {
      values("支出") { if case .expenditure(let x) = $0 { x } else { nil } }
        .sorted { ($0.code, $0.kind.order, $0.source, $0.unit ?? "") < ($1.code, $1.kind.order, $1.source, $1.unit ?? "") }
    }
  }
  public var priors: [AggregatePrior] { cache.get("上年") { values("上年") { if case .prior(let x) = $0 { x } else { nil } }.sorted { $0.subject < $1.subject } } }
  public var reasons: [Reason] { cache.get("原因") { values("原因") { if case .reason(let x) = $0 { x } else { nil } }.sorted { $0.subject < $1.subject } } }
  public var economics: [EconomicLine] {
    cache.get("经济") { values("经济") { if case .economic(let x) = $0 { x } else { nil } }.sorted { ($0.code, $0.unit ?? "") < ($1.code, $1.unit ?? "") } }
  }
  public var basicSplits: [BasicSplit] {
    cache.get("基本支出") { values("基本支出") { if case .basicSplit(let x) = $0 { x } else { nil } }.sorted { $0.code < $1.code } }
  }
  public var projects: [Project] { cache.get("项目") { values("项目") { if case .project(let x) = $0 { x } else { nil } }.sorted { $0.ordinal < $1.ordinal } } }
  public var goals: [PerformanceGoal] { cache.get("绩效") { values("绩效") { if case .goal(let x) = $0 { x } else { nil } }.sorted { $0.project < $1.project } } }
  public var indicators: [Indicator] {
    cache.get("指标") { values("指标") { if case .indicator(let x) = $0 { x } else { nil } }.sorted { ($0.project, $0.ordinal) < ($1.project, $1.ordinal) } }
  }
  public var threePublic: [ThreePublicFact] {
    cache.get("三公") {
      values("三公") { if case .threePublic(let x) = $0 { x } else { nil } }
        .sorted { ThreePublicItem.allCases.firstIndex(of: $0.item)! < ThreePublicItem.allCases.firstIndex(of: $1.item)! }
    }
  }
  public var operatingCost: OperatingCost? { values("机关运行经费") { if case .operatingCost(let x) = $0 { x } else { nil } }.first }
  public var procurements: [ProcurementItem] {
    cache.get("采购") { values("采购") { if case .procurement(let x) = $0 { x } else { nil } }.sorted { $0.ordinal < $1.ordinal } }
  }
  public var purchasedServices: [PurchasedService] {
    cache.get("购买服务") { values("购买服务") { if case .purchasedService(let x) = $0 { x } else { nil } }.sorted { $0.ordinal < $1.ordinal } }
  }
  public var emptySections: Set<String> { Set(values("无") { if case .emptySection(let x) = $0 { x.section } else { nil } }) }
  public var vehicles: [VehicleHolding] {
    cache.get("资产车辆") { values("资产车辆") { if case .vehicle(let x) = $0 { x } else { nil } }.sorted { $0.category < $1.category } }
  }
  public var equipment: [Equipment] { cache.get("资产设备") { values("资产设备") { if case .equipment(let x) = $0 { x } else { nil } }.sorted { $0.name < $1.name } } }
  public var plannedPurchases: [PlannedPurchase] {
    cache.get("资产购置") { values("资产购置") { if case .plannedPurchase(let x) = $0 { x } else { nil } }.sorted { ($0.kind, $0.name) < ($1.kind, $1.name) } }
  }
  public var assetConfigurations: [AssetConfiguration] {
    cache.get("资产配置") { values("资产配置") { if case .assetConfiguration(let x) = $0 { x } else { nil } }.sorted { $0.ordinal < $1.ordinal } }
  }
  public var assetValue: AssetValue? { values("资产原值") { if case .assetValue(let x) = $0 { x } else { nil } }.first }
  public var tableNotes: [TableNote] { cache.get("说明") { values("说明") { if case .tableNote(let x) = $0 { x } else { nil } }.sorted { $0.table < $1.table } } }
  public var declared: [DeclaredFigure] {
    cache.get("核对") { values("核对") { if case .declared(let x) = $0 { x } else { nil } }.sorted { ($0.table, $0.ordinal) < ($1.table, $1.ordinal) } }
  }

  public func reason(for subject: String) -> String? {
    if case .reason(let r) = self["原因|\(subject)"] { return r.text }
    return nil
  }

  public func aggregatePrior(for subject: String) -> Amount? {
    if case .prior(let p) = self["上年|\(subject)"] { return p.amount }
    return nil
  }

  /// The largest number in a numbered list (`Fact.ordinal`: 职责, 单位, 项目, 指标|项目名称 …); 0 when it is empty.
  public func largestOrdinal(in list: String) -> Int { largestOrdinals[ByteKey(list)] ?? 0 }

  /// The number an item appended to a list takes.
  public func nextOrdinal(in list: String) -> Int { largestOrdinal(in: list) + 1 }

  /// The number of the item stored under `key`, if there is one: an item entered again keeps its place.
  public func ordinal(of key: String) -> Int? { self[key]?.ordinal?.number }

  private func values<T>(_ kind: String, _ pick: (Fact) -> T?) -> [T] { (byKind[ByteKey(kind)] ?? [:]).values.compactMap(pick) }
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

/// A memo of typed views for one state of a FactSet, one per fact kind (each view reads only its own kind).
/// Copies of an unchanged FactSet share it; an edit makes a new one without the edited kind's view.
final class ViewCache: @unchecked Sendable {
  private let lock = NSLock()
  private var views: [ByteKey: Any] = [:]

  init(_ views: [ByteKey: Any] = [:]) { self.views = views }

  /// A new cache with every view but `kind`'s.
  func without(_ kind: String) -> ViewCache {
    lock.lock(); defer { lock.unlock() }
    var kept = views
    kept[ByteKey(kind)] = nil
    return ViewCache(kept)
  }

  func get<T>(_ name: String, _ make: () -> T) -> T {
    lock.lock()
    if let v = views[ByteKey(name)] as? T { lock.unlock(); return v }
    lock.unlock()
    let v = make()
    lock.lock()
    views[ByteKey(name)] = v
    lock.unlock()
    return v
  }
}

/// A fact key (or kind) hashed and compared by its UTF-8 bytes. Keys are built by `Fact.key` from canonical
/// text; Swift's `String` hashing normalises non-ASCII text (NFC) on every hash, which was a tenth of opening
/// a workbook whose keys are Chinese (职责|…, 项目|…).
struct ByteKey: Hashable, Sendable {
  let text: String
  init(_ text: String) { self.text = text }

  static func == (a: ByteKey, b: ByteKey) -> Bool {
    var x = a.text, y = b.text
    return x.withUTF8 { xb in y.withUTF8 { yb in xb.count == yb.count && (xb.count == 0 || memcmp(xb.baseAddress!, yb.baseAddress!, xb.count) == 0) } }
  }

  func hash(into hasher: inout Hasher) {
    var t = text
    t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
