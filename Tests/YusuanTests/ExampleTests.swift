import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// The bundled examples: the two seed documents transcribed as printed, and the consistent demo.
/// The seeds' real defects that survive transcription must be reported, each with its evidence.
struct ExampleTests {
  static func workbook(_ name: String, department: String, year: Int, edition: String, forms: FormsLibrary = TestSupport.forms) throws -> Workbench {
    let dir = TestSupport.repoRoot.appendingPathComponent("examples").appendingPathComponent(name)
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".ys") }.sorted()
    #expect(!files.isEmpty)
    let wb = try Workbench.create(path: TestSupport.tempPath(name), department: department, year: year, editionID: edition, forms: forms)
    var lines: [Workbench.SourcedLine] = []
    for f in files {
      let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
      lines += TestSupport.lines(text, file: f)
    }
    try wb.apply(lines, source: .script)
    return wb
  }

  /// One expected finding: rule, where, and (for sums) the figures involved.
  struct Expected: CustomStringConvertible {
    var rule: String, table: String? = nil, row: String? = nil, column: String? = nil, expected: String? = nil, actual: String? = nil
    var description: String { "\(rule) \(table ?? "") \(row ?? "") \(column ?? "") \(expected ?? "") \(actual ?? "")" }
    func matches(_ d: Diagnostic) -> Bool {
      d.rule == rule && (table == nil || d.table == table) && (row == nil || d.row == row) && (column == nil || d.column == column)
        && (expected == nil || d.expected == expected) && (actual == nil || d.actual == actual)
    }
  }

  @Test func dujiqu2021ReportsItsRealDefects() throws {
    let findings = try Self.workbook("dujiqu-2021", department: "杜集区政府办公室", year: 2021, edition: "anhui-2021").check()
    let expected: [Expected] = [
      // 2050505 printed for 2080505 (机关事业单位基本养老保险缴费支出) in 部门公开表2.
      .init(rule: "code.misplaced", table: "T5", row: "2050505", expected: "2080505", actual: "2050505"),
      .init(rule: "code.unknown", table: "T5", row: "2050505", expected: "2080505"),
      // … which moves 19.27 out of 208/20805 against the printed 类 and 款 totals.
      .init(rule: "sum.declared", table: "T5", row: "208", column: "合计", expected: "1.51", actual: "20.78"),
      .init(rule: "sum.declared", table: "T5", row: "20805", column: "合计", expected: "0.26", actual: "19.53"),
      // Malformed codes in 收入预算总表 and 支出预算总表.
      .init(rule: "code.malformed", table: "T2", row: "11", expected: "21011"),
      .init(rule: "code.malformed", table: "T2", row: "2", expected: "22102"),
      .init(rule: "code.malformed", table: "T3", row: "210305", expected: "2010305"),
      // Names that do not match their codes.
      .init(rule: "name.mismatch", table: "T5", row: "21011", expected: "行政事业单位医疗", actual: "卫生健康支出"),
      .init(rule: "name.mismatch", table: "T2", row: "20103", actual: "政府办公室事务"),
      // Revenue said to fall 52.19 while expenditure rose 15.76: two statements of one change.
      .init(rule: "cross.revenue-expenditure-prior", table: "T1", expected: "510.09", actual: "578.04"),
      // No 三公 at all, though 30217 and 30231 are budgeted.
      .init(rule: "three-public.missing", table: "T7", row: nil),
      // Template residue in the notes of 部门公开表4 and 5.
      .init(rule: "text.residue", table: "T8", row: "说明"),
      .init(rule: "text.residue", table: "T9", row: "说明"),
      // 固定资产原价总额 970.18 ≠ 车辆 450.14 + 其他 228.76; 17 vehicles not by category.
      .init(rule: "assets.value-sum", table: "国有资产", expected: "678.90", actual: "970.18"),
      .init(rule: "assets.vehicle-category", table: "国有资产", row: "车辆"),
      // 项目单位 杜集区政府办 is not the unit of 预算单位构成.
      .init(rule: "unit.unknown", table: "T10", actual: "杜集区政府办"),
      // Ten projects, none under 绩效管理.
      .init(rule: "performance.none", table: "T14", row: nil),
    ]
    for e in expected { #expect(findings.contains { e.matches($0) }, "missing: \(e)") }
    #expect(findings.errorCount >= 15)
  }

  @Test func dujiqu2024ReportsItsRealDefects() throws {
    let findings = try Self.workbook("dujiqu-2024", department: "杜集区政府办", year: 2024, edition: "anhui-2024").check()
    let expected: [Expected] = [
      // The 类 add to 612.41 against a printed 612.42.
      .init(rule: "sum.declared", table: "T5", row: "合计", column: "合计", expected: "612.41", actual: "612.42"),
      // 基本支出 338.76 printed; its lines add to 338.75.
      .init(rule: "sum.declared", table: "T3", row: "合计", column: "基本支出", expected: "338.75", actual: "338.76"),
      // The prior-year lines (from the stated changes) add to 648.75 against 648.77.
      .init(rule: "sum.declared", table: "T5", row: "合计", column: "上年", expected: "648.75", actual: "648.77"),
      // 绩效目标设置 says 60万元 for the one project whose goal table says 74万元.
      .init(rule: "sum.declared", table: "T14", row: "合计", expected: "74.00", actual: "60.00"),
      // 机关运行经费 39.96 exceeds 公用经费 36.96.
      .init(rule: "operating-cost.exceeds-public", actual: "39.96"),
      // 三公 section missing.
      .init(rule: "three-public.missing", table: "T7", row: nil),
      // The goal table's 成本指标 copies a 效益指标 row; a value is still the template's options.
      .init(rule: "performance.indicator-duplicate", table: "T14", row: "调研活动经费"),
      .init(rule: "performance.indicator-value", table: "T14", actual: "影响程度（较高、明显、一般）"),
      // Revenue 612.42 against expenditure lines of 612.41.
      .init(rule: "cross.revenue-expenditure", table: "T1", expected: "612.41", actual: "612.42"),
    ]
    for e in expected { #expect(findings.contains { e.matches($0) }, "missing: \(e)") }
  }

  @Test func demoIsCleanAndRoundTrips() throws {
    let wb = try Self.workbook("demo-2025", department: "示例区政府办公室（示例）", year: 2025, edition: "anhui-2024")
    let findings = wb.check()
    #expect(findings.errorCount == 0, "\(DiagnosticRenderer.text(findings))")
    #expect(findings.isEmpty, "\(DiagnosticRenderer.text(findings))")
    #expect(wb.meta.department.contains("示例"))
    let rebuilt = try TestSupport.workbook(wb.exportScript(), department: wb.meta.department, year: 2025)
    #expect(rebuilt.facts == wb.facts)
  }
}
