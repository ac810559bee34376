import Foundation
import Testing
@testable import Workbench

/// docs/commands.md is the command declarations as tables; after a change to a declaration,
/// `YUSUAN_RECORD_GOLDEN=1 swift test --filter CommandReferenceTests` rewrites it.
@Suite struct CommandReferenceTests {
  @Test func docsListEveryCommandAsDeclared() throws {
    let text = CommandReference.page()
    let file = TestSupport.repoRoot.appendingPathComponent("docs/commands.md")
    if ProcessInfo.processInfo.environment["YUSUAN_RECORD_GOLDEN"] == "1" {
      try text.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let committed = try String(contentsOf: file, encoding: .utf8)
    #expect(committed == text, "docs/commands.md differs from the declarations; re-record it and review the diff")
    for keyword in SectionRegistry.keywords where keyword != "删除" { #expect(text.contains("| \(keyword)"), "\(keyword)") }
  }
}
