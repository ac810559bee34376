/// Who the workbook is for: set by `yusuan new`, shown in every title.
public struct WorkbookMeta: Sendable, Codable, Equatable {
  public var department: String
  public var year: Int
  public var edition: String
  public var catalog: String
  public init(department: String, year: Int, edition: String, catalog: String) {
    self.department = department; self.year = year; self.edition = edition; self.catalog = catalog
  }
  public var priorYear: Int { year - 1 }
}

/// Everything a rule (and later a table or a sentence) may look at: the facts and what derives from them.
public struct BudgetView: Sendable {
  /// Where the reason for a fund's figures is looked up: the fund itself (原因 一般公共预算 "…"), and, when the
  /// department has only that fund, the reasons given for 收入 and for the total.
  public func reasonSubjects(for source: FundSource) -> [String] {
    let single = Set(facts.revenues.map(\.source)).union(functions.sources).subtracting([source]).isEmpty
    return [source.rawValue] + (single ? ["收入", "合计"] : [])
  }

  public let meta: WorkbookMeta
  public let edition: Edition
  public let catalog: Catalog
  public let facts: FactSet
  public let functions: FunctionRollup
  public let economics: EconomicRollup
  public let prior: PriorYear

  public init(meta: WorkbookMeta, edition: Edition, catalog: Catalog, facts: FactSet) {
    self.meta = meta; self.edition = edition; self.catalog = catalog; self.facts = facts
    functions = FunctionRollup(facts.expenditures)
    economics = EconomicRollup(facts.economics)
    prior = PriorYear(rollup: functions, facts: facts)
  }

  /// Names of the units the department consolidates (预算单位构成), its own first.
  public var unitNames: Set<String> { Set(facts.units.map(\.name)).union([meta.department]) }

  /// The catalog name of a code, if known.
  public func name(_ code: String, _ system: CodeSystem) -> String? { catalog.name(code, system) }
}
