/// 基本支出 by 部门预算支出经济分类 (T6): 款 lines rolled up to 类, split into 人员经费 and 公用经费.
public struct EconomicRollup: Sendable {
  public struct Row: Sendable, Equatable {
    public var code: String
    public var total: Amount = .zero
    public var personnel: Amount = .zero
    public var publicUse: Amount = .zero
    public init(code: String) { self.code = code }
  }

  public private(set) var rows: [String: Row] = [:]
  public private(set) var total = Row(code: "合计")
  public private(set) var priorTotal: Amount?

  public init(_ lines: [EconomicLine]) {
    for l in lines {
      func add(_ r: inout Row) {
        r.total += l.amount
        if l.effectiveCategory == .personnel { r.personnel += l.amount } else { r.publicUse += l.amount }
      }
      add(&total)
      if let p = l.prior { priorTotal = (priorTotal ?? .zero) + p }
      guard CodeShape.problem(l.code, in: .economic) == nil, l.code.count == 5 else { continue }
      for code in [String(l.code.prefix(3)), l.code] { add(&rows[code, default: Row(code: code)]) }
    }
  }

  public func amount(_ code: String) -> Amount { rows[code]?.total ?? .zero }
}
