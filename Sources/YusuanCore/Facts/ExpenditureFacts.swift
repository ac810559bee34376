// 支出 (expenditure): the 功能分类 lines, and prior-year figures known only in aggregate.

/// One expenditure line: a 功能分类 项 × 基本/项目 × funding source × unit.
public struct ExpenditureLine: Hashable, Sendable, Codable {
  public var code: String
  public var kind: SpendingKind
  public var source: FundSource
  /// nil = the department's own 本级.
  public var unit: String?
  public var amount: Amount
  public var prior: Amount?
  /// The name as the officer typed or the document printed it; nil means the catalog's name.
  public var name: String?

  public init(code: String, kind: SpendingKind, source: FundSource = .general, unit: String? = nil, amount: Amount, prior: Amount? = nil, name: String? = nil) {
    self.code = code; self.kind = kind; self.source = source; self.unit = unit; self.amount = amount; self.prior = prior; self.name = name
  }
}

/// A prior-year figure known only in aggregate (a 类, a 款, or a named total), e.g. from last year's published document.
public struct AggregatePrior: Hashable, Sendable, Codable {
  /// A function code, or a subject name such as 合计 / 基本支出 / 项目支出.
  public var subject: String
  public var amount: Amount
  public init(subject: String, amount: Amount) { self.subject = subject; self.amount = amount }
}
