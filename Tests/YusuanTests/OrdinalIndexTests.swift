import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// `FactSet` keeps the largest number of each numbered list as edits come (so that appending to a list of
/// thousands does not sort it on every line, issue 14 item 18). Whatever the order of appends, replacements,
/// renumberings and removals, it must equal the maximum read from the facts themselves.
struct OrdinalIndexTests {
  /// The largest number of each list counted the slow way, over every fact.
  static func counted(_ facts: FactSet) -> [String: Int] {
    facts.all.compactMap(\.ordinal).reduce(into: [:]) { m, o in m[o.list] = Swift.max(m[o.list] ?? 0, o.number) }
  }

  static func randomFact(_ seed: inout UInt64) -> Fact {
    // A small key space, so that edits often replace and remove what is there.
    seed = seed &* 6364136223846793005 &+ 1442695040888963407
    let n = Int(seed >> 33) % 12 + 1
    let name = "项目\(Int(seed >> 40) % 5)"
    switch Int(seed >> 50) % 6 {
    case 0: return .duty(ListItem(ordinal: n, text: "职责\(n)"))
    case 1: return .task(ListItem(ordinal: n, text: "任务\(n)"))
    case 2: return .unit(BudgetUnit(ordinal: n, name: "单位\(Int(seed >> 44) % 4)", nature: "事业"))
    case 3: return .indicator(Indicator(project: name, ordinal: n, level1: "产出指标", level2: "数量指标", level3: "次数", value: "≥\(n)"))
    case 4: return .project(Project(ordinal: n, name: name, type: "日常运转类", amounts: [.general: Amount(fen: 100)]))
    default: return .procurement(ProcurementItem(ordinal: n, category: .goods, name: "设备\(Int(seed >> 44) % 4)", amounts: [.general: Amount(fen: 100)]))
    }
  }

  @Test func largestOrdinalFollowsEveryKindOfEdit() {
    var seed: UInt64 = 14_18
    var facts = FactSet()
    let lists = ["职责", "任务", "单位", "项目", "采购"] + (0..<5).map { Fact.indicatorList(of: "项目\($0)") }
    for step in 0..<2_000 {
      let f = Self.randomFact(&seed)
      if step % 3 == 2 { facts.apply(.remove(key: f.key)) } else { facts.apply(.set(f)) }
      let counted = Self.counted(facts)
      for list in lists where facts.largestOrdinal(in: list) != counted[list] ?? 0 {
        Issue.record("step \(step), \(list): kept \(facts.largestOrdinal(in: list)), counted \(counted[list] ?? 0)")
      }
    }
    // Built at once from stored facts (as a workbook is opened), the same.
    let reopened = FactSet(facts.all), counted = Self.counted(facts)
    for list in lists { #expect(reopened.largestOrdinal(in: list) == counted[list] ?? 0) }
  }

  @Test func appendedItemsTakeTheNextNumberOfTheirOwnList() throws {
    let wb = try TestSupport.workbook(
      """
      职责 "一"
      职责 5 "五"
      职责 "六"
      删除 职责 6
      职责 "又一个六"
      项目 "甲" 类型 日常运转类 金额 1
      项目 "乙" 类型 日常运转类 金额 1
      项目 "甲" 类型 日常运转类 金额 2
      指标 "甲" 产出指标 数量指标 "次数" "≥1"
      指标 "乙" 产出指标 数量指标 "次数" "≥1"
      指标 "甲" 产出指标 数量指标 "人数" "≥2"
      """)
    #expect(wb.facts.duties.map(\.ordinal) == [1, 5, 6])
    #expect(wb.facts.duties.last?.text == "又一个六")
    #expect(wb.facts.projects.map { "\($0.ordinal)\($0.name)" } == ["1甲", "2乙"], "a project entered again keeps its number")
    #expect(wb.facts.indicators.map { "\($0.project)\($0.ordinal)" } == ["乙1", "甲1", "甲2"])
  }
}
