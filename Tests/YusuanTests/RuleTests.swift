import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// One failing and one passing input for every rule `check` can report.
///
/// Each row of `RuleTable.cases` starts from `TestSupport.consistent` (a complete department with no error) and
/// `breaks` it with a few edits so that exactly `rule` fires (plus, where unavoidable, the rules listed in `also`);
/// `fixes` is the same department with the mistake put right, on which the rule must stay silent.
@Suite("Rules")
struct RuleTests {
  // MARK: - The department the table starts from

  @Test func consistentDepartmentHasNoErrors() throws {
    let findings = try TestSupport.workbook(TestSupport.consistent).check()
    let errors = findings.filter { $0.severity == .error }
    #expect(errors.isEmpty, "errors in TestSupport.consistent: \(errors.map { "\($0.rule) \($0.row ?? "") \($0.message)" })")
    // Nothing at all: every row below may then attribute any finding to its own edits.
    #expect(findings.isEmpty, "findings in TestSupport.consistent: \(findings.map(\.rule))")
  }

  @Test func editsApplyToTheConsistentScript() throws {
    let s = try RuleScript.edit([.replace("机关运行经费", with: "机关运行经费 9 上年 9"), .drop("三公"), .add("三公 无")])
    #expect(s.contains("机关运行经费 9 上年 9"))
    #expect(!s.contains("机关运行经费 10"))
    #expect(!s.contains("三公 公务接待费"))
    #expect(s.hasSuffix("三公 无"))
    // A prefix that matches nothing is a mistake in the table, not a silent no-op.
    #expect(throws: RuleScript.NoSuchLine.self) { try RuleScript.edit([.drop("不存在的命令")]) }
  }

  /// Every rule of the catalog has a row (a breaking and a fixing input), or names the test that covers it instead;
  /// a rule with neither, or a row for a rule the catalog does not have, fails.
  @Test func tableCoversEveryRule() {
    let catalog = Set(SectionRegistry.rules.map(\.id))
    let covered = Set(RuleTable.cases.map(\.rule)).union(RuleTable.testedElsewhere.keys)
    #expect(covered == catalog, "missing: \(catalog.subtracting(covered).sorted()); extra: \(covered.subtracting(catalog).sorted())")
    #expect(Set(RuleTable.cases.map(\.rule)).isDisjoint(with: RuleTable.testedElsewhere.keys))
  }

  /// A row's severity is its rule's catalog severity, unless the catalog says the rule chooses another at run time.
  @Test("the row's severity is the catalog's", arguments: RuleTable.cases)
  func severityIsTheCatalogs(_ c: RuleCase) throws {
    let info = try #require(SectionRegistry.rules.first { $0.id == c.rule }, "\(c.rule) is not in the catalog")
    #expect(c.severity == info.severity || info.varies != nil, "\(c.rule): \(c.severity), catalog \(info.severity)")
  }

  // MARK: - The table

  @Test("breaking input fires the rule", arguments: RuleTable.cases)
  func breaks(_ c: RuleCase) throws {
    let script = try RuleScript.edit(c.breaks)
    let all = try TestSupport.workbook(script).check()
    let hits = all.filter { $0.rule == c.rule }
    #expect(!hits.isEmpty, "\(c.rule) did not fire; got \(all.map(\.rule))")
    for d in hits {
      #expect(d.severity == c.severity, "\(c.rule) at \(d.row ?? "-"): severity \(d.severity)")
    }
    if let values = c.values {
      #expect(hits.map(RuleCase.pair).sorted() == values.sorted(), "expected → actual of \(c.rule)")
    }
    if let row = c.row {
      #expect(hits.contains { $0.row == row }, "\(c.rule) rows: \(hits.map { $0.row ?? "-" })")
    }
    let baseline = Set(try TestSupport.rules(TestSupport.consistent))
    let fired = Set(all.map(\.rule)).subtracting(baseline)
    #expect(fired == Set([c.rule] + c.also), "rules fired by the breaking input: \(fired.sorted())")
  }

  @Test("fixed input does not fire the rule", arguments: RuleTable.cases)
  func fixes(_ c: RuleCase) throws {
    let script = try RuleScript.edit(c.fixes)
    let all = try TestSupport.workbook(script).check()
    #expect(!all.contains { $0.rule == c.rule }, "\(c.rule) still fires: \(all.filter { $0.rule == c.rule }.map(\.message))")
    let baseline = Set(try TestSupport.rules(TestSupport.consistent))
    let fired = Set(all.map(\.rule)).subtracting(baseline)
    #expect(fired.isEmpty, "the fixed input fires other rules: \(fired.sorted()) — \(all.map(\.message))")
  }

  // MARK: - Rules the table cannot reach

  /// `note.table-unknown` (warning): `说明` only accepts the edition's own tables, so the only way to hold a note for a
  /// table the edition does not print is to check the facts against another edition (anhui-2021 has no T13).
  @Test func noteForATableTheEditionDoesNotPrint() throws {
    let wb = try TestSupport.workbook(try RuleScript.edit([.add(#"说明 T13 "本部门没有安排通用资产配置支出，故本表无数据。""#)]))
    let older = try TestSupport.forms.edition("anhui-2021")
    #expect(older.table(.t13) == nil)
    #expect(wb.edition.table(.t13) != nil)

    func findings(_ edition: Edition) -> [Diagnostic] {
      let view = BudgetView(meta: wb.meta, edition: edition, catalog: wb.catalog, facts: wb.facts)
      let printed = Workbench.printedTables(view, forms: TestSupport.forms, sections: .standard)
      return SectionRegistry.plugins.flatMap { (try? $0.check(view, printed: printed)) ?? [] }
    }
    let broken = findings(older).filter { $0.rule == "note.table-unknown" }
    #expect(broken.count == 1)
    #expect(broken.first?.severity == .warning)
    #expect(broken.first?.table == "T13")
    #expect(!findings(wb.edition).contains { $0.rule == "note.table-unknown" })
    // And the edition refuses the note outright when it is typed.
    let wb21 = try TestSupport.workbook("", edition: "anhui-2021")
    #expect(throws: (any Error).self) { try wb21.apply(TestSupport.lines(#"说明 T13 "x""#), source: .script) }
  }

  /// `operating-cost.glossary` (warning): anhui-2021's glossary says 机关运行经费是指各部门的公用经费, so the two figures
  /// printed different contradict the document; anhui-2024's does not say so, and 9.5 below 10 is no finding there.
  @Test func operatingCostAgainstAGlossaryThatSaysItIsPublicUse() throws {
    func findings(_ cost: String, edition: String) throws -> [Diagnostic] {
      let wb = try TestSupport.workbook(try RuleScript.edit([.replace("机关运行经费", with: "机关运行经费 \(cost) 上年 \(cost)")]), edition: edition)
      return try wb.check().filter { $0.rule == "operating-cost.glossary" }
    }
    let broken = try findings("9.5", edition: "anhui-2021")
    #expect(broken.map(\.severity) == [.warning])
    #expect(broken.first.map { $0.expected == "10.00" && $0.actual == "9.50" } == true, "\(broken.map(\.message))")
    #expect(try findings("10", edition: "anhui-2021").isEmpty)
    #expect(try findings("9.5", edition: "anhui-2024").isEmpty)
  }

  /// A department that owns no vehicle and says so twice (资产 车辆 无, 车辆数 0) has nothing to list by category.
  @Test func noVehiclesIsNotAnUncategorisedFleet() throws {
    let script = try RuleScript.edit([.add("资产 原值 100 车辆 0 其他 100 车辆数 0")])
    let hits = try TestSupport.findings(script, rule: "assets.vehicle-category")
    #expect(hits.isEmpty, "assets.vehicle-category fires for 0 vehicles: \(hits.map(\.message))")
  }

  /// A malformed code names the near codes of the catalog, the 项 the line was meant to carry among them.
  @Test func malformedCodeHints() throws {
    let d = try TestSupport.findings(try RuleScript.edit([.replace("支出 2010301", with: "支出 201031 基本 60 上年 60")]), rule: "code.malformed")
    #expect(d.count == 1)
    #expect(d.first?.actual == "201031")
    #expect(d.first?.message.contains("2010301 行政运行") == true, "\(d.map(\.message))")
  }

  /// The level of indicators missing decides the severity: none at all is an error, some missing a warning.
  @Test func indicatorSeverityDependsOnHowManyAreMissing() throws {
    let none = try TestSupport.findings(try RuleScript.edit([.drop("指标")]), rule: "performance.indicators")
    let one = try TestSupport.findings(try RuleScript.edit([.drop(#"指标 "调研活动经费" 满意度指标"#)]), rule: "performance.indicators")
    #expect(none.map(\.severity) == [.error])
    #expect(one.map(\.severity) == [.warning])
  }
}

// MARK: - Editing the consistent script

/// One change to `TestSupport.consistent`. Prefixes are matched against whole lines (leading blanks ignored).
enum RuleEdit: Sendable, CustomStringConvertible {
  /// Replace every line starting with the prefix by the given lines (at the place of the first).
  case replace(String, with: [String])
  /// Remove every line starting with the prefix.
  case drop(String)
  /// Append a line at the end.
  case add(String)

  static func replace(_ prefix: String, with line: String) -> RuleEdit { .replace(prefix, with: [line]) }

  var description: String {
    switch self {
    case .replace(let p, let l): return "「\(p)…」→「\(l.joined(separator: "⏎"))」"
    case .drop(let p): return "−「\(p)…」"
    case .add(let l): return "+「\(l)」"
    }
  }
}

enum RuleScript {
  struct NoSuchLine: Error, CustomStringConvertible {
    var prefix: String
    var description: String { "no line of TestSupport.consistent starts with “\(prefix)”" }
  }

  static func edit(_ edits: [RuleEdit], of script: String = TestSupport.consistent) throws -> String {
    var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func matches(_ line: String, _ prefix: String) -> Bool { line.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }
    for e in edits {
      switch e {
      case .replace(let prefix, let new):
        guard let first = lines.firstIndex(where: { matches($0, prefix) }) else { throw NoSuchLine(prefix: prefix) }
        lines.remove(at: first)
        lines.insert(contentsOf: new, at: first)
        lines.removeAll { matches($0, prefix) && !new.contains($0) }
      case .drop(let prefix):
        guard lines.contains(where: { matches($0, prefix) }) else { throw NoSuchLine(prefix: prefix) }
        lines.removeAll { matches($0, prefix) }
      case .add(let line):
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n")
  }
}

// MARK: - The table

struct RuleCase: Sendable, CustomTestStringConvertible {
  var rule: String
  var severity: Severity
  /// What the row demonstrates.
  var why: String
  var breaks: [RuleEdit]
  var fixes: [RuleEdit]
  /// `expected → actual` of every diagnostic of the rule (sum and cross rules), if pinned.
  var values: [String]?
  /// A row the rule must name.
  var row: String?
  /// Other rules the breaking input legitimately fires as well.
  var also: [String]

  var testDescription: String { "\(rule) — \(why)" }

  static func pair(_ d: Diagnostic) -> String { "\(d.expected ?? "nil") → \(d.actual ?? "nil")" }
}

private func rule(
  _ id: String, _ severity: Severity, _ why: String, breaks: [RuleEdit], fixes: [RuleEdit],
  values: [String]? = nil, row: String? = nil, also: [String] = []
) -> RuleCase {
  RuleCase(rule: id, severity: severity, why: why, breaks: breaks, fixes: fixes, values: values, row: row, also: also)
}

enum RuleTable {
  /// Rules the table cannot reach from `TestSupport.consistent` in anhui-2024, and the test that breaks and fixes each.
  static let testedElsewhere: [String: String] = [
    "note.table-unknown": "RuleTests.noteForATableTheEditionDoesNotPrint (a note for a table another edition lacks)",
    "basic-split.sum": "BasicSplitTests.theSplitIsCheckedAgainstBasicSpendingAndTheEconomicTable (an edition whose T1 splits 基本支出)",
    "basic-split.missing": "BasicSplitTests.theSplitIsCheckedAgainstBasicSpendingAndTheEconomicTable",
    "cross.basic-split-economic": "BasicSplitTests.theSplitIsCheckedAgainstBasicSpendingAndTheEconomicTable",
    "none.beside-items": "ExportRoundTripTests (无 beside items is refused at entry; only a workbook written before that holds it)",
    "amount.overflow": "AmountLimitTests (amounts past the workbook limit, written behind the entry's back)",
    "script.invalid": "RuleCatalogTests.aRefusedScriptLineIsAFinding (a script error, not a finding of check)",
    "plugin.failed": "PluginFailureTests.aThrowingPluginBecomesAFindingNamingIt (a registry with a plugin that throws)",
    "operating-cost.glossary": "RuleTests.operatingCostAgainstAGlossaryThatSaysItIsPublicUse (an edition whose glossary says so: anhui-2021)",
  ]

  static let cases: [RuleCase] = codes + profile + revenue + expenditure + threePublic + assets + procurement + performance + other + declared

  // MARK: 科目编码 (CodeRules)

  static let codes: [RuleCase] = [
    rule(
      "code.malformed", .error, "a 6-digit function code",
      breaks: [.replace("支出 2010301", with: "支出 201031 基本 60 上年 60")],
      fixes: [.replace("支出 2010301", with: "支出 2010301 基本 60 上年 60 名称 \"行政运行\"")],
      row: "201031"),  // the hint: see malformedCodeHints
    rule(
      "code.malformed", .error, "an economic code that does not start with 3",
      breaks: [.replace("经济 30201", with: "经济 40201 8")],
      fixes: [.replace("经济 30201", with: "经济 30201 8 公用经费")],
      values: ["30201 → 40201"]),
    rule(
      "code.level", .error, "a 款 where expenditure lines need a 项",
      breaks: [.replace("支出 2010301", with: "支出 20103 基本 60 上年 60")],
      fixes: [.replace("支出 2010301", with: "支出 2010399 基本 60 上年 60")],
      values: ["7位 → 5位"]),
    rule(
      "code.level", .error, "a 类 where economic lines need a 款",
      breaks: [.replace("经济 30201", with: "经济 302 8")],
      fixes: [.replace("经济 30201", with: "经济 30299 8")],
      values: ["5位 → 3位"]),
    rule(
      "code.unknown", .warning, "a well-formed 项 the catalog does not have",
      breaks: [.replace("支出 2010301", with: "支出 2010304 基本 60 上年 60")],
      fixes: [.replace("支出 2010301", with: "支出 2010305 基本 60 上年 60")],
      row: "2010304"),
    rule(
      "code.unknown", .warning, "a printed figure for an unknown 款",
      breaks: [.add("核对 T5 20198 合计 0")],
      fixes: [.add("核对 T5 20103 合计 100")],
      row: "20198"),
    rule(
      "code.misplaced", .error, "2050505 printed with the name of 2080505",
      breaks: [.replace("支出 2010301", with: "支出 2050505 基本 60 上年 60 名称 \"机关事业单位基本养老保险缴费支出\"")],
      fixes: [.replace("支出 2010301", with: "支出 2080505 基本 60 上年 60 名称 \"机关事业单位基本养老保险缴费支出\"")],
      values: ["2080505 → 2050505"], also: ["code.unknown"]),
    rule(
      "name.mismatch", .warning, "a known 项 under another name",
      breaks: [.replace("支出 2010301", with: "支出 2010301 基本 60 上年 60 名称 \"行政管理\"")],
      fixes: [.replace("支出 2010301", with: "支出 2010301 基本 60 上年 60 名称 \"行政运行（政府办公室）\"")],
      values: ["行政运行 → 行政管理"]),
    rule(
      "name.mismatch", .warning, "a known economic 款 under another name",
      breaks: [.replace("经济 30201", with: "经济 30201 8 名称 \"办公用品费\"")],
      fixes: [.replace("经济 30201", with: "经济 30201 8 名称 \"办公费\"")],
      values: ["办公费 → 办公用品费"]),
  ]

  // MARK: 部门概况

  static let profile: [RuleCase] = [
    rule(
      "profile.duties-missing", .error, "no 主要职责",
      breaks: [.drop("职责")],
      fixes: [.replace("职责", with: "职责 2 \"负责政务公开工作。\"")]),
    rule(
      "profile.units-missing", .warning, "no 预算单位构成",
      breaks: [.drop("单位")],
      fixes: [.replace("单位", with: "单位 \"示例办\" 参公事业")]),
    rule(
      "profile.tasks-missing", .warning, "no 年度主要工作任务",
      breaks: [.drop("任务")],
      fixes: [.replace("任务", with: "任务 1 \"办好民生实事。\"")]),
    rule(
      "text.residue", .error, "a duty still reading XX局",
      breaks: [.replace("职责", with: "职责 1 \"负责XX局会议的准备工作。\"")],
      fixes: [.replace("职责", with: "职责 1 \"负责区政府会议的准备工作。\"")],
      values: ["不含“XX” → XX"], row: "职责1"),
    rule(
      "text.residue", .error, "a unit named after the template",
      breaks: [.replace("单位", with: "单位 \"（单位名称）\" 机关")],
      fixes: [.replace("单位", with: "单位 \"示例中心\" 机关")],
      values: ["不含“（单位名称）” → （单位名称）"]),
    rule(
      "text.residue", .error, "a reason copied from the template",
      breaks: [.add("原因 合计 \"增加（减少）的主要原因是……\"")],
      fixes: [.add("原因 合计 \"与上年持平。\"")],
      values: ["不含“增加（减少）” → 增加（减少）"], row: "合计"),
    rule(
      "text.residue", .error, "a performance goal with 根据实际情况",
      breaks: [.replace("绩效", with: "绩效 \"调研活动经费\" 总额 40 财政拨款 40 目标 \"根据实际情况填写。\"")],
      fixes: [.replace("绩效", with: "绩效 \"调研活动经费\" 总额 40 财政拨款 40 目标 \"完成调研报告20篇。\"")],
      row: "调研活动经费"),
  ]

  // MARK: 收入

  static let revenue: [RuleCase] = [
    rule(
      "revenue.missing", .error, "expenditure without any revenue",
      breaks: [.drop("收入")],
      fixes: [.replace("收入", with: "收入 一般公共预算 100")],
      values: ["100.00 → 0.00"]),
    rule(
      "cross.revenue-expenditure", .error, "revenue short of expenditure",
      breaks: [.replace("收入", with: "收入 一般公共预算 90")],
      fixes: [.replace("收入", with: "收入 一般公共预算 100")],
      values: ["100.00 → 90.00", "100.00 → 90.00"]),  // the source row and the total row
    rule(
      "cross.basic-economic", .error, "经济分类 that also details basic spending from 单位资金",
      breaks: [
        .replace("收入", with: ["收入 一般公共预算 90", "收入 单位资金 10"]),
        .replace("支出 2010301", with: ["支出 2010301 基本 50 上年 50", "支出 2010301 基本 10 来源 单位资金 上年 10"]),
      ],
      fixes: [
        .replace("收入", with: ["收入 一般公共预算 90", "收入 单位资金 10"]),
        .replace("支出 2010301", with: ["支出 2010301 基本 50 上年 50", "支出 2010301 基本 10 来源 单位资金 上年 10"]),
        .replace("经济 30101", with: "经济 30101 40"),
      ],
      values: ["50.00 → 60.00"]),
    rule(
      "cross.revenue-expenditure", .error, "totals agree but a source funds nothing",
      breaks: [.replace("收入", with: ["收入 一般公共预算 90", "收入 单位资金 10"])],
      fixes: [
        .replace("收入", with: ["收入 一般公共预算 90", "收入 单位资金 10"]),
        .replace("支出 2010301", with: ["支出 2010301 基本 50 上年 50", "支出 2010301 基本 10 来源 单位资金 上年 10"]),
        // 表6 details only the 一般公共预算 basic spending, now 10 less.
        .replace("经济 30101", with: "经济 30101 40"),
      ],
      values: ["100.00 → 90.00", "0.00 → 10.00"]),
    rule(
      "cross.revenue-expenditure-prior", .error, "last year's revenue and expenditure told as different numbers",
      breaks: [.replace("收入", with: "收入 一般公共预算 100 上年 99.5")],
      fixes: [.replace("收入", with: "收入 一般公共预算 100 上年 99.5"), .replace("支出 2010301", with: "支出 2010301 基本 60 上年 59.5")],
      values: ["100.00 → 99.50"]),
    rule(
      "change.reason-missing", .warning, "revenue and expenditure up 25% with no reason (a reason for 合计 covers 收入)",
      breaks: [.replace("收入", with: "收入 一般公共预算 100 上年 80"), .replace("支出 2010301", with: "支出 2010301 基本 60 上年 40 原因 \"人员增加。\"")],
      fixes: [
        .replace("收入", with: "收入 一般公共预算 100 上年 80"), .replace("支出 2010301", with: "支出 2010301 基本 60 上年 40 原因 \"人员增加。\""),
        .add("原因 合计 \"人员增加。\""),
      ],
      values: ["有原因 → 无", "有原因 → 无"], row: "一般公共预算"),  // rows 一般公共预算 (T2) and 合计 (T3)
  ]

  // MARK: 支出

  static let expenditure: [RuleCase] = [
    rule(
      "expenditure.missing", .error, "a department with no expenditure at all",
      breaks: [.drop("收入"), .drop("支出"), .drop("经济"), .drop("项目"), .drop("绩效"), .drop("指标")],
      fixes: [
        .drop("收入"), .drop("支出"), .drop("经济"), .drop("项目"), .drop("绩效"), .drop("指标"),
        .add("收入 一般公共预算 10 上年 10"), .add("支出 2010301 基本 10 上年 10"), .add("经济 30201 10"),
      ]),
    rule(
      "economic.missing", .error, "基本支出 not broken down by economic classification",
      breaks: [.drop("经济")],
      fixes: [.drop("经济"), .add("经济 30101 50"), .add("经济 30201 10")],
      values: ["60.00 → 0.00"]),
    rule(
      "cross.basic-economic", .error, "economic lines 10 more than 基本支出",
      breaks: [.replace("经济 30201", with: "经济 30201 18")],
      fixes: [.replace("经济 30201", with: "经济 30201 18"), .replace("经济 30101", with: "经济 30101 40")],
      values: ["60.00 → 70.00"]),
    rule(
      "cross.project-list", .error, "the project list 5 short of 项目支出",
      breaks: [
        .replace("项目", with: "项目 \"调研活动经费\" 类型 日常运转类 科目 2010302 金额 35 绩效管理"),
        .replace("绩效", with: "绩效 \"调研活动经费\" 总额 35 财政拨款 35 目标 \"完成调研任务。\""),
      ],
      fixes: [
        .replace("项目", with: "项目 \"调研活动经费\" 类型 日常运转类 科目 2010302 金额 35 绩效管理"),
        .replace("绩效", with: "绩效 \"调研活动经费\" 总额 35 财政拨款 35 目标 \"完成调研任务。\""),
        .add("项目 \"会务保障\" 类型 日常运转类 科目 2010302 金额 5"),
      ],
      values: ["40.00 → 35.00", "40.00 → 35.00"]),  // 合计 and 科目 2010302
    rule(
      "cross.project-list", .error, "the right total under the wrong 科目",
      breaks: [.replace("项目", with: "项目 \"调研活动经费\" 类型 日常运转类 科目 2010301 金额 40 绩效管理")],
      fixes: [.replace("项目", with: "项目 \"调研活动经费\" 类型 日常运转类 金额 40 绩效管理")],
      values: ["0.00 → 40.00", "40.00 → 0.00"]),
    rule(
      "sum.prior", .error, "a 类 prior that is not the sum of its lines",
      breaks: [.add("上年 201 99.5")],
      fixes: [.add("上年 201 100")],
      values: ["100.00 → 99.50"], row: "201"),
    rule(
      "change.reason-missing", .warning, "a 项 up from 50 to 60 with no reason",
      breaks: [
        .replace("支出 2010301", with: "支出 2010301 基本 60 上年 50"), .replace("收入", with: "收入 一般公共预算 100 上年 90"),
        .add("原因 合计 \"人员增加。\""),
      ],
      fixes: [
        .replace("支出 2010301", with: "支出 2010301 基本 60 上年 50 原因 \"人员增加。\""), .replace("收入", with: "收入 一般公共预算 100 上年 90"),
        .add("原因 合计 \"人员增加。\""),
      ],
      values: ["有原因 → 无"], row: "2010301"),
    rule(
      "change.reason-direction", .warning, "a 项 up from 50 to 60 explained by 压减一般性支出",
      breaks: [
        .replace("支出 2010301", with: "支出 2010301 基本 60 上年 50 原因 \"压减一般性支出\""), .replace("收入", with: "收入 一般公共预算 100 上年 90"),
        .add("原因 合计 \"人员增加。\""),
      ],
      fixes: [
        .replace("支出 2010301", with: "支出 2010301 基本 60 上年 50 原因 \"新增编制人员\""), .replace("收入", with: "收入 一般公共预算 100 上年 90"),
        .add("原因 合计 \"人员增加。\""),
      ],
      values: ["增加的原因 → 压减一般性支出"], row: "2010301"),
    rule(
      "unit.unknown", .warning, "an amount for a unit not in 预算单位构成",
      breaks: [.replace("经济 30201", with: "经济 30201 8 单位 \"示例中心\"")],
      fixes: [.replace("经济 30201", with: "经济 30201 8 单位 \"示例中心\""), .add("单位 \"示例中心\" 事业")],
      values: ["示例办 → 示例中心"]),
  ]

  // MARK: “三公”经费

  static let threePublic: [RuleCase] = [
    rule(
      "three-public.missing", .error, "no “三公” line at all",
      breaks: [.drop("三公")],
      fixes: [.replace("三公", with: ["三公 出国 0 上年 0", "三公 购置 0 上年 0", "三公 运行 0 上年 0", "三公 接待 2 上年 2"])],
      values: ["四项“三公”经费 → 无"]),
    rule(
      "three-public.item-missing", .warning, "公务用车购置费 left out",
      breaks: [.drop("三公 公务用车购置费")],
      fixes: [.replace("三公 公务用车购置费", with: "三公 购置 0 上年 0")],
      row: "公务用车购置费"),
    rule(
      "cross.three-public-economic", .error, "公务接待费 below economic 30217",
      breaks: [.replace("三公 公务接待费", with: "三公 公务接待费 1.5 上年 1.5")],
      fixes: [.replace("三公 公务接待费", with: "三公 公务接待费 2.5 上年 2.5")],
      values: ["≥ 2.00 → 1.50"]),
    rule(
      "three-public.prior-missing", .warning, "公务接待费 without last year's figure",
      breaks: [.replace("三公 公务接待费", with: "三公 公务接待费 2")],
      fixes: [.replace("三公 公务接待费", with: "三公 公务接待费 2 上年 1.9")],
      row: "公务接待费"),
    rule(
      "change.reason-missing", .warning, "公务接待费 doubled with no reason",
      breaks: [.replace("三公 公务接待费", with: "三公 公务接待费 2 上年 1")],
      fixes: [.replace("三公 公务接待费", with: "三公 公务接待费 2 上年 1 原因 \"承办全省现场会。\"")],
      values: ["有原因 → 无"], row: "公务接待费"),
  ]

  // MARK: 国有资产

  static let assets: [RuleCase] = [
    rule(
      "assets.vehicles-missing", .error, "nothing said about vehicles",
      breaks: [.drop("资产 车辆")],
      fixes: [.replace("资产 车辆", with: "资产 车辆 机要通信用车 1")]),
    rule(
      "assets.equipment-missing", .warning, "nothing said about equipment over 100万元",
      breaks: [.drop("资产 设备")],
      fixes: [.replace("资产 设备", with: "资产 设备 \"服务器集群\" 1 原值 120")]),
    rule(
      "assets.purchases-missing", .warning, "nothing said about planned purchases",
      breaks: [.drop("资产 购置")],
      fixes: [.replace("资产 购置", with: "资产 购置 设备 \"档案密集架\" 1 金额 105")]),
    rule(
      "assets.configuration-missing", .warning, "nothing said about general asset configuration",
      breaks: [.drop("资产 配置")],
      fixes: [.replace("资产 配置", with: "资产 配置 \"台式计算机\" 5 金额 3")]),
    rule(
      "assets.value-sum", .error, "vehicles and other assets do not add up to the total",
      breaks: [.add("资产 原值 100 车辆 30 其他 60")],
      fixes: [.add("资产 原值 100 车辆 30 其他 70")],
      values: ["90.00 → 100.00"]),
    rule(
      "performance.indicator-duplicate", .warning, "成本指标 copies the 效益指标 row",
      breaks: [.add(#"指标 "调研活动经费" 产出指标 成本指标 "决策支撑" "明显""#)],
      fixes: [.add(#"指标 "调研活动经费" 产出指标 成本指标 "人均调研成本" "≤0.2万元""#)],
      values: ["不同于社会效益指标 → 决策支撑：明显"]),
    rule(
      "performance.indicator-value", .warning, "value left as the template's options",
      breaks: [.add(#"指标 "调研活动经费" 效益指标 可持续影响指标 "经济发展" "影响程度（较高、明显、一般）""#)],
      fixes: [.add(#"指标 "调研活动经费" 效益指标 可持续影响指标 "经济发展" "影响程度较高""#)],
      values: ["选定的指标值 → 影响程度（较高、明显、一般）"]),
    rule(
      "change.prior-missing", .warning, "a 项 without its prior-year amount",
      breaks: [.replace("支出 2010302", with: "支出 2010302 项目 40")],
      fixes: [.replace("支出 2010302", with: "支出 2010302 项目 40 上年 40")],
      values: ["上年数 → 未录入"], row: "2010302",
      also: ["cross.revenue-expenditure-prior", "change.reason-missing"]),  // the prior total falls from 100 to 60
    rule(
      "project.carried", .warning, "a project carried from last year, not confirmed",
      breaks: [.replace("项目 \"调研活动经费\"", with: "项目 \"调研活动经费\" 类型 日常运转类 科目 2010302 金额 40 绩效管理 待确认")],
      fixes: [.replace("项目 \"调研活动经费\"", with: "项目 \"调研活动经费\" 类型 日常运转类 科目 2010302 金额 40 绩效管理")],
      values: ["已确认 → 待确认"], row: "调研活动经费"),
    rule(
      "display.rounding", .info, "figures in 元 whose separate roundings (50.00 + 8.01) overshoot their total 60.00",
      breaks: [.replace("经济 30101", with: "经济 30101 499950元"), .replace("经济 30201", with: "经济 30201 80050元")],
      fixes: [.replace("经济 30101", with: "经济 30101 500000元")],
      values: ["nil → 1"]),
    rule(
      "assets.vehicle-category", .warning, "2 vehicles, none listed by category",
      breaks: [.drop("资产 车辆"), .add("资产 原值 100 车辆数 2")],
      fixes: [.replace("资产 车辆", with: "资产 车辆 机要通信用车 2"), .add("资产 原值 100 车辆数 2")],
      values: ["按类别列示 → 2辆未分类"], also: ["assets.vehicles-missing"]),
    rule(
      "assets.vehicle-count", .error, "2 vehicles in the asset register, vehicles declared none",
      breaks: [.add("资产 原值 100 车辆数 2")],
      fixes: [.add("资产 原值 100 车辆数 0")],
      values: ["0 → 2"]),
    rule(
      "assets.vehicle-count", .error, "2 vehicles in total, 1 by category",
      breaks: [.replace("资产 车辆", with: "资产 车辆 机要通信用车 1"), .add("资产 原值 100 车辆数 2")],
      fixes: [.replace("资产 车辆", with: ["资产 车辆 机要通信用车 1", "资产 车辆 应急保障用车 1"]), .add("资产 原值 100 车辆数 2")],
      values: ["1 → 2"]),
    rule(
      "assets.purchase-zero", .warning, "a planned purchase that costs nothing",
      breaks: [.replace("资产 购置", with: "资产 购置 设备 \"档案密集架\" 1 金额 0")],
      fixes: [.replace("资产 购置", with: "资产 购置 设备 \"档案密集架\" 1 金额 105")],
      row: "档案密集架"),
    rule(
      "cross.vehicle-purchase", .warning, "a vehicle planned but no 公务用车购置费",
      breaks: [.replace("资产 购置", with: "资产 购置 车辆 \"应急保障用车\" 1 金额 25")],
      fixes: [
        .replace("资产 购置", with: "资产 购置 车辆 \"应急保障用车\" 1 金额 25"),
        .replace("三公 公务用车购置费", with: "三公 公务用车购置费 25 上年 0 原因 \"更新超过使用年限的应急保障用车。\""),
      ],
      values: ["25.00 → 0.00"]),
    rule(
      "cross.vehicle-purchase", .warning, "公务用车购置费 while no vehicle purchase is planned",
      breaks: [.replace("三公 公务用车购置费", with: "三公 公务用车购置费 25 上年 0 原因 \"更新超过使用年限的应急保障用车。\"")],
      fixes: [
        .replace("三公 公务用车购置费", with: "三公 公务用车购置费 25 上年 0 原因 \"更新超过使用年限的应急保障用车。\""),
        .replace("资产 购置", with: "资产 购置 车辆 \"应急保障用车\" 1 金额 25"),
      ],
      values: ["0.00 → 25.00"]),
  ]

  // MARK: 政府采购与购买服务

  static let procurement: [RuleCase] = [
    rule(
      "procurement.missing", .error, "nothing said about government procurement",
      breaks: [.drop("采购")],
      fixes: [.replace("采购", with: "采购 货物 \"办公设备\" 金额 12")]),
    rule(
      "services.missing", .error, "nothing said about purchased services",
      breaks: [.drop("购买服务")],
      fixes: [.replace("购买服务", with: "购买服务 \"政府网站运维\" 方式 \"公开招标\" 期限 \"2025年1月至12月\" 金额 20")]),
    rule(
      "procurement.zero", .warning, "a procurement item of 0",
      breaks: [.replace("采购", with: "采购 货物 \"办公设备\" 金额 0")],
      fixes: [.replace("采购", with: "采购 货物 \"办公设备\" 金额 12")],
      row: "办公设备"),
    rule(
      "text.residue", .error, "a purchased service named after the template",
      breaks: [.replace("购买服务", with: "购买服务 \"XX服务\" 方式 \"公开招标\" 期限 \"2025年1月至12月\" 金额 20")],
      fixes: [.replace("购买服务", with: "购买服务 \"网站运维服务\" 方式 \"公开招标\" 期限 \"2025年1月至12月\" 金额 20")],
      values: ["不含“XX” → XX"]),
  ]

  // MARK: 绩效

  static let performance: [RuleCase] = [
    rule(
      "performance.none", .warning, "projects but none under 绩效管理",
      breaks: [.replace("项目", with: "项目 \"调研活动经费\" 类型 日常运转类 科目 2010302 金额 40"), .drop("绩效"), .drop("指标")],
      fixes: [.replace("项目", with: "项目 \"调研活动经费\" 类型 日常运转类 科目 2010302 金额 40 绩效管理")],
      values: ["至少1个绩效管理项目 → 0"]),
    rule(
      "performance.goal-missing", .error, "a managed project without a goal table",
      breaks: [.drop("绩效")],
      fixes: [.replace("绩效", with: "绩效 \"调研活动经费\" 总额 40 目标 \"完成调研任务。\"")],
      row: "调研活动经费"),
    rule(
      "performance.goal-funds", .error, "the goal's total differs from the project",
      breaks: [.replace("绩效", with: "绩效 \"调研活动经费\" 总额 45 财政拨款 45 目标 \"完成调研任务。\"")],
      fixes: [.replace("绩效", with: "绩效 \"调研活动经费\" 总额 40 财政拨款 35 其他 5 目标 \"完成调研任务。\"")],
      values: ["40.00 → 45.00"]),
    rule(
      "performance.goal-funds", .error, "the goal's sources do not add up to its total",
      breaks: [.replace("绩效", with: "绩效 \"调研活动经费\" 总额 40 财政拨款 30 上年结转 5 目标 \"完成调研任务。\"")],
      fixes: [.replace("绩效", with: "绩效 \"调研活动经费\" 总额 40 财政拨款 30 上年结转 10 目标 \"完成调研任务。\"")],
      values: ["40.00 → 35.00"]),
    rule(
      "performance.indicators", .error, "a goal without any indicator",
      breaks: [.drop("指标")],
      fixes: [
        .drop("指标"), .add("指标 \"调研活动经费\" 产出指标 数量指标 \"调研报告\" \"≥20篇\""),
        .add("指标 \"调研活动经费\" 效益指标 社会效益指标 \"决策支撑\" \"明显\""),
        .add("指标 \"调研活动经费\" 满意度指标 服务对象满意度指标 \"满意度\" \"≥95%\""),
      ],
      values: ["产出指标、效益指标、满意度指标 → 无"]),
    rule(
      "performance.indicators", .warning, "a goal without 满意度指标",
      breaks: [.drop("指标 \"调研活动经费\" 满意度指标")],
      fixes: [.replace("指标 \"调研活动经费\" 满意度指标", with: "指标 \"调研活动经费\" 3 满意度指标 服务对象满意度指标 \"满意度\" \"≥95%\"")],
      values: ["产出指标、效益指标、满意度指标 → 产出指标、效益指标"]),
    rule(
      "performance.orphan", .error, "a goal table under a misspelt project name",
      breaks: [.replace("绩效", with: "绩效 \"调研活动费\" 总额 40 财政拨款 40 目标 \"完成调研任务。\"")],
      fixes: [.replace("绩效", with: "绩效 \"调研活动经费\" 总额 40 财政拨款 40 目标 \"完成调研任务。\"")],
      row: "调研活动费", also: ["performance.goal-missing"]),
    rule(
      "performance.unmanaged", .warning, "a goal table for a project not marked 绩效管理",
      breaks: [.replace("项目", with: "项目 \"调研活动经费\" 类型 日常运转类 科目 2010302 金额 40")],
      fixes: [.replace("项目", with: "项目 \"调研活动经费\" 类型 日常运转类 科目 2010302 金额 40 绩效管理")],
      row: "调研活动经费", also: ["performance.none"]),
  ]

  // MARK: 其他重要事项

  static let other: [RuleCase] = [
    rule(
      "operating-cost.missing", .error, "an administrative department without 机关运行经费",
      breaks: [.drop("机关运行经费")],
      fixes: [.drop("机关运行经费"), .replace("单位", with: "单位 \"示例办\" 事业")]),  // 事业单位 report none
    rule(
      "operating-cost.exceeds-public", .warning, "机关运行经费 above 公用经费 (30201 + 30217 = 10)",
      breaks: [.replace("机关运行经费", with: "机关运行经费 12 上年 12")],
      fixes: [.replace("机关运行经费", with: "机关运行经费 9.5 上年 9.5")],
      values: ["≤ 10.00 → 12.00"]),
    rule(
      "operating-cost.prior-missing", .warning, "机关运行经费 without last year's figure",
      breaks: [.replace("机关运行经费", with: "机关运行经费 10")],
      fixes: [.replace("机关运行经费", with: "机关运行经费 10 上年 9.5")]),
    rule(
      "change.reason-missing", .warning, "机关运行经费 up 2万元 with no reason",
      breaks: [.replace("机关运行经费", with: "机关运行经费 10 上年 8")],
      fixes: [.replace("机关运行经费", with: "机关运行经费 10 上年 8 原因 \"新增办公用房物业费。\"")],
      values: ["有原因 → 无"], row: "机关运行经费"),
  ]

  // MARK: 核对数

  static let declared: [RuleCase] = [
    rule(
      "sum.declared", .error, "a printed 合计 5万元 short",
      breaks: [.add("核对 T5 合计 合计 95")],
      fixes: [.add("核对 T5 合计 合计 100 基本支出 60 项目支出 40")],
      values: ["100.00 → 95.00"]),
    rule(
      "sum.declared", .error, "a printed 公用经费 that is not 30201 + 30217",
      breaks: [.add("核对 T6 公用经费 合计 8")],
      fixes: [.add("核对 T6 公用经费 合计 10")],
      values: ["10.00 → 8.00"]),
    rule(
      "sum.declared", .error, "a printed 类 row",
      breaks: [.add("核对 T5 201 名称 \"一般公共服务支出\" 合计 100 基本支出 40")],
      fixes: [.add("核对 T5 201 名称 \"一般公共服务支出\" 合计 100 基本支出 60")],
      values: ["60.00 → 40.00"]),
    rule(
      "declared.unresolved", .warning, "a column T7 does not have",
      breaks: [.add("核对 T7 公务接待费 人员经费 2")],
      fixes: [.add("核对 T7 公务接待费 上年 2")],
      row: "公务接待费"),
  ]
}
