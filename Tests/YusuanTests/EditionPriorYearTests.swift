import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// What the prior-year column means is the edition's (`prior_year:`): the change wording, the 三公 table's row
/// and any header naming the prior year follow it, so an edition comparing with 上年执行数 never says 上年预算.
struct EditionPriorYearTests {
  @Test func executionEditionComparesWithExecutionEverywhere() throws {
    let forms = try TestSupport.formsCopy { $0.replacingOccurrences(of: "prior_year: \"预算\"", with: "prior_year: \"执行数\"") }
    // A header naming the year and the basis, to show headers read it too.
    let own = forms.root.appendingPathComponent("editions/test-unit/tables.yaml")
    try """
    T1:
      - [{text: "收　　入", cols: 2}, {text: "支　　出", cols: 2}]
      - ["项目", "{年度}年预算数", "项目", "比{上年}年{上年口径}"]
    """.write(to: own, atomically: true, encoding: .utf8)
    #expect(try forms.edition("test-unit").priorYear == .execution)
    let doc = try EditionUnitTests.demo(forms, edition: "test-unit")
    let text = Compiler.text(of: doc.parts)
    #expect(text.contains("比2024年执行数增加") || text.contains("比2024年执行数减少"))
    #expect(text.contains("与2024年执行数持平"))
    #expect(!text.contains("2024年预算"), "a prior-year figure called 预算 in an edition comparing with 执行数")
    let t7 = try #require(doc.tables.first { $0.id == "T7" })
    #expect(t7.rows.map { t7.text($0.cells[0]) } == ["2025年预算", "2024年执行数", "增减"])
    let t1 = try #require(doc.tables.first { $0.id == "T1" })
    #expect(t1.header[1].map(\.text) == ["项目", "2025年预算数", "项目", "比2024年执行数"])
  }

  @Test func budgetEditionsKeepTheirWording() throws {
    let doc = try EditionUnitTests.demo(TestSupport.forms, edition: "anhui-2024")
    let t7 = try #require(doc.tables.first { $0.id == "T7" })
    #expect(t7.rows.map { t7.text($0.cells[0]) } == ["2025年预算", "2024年预算", "增减"])
    #expect(Compiler.text(of: doc.parts).contains("与2024年预算持平"))
    for id in TestSupport.forms.editionIDs { #expect(try TestSupport.forms.edition(id).priorYear == .budget, "\(id)") }
  }

  @Test func anUnknownBasisIsRefused() throws {
    let forms = try TestSupport.formsCopy { $0.replacingOccurrences(of: "prior_year: \"预算\"", with: "prior_year: \"决算\"") }
    #expect(throws: FormsLibrary.LoadError.self) { try forms.edition("test-unit") }
  }
}
