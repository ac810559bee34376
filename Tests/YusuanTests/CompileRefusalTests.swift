import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// A publishable document never carries status wording: prose that needs a last-year figure not entered makes
/// `compile` refuse (naming the prose), while a draft may still be printed for review.
struct CompileRefusalTests {
  static func demo(removing prior: String) throws -> Workbench {
    let dir = TestSupport.repoRoot.appendingPathComponent("examples/demo-2025")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".ys") }.sorted()
    var script = try files.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    script = script.replacingOccurrences(of: prior, with: "")
    return try TestSupport.workbook(script, department: "示例区政府办公室（示例）")
  }

  @Test func aMissingLastYearFigureStopsThePublishableDocument() throws {
    let wb = try Self.demo(removing: " 上年 3.50")
    do {
      _ = try wb.compile(draft: false)
      Issue.record("compiled with 2024年预算数未录入 in its prose")
    } catch let f as Compiler.Failure {
      #expect(f.description.hasPrefix("正式文件不能写“2024年预算数未录入”"), "\(f.description)")
      #expect(f.description.contains("「公务接待费3.00万元」"))
    }
    // A draft is printed, status wording and all, for review.
    let draft = try wb.compile(draft: true)
    #expect(Compiler.text(of: draft.parts).contains("2024年预算数未录入"))
    // With every figure entered, nothing is refused.
    #expect(throws: Never.self) { _ = try Self.demo(removing: "不存在的文字").compile(draft: false) }
  }
}
