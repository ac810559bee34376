import YusuanCore

/// 收入: revenue by source. Checked against the expenditure it funds (收支平衡).
public struct RevenuePlugin: SectionPlugin {
  public init() {}
  public let id = "revenue"
  public let title = "收入"

  public var commands: [EntryCommand] { [Line.command] }

  /// 收入: this year's revenue of one source.
  enum Line {
    static let source = Arg<FundSource>.choice("资金来源", named: FundSource.named, key: true, prompt: "资金来源")
    static let amount = Arg<Amount>.amount("收入金额", prompt: "本年收入（万元）")
    static let prior = Arg<Amount?>.option("上年", .amount, prompt: "上年预算数（万元）")
    static let reason = Arg<String?>.reason()

    static let command = EntryCommand(
      "收入", summary: "按资金来源的本年收入", example: "收入 一般公共预算 612.42 上年 648.77",
      args: [source, amount, prior, reason],
      build: { a, c in
        let kept = c.facts.revenues.first { $0.source == a[source] }?.prior
        // The reason on a source's line is that source's (as `原因 单位资金 "…"`): with two sources a reason kept
        // under 收入 explained neither of them.
        return [.set(.revenue(RevenueFact(source: a[source], amount: a[amount], prior: a[prior] ?? kept)))] + reason.edits(a, subject: a[source].rawValue)
      },
      key: { a, _ in Fact.revenue(RevenueFact(source: a[source], amount: .zero)).key },
      export: { f in f.revenues.map { [source.bind($0.source), amount.bind($0.amount), prior.bind($0.prior)] } })
  }

  public func check(_ view: BudgetView) throws -> [Diagnostic] {
    var out: [Diagnostic] = []
    let revenues = view.facts.revenues
    let spent = view.functions.total
    if revenues.isEmpty {
      if !spent.total.isZero {
        out.append(
          Diagnostic(
            rule: RevenueRuleID.revenueMissing, table: TableID.t1.rawValue, row: "本年收入合计",
            message: "尚未录入收入。支出合计 \(spent.total.wan) 万元须有对应的收入来源，请用：收入 一般公共预算 金额",
            expected: spent.total.wan, actual: "0.00", plugin: id))
      }
      return out
    }
    // 收支平衡 by source: each source's revenue funds exactly the expenditure entered from it.
    for source in FundSource.allCases {
      let r = revenues.first { $0.source == source }?.amount ?? .zero
      let e = spent.bySource[source] ?? .zero
      if r != e {
        out.append(
          Diagnostic(
            rule: RevenueRuleID.revenueExpenditure, table: TableID.t1.rawValue, row: view.edition.names(of: source).revenue, column: "预算数",
            message: "\(view.edition.names(of: source).revenue) \(r.wan) 万元，而按\(source.rawValue)安排的支出合计 \(e.wan) 万元，两者应相等（收支平衡）。请核对收入或支出的资金来源。",
            expected: e.wan, actual: r.wan, plugin: id))
      }
    }
    let rTotal = revenues.map(\.amount).sum()
    if rTotal != spent.total {
      out.append(
        Diagnostic(
          rule: RevenueRuleID.revenueExpenditure, table: TableID.t1.rawValue, row: "收入总计", column: "预算数",
          message: "收入总计 \(rTotal.wan) 万元与支出总计 \(spent.total.wan) 万元不等。",
          expected: spent.total.wan, actual: rTotal.wan, plugin: id))
    }
    // Prior year: the revenue priors must agree with the expenditure prior of the same year.
    let priors = revenues.compactMap(\.prior)
    if priors.count == revenues.count, let ePrior = view.prior.amount("合计") {
      let rPrior = priors.sum()
      if rPrior != ePrior {
        out.append(
          Diagnostic(
            rule: RevenueRuleID.revenueExpenditurePrior, table: TableID.t1.rawValue, row: "收入总计", column: "上年",
            message:
              "\(view.meta.priorYear)年收入预算 \(rPrior.wan) 万元与\(view.meta.priorYear)年支出预算 \(ePrior.wan) 万元不等：同一变化被两次说成不同的数（本年收入比上年\(Self.change(rTotal, rPrior))，支出比上年\(Self.change(spent.total, ePrior))）。请核对上年数。",
            expected: ePrior.wan, actual: rPrior.wan, plugin: id))
      }
    }
    // A change of a source beyond the threshold needs a reason (the fund's own; 收入 or 合计 when it is the only fund).
    let single = revenues.count == 1
    for r in revenues {
      let reason = view.facts.reason(for: r.source.rawValue) ?? (single ? view.facts.reason(for: "收入") ?? view.facts.reason(for: "合计") : nil)
      out += ChangeRules.reasonChecks(
        subject: r.source.rawValue, label: view.edition.names(of: r.source).revenue, current: r.amount, prior: r.prior,
        reason: reason, view: view, table: TableID.t2.rawValue, plugin: id)
    }
    return out
  }

  /// A revenue line: the revenue total against the spending total.
  public func effect(of changes: [FactChange], in v: BudgetView) -> String? {
    guard changes.contains(where: { if case .revenue? = $0.fact { true } else { false } }) else { return nil }
    return "收入合计 \(v.facts.revenues.map(\.amount).sum().wan) 万元；支出合计 \(v.functions.total.total.wan) 万元"
  }

  static func change(_ current: Amount, _ prior: Amount) -> String {
    let d = current - prior
    return d.isZero ? "持平" : (d.isNegative ? "减少" : "增加") + "\(d.magnitude.wan)万元"
  }
}
