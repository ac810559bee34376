// 收入 (revenue) by source.

/// Revenue by source, as the officer enters it; checked against the expenditure it funds.
public struct RevenueFact: Hashable, Sendable, Codable {
  public var source: FundSource
  public var amount: Amount
  public var prior: Amount?
  public init(source: FundSource, amount: Amount, prior: Amount? = nil) { self.source = source; self.amount = amount; self.prior = prior }
}
