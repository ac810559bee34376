import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// `new --from`: a new year from last year's workbook; the compiled prose compares with last year correctly.
struct CarryOverTests {
  @Test func newYearFrom2024ComparesWith2024() throws {
    let prior = try ExampleTests.workbook("dujiqu-2024", department: "杜集区政府办", year: 2024, edition: "anhui-2024")
    let wb = try Workbench.create(path: TestSupport.tempPath("2025"), department: "杜集区政府办", year: 2025, editionID: "anhui-2024", forms: TestSupport.forms)
    let summary = try wb.carryOver(from: prior.store.path)
    // Each section says what it carried, in document order.
    #expect(summary == "职责13条、单位1个、任务4条、收入1项、支出12行、经济分类0款、项目1个（待确认）、“三公”0项、车辆2类、机关运行经费；2024年的金额已记为上年数，本年数待录入。", "\(summary)")
    #expect(wb.facts.duties.count == 13)
    let line = try #require(wb.facts.expenditures.first { $0.code == "2010301" })
    #expect(line.amount == .zero)
    #expect(line.prior == Amount(wanCents: 21289))
    #expect(wb.facts.projects.allSatisfy { $0.carried == true && $0.prior != nil })
    #expect(wb.facts.reasons.isEmpty)
    #expect(wb.facts.declared.isEmpty)
    #expect(wb.check().contains { $0.rule == "project.carried" })
    // A few entries for 2025, without retyping last year's figures.
    try wb.apply(
      TestSupport.lines(
        """
        支出 2010301 基本 220.00 原因 "新增编制人员"
        支出 2101103 基本 5.45
        支出 2210202 基本 0
        支出 2010305 项目 6.60
        """), source: .script)
    let text = Compiler.text(of: try wb.compile(draft: true).parts)
    #expect(text.contains("行政运行（项）2025年预算220.00万元，比2024年预算增加7.11万元，增长3.34%，增长原因主要是新增编制人员"))
    #expect(text.contains("公务员医疗补助（项）2025年预算5.45万元，与2024年预算持平"))
    #expect(text.contains("提租补贴（项）2025年预算0.00万元，比2024年预算减少9.13万元，下降100.00%"))
    #expect(text.contains("专项业务及机关事务管理（项）2025年预算6.60万元，比2024年预算增加0.60万元，增长10.00%"))
    // The journal says where the carried facts came from.
    let first = try #require(try wb.store.journal().first)
    #expect(first.source == .import)
    #expect(first.command.contains(prior.store.path))
  }

  @Test func refusesAPriorThatIsNotEarlier() throws {
    let a = try TestSupport.workbook("职责 \"甲\"", year: 2025)
    let b = try TestSupport.workbook("", year: 2025)
    #expect(throws: CarryOverError.self) { try b.carryOver(from: a.store.path) }
  }
}
