import YusuanCore

extension ExpenditurePlugin {
  public func walk(_ context: EntryContext) -> [WalkStep] {
    let settings = context.edition.rules
    let catalog = context.catalog
    /// Carried from last year (zero now, something last year): offered one by one for this year's figure.
    @Sendable func waiting(_ amount: Amount, _ prior: Amount?) -> Bool { amount.isZero && !(prior ?? .zero).isZero }
    // Answers of a 支出 row, by field.
    let codeAt = 0, kindAt = 2, sourceAt = 3, amountAt = 4, priorAt = 5
    @Sendable func source(_ a: [String]) -> FundSource {
      a.count > sourceAt ? FundSource.named(a[sourceAt]) ?? .general : .general
    }
    /// The line a code/kind/source answer refers to (for defaults when correcting).
    @Sendable func line(_ f: FactSet, _ a: [String]) -> ExpenditureLine? {
      guard a.count > kindAt, let kind = SpendingKind.named(a[kindAt]) else { return nil }
      let s = source(a)
      return f.expenditures.first { $0.code == a[codeAt] && $0.kind == kind && $0.source == s && $0.unit == nil }
    }
    return [
      WalkStep(
        id: "expenditure.lines", section: title, title: "一般公共预算支出（功能分类项级）", table: TableID.t5.rawValue,
        help: "每行一个功能分类项级科目（7位编码，可输入名称片段后按 TAB 补全），注明基本或项目支出、本年和上年预算数；变化较大时说明原因。目录中没有的编码会询问科目名称；收入有多种资金来源时，每行还要选资金来源（单位资金等安排的支出也在这里录入）。直接回车结束本表。",
        kind: .rows, command: Line.command, context: context,
        fields: [
          WalkField(Line.code, context),
          // A code the catalog does not know is printed with the name entered here (once per code).
          WalkField(
            Line.name, context, optional: false,
            suggestion: { _, a in a.first.flatMap { $0.count == 7 ? CodeRules.standardItems[String($0.suffix(2))] : nil } },
            ask: { f, a in
              guard let code = a.first, code.count == 7 else { return false }
              return catalog.name(code, .function) == nil && !f.expenditures.contains { $0.code == code && $0.name != nil }
            }),
          WalkField(
            Line.kind, context,
            suggestion: { f, a in
              guard let code = a.first else { return nil }
              // As entered before for this code, else 行政运行/事业运行 are basic spending and the rest projects.
              if let k = f.expenditures.first(where: { $0.code == code })?.kind { return k.rawValue }
              return ["01", "50"].contains(String(code.suffix(2))) ? "基本" : "项目"
            }),
          // Only when the revenue has more than one source: the one whose revenue is not yet all spent first.
          WalkField(
            Line.source, context, optional: false,
            suggestion: { f, _ in Self.unspentSource(f)?.rawValue ?? FundSource.general.rawValue },
            ask: { f, _ in Set(f.revenues.map(\.source)).count > 1 }),
          WalkField(Line.amount, context, suggestion: { f, a in line(f, a).map { l in (l.amount.isZero ? l.prior ?? l.amount : l.amount).scriptText } }),
          WalkField(Line.prior, context, suggestion: { f, a in line(f, a)?.prior?.scriptText }),
          // Asked on every row, needed or not, so that a row always has the same questions: an Enter meant
          // for it never lands on the next row's first question and ends the table (issue 12).
          WalkField(
            Line.reason, context,
            suggestion: { f, a in f.reason(for: a.first ?? "") },
            expected: WalkField.whenChangeNeedsReason(current: amountAt, prior: priorAt, settings: settings)),
        ],
        isComplete: { !$0.expenditures.isEmpty },
        pending: { f in
          f.expenditures.filter { $0.source == .general && $0.unit == nil && waiting($0.amount, $0.prior) }.map { l in
            PendingRow(
              key: Fact.expenditure(l).key, answers: [l.code, "", l.kind.rawValue, ""],
              label: "\(l.code) \(catalog.name(l.code, .function) ?? l.name ?? "")（\(l.kind.fullName)），上年 \(l.prior?.wan ?? "0.00") 万元")
          }
        }),
      WalkStep(
        id: "expenditure.economic", section: title, title: "基本支出（经济分类款级）", table: TableID.t6.rawValue,
        help: "把一般公共预算安排的基本支出按经济分类款级（5位编码）逐项录入；301、303 为人员经费，其余为公用经费。合计应等于一般公共预算基本支出（单位资金、财政专户安排的不列入）。直接回车结束本表。",
        kind: .rows, command: Economic.command, context: context,
        fields: [
          WalkField(Economic.code, context),
          WalkField(Economic.amount, context, suggestion: { f, a in f.economics.first { $0.code == a.first && $0.unit == nil }?.amount.scriptText }),
          WalkField(
            Economic.prior, context,
            suggestion: { f, a in f.economics.first { $0.code == a.first && $0.unit == nil }?.prior?.scriptText }),
        ],
        isComplete: { !$0.economics.isEmpty || !$0.expenditures.contains { $0.kind == .basic } },
        pending: { f in
          f.economics.filter { $0.unit == nil && waiting($0.amount, $0.prior) }.map { e in
            PendingRow(
              key: Fact.economic(e).key, answers: [e.code],
              label: "\(e.code) \(catalog.name(e.code, .economic) ?? "")，上年 \(e.prior?.wan ?? "0.00") 万元")
          }
        }),
      WalkStep(
        id: "expenditure.projects", section: title, title: "项目支出表", table: TableID.t10.rawValue,
        help: "逐个录入项目：名称、类型、所属功能科目和金额（收入有多种资金来源时按来源分列，方括号中是该科目尚未分到项目的支出）；实行绩效管理的项目回答“是”。直接回车结束本表。",
        kind: .rows, command: ProjectLine.command, context: context,
        fields: [
          WalkField(ProjectLine.name, context),
          WalkField(
            ProjectLine.type, context,
            suggestion: { f, a in f.projects.first { $0.name == a.first }?.type ?? context.edition.projectTypes.first }),
          WalkField(
            ProjectLine.code, context,
            suggestion: { f, a in f.projects.first { $0.name == a.first }?.code ?? Self.unassignedProjectCode(f) }),
        ]
          + FundSource.allCases.filter { $0 != .carryover }.map { s in
            // 一般公共预算 as `金额` (always asked; may be left empty when another source pays), other sources
            // only when the revenue has them.
            let general = s == .general
            return WalkField(
              ProjectLine.funds, context, prompt: general ? "金额（万元，一般公共预算）" : "\(s.rawValue)（万元）",
              optional: !general, source: s,
              suggestion: { f, a in Self.projectDefault(f, a, s)?.scriptText },
              ask: { f, _ in general || f.revenues.contains { $0.source == s } },
              optionalIf: { f, _ in general && Set(f.revenues.map(\.source)).count > 1 })
          } + [
            WalkField(
              ProjectLine.prior, context,
              suggestion: { f, a in f.projects.first { $0.name == a.first }?.prior?.scriptText }),
            WalkField(
              ProjectLine.managed, context,
              suggestion: { f, a in f.projects.first { $0.name == a.first }.map { $0.performanceManaged ? "是" : "否" } ?? "否" }),
          ],
        isComplete: { f in !f.projects.isEmpty || !f.expenditures.contains { $0.kind == .project } },
        pending: { f in
          f.projects.filter { $0.carried == true && $0.unit == nil }.map { p in
            PendingRow(key: Fact.project(p).key, answers: [p.name], label: "项目“\(p.name)”（\(p.type)），上年 \(p.prior?.wan ?? "0.00") 万元，待确认")
          }
        }),
      WalkStep(
        id: "expenditure.confirm", section: title, title: "支出总表（自动生成，请核对）", table: TableID.t3.rawValue,
        help: "支出总表由已录入的支出自动生成；请核对，回车继续。支出合计比上年变化较大时，在这里说明原因。", kind: .confirm,
        command: Why.command, lead: ["合计"], context: context,
        fields: [
          WalkField(
            Why.text, context, prompt: "支出合计增减原因", optional: true, suggestion: { f, _ in f.reason(for: "合计") },
            ask: { f, _ in
              let rollup = FunctionRollup(f.expenditures)
              return ChangeRules.needsReason(current: rollup.total.total, prior: PriorYear(rollup: rollup, facts: f).amount("合计"), settings: settings)
            })
        ],
        isComplete: { !$0.expenditures.isEmpty }),
    ]
  }

  /// The first source (in column order) whose revenue is not yet all spent.
  static func unspentSource(_ f: FactSet) -> FundSource? {
    FundSource.allCases.first { s in
      let revenue = f.revenues.first { $0.source == s }?.amount ?? .zero
      let spent = f.expenditures.filter { $0.source == s }.map(\.amount).sum()
      return revenue > spent
    }
  }

  /// The first code with project spending not yet covered by projects (in code order).
  static func unassignedProjectCode(_ f: FactSet) -> String? {
    let codes = Set(f.expenditures.filter { $0.kind == .project }.map(\.code)).sorted()
    return codes.first { c in
      f.expenditures.filter { $0.kind == .project && $0.code == c }.map(\.amount).sum() > f.projects.filter { $0.code == c }.map(\.total).sum()
    }
  }

  /// A project's amount from `source`: as entered before when correcting, else the project spending of that source
  /// under the project's code that no other project covers yet (nil when nothing is left).
  static func projectDefault(_ f: FactSet, _ a: [String], _ source: FundSource) -> Amount? {
    guard let name = a.first else { return nil }
    if let p = f.projects.first(where: { $0.name == name }) {
      let amount = p.amounts[source] ?? .zero
      return amount.isZero && source == .general && p.total.isZero ? p.prior : (amount.isZero ? nil : amount)
    }
    guard a.count > 2, !a[2].isEmpty else { return nil }
    let code = a[2]
    let spent = f.expenditures.filter { $0.kind == .project && $0.code == code && $0.source == source }.map(\.amount).sum()
    let covered = f.projects.filter { $0.code == code && $0.name != name }.compactMap { $0.amounts[source] }.sum()
    let left = spent - covered
    return left > .zero ? left : nil
  }
}
