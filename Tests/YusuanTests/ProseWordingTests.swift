import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// Issue 11 (11–15): 情况说明 as a person writes it, and the template language that lets prose.yaml say it.
struct ProseWordingTests {
  // MARK: Sections of the template language

  @Test func aSectionPrintsWhenItsFigureIsThere() {
    let t = "收入预算{合计}万元，{#上年结转}其中，上年结转{上年结转}万元{|}全部为本年收入{/上年结转}。"
    #expect(ProseTemplates.substitute(t, ["合计": "10.00", "上年结转": "2.00"]) == "收入预算10.00万元，其中，上年结转2.00万元。")
    #expect(ProseTemplates.substitute(t, ["合计": "10.00", "上年结转": "0.00"]) == "收入预算10.00万元，全部为本年收入。")
    #expect(ProseTemplates.substitute(t, ["合计": "10.00"]) == "收入预算10.00万元，全部为本年收入。")
    // Zero in any format the editions print; a figure with a non-zero digit is something.
    for zero in ["0", "0.00", "0.00%", "0,000.00", ""] { #expect(ProseTemplates.isNothing(zero), "\(zero)") }
    for some in ["0.01", "10", "1,000.00", "无", "100.00%"] { #expect(!ProseTemplates.isNothing(some), "\(some)") }
  }

  @Test func invertedAndComparedSectionsAndNesting() {
    let t = "收入{#个数=1}全部为{|}包括：{/个数}{列表}{^补充}。{/补充}"
    #expect(ProseTemplates.substitute(t, ["个数": "1", "列表": "甲"]) == "收入全部为甲。")
    #expect(ProseTemplates.substitute(t, ["个数": "2", "列表": "甲、乙", "补充": "x"]) == "收入包括：甲、乙")
    let nested = "{#人员}{#公用}其中，人员{人员}，公用{公用}{|}全部为人员经费{/公用}{|}全部为公用经费{/人员}"
    #expect(ProseTemplates.substitute(nested, ["人员": "3.00", "公用": "1.00"]) == "其中，人员3.00，公用1.00")
    #expect(ProseTemplates.substitute(nested, ["人员": "3.00", "公用": "0.00"]) == "全部为人员经费")
    #expect(ProseTemplates.substitute(nested, ["人员": "0.00", "公用": "1.00"]) == "全部为公用经费")
    // The same name nested in itself closes at its own depth.
    #expect(ProseTemplates.substitute("{#a}x{#a=1}y{/a}z{/a}", ["a": "1"]) == "xyz")
    // A value is printed as entered, never read as a section.
    #expect(ProseTemplates.substitute("{原因}", ["原因": "{#x}见{/x}"]) == "{#x}见{/x}")
  }

  @Test func aTemplateWithAnOpenSectionIsRefused() {
    #expect(ProseTemplates.sectionProblem("{#a}x") != nil)
    #expect(ProseTemplates.sectionProblem("x{/a}") != nil)
    #expect(ProseTemplates.sectionProblem("x{|}y") != nil)
    #expect(ProseTemplates.sectionProblem("{#a}x{|}y{/a}{^b=1}z{/b}") == nil)
    var t = ProseTemplates(templates: Dictionary(uniqueKeysWithValues: ProseKeys.all.map { ($0.key, "") }))
    #expect(t.problem() == nil)
    t.templates["t2.body"] = "{#上年结转}其中"
    #expect(t.problem()?.contains("t2.body") == true)
    #expect(ProseTemplates.names(in: "{#个数=1}全部为{|}{列表}{/个数}{^合计}") == ["个数", "列表", "合计"])
  }

  // MARK: The examples' 情况说明

  static func text(_ name: String) throws -> String {
    let e = GoldenTests.examples.first { $0.name == name }!
    let wb = try ExampleTests.workbook(e.name, department: e.department, year: e.year, edition: e.edition)
    // The prose only (a table's 0.00 cells are not sentences).
    return try wb.compile(draft: true).parts.flatMap(\.blocks).compactMap { if case .paragraph(let t) = $0 { t } else { nil } }.joined(separator: "\n")
  }

  static func count(_ s: String, in text: String) -> Int { text.components(separatedBy: s).count - 1 }

  /// 11: the demo's reason for 合计, 一般公共预算 and 基本支出 (one text) was printed in 收支总表, 收入总表, 支出总表 and
  /// 一般公共预算支出表; it is said once, at the first. A topic of its own keeps its reason (项目支出 in the 2024 seed).
  @Test func theBudgetsReasonIsSaidOnce() throws {
    let demo = try Self.text("demo-2025")
    #expect(Self.count("人员经费标准调整，政务服务中心新增编制人员", in: demo) == 1)
    #expect(demo.contains("收支总预算732.28万元，比2024年预算增加18.38万元，增长2.57%，增长原因主要是人员经费标准调整，政务服务中心新增编制人员。"))
    #expect(demo.contains("一般公共预算支出715.28万元，比2024年预算增加17.38万元，增长2.49%。"))
    // Each 项 keeps its own, repeated words or not.
    #expect(Self.count("增长原因主要是缴费基数调整及新增编制人员", in: demo) == 3)
    let seed = try Self.text("dujiqu-2024")
    #expect(seed.contains("下降72.96%，下降原因主要是厉行节约") && seed.contains("下降2.80%，下降原因主要是厉行节约"))
    #expect(Self.count("厉行节约", in: seed) == 5)  // 收支总表, 项目支出, 机关运行经费 and two 项 (响应国家号召厉行节约…)
  }

  /// 12: no zero part after 其中, a single part said plainly.
  @Test func zeroPartsAreLeftOutAndASinglePartIsTheWhole() throws {
    let demo = try Self.text("demo-2025")
    for wrong in ["上年结转0.00万元", "工程0.00万元", "其中：一般公共预算168.00万元", "分为：一般公共预算拨款715.28万元", "（不含车辆）0台（套）"] {
      #expect(!demo.contains(wrong), "\(wrong)")
    }
    for right in [
      "收入预算732.28万元，全部为本年收入。", "收入按资金来源全部为一般公共预算拨款；按资金年度全部为当年财政拨款收入。",
      "其中：货物6.00万元，服务99.60万元。", "涉及资金168.00万元，全部为一般公共预算资金。",
    ] {
      #expect(demo.contains(right), "\(right)")
    }
    let seed = try Self.text("dujiqu-2024")
    #expect(seed.contains("本年收入612.42万元，全部为一般公共预算拨款收入，比2023年预算减少36.35万元，下降5.60%。"))
    #expect(!seed.contains("占100.00%"))
    #expect(seed.contains("全部由一般公共预算安排。") && seed.contains("没有安排政府采购预算。"))
  }

  /// 13: 主要用于 names the three largest projects, then 等.
  @Test func theLargestProjectsAreNamed() throws {
    let demo = try Self.text("demo-2025")
    #expect(demo.contains("主要用于政务信息化运行维护经费、领导调研及重大活动保障经费、政务服务大厅运行维护经费等项目。"))
    #expect(!demo.contains("机要保密经费、政务值班应急保障经费"))
    // One project: its name, without 等.
    #expect(try Self.text("dujiqu-2024").contains("主要用于调研活动经费项目。"))
  }

  /// 14: no 购置费 this year: said in a few words, with last year's figure.
  @Test func noPurchaseThisYearIsSaidPlainly() throws {
    let demo = try Self.text("demo-2025")
    #expect(demo.contains("公务用车购置及运行费4.20万元（本年未安排公务用车购置费，2024年预算18.00万元；公务用车运行维护费4.20万元"))
    #expect(!demo.contains("公务用车购置费0.00万元"))
  }

  /// 15: a new item is 为新增项目, and its reason says what it is for.
  @Test func aNewItemIsSaidToBeNew() throws {
    let seed = try Self.text("dujiqu-2024")
    #expect(seed.contains("提租补贴（项）2024年预算9.13万元，为新增项目，主要用于根据要求发放补贴。"))
    #expect(!seed.contains("无此项预算") && !seed.contains("新增9.13万元"))
  }
}
