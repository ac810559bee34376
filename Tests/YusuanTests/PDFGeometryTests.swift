import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
@testable import YusuanCore

/// The PDF table finder's steps, each on geometry written in the test (no PDF, no poppler): SVG rules as
/// LibreOffice and WPS draw them, the lattice grid with merged and blank cells, words cut at a border, hidden text,
/// split code columns, units on the 编制部门 line, figures with thousands separators.
@Suite struct PDFGeometryTests {
  func word(_ t: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> PDFWord {
    PDFWord(text: t, box: Box(x0: x0, y0: y0, x1: x1, y1: y1))
  }

  @Test func svgRulesFromStrokesAndThinRectangles() {
    let svg = """
      <svg><defs><g><symbol id="glyph0-1"><path style="stroke:none;" d="M 0 0 L 5 0 L 5 5 Z"/></symbol></g></defs>
      <pageSet><page>
      <path style="fill:none;stroke-width:0.5;stroke:rgb(0%,0%,0%);" d="M 10 20 L 110 20 " transform="matrix(1,0,0,-1,0,100)"/>
      <path style=" stroke:none;fill-rule:evenodd;fill:rgb(0%,0%,0%);fill-opacity:1;" d="M 10 30 L 10.9 30 L 10.9 90 L 10 90 Z M 10 30 "/>
      <path style=" stroke:none;fill:rgb(100%,100%,100%);" d="M 0 0 L 500 0 L 500 1 L 0 1 Z"/>
      <path style="fill:none;stroke:rgb(0%,0%,0%);" d="M 0 0 C 1 1 2 2 3 3"/>
      <use xlink:href="#glyph0-1" x="12" y="50"/>
      </page><page>
      <path style="fill:none;stroke:rgb(0%,0%,0%);" d="M 5 5 L 5 50 "/>
      </page></pageSet></svg>
      """
    let pages = SVGRulings.pages(Data(svg.utf8))
    #expect(pages.count == 2)
    // The stroke is flipped by its transform (y' = 100 − y); the glyph outline in <defs>, the white fill and the curve are ignored.
    #expect(pages[0].rulings == [Ruling(.horizontal, at: 80, from: 10, to: 110), Ruling(.vertical, at: 10.45, from: 30, to: 90)])
    #expect(pages[0].glyphs.count == 1 && pages[0].glyphs[0].x == 12)
    #expect(pages[1].rulings == [Ruling(.vertical, at: 5, from: 5, to: 50)])
  }

  /// A 3-column table: a header cell merged over two columns, a blank cell, and a name wrapped over two lines.
  @Test func latticeKeepsBlanksMergesSpansAndJoinsWrappedNames() {
    let h = [0.0, 20, 40, 60].map { Ruling(.horizontal, at: $0, from: 0, to: 300) }
    let v = [
      Ruling(.vertical, at: 0, from: 0, to: 60), Ruling(.vertical, at: 300, from: 0, to: 60),
      // The border between columns 2 and 3 stops below the header: 支出预算 spans both.
      Ruling(.vertical, at: 100, from: 0, to: 60), Ruling(.vertical, at: 200, from: 20, to: 60),
    ]
    let words = [
      word("项目", 10, 5, 40, 15), word("支出预算", 150, 5, 200, 15),
      word("其他政府办公厅（室）及", 5, 22, 95, 29), word("相关机构事务支出", 5, 30, 80, 38), word("20,120,000.00", 210, 25, 290, 35),
      word("行政运行", 5, 45, 50, 55), word("110,000.00", 120, 45, 190, 55),
    ]
    let tables = LatticeFinder.tables(h + v, words: words)
    #expect(tables.count == 1)
    let rows = PDFBlocks.gridRows(tables[0]).map(\.cells)
    #expect(rows == [["项目", "支出预算", ""], ["其他政府办公厅（室）及相关机构事务支出", "", "20,120,000.00"], ["行政运行", "110,000.00", ""]])
  }

  @Test func aWordRunningAcrossABorderIsCutThere() {
    let h = [0.0, 20].map { Ruling(.horizontal, at: $0, from: 0, to: 200) }
    let v = [0.0, 100, 200].map { Ruling(.vertical, at: $0, from: 0, to: 20) }
    // Two figures printed without a gap: 10 characters of equal width, the border after the 5th.
    let words = [word("12.3445.60", 50, 5, 150, 15)]
    let rows = PDFBlocks.gridRows(LatticeFinder.tables(h + v, words: words)[0]).map(\.cells)
    #expect(rows == [["12.34", "45.60"]])
  }

  @Test func clippedTextIsHidden() {
    let shown = (0..<4).map { word("应急机制\($0)", 58, 97 + 15 * Double($0), 120, 109 + 15 * Double($0)) }
    let clipped = word("导本区相关企业", 58, 469, 200, 481)
    let glyphs = (0..<4).map { (x: 58.4, y: 107 + 15 * Double($0)) }
    #expect(Visibility.hidden(shown + [clipped], glyphs: glyphs) == [clipped])
    #expect(Visibility.hidden(shown, glyphs: []).isEmpty, "no painted glyphs at all: nothing can be judged hidden")
    // Most of a page unmatched: the drawing is in another frame (a reframed landscape page), so nothing is hidden.
    #expect(Visibility.hidden(shown + [clipped], glyphs: [(x: 500, y: 50)]).isEmpty)
  }

  @Test func bboxLayoutPagesAndEscapedWords() {
    let html = """
      <doc><page width="842.000000" height="595.000000"><flow><block><line>
      <word xMin="61.5" yMin="106.7" xMax="277.5" yMax="118.7">编制部门：上海市普陀区人民政府办公室</word>
      <word xMin="731.5" yMin="106.7" xMax="779.5" yMax="118.7">单位：元</word></line></block></flow></page>
      <page width="595" height="842"><word xMin="1" yMin="2" xMax="3" yMax="4">A&amp;B&lt;</word></page></doc>
      """
    let pages = BBoxLayout.pages(Data(html.utf8))
    #expect(pages.count == 2 && pages[0].width == 842 && pages[1].height == 842)
    #expect(pages[0].words.map(\.text) == ["编制部门：上海市普陀区人民政府办公室", "单位：元"])
    #expect(pages[1].words[0].text == "A&B<")
  }

  @Test func splitCodeColumnsAreJoined() {
    let headers = [["项目", "", "", "", "支出预算"], ["功能分类科目编码", "", "", "功能分类科目名称", "合计"], ["类", "款", "项", "", ""]]
    let body = [["201", "", "", "一般公共服务支出", "1.00"], ["201", "03", "01", "行政运行", "1.00"], ["合计", "", "", "", "1.00"]]
    let split = SplitCodes.find(headers: headers, body: body)
    #expect(split?.count == 3)
    #expect(body.map { split!.join($0) } == [["201", "一般公共服务支出", "1.00"], ["2010301", "行政运行", "1.00"], ["", "合计", "1.00"]])
    #expect(split!.joinHeader(headers[2]) == ["科目编码", "", ""])
    // Letters under 款 are not codes: the columns stay apart.
    #expect(SplitCodes.find(headers: headers, body: [["201", "甲", "", "x", "1"]]) == nil)
  }

  /// A table continued from a page that could not be read arrives without its 类/款/项 header: its body alone shows
  /// the split codes (a 3-digit 类, 2-digit 款 and 项 or blanks, then a name). Bodies that only resemble it stay.
  @Test func splitCodeColumnsAreFoundFromTheBodyAlone() {
    let body = [
      ["", "", "", "", "", ""], ["210", "", "", "卫生健康支出", "1,097,073.43", "1,097,073.43"],
      ["210", "11", "", "行政事业单位医疗", "1,097,073.43", "1,097,073.43"], ["210", "11", "01", "行政单位医疗", "782,855.28", "782,855.28"],
      ["合计", "", "", "", "91,016,775.35", "91,016,775.35"],
    ]
    let split = SplitCodes.find(headers: [], body: body)
    #expect(split?.start == 0 && split?.count == 3)
    #expect(split.map { body.map($0.join) }?[3] == ["2101101", "行政单位医疗", "782,855.28", "782,855.28"])
    // 经济分类 in 类/款: two columns.
    let economic = [["301", "", "工资福利支出", "5.00"], ["301", "01", "基本工资", "3.00"], ["301", "02", "津贴补贴", "2.00"]]
    #expect(SplitCodes.find(headers: [], body: economic)?.count == 2)
    // One 款 only, figures where the name should be, a 4-digit first cell, a 款 without its 类: not split codes.
    #expect(SplitCodes.find(headers: [], body: [["201", "", "", "一般公共服务支出", "1"], ["201", "03", "", "政府办公厅", "1"], ["合计", "", "", "", "2"]]) == nil)
    #expect(SplitCodes.find(headers: [], body: [["101", "12", "1,000.00", "2"], ["102", "15", "3.00", "1"], ["103", "20", "4.00", "5"]]) == nil)
    #expect(SplitCodes.find(headers: [], body: [["2010", "03", "x", "1"], ["2011", "04", "y", "1"], ["2012", "05", "z", "1"]]) == nil)
    #expect(SplitCodes.find(headers: [], body: [["201", "03", "", "a", "1"], ["", "04", "", "b", "1"], ["201", "05", "", "c", "1"]]) == nil)
  }

  @Test func unitsOnTheTitleBlockLine() {
    #expect(Heuristics.unit("编制部门：上海市普陀区人民政府办公室    单位：元") == .yuan)
    #expect(Heuristics.unit("单位:万元") == .wan)
    #expect(Heuristics.unit("金额单位：千元") == .qian)
    #expect(Heuristics.unit("本表单位：元，是按照规定编制") == nil)
    if case .success(let a) = AmountParser.parse("1.5", defaultUnit: .qian) { #expect(a == Amount(fen: 150_000)) } else { Issue.record("千元 not read") }
  }

  @Test func proseFiguresKeepTheirThousands() {
    let p = AuditParagraph(
      index: 1, line: 1, text: "收入预算9,101.68万元，比2024年预算减少2,389.52万元；其中：事业收入0万元。", part: nil, section: nil, subsection: nil, isHeading: false)
    let s = ProseScanner.scan(p)
    #expect(s.amounts.map(\.amount) == [Amount(wanCents: 910_168), Amount(wanCents: 238_952), .zero])
    #expect(s.changes.first?.delta == Amount(wanCents: 238_952))
  }

  @Test func aHugePrintedPercentIsNotAPercent() {
    #expect(PrintedPercent(String(repeating: "9", count: 40) + ".5%") == nil)
    #expect(PrintedPercent("12.50%")?.scaled == 1250)
  }

  /// pdftocairo runs on chunks of same-size pages (its multi-page SVG reframes a landscape page among portrait ones),
  /// split so two processes share the work.
  @Test func drawingChunksKeepPageSizesApart() {
    let portrait = (595.3, 841.9), landscape = (841.9, 595.3)
    let sizes = Array(repeating: portrait, count: 3) + [landscape, landscape] + Array(repeating: portrait, count: 12)
    let chunks = Poppler.chunks(sizes, processes: 2)
    #expect(chunks == [1...3, 4...5, 6...14, 15...17])
    #expect(Poppler.chunks([portrait], processes: 2) == [1...1])
  }

  /// `pdfinfo` names each page's /Rotate; a turn is read as degrees 0…359.
  @Test func pageRotationsAreReadFromPdfinfo() {
    let listing = "Producer:        pypdf\nPage    1 size: 595 x 842 pts (A4)\nPage    1 rot:  0\nPage   10 rot:  90\nPage   11 rot:  -90\nPages:  22\n"
    #expect(Poppler.pageRotations(listing).map { [$0.page, $0.degrees] } == [[1, 0], [10, 90], [11, 270]])
  }

  /// Turning a frame a quarter clockwise: its top-left corner goes to the top-right, and back after three more.
  @Test func quarterTurnsMoveBoxesAndRules() {
    let turn = QuarterTurn(clockwise: 1, width: 600, height: 800)
    #expect(turn.turnedSize == (800, 600))
    #expect(turn.box(Box(x0: 0, y0: 0, x1: 100, y1: 10)) == Box(x0: 790, y0: 0, x1: 800, y1: 100))
    let back = QuarterTurn(clockwise: 3, width: 800, height: 600)
    #expect(back.box(turn.box(Box(x0: 20, y0: 30, x1: 120, y1: 45))) == Box(x0: 20, y0: 30, x1: 120, y1: 45))
    let rule = turn.ruling(Ruling(.horizontal, at: 50, from: 10, to: 300))
    #expect(rule == Ruling(.vertical, at: 750, from: 10, to: 300))
  }

  /// A page of thousands of strokes (a chart) is no table, and is given up at once.
  @Test func aDrawingIsNotATable() {
    let h = (0..<900).map { Ruling(.horizontal, at: Double($0) * 4, from: 0, to: 500) }
    let v = (0..<900).map { Ruling(.vertical, at: Double($0) * 4, from: 0, to: 3600) }
    let clock = ContinuousClock()
    let elapsed = clock.measure { #expect(LatticeFinder.tables(h + v, words: []).isEmpty) }
    #expect(elapsed < .seconds(2), "\(elapsed)")
  }
}
