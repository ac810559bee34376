import Foundation
import Testing
@testable import Renderers
@testable import Workbench
@testable import YusuanCore

/// How an edition lays its tables and figures out, as data: codes in 类/款/项 columns (`code_columns`), the unit
/// at the right end of the 编制部门 line (`units.preparer`), whole prose figures without zero decimals
/// (`drop_zero_decimals`). The Anhui editions set none of them and print as before (the goldens).
struct EditionLayoutTests {
  /// The demo compiled under a copy of anhui-2024 edited by `edit`, with `headers` as the copy's own tables.yaml.
  static func demo(headers: String = "", _ edit: (String) -> String) throws -> PublishedDocument {
    let forms = try TestSupport.formsCopy(edit)
    if !headers.isEmpty { try headers.write(to: forms.root.appendingPathComponent("editions/test-unit/tables.yaml"), atomically: true, encoding: .utf8) }
    return try EditionUnitTests.demo(forms, edition: "test-unit")
  }

  static let splitHeaders = """
    T5:
      - [{text: "功能分类科目编码", cols: 3}, {text: "功能分类科目名称", rows: 2}, {text: "合计", rows: 2}, {text: "基本支出", rows: 2}, {text: "项目支出", rows: 2}]
      - ["类", "款", "项"]
    T6:
      - [{text: "经济分类科目编码", cols: 2}, {text: "经济分类科目名称", rows: 2}, {text: "合计", rows: 2}, {text: "人员经费", rows: 2}, {text: "公用经费", rows: 2}]
      - ["类", "款"]
    """

  @Test func codesPrintInClassColumnsWhenTheEditionSaysSo() throws {
    let plain = try EditionUnitTests.demo(TestSupport.forms, edition: "anhui-2024")
    let split = try Self.demo(headers: Self.splitHeaders) {
      $0.replacingOccurrences(of: "name: \"一般公共预算支出表\" }", with: "name: \"一般公共预算支出表\", code_columns: 3 }")
        .replacingOccurrences(of: "name: \"一般公共预算基本支出表\" }", with: "name: \"一般公共预算基本支出表\", code_columns: 2 }")
    }
    let t5 = try #require(split.tables.first { $0.id == "T5" }), p5 = try #require(plain.tables.first { $0.id == "T5" })
    #expect(t5.columns.count == p5.columns.count + 2 && t5.columns.prefix(3).allSatisfy { $0.kind == .code })
    #expect(t5.rows.count == p5.rows.count)
    for (s, p) in zip(t5.rows, p5.rows) {
      // The figures and names are the same; only the code is cut 3 + 2 + 2.
      #expect(Array(s.cells.dropFirst(3)).dropFirst() == Array(p.cells.dropFirst(1)).dropFirst() || p.kind == .total)
      guard case .text(let code) = p.cells[0], code.allSatisfy(\.isNumber) else { continue }
      let pieces = s.cells.prefix(3).map { if case .text(let t) = $0 { t } else { "" } }
      #expect(pieces.joined() == code)
      #expect(pieces[0].count == 3 && pieces.dropFirst().allSatisfy { $0.isEmpty || $0.count == 2 })
    }
    // 2010301 → 201 | 03 | 01; the 合计 label moves to the name column.
    #expect(t5.rows.contains { $0.cells.prefix(4) == [.text("201"), .text("03"), .text("01"), .text("行政运行")] })
    let total = try #require(t5.rows.last)
    #expect(total.kind == .total && total.cells.prefix(4) == [.blank, .blank, .blank, .text("合计")])
    let t6 = try #require(split.tables.first { $0.id == "T6" })
    #expect(t6.columns.count == 6 && t6.rows.contains { $0.cells.prefix(3) == [.text("301"), .text("01"), .text("基本工资")] })
    // Every format renders it (the header covers the five or six columns).
    for format in OutputFormat.allCases { #expect(try !format.render(split).isEmpty) }
    // A wrong count does not load.
    let bad = try TestSupport.formsCopy { $0.replacingOccurrences(of: "name: \"一般公共预算支出表\" }", with: "name: \"一般公共预算支出表\", code_columns: 4 }") }
    #expect(throws: FormsLibrary.LoadError.self) { try bad.edition("test-unit") }
  }

  @Test func unitPrintsAtTheEndOfThePreparerLine() throws {
    let doc = try Self.demo { $0.replacingOccurrences(of: "  label: \"单位：{单位}\"", with: "  label: \"单位：{单位}\"\n  preparer: \"编制部门：{部门}\"") }
    let t1 = try #require(doc.tables.first { $0.id == "T1" })
    #expect(t1.preparer == "编制部门：示例区政府办公室（示例）" && t1.unit == "单位：万元")
    let md = String(decoding: try OutputFormat.md.render(doc), as: UTF8.self)
    #expect(md.contains("编制部门：示例区政府办公室（示例）　　　　单位：万元"))
    let html = String(decoding: try OutputFormat.html.render(doc), as: UTF8.self)
    #expect(html.contains("<span>编制部门：示例区政府办公室（示例）</span><span>单位：万元</span>"))
    let json = String(decoding: try OutputFormat.json.render(doc), as: UTF8.self)
    #expect(json.contains("\"preparer\" : \"编制部门：示例区政府办公室（示例）\""))
    // Word: one paragraph, 编制部门 then a tab to the right margin, then the unit.
    let docx = try #require(try RendererTests.entries(OutputFormat.docx.render(doc))["word/document.xml"])
    #expect(docx.contains("编制部门：示例区政府办公室（示例）</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space=\"preserve\">单位：万元"))
    // Without the key, no preparer anywhere.
    let plain = try EditionUnitTests.demo(TestSupport.forms, edition: "anhui-2024")
    #expect(plain.tables.allSatisfy { $0.preparer == nil })
  }

  @Test func wholeProseFiguresDropTheirZeroDecimals() throws {
    let f = MoneyFormat(unit: .wan, decimals: 2, grouping: true, dropZeroDecimals: true)
    #expect(f.text(Amount(wanCents: 461_400)) == "4,614")
    #expect(f.text(.zero) == "0")
    #expect(f.text(Amount(wanCents: 86_750)) == "867.50")
    #expect(f.text(Amount(wanCents: 120_295)) == "1,202.95")
    #expect(f.text(Amount(fen: 12_029_501_84)) == "1,202.95")
    #expect(f.text(Amount(wanCents: -500)) == "-5")
    let doc = try Self.demo { $0.replacingOccurrences(of: "prose: { unit: \"万元\", decimals: 2, grouping: false }",
                                                      with: "prose: { unit: \"万元\", decimals: 2, grouping: false, drop_zero_decimals: true }") }
    let plain = try EditionUnitTests.demo(TestSupport.forms, edition: "anhui-2024")
    func text(_ d: PublishedDocument) -> String { d.parts.flatMap(\.blocks).compactMap { if case .paragraph(let p) = $0 { p } else { nil } }.joined(separator: "\n") }
    // The demo's 50.00万元 prints as 50万元, 0.00万元 as 0万元; its tables keep their decimals.
    #expect(text(plain).contains("50.00万元") && !text(doc).contains("50.00万元") && text(doc).contains("50万元"))
    #expect(text(plain).contains("0.00万元") && !text(doc).contains("0.00万元"))
    // (The 绩效目标表 prints its amounts as prose does.)
    #expect(doc.tables.filter { $0.id != "T14" }.elementsEqual(plain.tables.filter { $0.id != "T14" }))
  }
}
