import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// DESIGN §5: a section plugin that fails becomes a finding naming it, never a crash, and the other sections'
/// findings stand. The registry is injected (`Workbench.create(…, sections:)`), so a plugin can be made to throw.
struct PluginFailureTests {
  struct Broken: Error, CustomStringConvertible { var description: String { "测试插件故意出错。" } }

  /// A section whose rules and tables throw.
  struct ThrowingPlugin: SectionPlugin {
    let id = "throwing-test"
    let title = "故障测试"
    var commands: [EntryCommand] { [] }
    func check(_ view: BudgetView) throws -> [Diagnostic] { throw Broken() }
    func tables(_ c: CompileContext) throws -> [DocTable] { throw Broken() }
  }

  /// The standard sections with the throwing one among them (after 收入, before the sections that find the mistake).
  static let sections = SectionRegistry(Array(SectionRegistry.standard.plugins.prefix(2)) + [ThrowingPlugin()] + SectionRegistry.standard.plugins.dropFirst(2))

  static func workbook(_ sections: SectionRegistry) throws -> Workbench {
    // Without 三公: the 三公 section, after the throwing one, has a finding of its own to report.
    let script = try RuleScript.edit([.drop("三公")])
    let wb = try Workbench.create(
      path: TestSupport.tempPath(), department: "示例办", year: 2025, editionID: "anhui-2024", forms: TestSupport.forms,
      sections: sections)
    try wb.apply(TestSupport.lines(script), source: .script)
    return wb
  }

  @Test func aThrowingPluginBecomesAFindingNamingIt() throws {
    let findings = try Self.workbook(Self.sections).check()
    let failed = findings.filter { $0.rule == "plugin.failed" }
    #expect(failed.count == 1)
    let f = try #require(failed.first)
    #expect(f.severity == .error)
    #expect(f.plugin == "throwing-test")
    #expect(f.table == "故障测试")
    #expect(f.message.contains("“故障测试”部分的检查未能完成（throwing-test：测试插件故意出错。）"), "\(f.message)")
    // Every other section still reports what it finds, exactly as without the throwing one.
    let standard = try Self.workbook(.standard).check()
    #expect(!standard.contains { $0.rule == "plugin.failed" })
    #expect(standard.map(\.rule).contains("three-public.missing"))
    #expect(findings.filter { $0.rule != "plugin.failed" }.map(\.message) == standard.map(\.message))
  }

  /// `compile` cannot leave a section out of the document: it refuses, naming the section.
  @Test func aThrowingPluginStopsCompileNamingIt() throws {
    let wb = try Self.workbook(Self.sections)
    #expect { try wb.compile(draft: true) } throws: { error in
      "\(error)".contains("“故障测试”部分（throwing-test）未能生成：测试插件故意出错。")
    }
    #expect(throws: Never.self) { try Self.workbook(.standard).compile(draft: true) }
  }
}
