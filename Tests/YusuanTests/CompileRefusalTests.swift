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

  /// The 2021 example borrows 收入's reason (节约开支, for a decrease) for the 一般公共预算支出 increase: check says so,
  /// and the prose prints the next reason that explains an increase, never 增长原因主要是节约开支.
  @Test func aReasonArguingTheOtherWayIsReportedAndNotPrinted() throws {
    let wb = try ExampleTests.workbook("dujiqu-2021", department: "杜集区政府办公室", year: 2021, edition: "anhui-2021")
    let found = wb.check().filter { $0.rule == "change.reason-direction" }
    #expect(found.map(\.row) == ["一般公共预算"] && found.first?.actual == "节约开支", "\(found.map(\.message))")
    let text = Compiler.text(of: try wb.compile(draft: true).parts)
    #expect(!text.contains("增长原因主要是节约开支"))
    #expect(text.contains("增长3.09%，增长原因主要是本单位增加部门人员增加"))
  }
}
