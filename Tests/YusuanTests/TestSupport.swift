import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore
import YusuanStore

/// Helpers shared by the tests: the repository's forms, temporary workbooks, scripts given as text.
enum TestSupport {
  /// The repository root (two levels above this file's folder).
  static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let forms = FormsLibrary(root: repoRoot.appendingPathComponent("forms"))

  static func tempPath(_ name: String = "w") -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("\(name).yusuan").path
  }

  /// A copy of the repository's forms with `edit` applied to anhui-2024's edition.yaml, as edition `test-unit`.
  static func formsCopy(_ edit: (String) -> String) throws -> FormsLibrary {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-forms-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: TestSupport.forms.root, to: root)
    let editions = root.appendingPathComponent("editions")
    try FileManager.default.copyItem(at: editions.appendingPathComponent("anhui-2024"), to: editions.appendingPathComponent("test-unit"))
    let file = editions.appendingPathComponent("test-unit/edition.yaml")
    var text = try String(contentsOf: file, encoding: .utf8)
    text = text.replacingOccurrences(of: "id: anhui-2024", with: "id: test-unit")
    try edit(text).write(to: file, atomically: true, encoding: .utf8)
    return FormsLibrary(root: root)
  }

  /// A new workbook with `script` applied (throws if any line is refused).
  /// The bundled demo department (examples/demo-2025), entered from its scripts in order.
  static func demoWorkbook() throws -> Workbench {
    let dir = repoRoot.appendingPathComponent("examples/demo-2025")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".ys") }.sorted()
    let script = try files.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    return try workbook(script, department: "示例区政府办公室（示例）")
  }

  static func workbook(_ script: String, department: String = "示例办", year: Int = 2025, edition: String = "anhui-2024") throws -> Workbench {
    let wb = try Workbench.create(path: tempPath(), department: department, year: year, editionID: edition, forms: forms)
    try wb.apply(lines(script), source: .script)
    return wb
  }

  static func lines(_ script: String, file: String = "test.ys") -> [Workbench.SourcedLine] {
    script.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { .init(text: String($0.element), file: file, line: $0.offset + 1) }
  }

  /// The rule ids `check` reports for a script.
  static func rules(_ script: String, edition: String = "anhui-2024") throws -> [String] {
    try workbook(script, edition: edition).check().map(\.rule)
  }

  static func findings(_ script: String, rule: String, edition: String = "anhui-2024") throws -> [Diagnostic] {
    try workbook(script, edition: edition).check().filter { $0.rule == rule }
  }

  /// A complete, consistent department: `check` reports no error on it. Tests add or change lines to break one rule.
  static let consistent = """
    职责 "负责区政府会议的准备工作。"
    单位 "示例办" 机关
    任务 "完成年度工作目标。"
    收入 一般公共预算 100 上年 100
    支出 2010301 基本 60 上年 60
    支出 2010302 项目 40 上年 40
    经济 30101 50
    经济 30201 8
    经济 30217 2
    项目 "调研活动经费" 类型 日常运转类 科目 2010302 金额 40 绩效管理
    绩效 "调研活动经费" 总额 40 财政拨款 40 目标 "完成调研任务。"
    指标 "调研活动经费" 产出指标 数量指标 "调研次数" "≥20次"
    指标 "调研活动经费" 效益指标 社会效益指标 "决策支撑" "明显"
    指标 "调研活动经费" 满意度指标 服务对象满意度指标 "满意度" "≥90%"
    三公 因公出国（境）费 0 上年 0
    三公 公务用车购置费 0 上年 0
    三公 公务用车运行维护费 0 上年 0
    三公 公务接待费 2 上年 2
    机关运行经费 10 上年 10
    采购 无
    购买服务 无
    资产 车辆 无
    资产 设备 无
    资产 购置 无
    资产 配置 无
    """
}
