import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore
import YusuanStore

/// Issue 13 item 3: the walk's question and a script line take the same values, because both read the argument's
/// declared type. The walk used to have checks of its own (`+1` vehicles taken, `2辆` refused; a vehicle category
/// outside the list refused in the walk, taken by scripts): these tests hold them together.
@Suite struct WalkScriptAgreementTests {
  static let samples = [
    "5", "12.5万元", "3000元", "1,234.56", "457.90.", "-1", "+1", "2辆", "0", "1000000", "１２", "abc", "",
    "基本", "项目", "单位资金", "其他收入", "出国", "公务接待费", "货物", "机关", "延续项目", "随便", "产出指标",
    "机要通信用车", "公务用车", "车辆", "特定目标类",
  ]

  /// Every amount, count and choice question of the walk takes an answer exactly when a script takes it in that
  /// argument's place, and puts into its line what a script would store.
  @Test func theWalkTakesWhatAScriptTakes() throws {
    let wb = try TestSupport.workbook("收入 一般公共预算 10\n收入 单位资金 5")
    let context = wb.context
    var compared = 0
    for step in SectionRegistry.plugins.flatMap({ $0.walk(context) }) {
      for f in step.fields {
        guard let arg = f.arg else { continue }
        switch arg.type {
        case .amount, .count, .choice: break
        default: continue
        }
        for v in Self.samples where !v.isEmpty && v != "无" {
          let walk = f.check(v, context)
          let script = arg.type.read(Token(text: v, quoted: false, start: 0, end: v.count), what: arg.name, option: arg.keyword != nil, context: context)
          switch (walk, script) {
          case (.success(let w), .success(let s)):
            #expect(w == EntryCommand.render(s, arg.type).replacingOccurrences(of: "\"", with: ""), "\(step.id) \(f.prompt): \(v)")
          case (.failure, .failure): break
          default: Issue.record("\(step.id) \(f.prompt): “\(v)” walk \(walk), script \(script)")
          }
          compared += 1
        }
      }
    }
    #expect(compared > 300)
  }

  /// Behaviour change: a vehicle category outside the standard list, refused by the walk before, is now refused by
  /// scripts too, naming the list; a vehicle entered that way before can still be removed.
  @Test func aVehicleCategoryComesFromTheList() throws {
    let wb = try TestSupport.workbook("")
    #expect(throws: ApplyError.self) { try wb.apply(TestSupport.lines("资产 车辆 公务用车 1"), source: .script) }
    do { try wb.apply(TestSupport.lines("资产 车辆 公务用车 1"), source: .script) } catch let e as ApplyError {
      #expect(e.errors[0].message.contains("“公务用车”不是有效的车辆类别。可选：主要领导干部用车、机要通信用车"))
    }
    let old = Fact.vehicle(VehicleHolding(category: "公务用车", count: 1))
    try wb.store.commit(
      [JournalEntry(source: .script, location: "旧版本", command: "资产 车辆 公务用车 1", changes: [FactChange(key: old.key, before: nil, after: old)])],
      expectedHead: try wb.store.head())
    let reopened = try Workbench.open(path: wb.store.path, forms: TestSupport.forms)
    try reopened.apply(TestSupport.lines("删除 资产 车辆 \"公务用车\""), source: .script)
    #expect(reopened.facts.vehicles.isEmpty)
  }

  /// Behaviour change: a count answered in the walk is read as a script reads it: `+1` and `1.5` are refused at the
  /// prompt (they were taken as 1, or refused only when the row was built), `2辆` is taken as 2.
  @Test func aCountIsReadAsAScriptReadsIt() throws {
    let wb = try TestSupport.workbook("")
    let step = try #require(SectionRegistry.plugins.flatMap { $0.walk(wb.context) }.first { $0.id == "assets.vehicles" })
    let count = step.fields[1]
    #expect(count.check("2辆", wb.context) == .success("2"))
    #expect((try? count.check("+1", wb.context).get()) == nil)
    #expect((try? count.check("1.5", wb.context).get()) == nil)
    #expect((try? count.check("1000000", wb.context).get()) == nil)
  }
}
