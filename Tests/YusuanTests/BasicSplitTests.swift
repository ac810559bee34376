import Foundation
import Testing
@testable import Renderers
@testable import Workbench
@testable import YusuanCore

/// A 收支总表 whose 支出 side is split by 类 into 合计, 基本支出 (人员经费, 公用经费) and 项目支出, as Shanghai's
/// 单位预算 prints it: T1 `columns` in the edition, and the split of each 类's 基本支出 entered once
/// (`基本支出 201 人员经费 … 公用经费 …`) — the 支出 lines carry no such split and the 经济分类 lines no function code.
struct BasicSplitTests {
  /// shanghai-2025-dept copied as test-split, its T1 given the four 支出 columns and their header.
  static func forms(columns: String = "[[基本支出, 项目支出], [人员经费], [公用经费], [项目支出]]", rows: Bool = true) throws -> FormsLibrary {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-forms-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: TestSupport.forms.root, to: root)
    let editions = root.appendingPathComponent("editions")
    let dir = editions.appendingPathComponent("test-split")
    try FileManager.default.copyItem(at: editions.appendingPathComponent("shanghai-2025-dept"), to: dir)
    let file = dir.appendingPathComponent("edition.yaml")
    var text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "id: shanghai-2025-dept", with: "id: test-split")
    text = text.replacingOccurrences(of: "  - id: T2\n", with: "    columns: \(columns)\n  - id: T2\n")
    if !rows {
      let start = try #require(text.range(of: "    rows:\n      income:\n        - { label: \"一、财政拨款收入\""))
      let end = try #require(text.range(of: "    columns: \(columns)"))
      text.removeSubrange(start.lowerBound..<end.lowerBound)
    }
    try text.write(to: file, atomically: true, encoding: .utf8)
    let headers = dir.appendingPathComponent("tables.yaml")
    var h = try String(contentsOf: headers, encoding: .utf8)
    h = h.replacingOccurrences(
      of: """
        T1:
          - [{text: "本年收入", cols: 2}, {text: "本年支出", cols: 2}]
          - ["项目", "预算数", "项目", "预算数"]
        """,
      with: """
        T1:
          - [{text: "本年收入", cols: 2}, {text: "本年支出", cols: 5}]
          - [{text: "项目", rows: 3}, {text: "预算数", rows: 3}, {text: "项目", rows: 3}, {text: "预算数", cols: 4}]
          - [{text: "合计", rows: 2}, {text: "基本支出", cols: 2}, {text: "项目支出", rows: 2}]
          - ["人员经费", "公用经费"]
        """)
    try h.write(to: headers, atomically: true, encoding: .utf8)
    return FormsLibrary(root: root)
  }

  static let script = """
    单位 "示例办" 机关
    收入 一般公共预算 100 上年 100
    支出 2010301 基本 50 上年 50
    支出 2010302 项目 30 上年 30
    支出 2080505 基本 20 上年 20
    经济 30101 40
    经济 30108 20
    经济 30201 10
    基本支出 201 人员经费 40 公用经费 10
    基本支出 208 人员经费 20 公用经费 0
    """

  static func workbook(_ script: String = script, edition: String = "test-split", forms: FormsLibrary? = nil) throws -> Workbench {
    let wb = try Workbench.create(path: TestSupport.tempPath("split"), department: "示例办", year: 2025, editionID: edition, forms: forms ?? Self.forms())
    try wb.apply(TestSupport.lines(script), source: .script)
    return wb
  }

  static func yuan(_ s: String) -> Cell { .amount(try! AmountParser.parse(s, defaultUnit: .yuan).get()) }

  @Test func theSummaryTablePrintsEachClassSplit() throws {
    let wb = try Self.workbook()
    #expect(!wb.check().contains { $0.rule.hasPrefix("basic-split") || $0.rule == "cross.basic-split-economic" })
    let t1 = try #require(try wb.compile(draft: true).tables.first { $0.id == "T1" })
    #expect(t1.columns.count == 7 && t1.header.count == 4)
    // 201: 合计 80万 = 人员 40万 + 公用 10万 + 项目 30万; 208: 人员 20万 only (公用 0 and 项目 0 blank, as Shanghai prints).
    #expect(Array(t1.rows[0].cells.dropFirst(2)) == [.text("一、一般公共服务支出"), Self.yuan("800000"), Self.yuan("400000"), Self.yuan("100000"), Self.yuan("300000")])
    #expect(Array(t1.rows[1].cells.dropFirst(2)) == [.text("二、社会保障和就业支出"), Self.yuan("200000"), Self.yuan("200000"), .blank, .blank])
    let total = try #require(t1.rows.last)
    #expect(total.kind == .total && Array(total.cells.dropFirst(3)) == [Self.yuan("1000000"), Self.yuan("600000"), Self.yuan("100000"), Self.yuan("300000")])
    // Every format renders the four-row header over seven columns.
    for format in OutputFormat.allCases { #expect(try !format.render(try wb.compile(draft: true)).isEmpty) }
  }

  @Test func theSplitIsCheckedAgainstBasicSpendingAndTheEconomicTable() throws {
    let missing = try Self.workbook(Self.script.replacingOccurrences(of: "基本支出 208 人员经费 20 公用经费 0", with: "")).check()
    #expect(missing.filter { $0.rule == "basic-split.missing" }.map(\.row) == ["208"])
    #expect(missing.first { $0.rule == "basic-split.missing" }?.severity == .error)
    let wrong = try Self.workbook(Self.script.replacingOccurrences(of: "人员经费 40 公用经费 10", with: "人员经费 40 公用经费 5")).check()
    #expect(wrong.filter { $0.rule == "basic-split.sum" }.map(\.row) == ["201"])
    #expect(wrong.first { $0.rule == "basic-split.sum" }?.expected == "500,000.00元")
    // Each 类 adds up, but 人员经费 over the 类 (35 + 20) is not the 经济分类 table's 60.
    let cross = try Self.workbook(Self.script.replacingOccurrences(of: "人员经费 40 公用经费 10", with: "人员经费 35 公用经费 15")).check()
    #expect(Set(cross.filter { $0.rule == "cross.basic-split-economic" }.compactMap(\.column)) == ["人员经费", "公用经费"])
    // An edition whose 收支总表 prints no split asks for none; one entered is still checked.
    let anhui = try Self.workbook(Self.script.replacingOccurrences(of: "基本支出 208 人员经费 20 公用经费 0", with: ""), edition: "anhui-2024", forms: TestSupport.forms)
      .check()
    #expect(!anhui.contains { $0.rule == "basic-split.missing" })
  }

  @Test func theEntryTakesAClassAndBothParts() throws {
    for bad in ["基本支出 20103 人员经费 1 公用经费 1", "基本支出 201 人员经费 1", "基本支出 201 公用经费 1 其他 2", "基本支出 人员经费 1 公用经费 1"] {
      #expect(throws: (any Error).self, "\(bad)") { try Self.workbook(bad) }
    }
    let wb = try Self.workbook()
    let script = wb.exportScript()
    #expect(script.contains("基本支出 201 人员经费 40") && script.contains("基本支出 208 人员经费 20"))
    // The export runs back into the same facts; 删除 takes the 类.
    let again = try Self.workbook(script)
    #expect(again.exportScript() == script)
    _ = try wb.apply(TestSupport.lines("删除 基本支出 208"), source: .script)
    #expect(wb.check().contains { $0.rule == "basic-split.missing" && $0.row == "208" })
  }

  @Test func columnsOfTheSummaryTableNeedItsRowsAndKnownWords() throws {
    #expect(throws: FormsLibrary.LoadError.self) { try Self.forms(columns: "[[基本支出, 项目支出], [人员], [公用经费], [项目支出]]").edition("test-split") }
    #expect(throws: FormsLibrary.LoadError.self) { try Self.forms(rows: false).edition("test-split") }
    #expect(try Self.forms().edition("test-split").table(.t1)?.columns?.count == 4)
  }
}
