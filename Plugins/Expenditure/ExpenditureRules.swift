import YusuanCore

/// The rules of the expenditure section. Each function is one rule (or a small family) with a stable id.
struct ExpenditureRules {
  let view: BudgetView
  let plugin: String

  func all() -> [Diagnostic] {
    codes() + carried() + rounding() + missing() + basicEqualsEconomic() + basicSplits() + projectsEqualProjectLines() + priorsAddUp() + reasons() + units()
      + residue()
  }

  /// Codes and names of every line (code.* and name.mismatch, see CodeRules).
  func codes() -> [Diagnostic] {
    var out: [Diagnostic] = []
    var seen = Set<String>()
    for l in view.facts.expenditures where seen.insert(l.code + "|" + (l.name ?? "")).inserted {
      out += CodeRules.check(
        code: l.code, name: l.name, system: .function, level: 7, catalog: view.catalog,
        at: .init(table: TableID.t5.rawValue, row: l.code, plugin: plugin))
    }
    seen = []
    for e in view.facts.economics where seen.insert(e.code + "|" + (e.name ?? "")).inserted {
      out += CodeRules.check(
        code: e.code, name: e.name, system: .economic, level: 5, catalog: view.catalog,
        at: .init(table: TableID.t6.rawValue, row: e.code, plugin: plugin))
    }
    for p in view.facts.projects {
      if let c = p.code {
        out += CodeRules.check(
          code: c, name: nil, system: .function, level: 7, catalog: view.catalog, at: .init(table: TableID.t10.rawValue, row: p.name, plugin: plugin))
      }
    }
    return out
  }

  /// `project.carried` (warning): a project carried from last year's workbook that the officer has not confirmed.
  func carried() -> [Diagnostic] {
    view.facts.projects.filter { $0.carried == true }.map { p in
      Diagnostic(
        rule: ExpenditureRuleID.projectCarried, table: TableID.t10.rawValue, row: p.name,
        message: "项目“\(p.name)”从上年带入，尚未确认本年金额（上年 \(p.prior?.wan ?? "—") 万元）。请重新录入该项目（本年不再安排则删除：删除 项目 \"\(p.name)\"）。",
        expected: "已确认", actual: "待确认", plugin: plugin)
    }
  }

  /// `display.rounding` (info): figures entered finer than 0.01万元 were shown by largest remainder so that printed
  /// totals equal the sums of printed parts; this many printed figures differ from their own rounding by 0.01.
  func rounding() -> [Diagnostic] {
    let adjusted = DisplayRounding.shown(view.facts, view.edition.units.tables).adjusted
    guard adjusted > 0 else { return [] }
    return [
      Diagnostic(
        rule: ExpenditureRuleID.displayRounding, table: TableID.t1.rawValue,
        message: "有金额按元录入、精度高于0.01万元。为使公开表中每个合计都等于其各分项之和，按“最大余数法”分配尾差：\(adjusted) 个数字的显示值与其单独四舍五入相差0.01万元。",
        actual: "\(adjusted)", plugin: plugin)
    ]
  }

  /// `expenditure.missing` / `economic.missing` (error): the tables that must carry data have none.
  func missing() -> [Diagnostic] {
    var out: [Diagnostic] = []
    if view.facts.expenditures.isEmpty {
      out.append(
        Diagnostic(
          rule: ExpenditureRuleID.expenditureMissing, table: TableID.t5.rawValue,
          message: "尚未录入任何支出。一般公共预算支出须细化到功能分类项级，请用：支出 2010301 基本 金额", plugin: plugin))
    }
    let generalBasic = generalBasicSpending
    if !generalBasic.isZero && view.facts.economics.isEmpty {
      out.append(
        Diagnostic(
          rule: ExpenditureRuleID.economicMissing, table: TableID.t6.rawValue,
          message: "一般公共预算基本支出 \(generalBasic.wan) 万元尚未按经济分类款级录入（一般公共预算基本支出表须细化到款级）。请用：经济 30101 金额",
          expected: generalBasic.wan, actual: "0.00", plugin: plugin))
    }
    return out
  }

  /// 基本支出 from 一般公共预算 over every line (a line with a malformed code included: its code is reported on its own).
  var generalBasicSpending: Amount {
    view.facts.expenditures.filter { $0.source == .general && $0.kind == .basic }.map(\.amount).sum()
  }

  /// `cross.basic-economic` (error): 一般公共预算 基本支出 by function (表5) equals the 经济分类 detail (表6, 一般公共预算
  /// 基本支出表). Basic spending from 单位资金 or 财政专户 is not detailed there: the two tables print the same total.
  func basicEqualsEconomic() -> [Diagnostic] {
    guard !view.facts.economics.isEmpty else { return [] }
    let byFunction = generalBasicSpending, byEconomic = view.economics.total.total
    guard byFunction != byEconomic else { return [] }
    let others = view.functions.total.basic - byFunction
    let hint =
      !others.isZero && byEconomic == view.functions.total.basic
      ? "经济分类中多了其他资金安排的基本支出 \(others.wan) 万元：一般公共预算基本支出表只列一般公共预算拨款安排的部分。"
      : "请核对支出或经济分类录入。"
    return [
      Diagnostic(
        rule: ExpenditureRuleID.basicEconomic, table: TableID.t6.rawValue, row: "合计",
        message: "一般公共预算基本支出按功能分类合计 \(byFunction.wan) 万元，按经济分类合计 \(byEconomic.wan) 万元，两者应相等（相差 \((byEconomic - byFunction).wan) 万元）。" + hint,
        expected: byFunction.wan, actual: byEconomic.wan, plugin: plugin)
    ]
  }

  /// `basic-split.sum` (error): a 类's 人员经费 + 公用经费 (`基本支出 201 人员经费 … 公用经费 …`) equals its 基本支出;
  /// `basic-split.missing` (error): an edition whose 收支总表 prints the split (T1 `columns`) needs it for every 类
  /// with 基本支出; `cross.basic-split-economic` (error): when all 基本支出 is 一般公共预算, the split adds up to the
  /// 人员经费 and 公用经费 of the 经济分类 table.
  func basicSplits() -> [Diagnostic] {
    let splits = view.facts.basicSplits
    let money = view.edition.units.tables
    func shown(_ a: Amount) -> String { money.text(a) + money.unit.rawValue }
    var out: [Diagnostic] = []
    for s in splits {
      let basic = view.functions.rows[s.code]?.basic ?? .zero
      guard s.personnel + s.publicUse != basic else { continue }
      out.append(
        Diagnostic(
          rule: ExpenditureRuleID.basicSplitSum, table: TableID.t1.rawValue, row: s.code, column: "基本支出",
          message:
            "类 \(s.code) 的人员经费 \(shown(s.personnel)) 加公用经费 \(shown(s.publicUse)) 为 \(shown(s.personnel + s.publicUse))，而该类的基本支出为 \(shown(basic))。请核对：基本支出 \(s.code) 人员经费 金额 公用经费 金额",
          expected: shown(basic), actual: shown(s.personnel + s.publicUse), plugin: plugin))
    }
    let words = view.edition.table(.t1)?.columns?.flatMap { $0 } ?? []
    let printsSplit = words.contains(EconomicCategory.personnel.rawValue) || words.contains(EconomicCategory.publicUse.rawValue)
    let unsplit = view.functions.classes().filter { c in !c.basic.isZero && !splits.contains { $0.code == c.code } }
    if printsSplit {
      for c in unsplit {
        out.append(
          Diagnostic(
            rule: ExpenditureRuleID.basicSplitMissing, table: TableID.t1.rawValue, row: c.code, column: "人员经费",
            message: "本模板的收支总表按类分列基本支出的人员经费和公用经费，类 \(c.code) 的基本支出 \(shown(c.basic)) 尚未分列。请用：基本支出 \(c.code) 人员经费 金额 公用经费 金额",
            expected: shown(c.basic), plugin: plugin))
      }
    }
    guard !splits.isEmpty, unsplit.isEmpty, !view.facts.economics.isEmpty, view.functions.total.basic == generalBasicSpending else { return out }
    for category in [EconomicCategory.personnel, .publicUse] {
      let split = splits.map { $0.amount(category) }.sum()
      let economic = category == .personnel ? view.economics.total.personnel : view.economics.total.publicUse
      guard split != economic else { continue }
      out.append(
        Diagnostic(
          rule: ExpenditureRuleID.basicSplitEconomic, table: TableID.t1.rawValue, row: "合计", column: category.rawValue,
          message: "按类分列的\(category.rawValue)合计 \(shown(split))，与一般公共预算基本支出表（经济分类）的\(category.rawValue) \(shown(economic)) 不等。请核对“基本支出”各行或经济分类的录入。",
          expected: shown(economic), actual: shown(split), plugin: plugin))
    }
    return out
  }

  /// `cross.project-list` (error): 项目支出 by function equals the project list, in total and per 科目 where projects name one.
  func projectsEqualProjectLines() -> [Diagnostic] {
    let projects = view.facts.projects
    let lines = view.functions.total.project
    guard !(projects.isEmpty && lines.isZero) else { return [] }
    let listed = projects.map(\.total).sum()
    var out: [Diagnostic] = []
    if listed != lines {
      out.append(
        Diagnostic(
          rule: ExpenditureRuleID.projectList, table: TableID.t10.rawValue, row: "合计",
          message: projects.isEmpty
            ? "项目支出按功能分类合计 \(lines.wan) 万元，但项目支出表没有任何项目。请用：项目 \"项目名称\" 类型 日常运转类 金额 金额"
            : "项目支出表合计 \(listed.wan) 万元，与支出表中的项目支出 \(lines.wan) 万元不等（相差 \((listed - lines).wan) 万元）。",
          expected: lines.wan, actual: listed.wan, plugin: plugin))
    }
    if !projects.isEmpty, projects.allSatisfy({ $0.code != nil }) {
      var byCode: [String: Amount] = [:]
      for p in projects { byCode[p.code!, default: .zero] += p.total }
      let codes = Set(byCode.keys).union(view.functions.rows.filter { $0.key.count == 7 && !$0.value.project.isZero }.map(\.key))
      for code in codes.sorted() {
        let a = byCode[code] ?? .zero, b = view.functions.rows[code]?.project ?? .zero
        if a != b {
          out.append(
            Diagnostic(
              rule: ExpenditureRuleID.projectList, table: TableID.t10.rawValue, row: code,
              message: "科目 \(code) 下的项目合计 \(a.wan) 万元，与该科目的项目支出 \(b.wan) 万元不等。",
              expected: b.wan, actual: a.wan, plugin: plugin))
        }
      }
    }
    return out
  }

  /// `sum.prior` (error): a prior-year aggregate entered for a 类/款/total disagrees with the priors entered below it.
  func priorsAddUp() -> [Diagnostic] {
    var out: [Diagnostic] = []
    for p in view.facts.priors {
      guard let below = view.prior.derivedBelow(p.subject), below != p.amount else { continue }
      out.append(
        Diagnostic(
          rule: ExpenditureRuleID.sumPrior, table: TableID.t5.rawValue, row: p.subject, column: "上年",
          message: "\(p.subject) 的上年预算数录入为 \(p.amount.wan) 万元，而其下各项上年数合计 \(below.wan) 万元。请核对上年数。",
          expected: below.wan, actual: p.amount.wan, plugin: plugin))
    }
    return out
  }

  /// `change.reason-missing` (warning) for every 项, 类 and total whose change is beyond the threshold, and
  /// `change.reason-direction` for a reason that argues the other way.
  func reasons() -> [Diagnostic] {
    var out: [Diagnostic] = []
    func reason(_ code: String) -> String? {
      // A reason given for the 项, its 款 or its 类 covers it.
      ([code] + CodeShape.ancestors(code).reversed()).lazy.compactMap { view.facts.reason(for: $0) }.first
    }
    // `change.prior-missing` (warning): the 情况说明 states each 项's change on last year, so each needs its prior.
    let unknown = view.functions.orderedCodes.filter { $0.count == 7 && view.prior.amount($0) == nil }
    if !unknown.isEmpty {
      out.append(
        Diagnostic(
          rule: ExpenditureRuleID.changePriorMissing, table: TableID.t5.rawValue, row: unknown.joined(separator: "、"), column: "上年",
          message: "\(unknown.count) 个项级科目没有上年预算数（\(unknown.joined(separator: "、"))），情况说明无法说明其增减。请在支出行加“上年 金额”（上年没有此项时写 上年 0）。",
          expected: "上年数", actual: "未录入", plugin: plugin))
    }
    for code in view.functions.orderedCodes where code.count == 7 || view.facts.aggregatePrior(for: code) != nil {
      let row = view.functions.rows[code]!
      out += ChangeRules.reasonChecks(
        subject: code, label: "\(code) \(view.name(code, .function) ?? "")", current: row.total,
        prior: view.prior.amount(code), reason: reason(code), view: view, table: TableID.t5.rawValue, plugin: plugin)
    }
    // 类 or 款 with an aggregate prior but no current lines (spending stopped).
    for p in view.facts.priors where p.subject.count != 0 && Int(p.subject) != nil && view.functions.rows[p.subject] == nil {
      out += ChangeRules.reasonChecks(
        subject: p.subject, label: "\(p.subject) \(view.name(p.subject, .function) ?? "")", current: .zero,
        prior: p.amount, reason: reason(p.subject), view: view, table: TableID.t5.rawValue, plugin: plugin)
    }
    out += ChangeRules.reasonChecks(
      subject: "合计", label: "支出合计", current: view.functions.total.total, prior: view.prior.amount("合计"),
      reason: view.facts.reason(for: "合计"), view: view, table: TableID.t3.rawValue, plugin: plugin)
    // The 一般公共预算 total's change borrows the reason of the fund, or of 收入 and 合计 when it is the only fund
    // (as the prose does): one given for a decrease of 收入 does not explain an increase of spending.
    let generalSubjects = view.reasonSubjects(for: .general)
    if let (subject, reason) = generalSubjects.lazy.compactMap({ s in self.view.facts.reason(for: s).map { (s, $0) } }).first, subject != "合计" {
      out += ChangeRules.reasonDirection(
        subject: FundSource.general.rawValue, label: "一般公共预算支出（借用“\(subject)”的原因）", current: view.functions.total(of: .general).total,
        prior: view.prior.amount("合计", source: .general), reason: reason, view: view, table: TableID.t5.rawValue, plugin: plugin)
    }
    return out
  }

  /// `unit.unknown` (warning): an amount carries a 预算单位 that is not in 预算单位构成.
  func units() -> [Diagnostic] {
    let known = view.unitNames
    var named: [(String, String)] = []
    for l in view.facts.expenditures { if let u = l.unit { named.append((u, "支出 \(l.code)")) } }
    for e in view.facts.economics { if let u = e.unit { named.append((u, "经济 \(e.code)")) } }
    for p in view.facts.projects { if let u = p.unit { named.append((u, "项目 \(p.name)")) } }
    var seen = Set<String>()
    return named.filter { !known.contains($0.0) && seen.insert($0.0).inserted }.map { (unit, where_) in
      let hint = known.sorted().filter { $0.hasPrefix(unit) || unit.hasPrefix($0) }.first.map { "是否应为“\($0)”？" } ?? ""
      return Diagnostic(
        rule: ExpenditureRuleID.unitUnknown, table: TableID.t10.rawValue, row: where_, column: "单位",
        message: "单位“\(unit)”不在预算单位构成中（\(known.sorted().joined(separator: "、"))）。\(hint)请统一单位名称，或先录入：单位 \"\(unit)\" 事业",
        expected: known.sorted().joined(separator: "、"), actual: unit, plugin: plugin)
    }
  }

  func residue() -> [Diagnostic] {
    view.facts.reasons.flatMap { TextRules.residue($0.text, words: view.edition.rules.residue, table: "原因", row: $0.subject, plugin: plugin) }
      + view.facts.projects.flatMap { TextRules.residue($0.name, words: view.edition.rules.residue, table: TableID.t10.rawValue, row: $0.name, plugin: plugin) }
  }
}
