import Foundation
import Testing
@testable import YusuanCore

/// Issue 11 (11–15): the template language that lets prose.yaml say what a person writes.
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
}
