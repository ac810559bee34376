import Foundation
import Testing
@testable import Import
@testable import Reading
@testable import Workbench
@testable import YusuanCore

/// 核对 compares a printed figure with the cell of the table as its section prints it (`PrintedTables`), not with a
/// second derivation of its own; and `import` reads each table through the section that owns it (issue 13 item 4).
struct PrintedFigureTests {
  /// A department that spends 单位资金 beside its 一般公共预算.
  static let withUnitFunds = try! RuleScript.edit([
    .replace("收入 一般公共预算", with: ["收入 一般公共预算 100 上年 100", "收入 单位资金 5 上年 5"]),
    .replace("支出 2010301", with: ["支出 2010301 基本 60 上年 60", "支出 2010301 基本 5 来源 单位资金 上年 5"]),
  ])

  static func findings(_ lines: String...) throws -> [Diagnostic] {
    try TestSupport.workbook(withUnitFunds + "\n" + lines.joined(separator: "\n")).check().filter { $0.plugin == "crosscheck" }
  }

  /// The 财政拨款收支总表 (T4) prints the appropriations only: its 合计 is 100, not the 105 of all funds (which the
  /// crosscheck's own derivation used to say).
  @Test func theAppropriationTableTotalIsTheAppropriations() throws {
    #expect(try Self.findings("核对 T4 合计 合计 100 一般公共预算 100", "核对 T4 201 合计 100", "核对 T3 合计 合计 105").isEmpty)
    let wrong = try Self.findings("核对 T4 合计 合计 105")
    #expect(wrong.map(\.rule) == ["sum.declared"])
    #expect(wrong.first?.expected == "100.00")
  }

  /// Rows and columns as a 核对 line names them: a code the table does not list holds nothing; a row that names a
  /// column is that column of the total row; 上年 is last year's figure the prose states; 三公 items by year.
  @Test func rowsAndColumnsAsTyped() throws {
    #expect(
      try Self.findings(
        "核对 T5 208 合计 0",  // a 类 the department does not spend under
        "核对 T3 项目支出 合计 40 上年 40",  // the 项目支出 column of the total row
        "核对 T6 人员经费 合计 50",
        "核对 T6 基本支出 合计 60",
        "核对 T1 支出总计 合计 105",
        "核对 T7 公务接待费 合计 2 上年 2",
        "核对 T7 合计 合计 2",
        "核对 T10 调研活动经费 合计 40",
        "核对 T14 合计 合计 40"
      ).isEmpty)
    // A table printed empty (本表无数据) holds zero in every column it has.
    let empty = try TestSupport.workbook(try RuleScript.edit([.drop("经济")]) + "\n核对 T6 合计 合计 60\n核对 T6 人员经费 合计 50").check().filter { $0.plugin == "crosscheck" }
    #expect(empty.map(\.rule) == ["sum.declared", "sum.declared"])
    #expect(empty.map(\.expected) == ["0.00", "0.00"])
    // A row no table prints, a column the table does not have: said so, not compared with zero.
    let unresolved = try Self.findings("核对 T5 某某 合计 1", "核对 T5 合计 单位资金 5")
    #expect(unresolved.map(\.rule) == ["declared.unresolved", "declared.unresolved"])
  }

  /// The figures are the printed cells: a table whose section prints something else is what is compared with.
  @Test func theSectionsTablesAreWhatIsRead() throws {
    let printed = PrintedTables { id in
      id != .t11
        ? []
        : [
          DocTable(
            id: "T11", label: nil, title: "政府采购支出表", unit: "", money: MoneyFormat(unit: .wan, decimals: 2, grouping: false), header: [],
            columns: [Column(.text, width: 1), Column(.amount, width: 1, key: Column.total)],
            rows: [TableRow(kind: .total, cells: [.text("合计"), .amount(Amount(wanCents: 1234))], key: TableRow.totalKey)])
        ]
    }
    #expect(try printed.figure(.t11, row: "合计", column: "合计") == Amount(wanCents: 1234))
    #expect(try printed.figure(.t11, row: "合计", column: "一般公共预算") == nil)
    #expect(try printed.figure(.t12, row: "合计", column: "合计") == nil)
  }

  /// A section that records which of its tables are asked for.
  struct Spy: SectionPlugin {
    final class Asked: @unchecked Sendable { var ids: [TableID] = [], all = 0 }
    let asked = Asked()
    let id = "spy"
    let title = "记录"
    var commands: [EntryCommand] { [] }
    func tables(_ c: CompileContext) throws -> [DocTable] { asked.all += 1; return [] }
    func tables(_ id: TableID, _ c: CompileContext) throws -> [DocTable] { asked.ids.append(id); return [] }
  }

  /// A check builds only the tables its 核对 lines name, each once (the REPL checks after every entry).
  @Test func onlyTheTablesComparedWithAreBuilt() throws {
    let spy = Spy()
    let wb = try TestSupport.workbook(TestSupport.consistent)
    let printed = Workbench.printedTables(wb.view, forms: TestSupport.forms, sections: SectionRegistry(SectionRegistry.standard.plugins + [spy]))
    #expect(try printed.figure(.t3, row: "合计", column: "合计") == Amount(wanCents: 10000))
    #expect(try printed.figure(.t3, row: "201", column: "基本支出") == Amount(wanCents: 6000))
    #expect(spy.asked.ids == [.t3])
    #expect(spy.asked.all == 0)
    // A check without 核对 builds none.
    let quiet = Spy()
    let plain = try Workbench.create(
      path: TestSupport.tempPath(), department: "示例办", year: 2025, editionID: "anhui-2024", forms: TestSupport.forms,
      sections: SectionRegistry(SectionRegistry.standard.plugins + [quiet]))
    try plain.apply(TestSupport.lines(TestSupport.consistent), source: .script)
    #expect(plain.check().isEmpty)
    #expect(quiet.asked.ids.isEmpty && quiet.asked.all == 0)
  }

  /// The 三公 table is read by the 三公 section: without it in the registry, the table's figures are not imported
  /// and each is listed.
  @Test func eachTableIsReadByItsSection() throws {
    // The demo department as published (its 三公 table has figures), read back.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-printed-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = try TestSupport.demoWorkbook().publish(to: dir, formats: [.docx], draft: true)
    let doc = try DocumentReader.read(url: try #require(report.written.first))
    let standard = ImportMapping.lines(doc, mode: .current)
    #expect(standard.lines.contains { $0.text.hasPrefix("三公 公务接待费 ") })
    let without = SectionRegistry(SectionRegistry.standard.plugins.filter { $0.id != "three-public" })
    let mapped = ImportMapping.lines(doc, mode: .current, sections: without)
    #expect(!mapped.lines.contains { $0.text.hasPrefix("三公 ") })
    #expect(mapped.unplaced.contains { $0.contains("三公") && $0.hasSuffix("此表暂不能导入为事实") })
    #expect(mapped.figures.total == standard.figures.total)
  }
}
