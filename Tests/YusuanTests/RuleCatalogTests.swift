import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// The rule catalogs: every rule `check` can report (`SectionRegistry.rules`), each with a stable id, a severity, a
/// title and fix-it text; `docs/rules.md` is generated from them. RuleTests holds a breaking and a fixing input for
/// each rule of `check`.
struct RuleCatalogTests {
  static let families: [(title: String, intro: String, rules: [RuleInfo])] = [
    ("工作簿检查（check）", "`yusuan check`、`compile` 和交互式录入对工作簿运行的规则。", SectionRegistry.rules),
  ]

  @Test func idsAreUniqueAndWellFormed() {
    let all = Self.families.flatMap(\.rules)
    let ids = all.map(\.id)
    #expect(Set(ids).count == ids.count, "ids declared twice: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
    for r in all {
      #expect(r.id.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+/) != nil, "id \(r.id)")
      #expect(!r.title.isEmpty && !r.fix.isEmpty, "\(r.id) has no title or fix-it text")
      #expect(r.varies.map { !$0.isEmpty } ?? true, "\(r.id): an empty note on its severity")
    }
  }

  /// A finding made from an entry carries the entry's id and severity, unless the code says otherwise.
  @Test func aFindingCarriesItsEntry() {
    let d = Diagnostic(rule: CoreRuleID.textResidue, message: "m")
    #expect(d.rule == "text.residue" && d.severity == .error)
    #expect(Diagnostic(rule: CoreRuleID.textResidue, severity: .info, message: "m").severity == .info)
    #expect(CoreRuleID(id: "code.unknown") == .codeUnknown && CoreRuleID(id: "code.nothing") == nil)
  }

  @Test func aRefusedScriptLineIsAFinding() {
    let e = ScriptError(file: "a.ys", line: 3, text: "支出 2010301 基本 abc", error: EntryError("金额“abc”不是数字。", start: 13, end: 16))
    let d = e.diagnostic
    #expect(d.rule == "script.invalid" && d.severity == .error && d.location == "a.ys:3:\(e.column)")
  }

  /// docs/rules.md is the catalogs as tables; after a change to a catalog,
  /// `YUSUAN_RECORD_GOLDEN=1 swift test --filter RuleCatalogTests` rewrites it.
  @Test func docsListEveryRule() throws {
    let text = RuleDocs.page(Self.families)
    let file = TestSupport.repoRoot.appendingPathComponent("docs/rules.md")
    if ProcessInfo.processInfo.environment["YUSUAN_RECORD_GOLDEN"] == "1" {
      try text.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let committed = try String(contentsOf: file, encoding: .utf8)
    #expect(committed == text, "docs/rules.md differs from the catalogs; re-record it and review the diff")
  }
}
