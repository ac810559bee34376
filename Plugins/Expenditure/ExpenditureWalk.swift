import YusuanCore

extension ExpenditurePlugin {
  public func walk(_ context: EntryContext) -> [WalkStep] {
    let settings = context.edition.rules
    let catalog = context.catalog
    /// Carried from last year (zero now, something last year): offered one by one for this year's figure.
    @Sendable func waiting(_ amount: Amount, _ prior: Amount?) -> Bool { amount.isZero && !(prior ?? .zero).isZero }
    /// The line a code/kind answer refers to (for defaults when correcting).
    @Sendable func line(_ f: FactSet, _ a: [String]) -> ExpenditureLine? {
      guard a.count >= 2, let kind = SpendingKind.named(a[1]) else { return nil }
      return f.expenditures.first { $0.code == a[0] && $0.kind == kind && $0.source == .general && $0.unit == nil }
    }
    return [
      WalkStep(id: "expenditure.lines", section: title, title: "一般公共预算支出（功能分类项级）", table: TableID.t5.rawValue,
               help: "每行一个功能分类项级科目（7位编码，可输入名称片段后按 TAB 补全），注明基本或项目支出、本年和上年预算数；变化较大时说明原因。直接回车结束本表。",
               kind: .rows, command: "支出",
               fields: [
                 WalkField(prompt: "科目编码", kind: .code(.function)),
                 WalkField(prompt: "基本/项目", kind: .choice(["基本", "项目"]), suggestion: { _, a in a.first == "2010301" ? "基本" : nil }),
                 WalkField(prompt: "本年预算数（万元）", kind: .amount, suggestion: { f, a in line(f, a).map { l in (l.amount.isZero ? l.prior ?? l.amount : l.amount).scriptText } }),
                 WalkField(keyword: "上年", prompt: "上年预算数（万元）", kind: .amount, optional: true, suggestion: { f, a in line(f, a)?.prior?.scriptText }),
                 WalkField(keyword: "原因", prompt: "增减原因", kind: .text, optional: true,
                           suggestion: { f, a in f.reason(for: a.first ?? "") },
                           ask: WalkField.whenChangeNeedsReason(current: 2, prior: 3, settings: settings)),
               ],
               isComplete: { !$0.expenditures.isEmpty },
               pending: { f in
                 f.expenditures.filter { $0.source == .general && $0.unit == nil && waiting($0.amount, $0.prior) }.map { l in
                   PendingRow(key: Fact.expenditure(l).key, answers: [l.code, l.kind.rawValue],
                              label: "\(l.code) \(catalog.name(l.code, .function) ?? l.name ?? "")（\(l.kind.fullName)），上年 \(l.prior?.wan ?? "0.00") 万元")
                 }
               }),
      WalkStep(id: "expenditure.economic", section: title, title: "基本支出（经济分类款级）", table: TableID.t6.rawValue,
               help: "把一般公共预算安排的基本支出按经济分类款级（5位编码）逐项录入；301、303 为人员经费，其余为公用经费。合计应等于一般公共预算基本支出（单位资金、财政专户安排的不列入）。直接回车结束本表。",
               kind: .rows, command: "经济",
               fields: [
                 WalkField(prompt: "经济分类科目编码", kind: .code(.economic)),
                 WalkField(prompt: "金额（万元）", kind: .amount, suggestion: { f, a in f.economics.first { $0.code == a.first && $0.unit == nil }?.amount.scriptText }),
                 WalkField(keyword: "上年", prompt: "上年预算数（万元）", kind: .amount, optional: true,
                           suggestion: { f, a in f.economics.first { $0.code == a.first && $0.unit == nil }?.prior?.scriptText }),
               ],
               isComplete: { !$0.economics.isEmpty || !$0.expenditures.contains { $0.kind == .basic } },
               pending: { f in
                 f.economics.filter { $0.unit == nil && waiting($0.amount, $0.prior) }.map { e in
                   PendingRow(key: Fact.economic(e).key, answers: [e.code],
                              label: "\(e.code) \(catalog.name(e.code, .economic) ?? "")，上年 \(e.prior?.wan ?? "0.00") 万元")
                 }
               }),
      WalkStep(id: "expenditure.projects", section: title, title: "项目支出表", table: TableID.t10.rawValue,
               help: "逐个录入项目：名称、类型、所属功能科目和金额；实行绩效管理的项目回答“是”。直接回车结束本表。",
               kind: .rows, command: "项目",
               fields: [
                 WalkField(prompt: "项目名称", kind: .text),
                 WalkField(keyword: "类型", prompt: "项目类型", kind: .choice(context.edition.projectTypes),
                           suggestion: { f, a in f.projects.first { $0.name == a.first }?.type ?? context.edition.projectTypes.first }),
                 WalkField(keyword: "科目", prompt: "功能科目编码", kind: .code(.function), optional: true,
                           suggestion: { f, a in f.projects.first { $0.name == a.first }?.code }),
                 WalkField(keyword: "金额", prompt: "金额（万元，一般公共预算）", kind: .amount,
                           suggestion: { f, a in f.projects.first { $0.name == a.first }.map { p in (p.total.isZero ? p.prior ?? p.total : p.total).scriptText } }),
                 WalkField(keyword: "上年", prompt: "上年预算数（万元）", kind: .amount, optional: true,
                           suggestion: { f, a in f.projects.first { $0.name == a.first }?.prior?.scriptText }),
                 WalkField(keyword: "绩效管理", prompt: "是否实行绩效管理（是/否）", kind: .flag, optional: true, suggestion: { _, _ in "否" }),
               ],
               isComplete: { f in !f.projects.isEmpty || !f.expenditures.contains { $0.kind == .project } },
               pending: { f in
                 f.projects.filter { $0.carried == true && $0.unit == nil }.map { p in
                   PendingRow(key: Fact.project(p).key, answers: [p.name], label: "项目“\(p.name)”（\(p.type)），上年 \(p.prior?.wan ?? "0.00") 万元，待确认")
                 }
               }),
      WalkStep(id: "expenditure.confirm", section: title, title: "支出总表（自动生成，请核对）", table: TableID.t3.rawValue,
               help: "支出总表由已录入的支出自动生成；请核对，回车继续。", kind: .confirm, command: nil, fields: [],
               isComplete: { !$0.expenditures.isEmpty }),
    ]
  }
}
