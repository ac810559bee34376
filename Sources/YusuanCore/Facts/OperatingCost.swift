/// 机关运行经费.
public struct OperatingCost: Hashable, Sendable, Codable {
  public var amount: Amount
  public var prior: Amount?
  public init(amount: Amount, prior: Amount? = nil) { self.amount = amount; self.prior = prior }
}
