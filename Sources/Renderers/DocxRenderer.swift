// The Word document: what the department publishes on its website and files in the archive.
//
// Layout follows the 公文 conventions of GB/T 9704 (A4, 37/35/28/26 mm margins, 仿宋_GB2312 三号 body on a
// 28 pt line, 黑体/楷体 headings, "— 1 —" page numbers), which is what readers and inspectors expect.
// Fonts keep their official names; PDFConverter maps them to installed fonts only when rendering.
import Foundation
import YusuanCore

public enum DocxRenderer: DocumentRenderer {
  public static let fileExtension = "docx"

  public static func render(_ doc: PublishedDocument) throws -> Data {
    var zip = ZipWriter()
    zip.add("[Content_Types].xml", contentTypes(draft: doc.draft))
    zip.add("_rels/.rels", packageRels)
    zip.add("docProps/core.xml", coreProperties(doc))
    zip.add("docProps/app.xml", appProperties)
    zip.add("word/_rels/document.xml.rels", documentRels(draft: doc.draft))
    var builder = DocumentBuilder(doc: doc)
    zip.add("word/document.xml", builder.build())
    zip.add("word/styles.xml", styles)
    zip.add("word/settings.xml", settings)
    zip.add("word/fontTable.xml", fontTable)
    zip.add("word/footer1.xml", footer(odd: true))
    zip.add("word/footer2.xml", footer(odd: false))
    zip.add("word/footer3.xml", landscapeFooter(odd: true))
    zip.add("word/footer4.xml", landscapeFooter(odd: false))
    if doc.draft { zip.add("word/header1.xml", draftHeader) }
    return try zip.archive()
  }

  // MARK: - Page geometry (twips, 1/20 pt; 1 mm ≈ 56.7 twips)

  struct Page {
    var width: Int, height: Int, top: Int, bottom: Int, left: Int, right: Int
    var landscape: Bool
    var textWidth: Int { width - left - right }

    /// GB/T 9704: top 37 mm, bottom 35 mm, left (binding) 28 mm, right 26 mm.
    static let portrait = Page(width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474, landscape: false)
    /// For wide tables: the same sheet turned, binding edge at the top, narrower side margins.
    static let landscape = Page(width: 16838, height: 11906, top: 1588, bottom: 1474, left: 1417, right: 1417, landscape: true)
  }

  /// Table text sizes tried in order: 五号 (10.5 pt) then 小五 (9 pt), in half-points.
  static let tableFontSizes = [21, 18]
  /// Left and right cell margin (1 mm) — Word's default 1.9 mm wastes width that codes need.
  static let cellMargin = 57
  /// Top and bottom cell margin (1 pt, about 0.35 mm): without it a row is exactly as high as its text and the
  /// figures touch the rules (issue 11, item 10).
  static let cellMarginVertical = 20
  /// The height of a part title (第二部分 …: 14 pt before and after a 28 pt line), which a table under it shares
  /// its page with.
  static let headingHeight = 1120

  /// GB/T 9704 §5.2.2: 22 lines of 28 characters on the type area (156 mm × 225 mm). The line pitch of the grid
  /// is the type area's height over 22; the body's exact 28 pt lines stay within it.
  static let gridLinePitch = (Page.portrait.height - Page.portrait.top - Page.portrait.bottom) / 22
  /// 28 characters of 三号 (16 pt, 320 twips) need 158 mm, 2 mm more than the type area: each character is set
  /// 0.25 pt closer (w:spacing, in twentieths of a point), the largest step that fits 28 (28 × 15.75 pt = 441 pt of
  /// the 442.2 pt). A character grid (docGrid linesAndChars) would say the same to Word, but LibreOffice, which
  /// makes our PDF, lays a 16 pt character wider than its grid cell over two cells (13 characters a line).
  static let bodyCharacterSpacing = -5

  // MARK: - Body

  private struct DocumentBuilder {
    let doc: PublishedDocument
    var body = ""
    var page = Page.portrait
    /// True right after a section break or at the top: the next block is already at the top of a page.
    var atPageTop = true
    /// True after a title or heading: a table following it stays on the same page.
    var afterHeading = false
    var firstSection = true
    var lastWasTable = false
    /// True in a part of prose: its tables do not start a page of their own.
    var inlineTables = false

    init(doc: PublishedDocument) { self.doc = doc }

    mutating func build() -> String {
      if let cover = doc.cover {
        // The cover page (its lines centred, spaced down the page), then the contents on a page of its own.
        for (i, line) in cover.enumerated() {
          paragraph(style: "Title", text: line, extra: "<w:spacing w:before=\"\(i == 0 ? 2400 : 1200)\" w:after=\"0\"/>")
        }
      } else {
        paragraph(style: "Title", text: DocxRenderer.titleLines(doc.title, department: doc.department))
      }
      if let contents = doc.contents {
        paragraph(style: "Title", text: contents.title, pageBreak: true)
        for line in contents.lines {
          // A table's line indented 4 characters, a long one wrapping under its own start rather than the margin.
          paragraph(
            style: "Normal", text: line.text,
            extra: line.level > 1 ? "<w:ind w:leftChars=\"400\" w:left=\"1280\" w:firstLineChars=\"0\" w:firstLine=\"0\"/>" : "")
        }
      }
      let separatePages = doc.cover != nil || doc.contents != nil
      atPageTop = false
      afterHeading = true
      for (i, part) in doc.parts.enumerated() {
        ensure(.portrait)
        if !part.title.isEmpty {
          paragraph(style: "Heading1", text: part.title, pageBreak: (i > 0 || separatePages) && !atPageTop)
        } else if separatePages || i > 0 {
          // A part without a heading still starts a page (its first table does so itself).
          if let first = part.blocks.first, case .table = first {
          } else if !atPageTop {
            body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"; atPageTop = true
          }
        }
        afterHeading = !part.title.isEmpty
        // A table among paragraphs (单位构成 in 部门概况, a 绩效目标表 in 情况说明) follows its text on the page; only
        // the tables of the 预算表 part start a page each (a forced break left page 2 of the demo 85 % blank).
        inlineTables = part.blocks.contains { if case .paragraph = $0 { true } else { false } }
        for block in part.blocks {
          switch block {
          case .heading(let level, let text):
            ensure(.portrait)
            let style = level <= 1 ? "Heading2" : level == 2 ? "Heading3" : "Heading4"
            paragraph(style: style, text: text)
            afterHeading = true
          case .paragraph(let text):
            ensure(.portrait)
            paragraph(style: "Normal", text: text)
            afterHeading = false
          case .table(let table):
            emitTable(table)
          }
        }
      }
      if lastWasTable { body += "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>" }
      return XML.declaration + """
        <w:document xmlns:w="\(wNS)" xmlns:r="\(rNS)"><w:body>\(body)\(sectionProperties(page))</w:body></w:document>
        """
    }

    /// Switches to a portrait or landscape section, closing the current one with a section-break paragraph.
    mutating func ensure(_ target: Page) {
      guard target.landscape != page.landscape else { return }
      // A tiny paragraph carries the break, so it cannot push an extra page.
      body +=
        "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>"
        + "<w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr>\(sectionProperties(page))</w:pPr></w:p>"
      firstSection = false
      page = target
      atPageTop = true
      lastWasTable = false
    }

    /// The section properties. Only the first section names the header; later sections inherit it (OOXML "same
    /// as previous"), so the 草稿 mark continues everywhere. Every section names its footers: a landscape one has
    /// the page number turned at the sheet's bottom edge (GB/T 9704 §10.2), a portrait one after it the usual.
    func sectionProperties(_ p: Page) -> String {
      var s = "<w:sectPr>"
      if firstSection, doc.draft {
        // The 草稿 header on odd (default) and even pages.
        s += "<w:headerReference w:type=\"default\" r:id=\"rId5\"/><w:headerReference w:type=\"even\" r:id=\"rId5\"/>"
      }
      // Odd pages (default) and even pages have their own footers.
      s +=
        p.landscape
        ? "<w:footerReference w:type=\"default\" r:id=\"rId7\"/><w:footerReference w:type=\"even\" r:id=\"rId8\"/>"
        : "<w:footerReference w:type=\"default\" r:id=\"rId4\"/><w:footerReference w:type=\"even\" r:id=\"rId6\"/>"
      s += "<w:type w:val=\"nextPage\"/>"
      s += "<w:pgSz w:w=\"\(p.width)\" w:h=\"\(p.height)\"\(p.landscape ? " w:orient=\"landscape\"" : "")/>"
      s += "<w:pgMar w:top=\"\(p.top)\" w:right=\"\(p.right)\" w:bottom=\"\(p.bottom)\" w:left=\"\(p.left)\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
      if firstSection { s += "<w:pgNumType w:start=\"1\"/>" }
      s += "<w:cols w:space=\"425\"/>"
      // The line grid of the 公文 page (22 lines); landscape pages hold tables only, off the grid.
      if !p.landscape { s += "<w:docGrid w:type=\"lines\" w:linePitch=\"\(DocxRenderer.gridLinePitch)\"/>" }
      s += "</w:sectPr>"
      return s
    }

    mutating func paragraph(style: String, text: String, pageBreak: Bool = false, extra: String = "", runProps: String = "") {
      var ppr = "<w:pStyle w:val=\"\(style)\"/>"
      if pageBreak { ppr += "<w:pageBreakBefore/>" }
      ppr += extra
      body += "<w:p><w:pPr>\(ppr)</w:pPr>\(runs(text, props: runProps))</w:p>"
      atPageTop = false
      lastWasTable = false
    }

    mutating func emitTable(_ table: DocTable) {
      let layout = TableLayout(table)
      // A table under its heading shares the heading's page (a part title takes about 1120 twips of it).
      let fit = TableFit(layout, below: afterHeading && !atPageTop ? DocxRenderer.headingHeight : 0)
      ensure(fit.page)
      // Each table starts a new page unless it follows its heading or a section break already did.
      let newPage = !atPageTop && !afterHeading && !(inlineTables && !fit.page.landscape)
      var first = true
      if let label = table.label, !label.isEmpty {
        paragraph(style: "TableLabel", text: label, pageBreak: newPage)
        first = false
      }
      paragraph(style: "TableTitle", text: table.title, pageBreak: first && newPage, runProps: DocxRenderer.titleSize(table.title, width: fit.page.textWidth))
      if let preparer = table.preparer {
        // 编制部门 at the left, the unit at the right margin (a right tab stop at the text width).
        paragraph(
          style: "TableUnit", text: preparer + "\t" + table.unit,
          extra: "<w:tabs><w:tab w:val=\"right\" w:pos=\"\(fit.page.textWidth)\"/></w:tabs><w:jc w:val=\"left\"/>")
      } else if !table.unit.isEmpty {
        paragraph(style: "TableUnit", text: table.unit)
      }
      var xml = ""
      xml.reserveCapacity(256 * (layout.table.rows.count + layout.headerRowCount) * layout.columnCount)
      tableXML(layout, fit, into: &xml)
      body += xml
      lastWasTable = true
      if let note = table.note, !note.isEmpty {
        paragraph(style: "TableNote", text: note)
      }
      afterHeading = false
    }

    /// The table as one `w:tbl`, appended to `x` (one buffer: a table of 300 rows has thousands of cells).
    func tableXML(_ layout: TableLayout, _ fit: TableFit, into x: inout String) {
      let n = layout.columnCount
      let style = fit.fontSize == 21 ? "TableText" : "TableTextSmall"
      let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
      x += "<w:tbl><w:tblPr><w:tblW w:w=\"\(fit.widths.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
      x +=
        "<w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/><w:insideH \(border)/><w:insideV \(border)/></w:tblBorders>"
      x += "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"\(fit.verticalMargin)\" w:type=\"dxa\"/><w:left w:w=\"\(cellMargin)\" w:type=\"dxa\"/>"
      x += "<w:bottom w:w=\"\(fit.verticalMargin)\" w:type=\"dxa\"/><w:right w:w=\"\(cellMargin)\" w:type=\"dxa\"/></w:tblCellMar>"
      x += "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
      x += "<w:tblGrid>"
      for w in fit.widths { x += "<w:gridCol w:w=\""; x += String(w); x += "\"/>" }
      x += "</w:tblGrid>"

      let paragraphStart = "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>"
      let em = fit.fontSize * 10  // one character of the table font, in twips
      func span(_ c: Int, _ count: Int) -> Int { fit.widths[c..<min(n, c + count)].reduce(0, +) }
      /// One `w:tc` holding one paragraph of `text`.
      func cell(width: Int, gridSpan: Int = 1, vMerge: String? = nil, text: String, jc: String, bold: Bool, indent: Int = 0, keepNext: Bool = false) {
        x += "<w:tc><w:tcPr><w:tcW w:w=\""; x += String(width); x += "\" w:type=\"dxa\"/>"
        if gridSpan > 1 { x += "<w:gridSpan w:val=\""; x += String(gridSpan); x += "\"/>" }
        if let vMerge { x += vMerge }
        x += "<w:vAlign w:val=\"center\"/></w:tcPr>"
        x += paragraphStart
        if keepNext { x += "<w:keepNext/>" }
        if indent > 0 {
          x += "<w:ind w:left=\""; x += String(indent * em); x += "\" w:leftChars=\""; x += String(indent * 100); x += "\"/>"
        }
        x += "<w:jc w:val=\""; x += jc; x += "\"/></w:pPr>"
        x += runs(text, props: bold ? "<w:b/><w:bCs/>" : "")
        x += "</w:p></w:tc>"
      }

      // Header rows: repeated on every page; merged cells as gridSpan (across) and vMerge (down).
      let heights = fit.headerRowHeights(layout)
      for r in 0..<layout.headerRowCount {
        x += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/>"
        if let h = heights[r] { x += "<w:trHeight w:val=\"\(h)\" w:hRule=\"atLeast\"/>" }
        x += "</w:trPr>"
        var c = 0
        while c < n {
          if let h = layout.cellCovering(row: r, col: c), h.col == c {
            let vMerge: String? =
              h.rowSpan == 1 && h.row == r
              ? nil
              : h.row == r ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>"
            cell(width: span(c, h.colSpan), gridSpan: h.colSpan, vMerge: vMerge, text: h.row == r ? h.text : "", jc: "center", bold: true)
            c += h.colSpan
          } else {
            cell(width: fit.widths[c], text: "", jc: "center", bold: true)
            c += 1
          }
        }
        x += "</w:tr>"
      }

      // A w:tbl needs at least one row; a table with neither header nor rows prints 本表无数据.
      let rows = layout.headerRowCount == 0 && layout.table.rows.isEmpty ? [TableRow(kind: .emptyMarker, cells: [])] : layout.table.rows
      // The last three rows stay on one page, so a total row never stands alone under a repeated header.
      for (i, row) in rows.enumerated() {
        // A form (绩效目标表, with merged cells) is kept whole on a page when it fits: split, its 绩效指标 would
        // continue on the next page without the project's name.
        let form = !(layout.table.merges ?? []).isEmpty
        let keep = (form || i >= rows.count - 3) && i < rows.count - 1
        x += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        if row.kind == .emptyMarker {
          cell(width: span(0, n), gridSpan: n, text: TableLayout.emptyMarkerText(row), jc: "center", bold: false)
        } else {
          let values = layout.cells(of: row)
          var c = 0
          while c < n {
            let value = values[c]
            let numeric: Bool
            switch value {
            case .amount, .count: numeric = true
            case .text, .blank: numeric = layout.isNumeric(c)
            }
            let indent = c == layout.nameColumn ? max(0, row.level) : 0
            // A merged rectangle (绩效目标表): its first row holds the text, the rows below continue it (vMerge).
            let merge = layout.merge(row: i, col: c)
            if let m = merge.start {
              let vMerge = m.rowSpan > 1 ? "<w:vMerge w:val=\"restart\"/>" : nil
              cell(
                width: span(c, m.colSpan), gridSpan: m.colSpan, vMerge: vMerge, text: layout.text(value),
                jc: numeric ? "right" : m.rowSpan > 1 ? "center" : "left",
                bold: row.isBold(c), indent: indent, keepNext: keep || m.rowSpan > 1)
              c += m.colSpan
              continue
            }
            if merge.covered, let m = layout.table.merges?.first(where: { i > $0.row && i < $0.row + $0.rowSpan && $0.col == c }) {
              cell(
                width: span(c, m.colSpan), gridSpan: m.colSpan, vMerge: "<w:vMerge/>", text: "", jc: "center", bold: false,
                keepNext: keep || i < m.row + m.rowSpan - 1)
              c += m.colSpan
              continue
            }
            cell(width: fit.widths[c], text: layout.text(value), jc: numeric ? "right" : "left", bold: row.isBold(c), indent: indent, keepNext: keep)
            c += 1
          }
        }
        x += "</w:tr>"
      }
      x += "</w:tbl>"
    }
  }

  /// Text as runs: line breaks become `w:br`, tabs `w:tab`, so multi-line notes keep their lines.
  static func runs(_ text: String, props: String = "") -> String {
    guard !text.isEmpty else { return "" }
    let rpr = props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>"
    // Most texts are one line without tabs or figures: one run, no splitting.
    if !text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || (0x30...0x39).contains($0) }) {
      return "<w:r>" + rpr + "<w:t xml:space=\"preserve\">" + XML.escape(text) + "</w:t></w:r>"
    }
    var out = ""
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
    for (i, line) in lines.enumerated() {
      if i > 0 { out += "<w:r>\(rpr)<w:br/></w:r>" }
      let pieces = line.split(separator: "\t", omittingEmptySubsequences: false)
      for (j, piece) in pieces.enumerated() {
        if j > 0 { out += "<w:r>\(rpr)<w:tab/></w:r>" }
        out += figureRuns(String(piece), props: props)
      }
    }
    return out
  }

  /// A figure in Chinese text (715.28, 8.30%, 2025) is set as English: LibreOffice breaks Chinese text between any
  /// two characters, and with the document's zh-CN it broke figures too (`715.` / `28万元`, `占8.30` / `%`). The
  /// figure's own run, marked en-US, keeps it whole; the document stays zh-CN.
  static func figureRuns(_ text: String, props: String) -> String {
    guard !text.isEmpty else { return "" }
    let plain = props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>"
    let figure = "<w:rPr>\(props)<w:lang w:val=\"en-US\"/></w:rPr>"
    var out = "", piece = "", inFigure = false
    func flush() {
      guard !piece.isEmpty else { return }
      out += "<w:r>" + (inFigure ? figure : plain) + "<w:t xml:space=\"preserve\">" + XML.escape(piece) + "</w:t></w:r>"
      piece = ""
    }
    let chars = Array(text)
    func digit(_ k: Int) -> Bool { k < chars.count && chars[k].isASCII && chars[k].isNumber }
    for (k, ch) in chars.enumerated() {
      // A figure starts with a digit and goes on through digits, a , or . between digits, and a % after them:
      // 1,234.56 8.30%
      let isFigure = digit(k) || inFigure && (ch == "%" || (ch == "," || ch == ".") && digit(k + 1))
      if isFigure != inFigure { flush(); inFigure = isFigure }
      piece.append(ch)
    }
    flush()
    return out
  }

  /// The document title as printed: when it is wider than one line of 二号 on the portrait page, it breaks after
  /// the department's name (示例区政府办公室（示例） / 2025年部门预算公开), so no line ends inside a word — LibreOffice
  /// broke it as …部门预算 / 公开 — and the lines stand as GB/T 9704's 梯形. A title that fits, or that does not start
  /// with the department, is left as it is.
  static func titleLines(_ title: String, department: String) -> String {
    let width = Double(Page.portrait.textWidth) / 440  // em of 二号 (22 pt) on the line
    guard RenderText.ems(title) > width, !department.isEmpty, title.hasPrefix(department), title.count > department.count else { return title }
    let rest = String(title.dropFirst(department.count))
    guard RenderText.ems(rest) <= width else { return title }
    return department + "\n" + rest
  }

  /// The run size of a table title too long for one line at the title style's 三号 (16 pt): the largest that fits,
  /// down to 小四 (12 pt); empty when the title fits as it is. A title broken over two lines is not one line a
  /// reader (or `audit`) takes for the table's title, and the published documents print every title on one line
  /// (Shanghai's 2025年预算单位一般公共预算基本支出部门预算经济分类预算表 is 31 em wide, the portrait line 27.6).
  static func titleSize(_ title: String, width: Int) -> String {
    let ems = RenderText.ems(title)
    guard ems > 0, ems * 320 > Double(width) else { return "" }
    let halfPoints = max(24, Int(Double(width) / (ems * 10)))
    return "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>"
  }

  // MARK: - Table fitting

  /// Column widths for a table: page orientation and font size chosen so that codes and amounts never wrap,
  /// and columns sized by what they hold.
  struct TableFit {
    var page: Page
    var fontSize: Int  // half-points
    var widths: [Int]
    /// The top and bottom cell margin: `cellMarginVertical`, or none for a table that keeps to one page only so.
    var verticalMargin = cellMarginVertical

    /// Tries portrait 10.5 pt, portrait 9 pt, landscape 10.5 pt, landscape 9 pt and takes the one where the fewest
    /// names (科目名称, 项目名称, 项目单位, the 类 of 财政拨款收支总表) wrap, the earlier on a tie — but never one that
    /// spills onto a second page when another keeps the table on one. So 财政拨款收支总表 is portrait 小五 on one
    /// page (portrait 五号 wrapped 11 of its 24 类 and spilled, landscape 五号 spilled its last rows), and a
    /// 项目支出表 turns landscape rather than set 项目单位 in three lines. A form with merged cells (绩效目标表)
    /// stands inside the prose: portrait, 五号 when it fits, its longer entries wrapping. Each size is tried with
    /// padded cells (`cellMarginVertical`) and then without: the padding gives way before a name wraps or the
    /// table spills (Shanghai's 收入总表 and 支出总表 keep to one landscape page without it).
    init(_ layout: TableLayout, below heading: Int = 0) {
      let form = !(layout.table.merges ?? []).isEmpty
      let sizes: [(Page, Int)] =
        form
        ? [(.portrait, 21), (.portrait, 18)]
        : [(.portrait, 21), (.portrait, 18), (.landscape, 21), (.landscape, 18)]
      // Padded cells first; the same sizes without the padding for a table that only so keeps to one page (a
      // 30-row 收入总表 in landscape) or keeps its names on one line.
      let configs = sizes.map { ($0.0, $0.1, cellMarginVertical) } + (form ? [] : sizes.map { ($0.0, $0.1, 0) })
      var candidates: [(fit: TableFit, wrapped: Int, pages: Int)] = []
      for (page, size, margin) in configs {
        guard let widths = Self.allocate(layout, available: page.textWidth, fontSize: size) else { continue }
        var fit = TableFit(page: page, fontSize: size, widths: widths)
        fit.verticalMargin = margin
        if form { self = fit; return }
        let height = page.height - page.top - page.bottom
        // A portrait table stays on its heading's page; a landscape one starts a page of its own.
        let used = fit.estimatedHeight(layout) + (page.landscape ? 0 : heading)
        candidates.append((fit, fit.wrappedLines(layout), (used + height - 1) / height))
      }
      let onePage = candidates.contains { $0.pages == 1 }
      func cost(_ c: (fit: TableFit, wrapped: Int, pages: Int)) -> (Int, Int) { (onePage && c.pages > 1 ? 1 : 0, c.wrapped) }
      if let best = candidates.enumerated().min(by: { cost($0.element) < cost($1.element) || (cost($0.element) == cost($1.element) && $0.offset < $1.offset) })
      {
        self = best.element.fit
        return
      }
      // Too wide even in landscape at 9 pt: landscape, 9 pt, proportional widths (text may wrap).
      let weights = layout.columns.map { max(1, $0.width) }
      let total = weights.reduce(0, +)
      self.init(page: .landscape, fontSize: 18, widths: weights.map { Page.landscape.textWidth * $0 / total })
    }

    init(page: Page, fontSize: Int, widths: [Int]) { self.page = page; self.fontSize = fontSize; self.widths = widths }

    /// Cell padding in twips: the left and right margins and a little slack for the renderer's rounding.
    static let padding = 2 * cellMargin + 30

    /// The text cells that size their column, as (column, indent in em, width in em): a cell merged across
    /// columns is left out (年度目标 spans the form), and so is a column of free text (over 30 em somewhere), which
    /// is expected to wrap.
    static func nameCells(_ layout: TableLayout) -> [(col: Int, indent: Int, ems: Double)] {
      var out: [(col: Int, indent: Int, ems: Double)] = []
      var longest = [Double](repeating: 0, count: layout.columnCount)
      for (r, row) in layout.table.rows.enumerated() where row.kind != .emptyMarker {
        for (c, value) in layout.cells(of: row).enumerated() where layout.columns[c].kind == .text {
          let merge = layout.merge(row: r, col: c)
          if merge.covered || (merge.start?.colSpan ?? 1) > 1 { continue }
          let ems = RenderText.ems(layout.text(value))
          longest[c] = max(longest[c], ems)
          out.append((c, c == layout.nameColumn ? max(0, row.level) : 0, ems))
        }
      }
      return out.filter { longest[$0.col] <= 30 }
    }

    /// Lines a text of `ems` em takes in column `c` with `indent` em of indent.
    func lines(_ ems: Double, col c: Int, indent: Int) -> Int {
      let usable = max(1, Double(widths[c] - Self.padding) / (Double(fontSize) * 10) - Double(indent))
      return max(1, Int((ems / usable - 0.001).rounded(.up)))
    }

    /// The least height of each header row, in twips, where a cell merged down several rows needs more lines than
    /// those rows give it (一般公共预算拨款收入 in three lines beside 功能科目 / 科目编码 in two): nil where the row's own
    /// cells set it. Word grows the last row to fit; LibreOffice does so on the first page only, and clips the cell
    /// where the header is repeated, so the height is said in the file.
    func headerRowHeights(_ layout: TableLayout) -> [Int?] {
      let line = Double(fontSize) * 10 * 1.45
      func lines(_ text: String, col c: Int, span: Int) -> Int {
        let w = widths[c..<min(widths.count, c + span)].reduce(0, +) - Self.padding
        return max(1, Int((RenderText.ems(text) * Double(fontSize) * 10 / Double(max(1, w)) - 0.001).rounded(.up)))
      }
      var natural = [Int](repeating: 1, count: layout.headerRowCount)
      for r in 0..<layout.headerRowCount {
        for c in 0..<layout.columnCount {
          guard let h = layout.cellStarting(row: r, col: c), h.rowSpan == 1 else { continue }
          natural[r] = max(natural[r], lines(h.text, col: c, span: h.colSpan))
        }
      }
      var needed = natural
      for r in 0..<layout.headerRowCount {
        for c in 0..<layout.columnCount {
          guard let h = layout.cellStarting(row: r, col: c), h.rowSpan > 1 else { continue }
          let last = min(layout.headerRowCount, r + h.rowSpan) - 1
          let given = natural[r...last].reduce(0, +)
          let want = lines(h.text, col: c, span: h.colSpan)
          if want > given { needed[last] = max(needed[last], natural[last] + want - given) }
        }
      }
      return (0..<layout.headerRowCount).map { r in
        needed[r] > natural[r] ? Int((Double(needed[r]) * line).rounded(.up)) + 2 * verticalMargin : nil
      }
    }

    /// The lines name cells take beyond their first, summed over the table (estimated): 0 when no name wraps.
    func wrappedLines(_ layout: TableLayout) -> Int {
      Self.nameCells(layout).reduce(0) { $0 + lines($1.ems, col: $1.col, indent: $1.indent) - 1 }
    }

    /// The table's height with its label, title and unit lines, in twips (estimated: a CJK line is about
    /// 1.45 em in Noto CJK, the fonts the PDF is made with; a row as high as its longest cell).
    func estimatedHeight(_ layout: TableLayout) -> Int {
      let line = Double(fontSize) * 10 * 1.45
      var total = 1450.0  // 部门公开表N, the title (三号, spaced) and 单位：万元
      for r in 0..<layout.headerRowCount {
        var most = 1
        for c in 0..<layout.columnCount {
          guard let h = layout.cellStarting(row: r, col: c), h.rowSpan == 1 else { continue }
          let w = widths[c..<min(widths.count, c + h.colSpan)].reduce(0, +) - Self.padding
          most = max(most, Int((RenderText.ems(h.text) * Double(fontSize) * 10 / Double(max(1, w)) - 0.001).rounded(.up)))
        }
        total += Double(most) * line + 20 + 2 * Double(verticalMargin)
      }
      for row in layout.table.rows {
        var most = 1
        for (c, value) in layout.cells(of: row).enumerated() where layout.columns[c].kind == .text {
          most = max(most, lines(RenderText.ems(layout.text(value)), col: c, indent: c == layout.nameColumn ? max(0, row.level) : 0))
        }
        total += Double(most) * line + 20 + 2 * Double(verticalMargin)
      }
      return Int(total)
    }

    /// Widths by content: codes and figures as wide as their longest entry (or their header in at most two lines,
    /// so 基本支出 stays on one); the text columns the rest, as wide as their longest name when everything fits,
    /// else each as wide as its names need to take the same, fewest number of lines. What is left over is shared
    /// in proportion to those widths. nil when the minimums alone exceed the available width.
    static func allocate(_ layout: TableLayout, available: Int, fontSize: Int) -> [Int]? {
      let emTwips = Double(fontSize) * 10  // half-points → twips per em
      let pad = Double(padding)
      let rows = layout.table.rows.filter { $0.kind != .emptyMarker }.map { layout.cells(of: $0) }
      let n = layout.columnCount
      var mins = [Int](repeating: 0, count: n), natural = [Int](repeating: 0, count: n)
      for c in 0..<n {
        let kind = layout.columns[c].kind
        let longest = rows.map { RenderText.ems(layout.text($0[c])) }.max() ?? 0
        // The lowest header cell over this column alone.
        let header =
          (0..<layout.headerRowCount).reversed().lazy
          .compactMap { layout.cellCovering(row: $0, col: c) }.first { $0.colSpan == 1 }?.text ?? ""
        let headerEms = RenderText.ems(header)
        switch kind {
        case .code, .amount, .count:
          // Never wrap a code or a figure; a long header (国有资本经营预算) may take two lines, a short one not.
          let ems = max(longest, min(headerEms, 4), 2)
          mins[c] = Int((ems * emTwips + pad).rounded(.up))
          natural[c] = max(mins[c] + Int(emTwips), Int((min(headerEms, max(4, (headerEms / 2).rounded(.up))) * emTwips + pad).rounded(.up)))
        case .text:
          let indent = c == layout.nameColumn ? Double(layout.table.rows.map(\.level).max() ?? 0) : 0
          mins[c] = Int(((min(max(longest, 2), 4) + indent) * emTwips + pad).rounded(.up))
          natural[c] = max(mins[c], Int(((headerEms / 2).rounded(.up) * emTwips + pad).rounded(.up)))
        }
      }
      guard mins.reduce(0, +) <= available else { return nil }
      let text = (0..<n).filter { layout.columns[$0].kind == .text }
      let names = nameCells(layout)
      /// What text column c needs for its names to take at most `lines` lines.
      func need(_ c: Int, lines: Int) -> Int {
        let ems = names.filter { $0.col == c }.map { Double($0.indent) + ($0.ems / Double(lines)).rounded(.up) }.max() ?? 0
        return max(natural[c], Int((ems * emTwips + pad).rounded(.up)))
      }
      let figures = (0..<n).filter { layout.columns[$0].kind != .text }
      /// The widths with the figures at their natural width, or (`tight`) at the least they need.
      func widths(tight: Bool) -> [Int] {
        var widths = natural
        if tight || figures.reduce(0, { $0 + natural[$1] }) + text.reduce(0, { $0 + mins[$1] }) > available {
          for c in figures { widths[c] = mins[c] }
        }
        let textRoom = available - figures.reduce(0) { $0 + widths[$1] }
        var lines = 1
        while lines < 40 && text.reduce(0, { $0 + need($1, lines: lines) }) > textRoom { lines += 1 }
        for c in text { widths[c] = lines < 40 ? need(c, lines: lines) : mins[c] }
        if widths.reduce(0, +) > available {
          // Text at its minimum still too wide beside the figures at their natural width: figures at theirs too.
          widths = mins
        }
        // The room left over first lets whole columns of names fit on one line, the column with the most names
        // saved per twip first (财政拨款收支总表's 类 before the 收入 beside them); the rest in proportion to the widths.
        var spare = available - widths.reduce(0, +)
        while true {
          var pick: (c: Int, deficit: Int, value: Double)? = nil
          for c in text {
            let deficit = need(c, lines: 1) - widths[c]
            guard deficit > 0, deficit <= spare else { continue }
            let usable = Double(widths[c] - padding) / emTwips
            let saved = names.filter { $0.col == c && $0.ems > usable - Double($0.indent) }.count
            let value = Double(saved) / Double(deficit)
            if saved > 0 && value > (pick?.value ?? 0) { pick = (c, deficit, value) }
          }
          guard let pick else { break }
          widths[pick.c] += pick.deficit
          spare -= pick.deficit
        }
        let takers = text.isEmpty ? Array(0..<n) : text
        let base = takers.reduce(0) { $0 + widths[$1] }
        if spare > 0 && base > 0 {
          for c in takers { widths[c] += spare * widths[c] / base }
        }
        return adjust(widths, to: available)
      }
      // Figures with a little room (基本支出 on one line) unless taking it back keeps more names on one line.
      let roomy = widths(tight: false), tight = widths(tight: true)
      return TableFit(page: .portrait, fontSize: fontSize, widths: tight).wrappedLines(layout)
        < TableFit(page: .portrait, fontSize: fontSize, widths: roomy).wrappedLines(layout) ? tight : roomy
    }

    /// Gives the rounding remainder to the widest column so the table is exactly the text width.
    static func adjust(_ widths: [Int], to available: Int) -> [Int] {
      var w = widths
      let diff = available - w.reduce(0, +)
      if diff > 0, let i = w.indices.max(by: { w[$0] < w[$1] }) { w[i] += diff }
      return w
    }
  }

  // MARK: - Package parts

  static let wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let rNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  static func contentTypes(draft: Bool) -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    return XML.declaration + """
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/word/document.xml" ContentType="\(wml).document.main+xml"/>\
      <Override PartName="/word/styles.xml" ContentType="\(wml).styles+xml"/>\
      <Override PartName="/word/settings.xml" ContentType="\(wml).settings+xml"/>\
      <Override PartName="/word/fontTable.xml" ContentType="\(wml).fontTable+xml"/>\
      <Override PartName="/word/footer1.xml" ContentType="\(wml).footer+xml"/>\
      <Override PartName="/word/footer2.xml" ContentType="\(wml).footer+xml"/>\
      <Override PartName="/word/footer3.xml" ContentType="\(wml).footer+xml"/>\
      <Override PartName="/word/footer4.xml" ContentType="\(wml).footer+xml"/>\
      \(draft ? "<Override PartName=\"/word/header1.xml\" ContentType=\"\(wml).header+xml\"/>" : "")\
      <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
      <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
      </Types>
      """
  }

  static let packageRels =
    XML.declaration + """
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
      <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
      <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
      </Relationships>
      """

  static func documentRels(draft: Bool) -> String {
    let t = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return XML.declaration + """
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" Type="\(t)/styles" Target="styles.xml"/>\
      <Relationship Id="rId2" Type="\(t)/settings" Target="settings.xml"/>\
      <Relationship Id="rId3" Type="\(t)/fontTable" Target="fontTable.xml"/>\
      <Relationship Id="rId4" Type="\(t)/footer" Target="footer1.xml"/>\
      <Relationship Id="rId6" Type="\(t)/footer" Target="footer2.xml"/>\
      <Relationship Id="rId7" Type="\(t)/footer" Target="footer3.xml"/>\
      <Relationship Id="rId8" Type="\(t)/footer" Target="footer4.xml"/>\
      \(draft ? "<Relationship Id=\"rId5\" Type=\"\(t)/header\" Target=\"header1.xml\"/>" : "")\
      </Relationships>
      """
  }

  /// No dates: they would make two renders of the same document differ.
  static func coreProperties(_ doc: PublishedDocument) -> String {
    XML.declaration + """
      <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
      <dc:title>\(XML.escape(doc.title))</dc:title><dc:creator>\(XML.escape(doc.department))</dc:creator>\
      <dc:language>zh-CN</dc:language></cp:coreProperties>
      """
  }

  static let appProperties =
    XML.declaration + """
      <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>yusuan</Application></Properties>
      """

  static let settings =
    XML.declaration + """
      <w:settings xmlns:w="\(wNS)"><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>\
      <w:characterSpacingControl w:val="compressPunctuation"/>\
      <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
      <w:themeFontLang w:val="zh-CN" w:eastAsia="zh-CN"/></w:settings>
      """

  /// The fonts with their GB2312 charset and common alternative names, so Word/WPS substitute sensibly.
  static let fontTable: String = {
    let fonts: [(name: String, alt: String?, family: String, pitch: String, charset: String)] = [
      ("Times New Roman", nil, "roman", "variable", "00"),
      ("仿宋_GB2312", "仿宋", "modern", "fixed", "86"),
      ("仿宋", "FangSong", "modern", "fixed", "86"),
      ("宋体", "SimSun", "auto", "variable", "86"),
      ("黑体", "SimHei", "modern", "fixed", "86"),
      ("楷体_GB2312", "楷体", "modern", "fixed", "86"),
      ("方正小标宋简体", "宋体", "script", "fixed", "86"),
    ]
    var x = XML.declaration + "<w:fonts xmlns:w=\"\(wNS)\">"
    for f in fonts {
      x += "<w:font w:name=\"\(f.name)\">"
      if let alt = f.alt { x += "<w:altName w:val=\"\(alt)\"/>" }
      x += "<w:charset w:val=\"\(f.charset)\"/><w:family w:val=\"\(f.family)\"/><w:pitch w:val=\"\(f.pitch)\"/></w:font>"
    }
    return x + "</w:fonts>"
  }()

  static func fonts(_ eastAsia: String, latin: String? = nil) -> String {
    let l = latin ?? eastAsia
    return "<w:rFonts w:ascii=\"\(l)\" w:hAnsi=\"\(l)\" w:eastAsia=\"\(eastAsia)\" w:cs=\"\(l)\"/>"
  }

  static let styles: String = {
    let lang = "<w:lang w:val=\"zh-CN\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>"
    let exact28 = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/>"
    let single = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
    let indent2 = "<w:ind w:firstLine=\"640\" w:firstLineChars=\"200\"/>"
    let noIndent = "<w:ind w:left=\"0\" w:firstLine=\"0\" w:firstLineChars=\"0\"/>"
    func size(_ halfPoints: Int) -> String { "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>" }
    /// A style based on Normal. `body: false` takes it off the page's line grid (a table cell's 10.5 pt lines would
    /// otherwise each take a 28 pt grid line) and back to plain character spacing.
    func style(_ id: String, _ name: String, pPr: String, rPr: String, next: String = "Normal", body: Bool = false) -> String {
      var pPr = pPr, rPr = rPr
      if !body {
        // Schema order: keepNext … snapToGrid, spacing …; in the run, spacing before sz.
        let at = pPr.hasPrefix("<w:keepNext/>") ? pPr.index(pPr.startIndex, offsetBy: "<w:keepNext/>".count) : pPr.startIndex
        pPr.insert(contentsOf: "<w:snapToGrid w:val=\"0\"/>", at: at)
        if let sz = rPr.range(of: "<w:sz ") { rPr.insert(contentsOf: "<w:spacing w:val=\"0\"/>", at: sz.lowerBound) }
      }
      return "<w:style w:type=\"paragraph\" w:customStyle=\"\(id.hasPrefix("Table") || id == "DraftMark" ? "1" : "0")\" w:styleId=\"\(id)\">"
        + "<w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"\(next)\"/><w:qFormat/>"
        + "<w:pPr>\(pPr)</w:pPr><w:rPr>\(rPr)</w:rPr></w:style>"
    }
    var x = XML.declaration + "<w:styles xmlns:w=\"\(wNS)\">"
    x += "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts("仿宋_GB2312", latin: "Times New Roman"))<w:kern w:val=\"2\"/>\(size(32))\(lang)</w:rPr></w:rPrDefault>"
    // overflowPunct="1" is Word's own default (omitted = on: a line-final ，。 may overflow into the margin), so Word
    // lays out as before. LibreOffice reads the element inverted (writerfilter: hanging = val == 0) and, when it
    // is absent, hangs by its own default; on a justified line it then drops the hanging glyph from the page:
    // `“三公”经费，是指` printed as `经费` / `是指` (issue 11). Written out, LibreOffice does not hang: it carries
    // the last character down with the mark (the usual Chinese way) and every ， stays on the page.
    x += "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:overflowPunct w:val=\"1\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    // Body: 仿宋_GB2312 三号, 2-character first-line indent, fixed 28 pt lines (22 lines a page).
    x += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
    x += "<w:pPr>\(exact28)\(indent2)<w:jc w:val=\"both\"/></w:pPr>"
    x += "<w:rPr>\(fonts("仿宋_GB2312", latin: "Times New Roman"))<w:spacing w:val=\"\(bodyCharacterSpacing)\"/>\(size(32))\(lang)</w:rPr></w:style>"
    x +=
      "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>"
    x += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/>"
    x +=
      "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
    // Document title: 方正小标宋简体 二号, centred.
    x += style(
      "Title", "Title",
      pPr:
        "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"560\" w:line=\"700\" w:lineRule=\"exact\"/>\(noIndent)<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
      rPr: fonts("方正小标宋简体") + size(44))
    // 第一部分 …: 黑体 三号, centred. 一、: 黑体 三号. （一）: 楷体_GB2312 三号. 1.: 仿宋_GB2312 三号.
    x += style(
      "Heading1", "heading 1",
      pPr:
        "<w:keepNext/><w:spacing w:before=\"280\" w:after=\"280\" w:line=\"560\" w:lineRule=\"exact\"/>\(noIndent)<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
      rPr: fonts("黑体") + size(32))
    x += style("Heading2", "heading 2", pPr: "<w:keepNext/>\(exact28)\(indent2)<w:outlineLvl w:val=\"1\"/>", rPr: fonts("黑体") + size(32), body: true)
    x += style("Heading3", "heading 3", pPr: "<w:keepNext/>\(exact28)\(indent2)<w:outlineLvl w:val=\"2\"/>", rPr: fonts("楷体_GB2312") + size(32), body: true)
    x += style(
      "Heading4", "heading 4", pPr: "<w:keepNext/>\(exact28)\(indent2)<w:outlineLvl w:val=\"3\"/>",
      rPr: fonts("仿宋_GB2312", latin: "Times New Roman") + size(32), body: true)
    // Tables: label right, title centred bold, unit right, cells single-spaced without indent.
    x += style("TableLabel", "Table Label", pPr: "<w:keepNext/>\(single)\(noIndent)<w:jc w:val=\"right\"/>", rPr: fonts("黑体") + size(24))
    x += style(
      "TableTitle", "Table Title",
      pPr: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/>\(noIndent)<w:jc w:val=\"center\"/>",
      rPr: fonts("宋体") + "<w:b/><w:bCs/>" + size(32))
    x += style(
      "TableUnit", "Table Unit",
      pPr: "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/>\(noIndent)<w:jc w:val=\"right\"/>",
      rPr: fonts("宋体", latin: "Times New Roman") + size(21))
    x += style(
      "TableText", "Table Text", pPr: "\(single)\(noIndent)<w:jc w:val=\"left\"/>", rPr: fonts("宋体", latin: "Times New Roman") + size(21), next: "TableText")
    x += style(
      "TableTextSmall", "Table Text Small", pPr: "\(single)\(noIndent)<w:jc w:val=\"left\"/>", rPr: fonts("宋体", latin: "Times New Roman") + size(18),
      next: "TableTextSmall")
    x += style(
      "TableNote", "Table Note", pPr: "<w:spacing w:before=\"120\" w:after=\"0\" w:line=\"360\" w:lineRule=\"auto\"/>\(noIndent)<w:jc w:val=\"both\"/>",
      rPr: fonts("仿宋_GB2312", latin: "Times New Roman") + size(24))
    x += style("Header", "header", pPr: "\(single)\(noIndent)<w:jc w:val=\"right\"/>", rPr: fonts("黑体") + size(18))
    x += style("Footer", "footer", pPr: "\(single)\(noIndent)<w:jc w:val=\"center\"/>", rPr: fonts("宋体", latin: "宋体") + size(28))
    return x + "</w:styles>"
  }()

  /// "— 1 —": the 公文 page number (四号 宋体) with a PAGE field, placed as GB/T 9704 says: odd pages on the right,
  /// even pages on the left, one character (四号 = 280 twips) in from the edge of the type area.
  static func footer(odd: Bool) -> String {
    let place = odd ? "<w:ind w:right=\"280\"/><w:jc w:val=\"right\"/>" : "<w:ind w:left=\"280\"/><w:jc w:val=\"left\"/>"
    return XML.declaration + """
      <w:ftr xmlns:w="\(wNS)" xmlns:r="\(rNS)"><w:p><w:pPr><w:pStyle w:val="Footer"/>\(place)</w:pPr>\
      <w:r><w:t xml:space="preserve">— </w:t></w:r>\
      <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
      <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
      <w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>
      """
  }

  /// The page number of a landscape page where GB/T 9704 §10.2 puts it: where it is on the portrait pages once the
  /// sheet is turned back (the table's head toward the binding edge), i.e. at the landscape page's left edge, turned
  /// a quarter (text top to bottom), odd pages near the bottom and even pages near the top, one character in from
  /// the portrait type area's edge. A one-cell table floating at a fixed place on the page, its cell's text
  /// direction tbRl, holds it — Word and LibreOffice both lay that out (a framed paragraph cannot turn its text).
  static func landscapeFooter(odd: Bool) -> String {
    let length = 1400, thickness = 520
    let portrait = Page.portrait, landscape = Page.landscape
    // Portrait x (from the left edge) becomes landscape y (from the top).
    let y = odd ? landscape.height - portrait.right - 280 - length : portrait.left + 280
    // Portrait distance from the bottom edge (the footer's 992) becomes the distance from the left edge.
    let x = 992 - 292
    return XML.declaration + """
      <w:ftr xmlns:w="\(wNS)" xmlns:r="\(rNS)"><w:tbl><w:tblPr>\
      <w:tblpPr w:leftFromText="0" w:rightFromText="0" w:vertAnchor="page" w:horzAnchor="page" w:tblpX="\(x)" w:tblpY="\(y)"/>\
      <w:tblW w:w="\(thickness)" w:type="dxa"/><w:tblLayout w:type="fixed"/>\
      <w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>\
      <w:tblGrid><w:gridCol w:w="\(thickness)"/></w:tblGrid><w:tr><w:trPr><w:trHeight w:val="\(length)" w:hRule="exact"/></w:trPr>\
      <w:tc><w:tcPr><w:tcW w:w="\(thickness)" w:type="dxa"/><w:textDirection w:val="tbRl"/><w:vAlign w:val="center"/></w:tcPr>\
      <w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="\(odd ? "right" : "left")"/></w:pPr>\
      <w:r><w:t xml:space="preserve">— </w:t></w:r>\
      <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
      <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
      <w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p></w:ftr>
      """
  }

  /// The 草稿 mark: a grey word in the header (always visible, also in text extraction) and a large grey
  /// diagonal watermark behind the text (VML text path, as Word's own watermark feature writes it).
  static let draftHeader =
    XML.declaration + """
      <w:hdr xmlns:w="\(wNS)" xmlns:r="\(rNS)" xmlns:v="urn:schemas-microsoft-com:vml" \
      xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word">\
      <w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>\
      <w:r><w:rPr>\(fonts("黑体"))<w:b/><w:bCs/><w:color w:val="A6A6A6"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr><w:t>草稿</w:t></w:r>\
      <w:r><w:rPr><w:noProof/></w:rPr><w:pict>\
      <v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">\
      <v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>\
      <v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>\
      <v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/>\
      <v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>\
      <v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>\
      <v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>\
      <o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>\
      <v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" \
      style="position:absolute;margin-left:0;margin-top:0;width:360pt;height:180pt;rotation:315;z-index:-251657216;\
      mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" \
      o:allowincell="f" fillcolor="#d9d9d9" stroked="f"><v:fill opacity=".5"/>\
      <v:textpath style="font-family:&quot;黑体&quot;;font-size:1pt" string="草稿"/>\
      <w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r></w:p></w:hdr>
      """
}
