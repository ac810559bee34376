import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import Renderers
import YusuanCore

/// The renderers on a small hand-made document: a 一般公共预算支出表 with a merged two-row header and
/// 类/款/项 rows, an empty table with its note, a project table with a formula-looking name, and prose
/// with characters every format must escape.
@Suite("RendererTests")
struct RendererTests {
  static let nasty = #"负责"三公"经费<管理>&'监督'事项。"#
  static let injection = "=cmd|' /C calc'!A0"

  static func amount(_ s: String) -> Cell {
    let parts = s.split(separator: ".")
    let cents = Int64(parts[0])! * 100 + Int64(parts[1])!
    return .amount(Amount(wanCents: cents))
  }

  static let wan2 = MoneyFormat(unit: .wan, decimals: 2, grouping: false)

  static let expenditureHeader: [[HeaderCell]] = [
    [HeaderCell("科目编码", rowSpan: 2), HeaderCell("科目名称", rowSpan: 2), HeaderCell("本年预算", colSpan: 3)],
    [HeaderCell("合计"), HeaderCell("基本支出"), HeaderCell("项目支出")],
  ]
  static let expenditureColumns = [
    Column(.code, width: 10), Column(.text, width: 24), Column(.amount, width: 10), Column(.amount, width: 10), Column(.amount, width: 10),
  ]

  static func document(draft: Bool = true) -> PublishedDocument {
    let t5 = DocTable(
      id: "T5", label: "部门公开表5", title: "示例区政府办2024年一般公共预算支出表", unit: "单位：万元", money: Self.wan2,
      header: expenditureHeader, columns: expenditureColumns,
      rows: [
        TableRow(kind: .subtotal, level: 0, cells: [.text("201"), .text("一般公共服务支出"), amount("612.42"), amount("344.76"), amount("267.66")]),
        TableRow(kind: .subtotal, level: 1, cells: [.text("20103"), .text("政府办公厅（室）及相关机构事务"), amount("612.42"), amount("344.76"), amount("267.66")]),
        TableRow(kind: .detail, level: 2, cells: [.text("2010301"), .text("行政运行"), amount("344.76"), amount("344.76"), amount("0.00")]),
        TableRow(kind: .detail, level: 2, cells: [.text("2010302"), .text("一般行政管理事务"), amount("267.66"), .blank, amount("267.66")]),
        TableRow(kind: .total, level: 0, cells: [.blank, .text("合计"), amount("612.42"), amount("344.76"), amount("267.66")]),
      ])
    let t8 = DocTable(
      id: "T8", label: "部门公开表8", title: "示例区政府办2024年政府性基金预算支出表", unit: "单位：万元", money: Self.wan2,
      header: expenditureHeader, columns: expenditureColumns,
      rows: [TableRow(kind: .emptyMarker, cells: [.text("本表无数据")])],
      note: "注：本部门2024年没有使用政府性基金预算拨款安排的支出，故本表无数据。")
    let t10 = DocTable(
      id: "T10", label: nil, title: "示例区政府办2024年项目支出表", unit: "单位：万元", money: Self.wan2,
      header: [[HeaderCell("项目名称"), HeaderCell("项目单位"), HeaderCell("项目数"), HeaderCell("合计")]],
      columns: [Column(.text, width: 20), Column(.text, width: 12), Column(.count, width: 6), Column(.amount, width: 10)],
      rows: [TableRow(cells: [.text(injection), .text("示例区政府办"), .count(3), amount("74.00")])])
    // 收入总表: nine columns, a header two rows deep.
    let sources = ["一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款", "财政专户管理资金", "单位资金"]
    let t2 = DocTable(
      id: "T2", label: "部门公开表2", title: "示例区政府办2024年部门收入总表", unit: "单位：万元", money: Self.wan2,
      header: [
        [
          HeaderCell("科目编码", rowSpan: 2), HeaderCell("科目名称", rowSpan: 2), HeaderCell("合计", rowSpan: 2),
          HeaderCell("上年结转", rowSpan: 2), HeaderCell("本年收入", colSpan: 5),
        ],
        sources.map { HeaderCell($0) },
      ],
      columns: [Column(.code, width: 10), Column(.text, width: 24)] + Array(repeating: Column(.amount, width: 10), count: 7),
      rows: [
        TableRow(
          kind: .subtotal, level: 0,
          cells: [.text("201"), .text("一般公共服务支出"), amount("612.42"), amount("0.00"), amount("600.00"), .blank, .blank, .blank, amount("12.42")]),
        TableRow(
          kind: .detail, level: 2, cells: [.text("2010301"), .text("行政运行"), amount("344.76"), amount("0.00"), amount("344.76"), .blank, .blank, .blank, .blank]),
        TableRow(
          kind: .detail, level: 2,
          cells: [.text("2010302"), .text("一般行政管理事务"), amount("267.66"), amount("0.00"), amount("255.24"), .blank, .blank, .blank, amount("12.42")]),
        TableRow(
          kind: .total, level: 0, cells: [.blank, .text("合计"), amount("612.42"), amount("0.00"), amount("600.00"), .blank, .blank, .blank, amount("12.42")]),
      ])
    return PublishedDocument(
      title: "示例区政府办2024年部门预算公开", department: "示例区政府办", year: 2024, edition: "anhui-2024", draft: draft,
      parts: [
        Part(
          title: "第一部分 部门概况",
          blocks: [
            .heading(level: 1, text: "一、主要职责"),
            .paragraph(nasty),
            .paragraph("1. 调研活动 *重点* [链接](http://x) # 不是标题 | 不是表格"),
          ]),
        Part(title: "第二部分 2024年部门预算表", blocks: [.table(t5), .table(t8), .table(t10), .table(t2)]),
        Part(
          title: "第三部分 2024年部门预算情况说明",
          blocks: [
            .heading(level: 1, text: "一、关于一般公共预算支出情况说明"),
            .heading(level: 2, text: "（一）一般公共服务支出"),
            .paragraph("2024年一般公共预算支出612.42万元，比2023年预算增加10.00万元。"),
          ]),
      ])
  }

  // MARK: - Zip helpers

  static func entries(_ data: Data) throws -> [String: String] {
    let archive = try Archive(data: data, accessMode: .read)
    var out: [String: String] = [:]
    for entry in archive {
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }
      out[entry.path] = String(decoding: bytes, as: UTF8.self)
    }
    return out
  }

  static func wellFormed(_ xml: String) -> Bool {
    XMLParser(data: Data(xml.utf8)).parse()
  }

  static func count(_ needle: String, in hay: String) -> Int { hay.components(separatedBy: needle).count - 1 }

  // MARK: - docx

  @Test func docxHasRequiredPartsAndConventions() throws {
    let parts = try Self.entries(DocxRenderer.render(Self.document()))
    for name in [
      "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
      "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml", "word/header1.xml",
    ] {
      #expect(parts[name] != nil, "missing \(name)")
    }
    for (name, xml) in parts where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
      #expect(Self.wellFormed(xml), "not well-formed: \(name)")
    }
    #expect(parts["[Content_Types].xml"]!.contains("wordprocessingml.document.main+xml"))
    let doc = parts["word/document.xml"]!
    #expect(doc.contains("<w:tblHeader/>"))
    #expect(doc.contains("<w:gridSpan w:val=\"3\"/>"))
    #expect(doc.contains("<w:vMerge w:val=\"restart\"/>") && doc.contains("<w:vMerge/>"))
    #expect(doc.contains("&lt;管理&gt;&amp;&apos;监督&apos;") && doc.contains("&quot;三公&quot;"))
    #expect(!doc.contains("<管理>"))
    #expect(doc.contains(">2010301<") && doc.contains(">612.42<") && doc.contains(">本表无数据<"))
    // Figures are runs of their own (set as en-US so that LibreOffice never breaks them): the text reads on across runs.
    let text = doc.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
    #expect(text.contains("注：本部门2024年没有使用"))
    #expect(doc.contains("<w:lang w:val=\"en-US\"/></w:rPr><w:t xml:space=\"preserve\">2024</w:t>"))
    // Every cell, merged continuations included, holds a paragraph.
    let cells = doc.components(separatedBy: "<w:tc>").dropFirst()
    #expect(!cells.isEmpty)
    #expect(cells.allSatisfy { $0.components(separatedBy: "</w:tc>")[0].contains("<w:p>") })
    // A table's last three rows are kept on one page: the rows before the total keep with the next, the total does not.
    let lastTable = doc.components(separatedBy: "<w:tbl>").last!.components(separatedBy: "</w:tbl>")[0]
    let rows = lastTable.components(separatedBy: "<w:tr>").dropFirst().map { $0.components(separatedBy: "</w:tr>")[0] }
    #expect(rows.count >= 3 && !rows.last!.contains("<w:keepNext/>") && rows[rows.count - 2].contains("<w:keepNext/>"))
    // Amounts right-aligned, 项 rows indented two characters, totals bold.
    #expect(doc.contains("<w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/><w:lang w:val=\"en-US\"/></w:rPr><w:t xml:space=\"preserve\">612.42"))
    #expect(doc.contains("w:leftChars=\"200\"/><w:jc w:val=\"left\"/></w:pPr><w:r><w:t xml:space=\"preserve\">行政运行"))
    let styles = parts["word/styles.xml"]!
    #expect(styles.contains("w:eastAsia=\"仿宋_GB2312\"") && styles.contains("w:eastAsia=\"zh-CN\""))
    #expect(styles.contains("w:eastAsia=\"方正小标宋简体\"") && styles.contains("<w:sz w:val=\"44\"/>"))
    #expect(styles.contains("w:eastAsia=\"黑体\"") && styles.contains("w:eastAsia=\"楷体_GB2312\""))
    #expect(styles.contains("w:firstLineChars=\"200\"") && styles.contains("w:line=\"560\" w:lineRule=\"exact\""))
    // Written out, or LibreOffice hangs a line-final ， and drops it from justified lines (PDFPunctuationTests).
    #expect(styles.contains("<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:overflowPunct w:val=\"1\"/>"))
    #expect(parts["word/footer1.xml"]!.contains(" PAGE ") && parts["word/footer1.xml"]!.contains("— "))
    // GB/T 9704: odd page numbers on the right, even on the left, each one character in.
    #expect(parts["word/settings.xml"]!.contains("<w:evenAndOddHeaders/>"))
    #expect(parts["word/footer1.xml"]!.contains("<w:jc w:val=\"right\"/>") && parts["word/footer2.xml"]!.contains("<w:jc w:val=\"left\"/>"))
    #expect(parts["word/footer2.xml"]!.contains(" PAGE "))
    #expect(parts["word/document.xml"]!.contains("<w:footerReference w:type=\"even\" r:id=\"rId6\"/>"))
    #expect(parts["word/header1.xml"]!.contains("草稿"))
    #expect(doc.contains("<w:headerReference w:type=\"default\" r:id=\"rId5\"/>"))
    #expect(doc.contains("<w:headerReference w:type=\"even\" r:id=\"rId5\"/>"), "the 草稿 mark on even pages too")
  }

  @Test func docxWithoutDraftHasNoDraftMark() throws {
    let parts = try Self.entries(DocxRenderer.render(Self.document(draft: false)))
    #expect(parts["word/header1.xml"] == nil)
    #expect(!parts["word/document.xml"]!.contains("headerReference"))
    #expect(!parts["[Content_Types].xml"]!.contains("header1"))
  }

  @Test func docxCodeColumnIsWideEnoughAndWideTablesTurnLandscape() throws {
    let table = Self.document().tables[0]
    let fit = DocxRenderer.TableFit(TableLayout(table))
    #expect(!fit.page.landscape && fit.fontSize == 21)
    // 7 digits at 10.5 pt, 0.65 em each (DejaVu Serif is wider than Times New Roman), plus cell margins.
    #expect(fit.widths[0] >= Int(7 * 0.65 * 210) + 2 * DocxRenderer.cellMargin)
    #expect(fit.widths.reduce(0, +) == DocxRenderer.Page.portrait.textWidth)

    let wideColumns = [Column(.code, width: 8), Column(.text, width: 20)] + Array(repeating: Column(.amount, width: 8), count: 10)
    let wide = DocTable(
      id: "T2", label: "部门公开表2", title: "宽表", unit: "单位：万元", money: Self.wan2, header: [wideColumns.indices.map { HeaderCell("列\($0)") }],
      columns: wideColumns,
      rows: [TableRow(cells: [.text("2010301"), .text("行政运行")] + Array(repeating: Self.amount("12345.67"), count: 10))])
    var doc = Self.document(draft: false)
    doc.parts[1].blocks.append(.table(wide))
    doc.parts[1].blocks.append(.paragraph("表后的说明。"))
    if let keep = ProcessInfo.processInfo.environment["YUSUAN_RENDER_KEEP"] {
      try FileManager.default.createDirectory(at: URL(fileURLWithPath: keep), withIntermediateDirectories: true)
      try DocxRenderer.write(doc, toDirectory: URL(fileURLWithPath: keep), baseName: "wide")
    }
    let xml = try Self.entries(DocxRenderer.render(doc))["word/document.xml"]!
    #expect(xml.contains("w:orient=\"landscape\""))
    #expect(Self.count("<w:sectPr>", in: xml) == 3)  // portrait, landscape, portrait
    #expect(Self.wellFormed(xml))
  }

  /// A table title wider than the portrait line is set smaller, never wrapped (a title over two lines is not read
  /// back as the table's title); one that fits keeps the style's 三号. A contents line that wraps wraps under itself.
  @Test func docxLongTableTitlesShrinkToOneLine() throws {
    let width = DocxRenderer.Page.portrait.textWidth
    #expect(DocxRenderer.titleSize("2025年部门一般公共预算支出功能分类预算表", width: width) == "")
    let long = "2025年预算单位一般公共预算基本支出部门预算经济分类预算表"
    let size = DocxRenderer.titleSize(long, width: width)
    let halfPoints = try #require(size.firstMatch(of: /w:sz w:val="(\d+)"/).map { Int($0.output.1)! })
    #expect(halfPoints < 32 && halfPoints >= 24 && RenderText.ems(long) * Double(halfPoints) * 10 <= Double(width))
    var doc = Self.document(draft: false)
    var table = doc.tables[0]
    table.title = long
    doc.parts[1].blocks.append(.table(table))
    let xml = try Self.entries(DocxRenderer.render(doc))["word/document.xml"]!
    #expect(xml.contains("<w:rPr>\(size)</w:rPr><w:t xml:space=\"preserve\">\(String(long.drop { $0.isASCII && $0.isNumber }))</w:t>"))
    #expect(Self.wellFormed(xml))
    // The tables' lines of a contents page: indented by a left margin, not a first-line indent.
    let shanghai = try Self.entries(DocxRenderer.render(try ShanghaiExampleTests.compiled()))["word/document.xml"]!
    #expect(Self.count("<w:ind w:leftChars=\"400\" w:left=\"1280\" w:firstLineChars=\"0\" w:firstLine=\"0\"/>", in: shanghai) == 9)
  }

  // MARK: - xlsx

  @Test func xlsxStoresNumbersAsNumbersAndTextAsInlineStrings() throws {
    let parts = try Self.entries(XlsxRenderer.render(Self.document()))
    for name in [
      "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
      "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
    ] {
      #expect(parts[name] != nil, "missing \(name)")
    }
    for (name, xml) in parts { #expect(Self.wellFormed(xml), "not well-formed: \(name)") }
    let styles = parts["xl/styles.xml"]!
    #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"#,##0.00\"/>"))
    #expect(styles.contains("<fills count=\"2\">") && styles.contains("gray125"))

    let sheet = parts["xl/worksheets/sheet1.xml"]!
    #expect(sheet.contains("<v>612.42</v>") && sheet.contains("<v>0.00</v>"))
    #expect(!sheet.contains("t=\"s\"") && !sheet.contains("<f>"))
    // The style of the 612.42 cell uses the #,##0.00 format.
    let styleIndex = try #require(sheet.firstMatch(of: /s="(\d+)"><v>612\.42<\/v>/)).1
    let xfs = styles.components(separatedBy: "<cellXfs")[1].components(separatedBy: "<xf ").dropFirst()
    #expect(xfs[xfs.startIndex + Int(styleIndex)!].contains("numFmtId=\"164\""))
    // Merged header (本年预算 over three columns, 科目编码 over two rows) and the title merge.
    #expect(sheet.contains("<mergeCell ref=\"C4:E4\"/>") && sheet.contains("<mergeCell ref=\"A4:A5\"/>") && sheet.contains("<mergeCell ref=\"A2:E2\"/>"))
    // Child order: cols, sheetData, mergeCells, pageMargins, pageSetup.
    let order = ["<cols>", "<sheetData>", "<mergeCells", "<pageMargins", "<pageSetup"].map { sheet.range(of: $0)!.lowerBound }
    #expect(order == order.sorted())
    #expect(sheet.contains("paperSize=\"9\"") && sheet.contains("fitToWidth=\"1\""))
    #expect(sheet.contains("草稿"))

    let projects = parts["xl/worksheets/sheet3.xml"]!
    #expect(projects.contains("t=\"inlineStr\"><is><t>=cmd|&apos; /C calc&apos;!A0</t></is>"))
    // …and its style keeps Excel's quote prefix, so editing the cell does not make it a formula.
    let injected = try #require(projects.range(of: #"s="(\d+)" t="inlineStr"><is><t>=cmd"#, options: .regularExpression))
    let injectedStyle = Int(projects[injected].split(separator: "\"")[1])!
    #expect(xfs[xfs.startIndex + injectedStyle].contains("quotePrefix=\"1\""))
    #expect(projects.contains("<v>3</v>") && projects.contains("<v>74.00</v>"))

    let workbook = parts["xl/workbook.xml"]!
    #expect(workbook.contains("name=\"部门公开表5\"") && workbook.contains("name=\"部门公开表8\"") && workbook.contains("name=\"项目支出表\""))
    #expect(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">&apos;部门公开表5&apos;!$4:$5</definedName>"))
    #expect(parts["xl/worksheets/sheet2.xml"]!.contains("本表无数据") && parts["xl/worksheets/sheet2.xml"]!.contains("注：本部门"))
  }

  /// 2025年度部门预算单位构成 is sheet 部门预算单位构成, not 度部门预算单位构成.
  @Test func sheetNameDropsTheYearWith度() {
    var used = Set<String>()
    let doc = PublishedDocument(title: "t", department: "示例办", year: 2025, edition: "anhui-2024", draft: false, parts: [])
    let table = DocTable(id: "units", label: nil, title: "示例办2025年度部门预算单位构成", unit: "", money: Self.wan2, header: [], columns: [], rows: [])
    #expect(XlsxRenderer.sheetName(for: table, doc: doc, index: 0, used: &used) == "部门预算单位构成")
  }

  @Test func sheetNamesAreLegalAndUnique() {
    var used = Set<String>()
    let doc = Self.document()
    let long = DocTable(
      id: "T9", label: "a[b]:c*d?e/f\\g 很长很长很长很长很长很长很长很长很长很长很长很长很长", title: "x", unit: "单位：万元", money: Self.wan2, header: [], columns: [], rows: [])
    let first = XlsxRenderer.sheetName(for: long, doc: doc, index: 0, used: &used)
    let second = XlsxRenderer.sheetName(for: long, doc: doc, index: 1, used: &used)
    for name in [first, second] {
      #expect(name.utf16.count <= 31)
      #expect(!name.contains { "[]:*?/\\".contains($0) })
    }
    #expect(first != second)
  }

  @Test func degenerateDocumentsStillRender() throws {
    let bare = DocTable(id: "T0", label: nil, title: "无表头无数据\u{07}的表", unit: "", money: Self.wan2, header: [], columns: [], rows: [])
    let docs = [
      PublishedDocument(title: "空", department: "", year: 2024, edition: "", draft: false, parts: []),
      PublishedDocument(
        title: "表", department: "", year: 2024, edition: "", draft: true,
        parts: [Part(title: "第二部分", blocks: [.table(bare), .table(bare)])]),
    ]
    for doc in docs {
      for (name, xml) in try Self.entries(DocxRenderer.render(doc)) { #expect(Self.wellFormed(xml), "docx \(name)") }
      let xlsx = try Self.entries(XlsxRenderer.render(doc))
      for (name, xml) in xlsx { #expect(Self.wellFormed(xml), "xlsx \(name)") }
      #expect(xlsx["xl/worksheets/sheet1.xml"] != nil)
      _ = try HTMLRenderer.render(doc); _ = try MarkdownRenderer.render(doc)
      #expect(try JSONSerialization.jsonObject(with: JSONRenderer.render(doc)) is [String: Any])
    }
    let docx = try Self.entries(DocxRenderer.render(docs[1]))["word/document.xml"]!
    #expect(docx.contains("本表无数据") && !docx.contains("\u{07}"))
  }

  // MARK: - Determinism

  @Test func renderingTwiceGivesIdenticalBytes() throws {
    let doc = Self.document()
    for format in OutputFormat.allCases {
      let a = try format.render(doc)
      let b = try format.render(doc)
      #expect(a == b, "\(format) differs between two renders")
    }
    // The zip entries carry the fixed date, not the time of rendering.
    let archive = try Archive(data: DocxRenderer.render(doc), accessMode: .read)
    for entry in archive {
      #expect(entry.fileAttributes[.modificationDate] as? Date == ZipWriter.fixedDate)
    }
  }

  // MARK: - HTML, Markdown, JSON

  @Test func htmlIsSelfContainedEscapedAndMobileFriendly() throws {
    let html = String(decoding: try HTMLRenderer.render(Self.document()), as: UTF8.self)
    #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
    #expect(html.contains("<meta charset=\"utf-8\">") && html.contains("lang=\"zh-CN\""))
    #expect(html.contains("&quot;三公&quot;经费&lt;管理&gt;&amp;&apos;监督&apos;"))
    #expect(!html.contains("<管理>"))
    #expect(html.contains("class=\"table-wrap\"") && html.contains("overflow-x:auto"))
    #expect(html.contains("<th colspan=\"3\" scope=\"colgroup\">本年预算</th>") && html.contains("<th rowspan=\"2\" scope=\"col\">科目编码</th>"))
    // Printed from a browser: A4 with margins and page numbers (Chromium otherwise prints on Letter without them).
    #expect(html.contains("@page{size:A4;") && html.contains("counter(page)"))
    // Ids unique in the page even when a table is printed twice.
    var twice = Self.document()
    if case .table(let t)? = twice.parts[1].blocks.first {
      twice.parts[1].blocks.append(.table(t))
      let h = String(decoding: try HTMLRenderer.render(twice), as: UTF8.self)
      let ids = h.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
      #expect(Set(ids).count == ids.count, "\(ids)")
    } else {
      Issue.record("the test document's tables part starts with no table")
    }
    #expect(html.contains("<td class=\"num\">612.42</td>"))
    #expect(html.contains("draft-banner"))
    #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src="))
    #expect(!String(decoding: try HTMLRenderer.render(Self.document(draft: false)), as: UTF8.self).contains("draft-banner\""))
  }

  @Test func markdownHasFlattenedHeaderAndRows() throws {
    let md = String(decoding: try MarkdownRenderer.render(Self.document()), as: UTF8.self)
    #expect(md.contains("| 科目编码 | 科目名称 | 本年预算·合计 | 本年预算·基本支出 | 本年预算·项目支出 |"))
    #expect(md.contains("| :--- | :--- | ---: | ---: | ---: |"))
    #expect(md.contains("| 2010301 | 　　行政运行 | 344.76 | 344.76 | 0.00 |"))
    #expect(md.contains("| **201** | **一般公共服务支出** | **612.42** | **344.76** | **267.66** |"))
    #expect(md.contains("| **20103** | 　**政府办公厅（室）及相关机构事务** |"))
    #expect(md.contains("| 本表无数据 |  |  |  |  |"))
    #expect(md.contains("部门公开表5　**示例区政府办2024年一般公共预算支出表**"))
    #expect(md.contains(#"\<管理\>\&'监督'"#))
    #expect(md.contains(##"1\. 调研活动 \*重点\* \[链接\](http://x) \# 不是标题 \| 不是表格"##))
    #expect(md.contains(#"| =cmd\|' /C calc'\!A0 |"#))
    #expect(md.contains("> **草稿**"))
  }

  @Test func jsonHasAmountsAsStringsAndParses() throws {
    let data = try JSONRenderer.render(Self.document())
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(root["title"] as? String == "示例区政府办2024年部门预算公开")
    #expect(root["draft"] as? Bool == true)
    let parts = try #require(root["parts"] as? [[String: Any]])
    let blocks = try #require(parts[1]["blocks"] as? [[String: Any]])
    let t5 = try #require(blocks[0]["table"] as? [String: Any])
    #expect(t5["label"] as? String == "部门公开表5")
    #expect(t5["unit"] as? String == "单位：万元")
    let rows = try #require(t5["rows"] as? [[String: Any]])
    #expect(rows[0]["cells"] as? [String] == ["201", "一般公共服务支出", "612.42", "344.76", "267.66"])
    #expect(rows[2]["level"] as? Int == 2)
    #expect(rows[4]["kind"] as? String == "total")
    let columns = try #require(t5["columns"] as? [[String: Any]])
    #expect(columns[2]["heading"] as? String == "本年预算·合计")
    let t10 = try #require(blocks[2]["table"] as? [String: Any])
    #expect(t10["label"] is NSNull)
    let prose = try #require(parts[0]["blocks"] as? [[String: Any]])
    #expect(prose[1]["text"] as? String == Self.nasty)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"612.42\"") && !text.contains(": 612.42"))
    // Keys sorted.
    let keys = ["\"department\"", "\"draft\"", "\"edition\"", "\"format\"", "\"formatVersion\"", "\"parts\""].map { text.range(of: $0)!.lowerBound }
    #expect(keys == keys.sorted())
  }

  @Test func missingSofficeMessageSaysHowToInstall() {
    #expect(
      RendererError.sofficeMissing.description.contains(
        "apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk"))
  }

  // MARK: - PDF (only where LibreOffice is installed)

  @Test(
    .enabled(
      if: PDFConverter.findSoffice() != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
      "需要 LibreOffice 与 pdftotext（.ci/run 会安装）"))
  func pdfFromDocxAndXlsx() throws {
    // YUSUAN_RENDER_KEEP=/some/dir keeps the files for looking at them (pdftoppm -r 80 -png …).
    let keep = ProcessInfo.processInfo.environment["YUSUAN_RENDER_KEEP"]
    let dir = keep.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-renderer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { if keep == nil { try? FileManager.default.removeItem(at: dir) } }
    let doc = Self.document()
    if keep != nil {
      for format in OutputFormat.allCases { try format.write(doc, toDirectory: dir, baseName: "budget") }
    }
    let docx = try DocxRenderer.write(doc, toDirectory: dir, baseName: "budget")
    let xlsx = try XlsxRenderer.write(doc, toDirectory: dir, baseName: "tables")
    for (input, figure) in [(docx, "612.42"), (xlsx, "612.42")] {
      let pdf = try PDFConverter.convert(input, outputDirectory: dir)
      let text = try Self.pdfText(pdf)
      #expect(text.contains(figure), "\(input.lastPathComponent): no figure in PDF text")
      #expect(text.contains("一般公共预算支出表"), "\(input.lastPathComponent): no Chinese title in PDF text")
      #expect(text.contains("草稿"), "\(input.lastPathComponent): no draft mark")
    }
  }

  @Test(.enabled(if: PDFConverter.findSoffice() != nil, "需要 LibreOffice（.ci/run 会安装）"))
  func pdfConversionOfABrokenFileFails() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-renderer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    // A docx without [Content_Types].xml: LibreOffice cannot load it but still exits 0.
    var zip = ZipWriter()
    zip.add("word/document.xml", "<w:document/>")
    let broken = dir.appendingPathComponent("broken.docx")
    try zip.archive().write(to: broken)
    #expect(throws: RendererError.self) { try PDFConverter.convert(docx: broken, outputDirectory: dir) }
    #expect(throws: RendererError.inputMissing(dir.appendingPathComponent("none.docx").path)) {
      try PDFConverter.convert(docx: dir.appendingPathComponent("none.docx"), outputDirectory: dir)
    }
  }

  static func pdfText(_ pdf: URL) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    p.arguments = ["-layout", pdf.path, "-"]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
