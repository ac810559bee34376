/// Expenditure by 支出功能分类, rolled up from the 项 lines to 款, 类 and the total.
/// T2, T3, T4, T5, T8 and T9 are views of this; nothing here is ever typed in.
public struct FunctionRollup: Sendable {
  public struct Row: Sendable, Equatable {
    public var code: String
    public var total: Amount = .zero
    public var basic: Amount = .zero
    public var project: Amount = .zero
    public var bySource: [FundSource: Amount] = [:]

    public init(code: String) { self.code = code }

    mutating func add(_ l: ExpenditureLine) {
      total += l.amount
      if l.kind == .basic { basic += l.amount } else { project += l.amount }
      bySource[l.source, default: .zero] += l.amount
    }
  }

  /// Rows by code for every 类, 款 and 项 that has lines (only well-formed 7-digit 项 lines roll up).
  public private(set) var rows: [String: Row] = [:]
  public private(set) var total = Row(code: "合计")
  /// Per fund, the rows of that fund alone (T5 一般公共预算, T8 政府性基金, T9 国有资本经营).
  public private(set) var bySourceRows: [FundSource: [String: Row]] = [:]
  /// Line priors summed per 项, 款, 类 (only lines that carry a prior).
  public private(set) var linePriors: [String: Amount] = [:]
  public private(set) var linePriorByKind: [SpendingKind: Amount] = [:]
  public private(set) var linePriorTotal: Amount?
  /// Line priors per fund, by 项/款/类 code and in total.
  public private(set) var linePriorsBySource: [FundSource: [String: Amount]] = [:]
  public private(set) var linePriorTotalBySource: [FundSource: Amount] = [:]
  /// The funds lines are entered from.
  public private(set) var sources: Set<FundSource> = []

  public init(_ lines: [ExpenditureLine]) {
    for l in lines {
      total.add(l)
      sources.insert(l.source)
      if let p = l.prior {
        linePriorTotalBySource[l.source, default: .zero] += p
        linePriorTotal = (linePriorTotal ?? .zero) + p
      }
      guard l.code.utf8.count == 7, CodeShape.problem(l.code, in: .function) == nil else { continue }
      // 类, 款 and 项 of the line, computed once (this runs for every line on every check).
      let codes = [String(l.code.prefix(3)), String(l.code.prefix(5)), l.code]
      for code in codes {
        rows[code, default: Row(code: code)].add(l)
        bySourceRows[l.source, default: [:]][code, default: Row(code: code)].add(l)
      }
      if let p = l.prior {
        for code in codes {
          linePriors[code, default: .zero] += p
          linePriorsBySource[l.source, default: [:]][code, default: .zero] += p
        }
        linePriorByKind[l.kind, default: .zero] += p
      }
    }
  }

  /// The total of one fund alone (T5, T8, T9 合计), or of all funds.
  public func total(of fund: FundSource?) -> Row {
    guard let fund else { return total }
    var t = Row(code: "合计")
    for r in (bySourceRows[fund] ?? [:]).values where r.code.count == 3 {
      t.total += r.total; t.basic += r.basic; t.project += r.project
      t.bySource.merge(r.bySource, uniquingKeysWith: +)
    }
    return t
  }

  /// Codes in table order: each 类 followed by its 款, each 款 by its 项.
  public var orderedCodes: [String] { rows.keys.sorted() }

  public func classes() -> [Row] { rows.values.filter { $0.code.count == 3 }.sorted { $0.code < $1.code } }
}

/// Prior-year figures: entered per line, or in aggregate where only the aggregate is known.
public struct PriorYear: Sendable {
  let rollup: FunctionRollup
  let facts: FactSet

  public init(rollup: FunctionRollup, facts: FactSet) { self.rollup = rollup; self.facts = facts }

  /// The prior-year amount of a function code (any level) or of 合计 / 基本支出 / 项目支出:
  /// the entered aggregate if there is one, else the sum of the line priors below it; nil if unknown.
  public func amount(_ subject: String) -> Amount? {
    facts.aggregatePrior(for: subject) ?? derivedBelow(subject)
  }

  /// The prior-year amount of a subject within one fund: the whole prior when every line is of that fund
  /// (aggregate priors then apply too), else the sum of that fund's line priors.
  public func amount(_ subject: String, source: FundSource) -> Amount? {
    if rollup.sources.isEmpty || rollup.sources == [source] { return amount(subject) }
    if subject == "合计" { return rollup.linePriorTotalBySource[source] }
    return rollup.linePriorsBySource[source]?[subject]
  }

  /// The sum of what lies below a subject, ignoring an aggregate entered for the subject itself (for consistency checks).
  public func derivedBelow(_ subject: String) -> Amount? {
    switch subject {
    case "合计":
      if let s = rollup.linePriorTotal { return s }
      let classes = Set(rollup.rows.keys.filter { $0.count == 3 }).union(facts.priors.map(\.subject).filter { $0.count == 3 })
      let known = classes.compactMap { amount($0) }
      return known.isEmpty ? nil : known.sum()
    case SpendingKind.basic.fullName: return rollup.linePriorByKind[.basic]
    case SpendingKind.project.fullName: return rollup.linePriorByKind[.project]
    default:
      if let s = rollup.linePriors[subject] { return s }
      let below = facts.priors.filter { $0.subject.count == subject.count + 2 && $0.subject.hasPrefix(subject) }
      return below.isEmpty ? nil : below.map(\.amount).sum()
    }
  }
}
