import YusuanCore

extension RevenuePlugin {
  public func walk(_ context: EntryContext) -> [WalkStep] {
    let settings = context.edition.rules
    return [
      WalkStep(
        id: "revenue.sources", section: title, title: "收入（按资金来源）", table: TableID.t2.rawValue,
        help: "按资金来源录入本年收入和上年预算数（变化较大时说明原因）；各来源收入应等于用该来源安排的支出。直接回车结束本表。", kind: .rows, command: Line.command, context: context,
        fields: [
          WalkField(Line.source, context, suggestion: { f, _ in f.revenues.isEmpty ? FundSource.general.rawValue : nil }),
          WalkField(
            Line.amount, context,
            suggestion: { f, a in
              FundSource.named(a.first ?? "").flatMap { s in
                f.revenues.first { $0.source == s }.map { ($0.amount.isZero ? $0.prior ?? $0.amount : $0.amount).scriptText }
              }
            }),
          WalkField(
            Line.prior, context,
            suggestion: { f, a in
              FundSource.named(a.first ?? "").flatMap { s in f.revenues.first { $0.source == s }?.prior?.scriptText }
            }),
          // The 情况说明 states the change of each source's revenue, with its reason when beyond the threshold.
          // Asked on every row, so that an Enter meant for it never ends the table (issue 12).
          WalkField(
            Line.reason, context,
            suggestion: { f, a in FundSource.named(a.first ?? "").flatMap { f.reason(for: $0.rawValue) } },
            expected: WalkField.whenChangeNeedsReason(current: 1, prior: 2, settings: settings)),
        ],
        isComplete: { !$0.revenues.isEmpty }),
      WalkStep(
        id: "revenue.confirm", section: title, title: "收支总表（自动生成，请核对）", table: TableID.t1.rawValue,
        help: "收支总表由已录入的收入和支出自动生成，无需录入；请核对，回车继续。",
        isComplete: { !$0.revenues.isEmpty && !$0.expenditures.isEmpty },
        // 收支平衡 compares the revenue with the spending entered in the next tables.
        dueAfter: [RevenueRuleID.revenueExpenditure.id: "expenditure.lines", RevenueRuleID.revenueExpenditurePrior.id: "expenditure.lines"]),
    ]
  }
}
