import Foundation
import Testing
@testable import Renderers
@testable import Workbench
@testable import YusuanCore

/// The compiled Markdown and JSON of the examples, compared with files reviewed by eye (Tests/Golden/).
/// Re-record after a deliberate change with `YUSUAN_RECORD_GOLDEN=1 swift test --filter GoldenTests`, then read the diff.
struct GoldenTests {
  static let examples: [(name: String, department: String, year: Int, edition: String)] = [
    ("demo-2025", "示例区政府办公室（示例）", 2025, "anhui-2024"),
    ("dujiqu-2024", "杜集区政府办", 2024, "anhui-2024"),
    ("dujiqu-2021", "杜集区政府办公室", 2021, "anhui-2021"),
  ]

  @Test(arguments: examples.map(\.name))
  func compiledOutputMatchesGolden(name: String) throws {
    let e = Self.examples.first { $0.name == name }!
    let wb = try ExampleTests.workbook(e.name, department: e.department, year: e.year, edition: e.edition)
    let doc = try wb.compile(draft: wb.check().errorCount > 0)
    let dir = TestSupport.repoRoot.appendingPathComponent("Tests/Golden")
    for (ext, data) in [("md", try MarkdownRenderer.render(doc)), ("json", try JSONRenderer.render(doc))] {
      let file = dir.appendingPathComponent("\(name).\(ext)")
      if ProcessInfo.processInfo.environment["YUSUAN_RECORD_GOLDEN"] == "1" {
        try data.write(to: file)
        continue
      }
      let golden = try #require(FileManager.default.contents(atPath: file.path), "no golden file \(file.path); record it")
      #expect(data == golden, "\(name).\(ext) differs from Tests/Golden; if the change is intended, re-record and review the diff")
    }
  }
}
