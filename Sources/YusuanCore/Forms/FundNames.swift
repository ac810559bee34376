/// What an edition calls a fund (资金来源): the words differ by province and year (2021 Anhui: 纳入专户管理非税收入,
/// Shanghai: 事业收入), so they are the edition's (`funds:` in edition.yaml), keyed by the entry language's word.
public struct FundNames: Sendable, Codable, Equatable {
  /// The fund in a sentence: 一般公共预算安排74.00万元.
  public var name: String
  /// The 收入 line of 收支总表 and of the income explanation: 一般公共预算拨款收入.
  public var revenue: String
  /// The line of 财政拨款收支总表: 一般公共预算拨款.
  public var appropriation: String
}

extension Edition {
  /// The edition's words for a fund (every fund has them: `problem()` refuses an edition that lacks one).
  public func names(of source: FundSource) -> FundNames {
    funds[source.rawValue] ?? FundNames(name: source.rawValue, revenue: source.rawValue, appropriation: source.rawValue)
  }
}
