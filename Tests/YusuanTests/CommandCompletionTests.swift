import Foundation
import Testing
@testable import Walk
@testable import Workbench
@testable import YusuanCore

/// Issue 13 item 3: TAB on a typed entry line offers what the command's declaration says comes next, and `help 命令`
/// prints the declaration's syntax; neither has a list of its own.
@Suite struct CommandCompletionTests {
  static func completion(_ wb: Workbench) -> (session: ReplSession, c: ReplCompletion) {
    let s = ReplSession(wb: wb, input: ScriptedInput([]), out: { _ in })
    return (s, s.completion(editions: []))
  }

  static func tab(_ c: ReplCompletion, _ typed: String) -> [String] {
    let word = typed.hasSuffix(" ") ? "" : String(typed.split(separator: " ").last ?? "")
    return c.candidates(line: typed, word: word)
  }

  @Test func nextWordFollowsTheDeclaration() throws {
    let i = SectionRegistry.index
    guard case .value(let kind) = i.next(after: "支出 2010301") else { Issue.record("支出 code"); return }
    #expect(kind.name == "支出类别")
    #expect(i.next(after: "支出 2010301 基本 12") == .keyword(["来源", "单位", "名称", "上年", "原因"]))
    #expect(i.next(after: "支出 2010301 基本 12 上年 5 原因 \"x\"") == .keyword(["来源", "单位", "名称"]))
    #expect(i.next(after: "资产") == .oneOf(["车辆", "设备", "购置", "配置", "原值"]))
    #expect(i.next(after: "删除 支出 2010301 基本") == .keyword(["来源", "单位"]))
    guard case .value(let text) = i.next(after: "职责") else { Issue.record("职责"); return }
    #expect(text.name == "职责内容", "the list number may be left out")
    guard case .value(let level1) = i.next(after: "指标 \"调研\" 2") else { Issue.record("指标"); return }
    #expect(level1.name == "一级指标")
    #expect(i.next(after: "机关运行经费 5 上年 4 原因 \"x\"") == .none)
    #expect(i.next(after: "不是命令 1") == .none)
  }

  @Test func tabOffersTheArgumentsValues() throws {
    let wb = try TestSupport.workbook("项目 \"调研活动经费\" 类型 日常运转类 金额 74")
    let (session, c) = Self.completion(wb)
    withExtendedLifetime(session) {
      #expect(Self.tab(c, "支出 2010301 ") == ["基本", "项目"])
      #expect(Self.tab(c, "支出 2010301 基本 12 上") == ["上年"])
      #expect(Self.tab(c, "资产 车") == ["车辆"])
      #expect(Self.tab(c, "资产 车辆 机要").first == "机要通信用车")
      #expect(Self.tab(c, "项目 \"新项目\" 类型 ") == ["日常运转类", "特定目标类", "其他运转类"])
      #expect(Self.tab(c, "绩效 调研").first == "调研活动经费", "a project's name")
      #expect(Self.tab(c, "经济 3010").allSatisfy { $0.hasPrefix("3010") && $0.count == 5 } && !Self.tab(c, "经济 3010").isEmpty)
      #expect(Self.tab(c, "项目 \"新项目\" 类型 日常运转类 单位").contains("单位资金"), "a source's amount")
    }
  }

  /// `help 支出` prints the command's help from its declaration; help at a table names its command.
  @Test func helpIsTheDeclaration() throws {
    let wb = try TestSupport.workbook("")
    let r = WalkStateMachineTests.run(wb, ["help 支出", "goto T5", "help", "help 资产 车辆", "help 不是命令"])
    #expect(r.text.contains("支出：一条支出（功能分类项级 × 基本/项目）\n  写法：支出 功能科目编码 基本|项目 金额 [来源 资金来源]"))
    #expect(r.text.contains("  示例：支出 2010301 基本 212.89"))
    #expect(r.text.contains("本表的录入命令：支出 功能科目编码 基本|项目 金额"))
    #expect(r.text.contains("资产 车辆：上年12月31日的车辆数（按类别）") && !r.text.contains("资产 设备：单价"))
    #expect(r.text.contains("没有录入命令“不是命令”"))
  }
}
