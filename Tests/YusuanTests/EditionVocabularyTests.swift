import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// Words that differ between editions are the edition's: fund names (`funds:`), the kind of document and level
/// (`kind:`, `level:`), fixed row labels, list items, heading numbering and empty-table wording (prose.yaml).
struct EditionVocabularyTests {
  @Test func fundNamesKindAndRowLabelsComeFromTheEdition() throws {
    let forms = try TestSupport.formsCopy {
      $0.replacingOccurrences(of: "revenue: \"单位资金收入\"", with: "revenue: \"其他收入\"")
        .replacingOccurrences(of: "appropriation: \"一般公共预算拨款\"", with: "appropriation: \"一般公共预算资金\"")
        .replacingOccurrences(of: "kind: \"部门预算\"", with: "kind: \"单位预算\"")
    }
    let prose = forms.root.appendingPathComponent("editions/test-unit/prose.yaml")
    var text = try String(contentsOf: prose, encoding: .utf8)
    for (a, b) in [
      ("table.total: \"合计\"", "table.total: \"总　计\""), ("heading.sub: \"（{中文序号}）{标题}\"", "heading.sub: \"{序号}. {标题}\""),
      ("t1.row.income-grand-total: \"收入总计\"", "t1.row.income-grand-total: \"收 入 总 计\""),
      ("document.title: \"{部门}{年度}年{文件类型}公开\"", "document.title: \"{部门}{年度}年{预算层级}{文件类型}公开\""),
    ] {
      #expect(text.contains(a), "prose.yaml lacks \(a)")
      text = text.replacingOccurrences(of: a, with: b)
    }
    try text.write(to: prose, atomically: true, encoding: .utf8)
    let doc = try EditionUnitTests.demo(forms, edition: "test-unit")
    #expect(doc.title == "示例区政府办公室（示例）2025年区级单位预算公开")
    #expect(doc.parts[1].title == "第二部分 2025年单位预算表")
    let t1 = try #require(doc.tables.first { $0.id == "T1" })
    let t1Labels = t1.rows.map { t1.text($0.cells[0]) }
    #expect(t1Labels.contains("五、其他收入") && t1Labels.contains("收 入 总 计"))
    let t4 = try #require(doc.tables.first { $0.id == "T4" })
    #expect(t4.rows.map { t4.text($0.cells[0]) }.contains("　　一般公共预算资金"))
    let t5 = try #require(doc.tables.first { $0.id == "T5" })
    #expect(t5.rows.last.map { t5.text($0.cells[0]) } == "总　计")
    #expect(doc.parts[2].blocks.contains { if case .heading(2, let t) = $0 { t == "1. 项目及绩效目标情况" } else { false } })
  }

  /// A finding about a fund's 收入 line names the line as the edition prints it.
  @Test func findingsNameTheEditionsRevenueLine() throws {
    let wb = try TestSupport.workbook("收入 一般公共预算 10\n支出 2010301 基本 12")
    let d = try #require(wb.check().first { $0.rule == "cross.revenue-expenditure" && $0.row != "收入总计" })
    #expect(d.row == wb.edition.names(of: .general).revenue)
    #expect(d.row == "一般公共预算拨款收入")
  }

  @Test func anEditionMissingAFundIsRefused() throws {
    let forms = try TestSupport.formsCopy {
      $0.replacingOccurrences(of: "  单位资金: { name: \"单位资金\", revenue: \"单位资金收入\", appropriation: \"单位资金\" }\n", with: "")
    }
    do {
      _ = try forms.edition("test-unit")
      Issue.record("an edition without 单位资金 was accepted")
    } catch {
      #expect("\(error)".contains("单位资金"))
    }
  }
}
