import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// DESIGN §5: a plugin that fails becomes a finding naming it, not a crash, and the other sections' findings stand.
@Suite struct PluginFailureTests {
  struct Broken: Error, CustomStringConvertible { var description: String { "规则内部错误" } }

  /// A section whose rules throw.
  struct ThrowingPlugin: SectionPlugin {
    let id = "throwing"
    let title = "会出错的部分"
    var commands: [EntryCommand] { [] }
    func check(_ view: BudgetView) throws -> [Diagnostic] { throw Broken() }
  }

  @Test func aThrowingPluginBecomesAFinding() throws {
    let wb = try TestSupport.workbook(TestSupport.consistent)
    let usual = wb.check()
    let findings = wb.check(plugins: SectionRegistry.plugins + [ThrowingPlugin()])
    let failed = try #require(findings.first { $0.rule == "plugin.failed" })
    #expect(failed.severity == .error && failed.plugin == "throwing" && failed.table == "会出错的部分")
    #expect(failed.message.contains("“会出错的部分”部分的检查未能完成") && failed.message.contains("其余部分的检查结果仍然有效"))
    #expect(findings.filter { $0.rule != "plugin.failed" }.map(\.rule) == usual.map(\.rule), "the other findings stand")
    #expect(!usual.contains { $0.rule == "plugin.failed" })
  }
}
