import Foundation
import Testing
@testable import Renderers
@testable import Workbench
@testable import YusuanCore

/// Issue 11 (4–7): the printed layout a finance bureau would otherwise send back — the 项目支出绩效目标表 in the
/// template's form, bold by cell in 财政拨款收支总表, columns sized by their content, and the pagination (no forced
/// break in 部门概况, landscape page numbers where GB/T 9704 §10.2 puts them, the title broken between words).
@Suite(.serialized)
struct PrintLayoutTests {
  static func demo() throws -> PublishedDocument {
    let e = GoldenTests.examples.first { $0.name == "demo-2025" }!
    let wb = try ExampleTests.workbook(e.name, department: e.department, year: e.year, edition: e.edition)
    return try wb.compile(draft: false)
  }

  static func documentXML(_ doc: PublishedDocument) throws -> String {
    try #require(try RendererTests.entries(DocxRenderer.render(doc))["word/document.xml"])
  }

  /// The `w:tbl` whose text contains `marker`.
  static func table(_ xml: String, containing marker: String) -> String? {
    xml.components(separatedBy: "<w:tbl>").dropFirst().map { $0.components(separatedBy: "</w:tbl>")[0] }.first { $0.contains(marker) }
  }

  // MARK: 4. 项目支出绩效目标表

  @Test func goalTableIsTheTemplateForm() throws {
    let doc = try Self.demo()
    let goals = doc.tables.filter { $0.id == "T14" }
    #expect(goals.count == 2)
    for t in goals {
      // No `项目 | 内容` header: the labels stand at the left of each line.
      #expect(t.header.isEmpty)
      let merges = try #require(t.merges)
      let rows = t.rows.map { $0.cells.map(t.text) }
      // 项目名称 and 年度目标: the value across the four columns to the right.
      for label in ["项目名称", "年度目标"] {
        let r = try #require(rows.firstIndex { $0.first == label })
        #expect(merges.contains(CellMerge(row: r, col: 1, colSpan: 4)), "\(label) spans the row")
        #expect(!t.rows[r].isBold(1) && t.rows[r].isBold(0), "\(label): the label bold, the value entered plain")
      }
      // 项目资金（万元） over its four lines.
      let funds = try #require(rows.firstIndex { $0.first == "项目资金（万元）" })
      #expect(merges.contains(CellMerge(row: funds, col: 0, rowSpan: 4)))
      #expect(rows[funds..<(funds + 4)].map { $0[1] } == ["年度资金总额", "其中：财政拨款", "上年结转", "其他资金"])
      // 一级指标 merged down its group, not repeated on every printed row; indicator rows are not bold.
      let head = try #require(rows.firstIndex { $0 == ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"] })
      #expect(merges.contains { $0.col == 0 && $0.row == head && $0.rowSpan == t.rows.count - head })
      #expect(merges.contains { $0.col == 1 && $0.row > head && $0.rowSpan > 1 && rows[$0.row][1] == "产出指标" })
      #expect(t.rows[(head + 1)...].allSatisfy { r in (0..<5).allSatisfy { !r.isBold($0) } })
    }
    let xml = try Self.documentXML(doc)
    let form = try #require(Self.table(xml, containing: "绩效指标"))
    #expect(form.contains("<w:gridSpan w:val=\"4\"/>") && form.contains("<w:vMerge w:val=\"restart\"/>") && form.contains("<w:vMerge/>"))
    #expect(!form.contains(">内容<"))
    // The 一级指标 产出指标 is printed once per table, not on each of its rows.
    #expect(RendererTests.count(">产出指标<", in: form) == 1)
    // Kept whole on a page: every row but the last keeps with the next.
    let rows = form.components(separatedBy: "<w:tr>").dropFirst()
    #expect(rows.dropLast().allSatisfy { $0.contains("<w:keepNext/>") })
  }

  // MARK: 5. 财政拨款收支总表

  @Test func appropriationTableBoldsBySideAndKeepsItsClassesOnOneLine() throws {
    let doc = try Self.demo()
    let t4 = try #require(doc.tables.first { $0.id == "T4" })
    let row = try #require(t4.rows.first { $0.cells.count > 2 && t4.text($0.cells[2]) == "五、教育支出" })
    #expect(t4.text(row.cells[0]) == "二、上年结转")
    #expect(row.isBold(0) && !row.isBold(2), "二、上年结转 is a total of the 收入 side; 五、教育支出 beside it is not")
    let xml = try Self.documentXML(doc)
    #expect(!xml.contains("<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">五、教育支出"))
    #expect(xml.contains("<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">二、上年结转"))
    #expect(!xml.contains("<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">一、一般公共服务支出"))
    // Every 类 on one line, the table on one portrait page.
    let layout = TableLayout(t4)
    let fit = DocxRenderer.TableFit(layout)
    #expect(!fit.page.landscape)
    let widest = t4.rows.compactMap { $0.cells.count > 2 ? RenderText.ems(t4.text($0.cells[2])) : nil }.max() ?? 0
    #expect(Double(fit.widths[2] - DocxRenderer.TableFit.padding) >= widest * Double(fit.fontSize) * 10)
    #expect(fit.estimatedHeight(layout) <= fit.page.height - fit.page.top - fit.page.bottom)
  }

  // MARK: 6. Columns by content

  @Test func tablesTenToThirteenSizeColumnsByContent() throws {
    let doc = try Self.demo()
    for id in ["T10", "T11", "T12", "T13"] {
      let t = try #require(doc.tables.first { $0.id == id })
      let layout = TableLayout(t)
      let fit = DocxRenderer.TableFit(layout)
      // No name (项目名称, 项目单位 示例区政府办公室（示例）, 采购项目 …) wraps.
      #expect(fit.wrappedLines(layout) == 0, "\(id): names wrap")
      // A figure column is no wider than its figures or its header in two lines need, plus one character.
      for c in 0..<layout.columnCount where layout.columns[c].kind == .amount {
        #expect(fit.widths[c] <= 5 * fit.fontSize * 10 + DocxRenderer.TableFit.padding + fit.fontSize * 10, "\(id) column \(c)")
      }
    }
    let t10 = try #require(doc.tables.first { $0.id == "T10" })
    let fit = DocxRenderer.TableFit(TableLayout(t10))
    // 项目单位 示例区政府办公室（示例） (12 em) on one line, not `示例区政 / 府办公室 / （示例）`.
    #expect(Double(fit.widths[2] - DocxRenderer.TableFit.padding) >= 12 * Double(fit.fontSize) * 10)
  }

  // MARK: 7. Pagination

  @Test func paginationInTheWordFile() throws {
    let doc = try Self.demo()
    let parts = try RendererTests.entries(DocxRenderer.render(doc))
    let xml = try #require(parts["word/document.xml"])
    // The title breaks after the department's name, never inside 部门预算公开.
    #expect(xml.contains("示例区政府办公室（示例）</w:t></w:r><w:r><w:br/></w:r>"))
    // 单位构成 follows its paragraph on the same page (a forced break left page 2 85 % blank).
    let unitsTitle = try #require(xml.range(of: "年度部门预算单位构成"))
    let paragraphStart = try #require(xml[..<unitsTitle.lowerBound].range(of: "<w:p>", options: .backwards))
    #expect(!xml[paragraphStart.lowerBound..<unitsTitle.lowerBound].contains("pageBreakBefore"))
    // The 预算表 still start a page each.
    #expect(xml.contains("<w:pStyle w:val=\"TableLabel\"/><w:pageBreakBefore/></w:pPr><w:r><w:t xml:space=\"preserve\">部门公开表</w:t>"))
    // A landscape section has its own footers: the page number turned, at the sheet's bottom edge.
    let sections = xml.components(separatedBy: "<w:sectPr>").dropFirst().map { $0.components(separatedBy: "</w:sectPr>")[0] }
    #expect(sections.contains { $0.contains("w:orient=\"landscape\"") })
    for s in sections {
      let landscape = s.contains("w:orient=\"landscape\"")
      #expect(s.contains("r:id=\"\(landscape ? "rId7" : "rId4")\"") && s.contains("r:id=\"\(landscape ? "rId8" : "rId6")\""))
    }
    for f in ["word/footer3.xml", "word/footer4.xml"] {
      let footer = try #require(parts[f])
      #expect(footer.contains("<w:textDirection w:val=\"tbRl\"/>") && footer.contains(" PAGE ") && footer.contains("w:horzAnchor=\"page\""))
    }
    #expect(parts["word/_rels/document.xml.rels"]!.contains("footer3.xml") && parts["[Content_Types].xml"]!.contains("/word/footer4.xml"))
  }

  // MARK: 10. The 公文 grid and the table cells

  /// GB/T 9704: 22 lines of 28 characters. Each portrait section declares the line grid; the body's characters are
  /// set 0.25 pt closer so that 28 fit the 156 mm line (27 did before); tables, titles and footers keep off the grid.
  /// Table cells have a top and bottom margin (the figures touched the rules).
  @Test func theWordFileHasTheGridAndPaddedCells() throws {
    let parts = try RendererTests.entries(DocxRenderer.render(try Self.demo()))
    let xml = try #require(parts["word/document.xml"]), styles = try #require(parts["word/styles.xml"])
    let sections = xml.components(separatedBy: "<w:sectPr>").dropFirst().map { $0.components(separatedBy: "</w:sectPr>")[0] }
    for s in sections {
      #expect(s.contains("<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/>") == !s.contains("w:orient=\"landscape\""))
    }
    #expect(28 * (320 + DocxRenderer.bodyCharacterSpacing) <= DocxRenderer.Page.portrait.textWidth, "28 characters fit the line")
    #expect(29 * (320 + DocxRenderer.bodyCharacterSpacing) > DocxRenderer.Page.portrait.textWidth, "and not 29")
    let normal = try #require(styles.components(separatedBy: "<w:style ").first { $0.contains("w:styleId=\"Normal\"") })
    #expect(normal.contains("<w:spacing w:val=\"-5\"/>"))
    for id in ["TableText", "TableTextSmall", "TableTitle", "Title", "Footer"] {
      let style = try #require(styles.components(separatedBy: "<w:style ").first { $0.contains("w:styleId=\"\(id)\"") })
      #expect(style.contains("<w:snapToGrid w:val=\"0\"/>") && style.contains("<w:spacing w:val=\"0\"/>"), "\(id) is off the grid")
    }
    // Every table's cells are padded but 收入总表's: with its eight columns in landscape, the padding is what gives way
    // (TableFit tries each size padded, then not) rather than a name wrapping or the table spilling.
    let tables = xml.components(separatedBy: "<w:tbl>").dropFirst()
    let unpadded = tables.filter { !($0.contains("<w:tblCellMar><w:top w:w=\"20\" w:type=\"dxa\"/>") && $0.contains("<w:bottom w:w=\"20\" w:type=\"dxa\"/>")) }
    #expect(tables.count == 16 && unpadded.count == 1)
    #expect(unpadded.allSatisfy { $0.contains("<w:top w:w=\"0\" w:type=\"dxa\"/>") && $0.contains("上年结转") && $0.contains("国有资本经营预算") })
  }

  /// The printed pages (LibreOffice): the title's lines, 单位构成 on page 2, 财政拨款收支总表 on one page with each 类 on
  /// one line, and the page number of a landscape page at its left edge (the sheet's bottom once turned).
  @Test(
    .enabled(
      if: PDFConverter.findSoffice() != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
      "需要 LibreOffice 与 pdftotext（.ci/run 会安装）"))
  func paginationInThePDF() throws {
    let doc = try Self.demo()
    let dir = URL(fileURLWithPath: TestSupport.tempPath("layout")).deletingLastPathComponent().appendingPathComponent("print-layout")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let docx = try DocxRenderer.write(doc, toDirectory: dir, baseName: "demo")
    let pdf = try PDFConverter.convert(docx: docx, outputDirectory: dir)
    let pages = try RendererTests.pdfText(pdf).components(separatedBy: "\u{0C}")
    let lines = pages[0].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    #expect(lines.prefix(2).map { $0.replacingOccurrences(of: " ", with: "") } == ["示例区政府办公室（示例）", "2025年部门预算公开"])
    #expect(pages[1].contains("部门预算单位构成") && pages[1].contains("部门预算包括"), "单位构成 follows its paragraph on page 2")
    let t4 = try #require(pages.firstIndex { $0.contains("财政拨款收支总表") && $0.contains("部门公开表") })
    #expect(pages[t4].contains("二十四、债务付息支出") && pages[t4].contains("支出总计"), "财政拨款收支总表 on one page")
    #expect(pages[t4].contains("二十一、灾害防治及应急管理支出") && pages[t4].contains("七、文化旅游体育与传媒支出"), "each 类 on one line")
    // Landscape pages: the number at the left edge, not at the landscape bottom.
    let bbox = dir.appendingPathComponent("bbox.html")
    try run("/usr/bin/pdftotext", ["-bbox", pdf.path, bbox.path])
    let html = try String(contentsOf: bbox, encoding: .utf8)
    var landscapePages = 0
    for (i, page) in html.components(separatedBy: "<page ").dropFirst().enumerated() {
      guard let w = Double(page.firstMatch(of: /width="([\d.]+)"/)?.output.1 ?? ""),
        let h = Double(page.firstMatch(of: /height="([\d.]+)"/)?.output.1 ?? ""), w > h
      else { continue }
      landscapePages += 1
      // The number's word (its digits) lies in the left margin strip.
      let words = page.matches(of: /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/)
      let number = words.first { $0.output.5 == "\(i + 1)" }
      let x = try #require(number.flatMap { Double($0.output.1) }, "page \(i + 1): no page number")
      #expect(x < 60, "page \(i + 1): the page number at x = \(x) pt, not at the left edge")
    }
    #expect(landscapePages > 0)
    // 28 characters a line: the longest line of 情况说明 made of Chinese characters only (no figure, no Latin
    // letter, whose widths vary; before the first 绩效目标表, whose cells are smaller) holds 28 of them, never 29 (LibreOffice set 27 before the grid).
    let explanation = try #require(pages.firstIndex { $0.contains("收支总预算") })
    let goalTable = try #require(pages.firstIndex { $0.contains("项目支出绩效目标表") })  // its cells are 10.5 pt
    let prose = pages[explanation..<goalTable].joined(separator: "\n").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let wide = prose.filter { !$0.isEmpty && $0.unicodeScalars.allSatisfy { $0.value >= 0x3000 } }.map(\.count)
    #expect(wide.max() == 28, "longest line of Chinese characters: \(wide.max() ?? 0)")
  }

  func run(_ tool: String, _ args: [String]) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = args
    try p.run()
    p.waitUntilExit()
  }
}
