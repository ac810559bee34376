import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
@testable import Workbench
@testable import YusuanCore

/// The rule catalogs: every rule `check` can report (`SectionRegistry.rules`) and every rule of the audit of
/// published documents (`AuditRuleID`), each with a stable id, a severity, a title and fix-it text; `docs/rules.md`
/// is generated from them. RuleTests holds a breaking and a fixing input for each rule of `check`; the audit's rules
/// are tested in the Audit*Tests files, and here every finding of the audit fixtures is checked against its entry.
struct RuleCatalogTests {
  static let families: [(title: String, intro: String, rules: [RuleInfo])] = [
    ("工作簿检查（check）", "`yusuan check`、`compile` 和交互式录入对工作簿运行的规则。", SectionRegistry.rules),
    (
      "审读已公开的文件（audit）",
      "`yusuan audit` 审读已公开的部门预算公开文件的规则。有页或表未能读出时，只凭“缺少”得出的问题"
        + "（缺表、缺说明、表中找不到的数字、缺表号）改为“未能核对”的提示。", AuditRuleID.entries
    ),
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

  /// Each finding the audit makes of the fixtures carries its entry's severity, one the entry says it may choose,
  /// or a 未能核对 note's (info) where pages or tables were not read.
  @Test func auditFindingsCarryTheirEntrysSeverity() throws {
    let root = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures")
    let files = [
      "seeds/000_626f1369946c4733.txt", "seeds/001_d4b356eb47825e97.txt", "audit/dongshan-2025.docx",
      "audit/dongshan-2025-damaged-xml.docx", "audit/jiangbei-2025-yuan.txt", "audit/nanhu-2025-clean.txt",
      "layout/shanghai-layout.txt", "docx/seed-2021-tables.docx", "docx/shanghai-split-codes.docx",
    ]
    let catalog = try TestSupport.forms.catalog("classification-2024")
    var seen = Set<String>()
    for file in files {
      for d in Auditor.audit(try DocumentReader.read(url: root.appendingPathComponent(file)), catalog: catalog) {
        let info = try #require(AuditRuleID(id: d.rule)?.info, "\(file): \(d.rule) is not in AuditRuleID")
        let softened = d.severity == .info && d.message.contains("未能核对")
        #expect(
          d.severity == info.severity || info.varies != nil || softened,
          "\(file): \(d.rule) is \(d.severity), the catalog says \(info.severity) — \(d.message)")
        seen.insert(d.rule)
      }
    }
    #expect(seen.count >= 30, "the fixtures exercise \(seen.count) audit rules")
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
