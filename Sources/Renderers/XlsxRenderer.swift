// The tables as the Excel attachment (附件 预算表): one sheet per table, printed like the Word tables.
//
// Figures are numbers (`<v>` with a #,##0.00 format) so readers can add them up in Excel; every text is an
// inline string, so nothing typed by an officer (e.g. "=cmd|…") can ever become a formula.
import Foundation
import YusuanCore

public enum XlsxRenderer: DocumentRenderer {
  public static let fileExtension = "xlsx"

  public static func render(_ doc: PublishedDocument) throws -> Data {
    var styles = StyleSheet()
    var sheets: [(name: String, xml: String, printTitles: String?)] = []
    var usedNames = Set<String>()
    let tables = doc.tables
    for (i, table) in tables.enumerated() {
      let name = sheetName(for: table, doc: doc, index: i, used: &usedNames)
      let sheet = SheetBuilder(table: table, draft: doc.draft, styles: styles)
      let (xml, titles) = sheet.build()
      styles = sheet.styles
      sheets.append((name, xml, titles))
    }
    if sheets.isEmpty {
      // A workbook needs at least one sheet; say plainly that there are no tables.
      let table = DocTable(
        id: "", label: nil, title: doc.title, unit: "", money: MoneyFormat(unit: .wan, decimals: 2, grouping: false),
        header: [], columns: [Column(.text, width: 20)],
        rows: [TableRow(kind: .emptyMarker, cells: [.text("本文档没有表格")])])
      let sheet = SheetBuilder(table: table, draft: doc.draft, styles: styles)
      let (xml, _) = sheet.build()
      styles = sheet.styles
      sheets.append(("预算表", xml, nil))
    }

    var zip = ZipWriter()
    zip.add("[Content_Types].xml", contentTypes(sheetCount: sheets.count))
    zip.add("_rels/.rels", packageRels)
    zip.add("docProps/core.xml", coreProperties(doc))
    zip.add("docProps/app.xml", appProperties)
    zip.add("xl/workbook.xml", workbook(sheets.map { ($0.name, $0.printTitles) }))
    zip.add("xl/_rels/workbook.xml.rels", workbookRels(sheetCount: sheets.count))
    zip.add("xl/styles.xml", styles.xml)
    for (i, sheet) in sheets.enumerated() { zip.add("xl/worksheets/sheet\(i + 1).xml", sheet.xml) }
    return try zip.archive()
  }

  // MARK: - Sheet names

  /// The table's label (部门公开表5) or its short name (一般公共预算支出表), ≤ 31 characters,
  /// without the characters Excel forbids, unique in the workbook.
  static func sheetName(for table: DocTable, doc: PublishedDocument, index: Int, used: inout Set<String>) -> String {
    var base = table.label ?? ""
    if base.trimmingCharacters(in: .whitespaces).isEmpty {
      base = table.title
      // 2025年度… before 2025年…: the sheet of 2025年度部门预算单位构成 is 部门预算单位构成, not 度部门预算单位构成.
      for prefix in [doc.department, "\(doc.year)年度", "\(doc.year)年", "\(doc.year)"] where !prefix.isEmpty && base.hasPrefix(prefix) {
        base.removeFirst(prefix.count)
      }
    }
    base = sanitizeSheetName(base)
    if base.isEmpty { base = table.id.isEmpty ? "表\(index + 1)" : sanitizeSheetName(table.id) }
    var name = base
    var n = 2
    while used.contains(name.lowercased()) {
      let suffix = "(\(n))"
      name = String(base.prefix(31 - suffix.count)) + suffix
      n += 1
    }
    used.insert(name.lowercased())
    return name
  }

  static func sanitizeSheetName(_ s: String) -> String {
    let forbidden = Set("[]:*?/\\")
    var name = String(s.filter { !forbidden.contains($0) && !$0.isNewline && $0.unicodeScalars.allSatisfy(Markup.isAllowed) })
    name = name.trimmingCharacters(in: .whitespaces)
    while name.hasPrefix("'") { name.removeFirst() }
    while name.hasSuffix("'") { name.removeLast() }
    // Excel counts UTF-16 code units.
    while name.utf16.count > 31 { name.removeLast() }
    if name.lowercased() == "history" { name = "history表" }
    return name
  }

  // MARK: - Cell references

  static func columnLetters(_ index: Int) -> String {
    var n = index + 1
    var s = ""
    while n > 0 {
      let r = (n - 1) % 26
      s = String(UnicodeScalar(UInt8(65 + r))) + s
      n = (n - 1) / 26
    }
    return s
  }

  static func ref(_ row: Int, _ col: Int) -> String { "\(columnLetters(col))\(row + 1)" }

  // MARK: - Styles

  /// The cell formats in use, registered in order of first use (deterministic, only what is needed).
  struct StyleSheet {
    struct Font: Hashable { var bold = false; var size = 11; var name = "宋体"; var grey = false }
    struct Format: Hashable {
      var font = Font()
      var numFmt = 0
      var border = false
      var horizontal: String? = nil
      var vertical = "center"
      var wrap = false
      var indent = 0
      /// Text that starts like a formula (= + - @) keeps Excel's quote prefix, so editing the cell never turns it
      /// into a live formula.
      var quotePrefix = false
    }
    private(set) var fonts: [Font] = [Font()]
    private(set) var formats: [Format] = [Format()]

    mutating func index(_ f: Format) -> Int {
      if !fonts.contains(f.font) { fonts.append(f.font) }
      if let i = formats.firstIndex(of: f) { return i }
      formats.append(f)
      return formats.count - 1
    }

    static let amountFormatID = 164

    /// The number format of amounts with `decimals` decimals: 164 is #,##0.00, the others follow it.
    static func amountFormatID(decimals: Int) -> Int { decimals == 2 ? amountFormatID : amountFormatID + 1 + decimals }

    /// The custom number formats in use (#,##0.00 always, so a workbook without other formats is unchanged).
    var numFmtsXML: String {
      let others = Set(formats.map(\.numFmt)).filter { $0 > Self.amountFormatID }.sorted()
      var x = "<numFmts count=\"\(1 + others.count)\"><numFmt numFmtId=\"\(Self.amountFormatID)\" formatCode=\"#,##0.00\"/>"
      for id in others {
        let d = id - Self.amountFormatID - 1
        x += "<numFmt numFmtId=\"\(id)\" formatCode=\"#,##0\(d > 0 ? "." + String(repeating: "0", count: d) : "")\"/>"
      }
      return x + "</numFmts>"
    }

    var xml: String {
      var x = XML.declaration + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      x += numFmtsXML
      x += "<fonts count=\"\(fonts.count)\">"
      for f in fonts {
        x +=
          "<font>\(f.bold ? "<b/>" : "")<sz val=\"\(f.size)\"/>\(f.grey ? "<color rgb=\"FF808080\"/>" : "")<name val=\"\(XML.escape(f.name))\"/><family val=\"3\"/><charset val=\"134\"/></font>"
      }
      x += "</fonts>"
      // The first two fills are mandatory (none, gray125); Excel repairs the file without them.
      x += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
      x += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
      x +=
        "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right><top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
      x += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      x += "<cellXfs count=\"\(formats.count)\">"
      for f in formats {
        let fontID = fonts.firstIndex(of: f.font) ?? 0
        x += "<xf numFmtId=\"\(f.numFmt)\" fontId=\"\(fontID)\" fillId=\"0\" borderId=\"\(f.border ? 1 : 0)\" xfId=\"0\""
        if f.numFmt != 0 { x += " applyNumberFormat=\"1\"" }
        if fontID != 0 { x += " applyFont=\"1\"" }
        if f.border { x += " applyBorder=\"1\"" }
        if f.quotePrefix { x += " quotePrefix=\"1\"" }
        x += " applyAlignment=\"1\"><alignment"
        if let h = f.horizontal { x += " horizontal=\"\(h)\"" }
        x += " vertical=\"\(f.vertical)\""
        if f.wrap { x += " wrapText=\"1\"" }
        if f.indent > 0 { x += " indent=\"\(f.indent)\"" }
        x += "/></xf>"
      }
      x += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
      x += "<dxfs count=\"0\"/><tableStyles count=\"0\"/></styleSheet>"
      return x
    }
  }

  // MARK: - One sheet

  private final class SheetBuilder {
    let table: DocTable
    let layout: TableLayout
    let draft: Bool
    var styles: StyleSheet
    var rowsXML: [String] = []
    var merges: [String] = []
    var rowIndex = 0

    init(table: DocTable, draft: Bool, styles: StyleSheet) {
      self.table = table; self.layout = TableLayout(table); self.draft = draft; self.styles = styles
    }

    func text(_ r: Int, _ c: Int, _ s: String, _ style: Int) -> String {
      guard !s.isEmpty else { return "<c r=\"\(XlsxRenderer.ref(r, c))\" s=\"\(style)\"/>" }
      let space = s.first!.isWhitespace || s.last!.isWhitespace ? " xml:space=\"preserve\"" : ""
      return "<c r=\"\(XlsxRenderer.ref(r, c))\" s=\"\(style)\" t=\"inlineStr\"><is><t\(space)>\(XML.escape(s))</t></is></c>"
    }

    func number(_ r: Int, _ c: Int, _ v: String, _ style: Int) -> String {
      "<c r=\"\(XlsxRenderer.ref(r, c))\" s=\"\(style)\"><v>\(v)</v></c>"
    }

    func addRow(_ cells: [String], height: Double? = nil) {
      let ht = height.map { " ht=\"\($0)\" customHeight=\"1\"" } ?? ""
      rowsXML.append("<row r=\"\(rowIndex + 1)\"\(ht)>\(cells.joined())</row>")
      rowIndex += 1
    }

    func mergeRow(_ r: Int, from c0: Int = 0, to c1: Int) {
      if c1 > c0 { merges.append("\(XlsxRenderer.ref(r, c0)):\(XlsxRenderer.ref(r, c1))") }
    }

    func build() -> (String, String?) {
      let n = layout.columnCount
      let last = n - 1
      let plain = styles.index(.init(horizontal: "left"))
      let titleStyle = styles.index(.init(font: .init(bold: true, size: 16), horizontal: "center", wrap: true))
      let unitStyle = styles.index(.init(horizontal: "right"))
      let draftStyle = styles.index(.init(font: .init(bold: true, size: 16, name: "黑体", grey: true), horizontal: "right"))
      let headerStyle = styles.index(.init(font: .init(bold: true), border: true, horizontal: "center", wrap: true))
      let noteStyle = styles.index(.init(horizontal: "left", vertical: "top", wrap: true))
      let emptyStyle = styles.index(.init(border: true, horizontal: "center"))

      // Label (and the 草稿 mark), title, unit: merged across the table so they print centred over it.
      if table.label != nil || draft {
        var cells = [text(rowIndex, 0, table.label ?? "", plain)]
        if draft { cells.append(text(rowIndex, max(last, 1), "草稿", draftStyle)) }
        addRow(cells)
      }
      addRow([text(rowIndex, 0, table.title, titleStyle)] + (1..<max(n, 1)).map { text(rowIndex, $0, "", titleStyle) }, height: 30)
      mergeRow(rowIndex - 1, to: last)
      if let preparer = table.preparer, last > 0 {
        // 编制部门 in the first column, the unit in the last, on one row as the template lays them.
        addRow([text(rowIndex, 0, preparer, plain)] + (1..<last).map { text(rowIndex, $0, "", unitStyle) } + [text(rowIndex, last, table.unit, unitStyle)])
      } else if !table.unit.isEmpty {
        addRow((0..<last).map { text(rowIndex, $0, "", unitStyle) } + [text(rowIndex, last, table.unit, unitStyle)])
      }

      // Header rows with their merges; every cell of a merged area carries the border.
      let headerStart = rowIndex
      for r in 0..<layout.headerRowCount {
        var cells: [String] = []
        var lines = 1
        for c in 0..<n {
          let start = layout.cellStarting(row: r, col: c)
          cells.append(text(rowIndex, c, start?.text ?? "", headerStyle))
          if let cell = start, cell.colSpan > 1 || cell.rowSpan > 1 {
            merges.append("\(XlsxRenderer.ref(rowIndex, c)):\(XlsxRenderer.ref(rowIndex + cell.rowSpan - 1, c + cell.colSpan - 1))")
          }
          if let cell = start, cell.rowSpan == 1 {
            lines = max(lines, lineCount(cell.text, width: widths[c..<(c + cell.colSpan)].reduce(0, +)))
          }
        }
        addRow(cells, height: rowHeight(lines))
      }
      let headerEnd = rowIndex - 1

      // Merged body cells (绩效目标表): Excel shows the top-left cell's text over the rectangle.
      for m in table.merges ?? [] where m.rowSpan > 1 || m.colSpan > 1 {
        merges.append("\(XlsxRenderer.ref(rowIndex + m.row, m.col)):\(XlsxRenderer.ref(rowIndex + m.row + m.rowSpan - 1, m.col + m.colSpan - 1))")
      }
      let bodyStart = rowIndex
      for row in table.rows {
        if row.kind == .emptyMarker {
          addRow([text(rowIndex, 0, TableLayout.emptyMarkerText(row), emptyStyle)] + (1..<max(n, 1)).map { text(rowIndex, $0, "", emptyStyle) })
          mergeRow(rowIndex - 1, to: last)
          continue
        }
        var cells: [String] = []
        var lines = 1
        for (c, value) in layout.cells(of: row).enumerated() {
          let font = StyleSheet.Font(bold: row.isBold(c))
          // A position inside a merged rectangle is blank, as Excel keeps it (only the top-left cell shows).
          let cell = layout.merge(row: rowIndex - bodyStart, col: c).covered ? .blank : value
          switch cell {
          case .amount(let a):
            cells.append(
              number(
                rowIndex, c, table.money.number(a),
                styles.index(.init(font: font, numFmt: StyleSheet.amountFormatID(decimals: table.money.decimals), border: true, horizontal: "right"))))
          case .count(let k):
            cells.append(number(rowIndex, c, String(k), styles.index(.init(font: font, numFmt: 3, border: true, horizontal: "right"))))
          case .text(let s):
            let numeric = layout.isNumeric(c)
            let indent = c == layout.nameColumn ? max(0, row.level) : 0
            let formulaLike = s.first.map { "=+-@".contains($0) } ?? false
            cells.append(
              text(
                rowIndex, c, s,
                styles.index(
                  .init(
                    font: font, border: true, horizontal: numeric ? "right" : "left",
                    wrap: layout.columns[c].kind == .text, indent: indent, quotePrefix: formulaLike))))
            if layout.columns[c].kind == .text { lines = max(lines, lineCount(s, width: widths[c] - Double(indent) * 2)) }
          case .blank:
            cells.append(text(rowIndex, c, "", styles.index(.init(font: font, border: true))))
          }
        }
        addRow(cells, height: rowHeight(lines))
      }

      if let note = table.note, !note.isEmpty {
        addRow([text(rowIndex, 0, note, noteStyle)], height: rowHeight(lineCount(note, width: widths.reduce(0, +))) ?? 15)
        mergeRow(rowIndex - 1, to: last)
      }

      let lastRef = XlsxRenderer.ref(max(rowIndex - 1, 0), last)
      let wide = widths.reduce(0, +) > 100 || n > 8
      var x = XML.declaration
      x +=
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      x += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
      x += "<dimension ref=\"A1:\(lastRef)\"/>"
      x += "<sheetViews><sheetView workbookViewId=\"0\">"
      if layout.headerRowCount > 0 {
        x += "<pane ySplit=\"\(headerEnd + 1)\" topLeftCell=\"A\(headerEnd + 2)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
      }
      x += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
      x +=
        "<cols>" + widths.enumerated().map { "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>" }.joined()
        + "</cols>"
      x += "<sheetData>" + rowsXML.joined() + "</sheetData>"
      if !merges.isEmpty {
        x += "<mergeCells count=\"\(merges.count)\">" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
      }
      x += "<printOptions horizontalCentered=\"1\"/>"
      x += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
      x += "<pageSetup paperSize=\"9\" orientation=\"\(wide ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
      x += "<headerFooter>"
      if draft { x += "<oddHeader>&amp;R&amp;\"黑体,Bold\"&amp;16草稿</oddHeader>" }
      x += "<oddFooter>&amp;C— &amp;P —</oddFooter></headerFooter>"
      x += "</worksheet>"
      let titles = layout.headerRowCount > 0 ? "$\(headerStart + 1):$\(headerEnd + 1)" : nil
      return (x, titles)
    }

    /// Lines a wrapped text needs in a cell `width` characters wide (CJK characters count two).
    /// Row heights are set from it: LibreOffice and Excel do not grow rows for wrapped or merged cells on load.
    func lineCount(_ s: String, width: Double) -> Int {
      let usable = max(1, width - 1)
      if !s.utf8.contains(0x0A) { return max(1, Int((Double(DisplayWidth.of(s)) / usable).rounded(.up))) }
      return s.split(separator: "\n", omittingEmptySubsequences: false)
        .reduce(0) { $0 + max(1, Int((Double(DisplayWidth.of($1)) / usable).rounded(.up))) }
    }

    func rowHeight(_ lines: Int) -> Double? { lines <= 1 ? nil : Double(lines) * 14.5 + 2 }

    /// Column widths in Excel character units: codes and figures fit on one line, names get room to wrap.
    lazy var widths: [Double] = {
      let rows = table.rows.filter { $0.kind != .emptyMarker }.map { layout.cells(of: $0) }
      return (0..<layout.columnCount).map { c in
        let longest = rows.map { Double(DisplayWidth.of(layout.text($0[c]))) }.max() ?? 0
        let levelIndent = c == layout.nameColumn ? Double(table.rows.map(\.level).max() ?? 0) * 2 : 0
        switch layout.columns[c].kind {
        case .code: return max(10, longest + 2)
        case .amount: return max(12, longest + 4)  // room for thousands separators
        case .count: return max(8, longest + 3)
        case .text: return min(max(12, longest + levelIndent + 2, Double(layout.columns[c].width) * 1.5), 50)
        }
      }
    }()
  }

  // MARK: - Package parts

  static func contentTypes(sheetCount: Int) -> String {
    var x = XML.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    x += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    x += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    x += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    x += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    for i in 1...max(sheetCount, 1) {
      x += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    x += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    x += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    return x + "</Types>"
  }

  static let packageRels = DocxRenderer.packageRels.replacingOccurrences(of: "word/document.xml", with: "xl/workbook.xml")

  static func coreProperties(_ doc: PublishedDocument) -> String { DocxRenderer.coreProperties(doc) }
  static let appProperties = DocxRenderer.appProperties

  static func workbook(_ sheets: [(name: String, printTitles: String?)]) -> String {
    var x = XML.declaration
    x +=
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    x += "<bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"16000\" activeTab=\"0\"/></bookViews><sheets>"
    for (i, s) in sheets.enumerated() {
      x += "<sheet name=\"\(XML.escape(s.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
    }
    x += "</sheets>"
    // Print titles: the header rows repeat at the top of every printed page.
    let titles = sheets.enumerated().compactMap { i, s in
      s.printTitles.map { "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">\(XML.escape(quotedSheet(s.name)))!\($0)</definedName>" }
    }
    if !titles.isEmpty { x += "<definedNames>" + titles.joined() + "</definedNames>" }
    return x + "</workbook>"
  }

  /// A sheet name as it appears in a formula: always quoted, apostrophes doubled.
  static func quotedSheet(_ name: String) -> String { "'" + name.replacingOccurrences(of: "'", with: "''") + "'" }

  static func workbookRels(sheetCount: Int) -> String {
    let t = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    var x = XML.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    for i in 1...max(sheetCount, 1) {
      x += "<Relationship Id=\"rId\(i)\" Type=\"\(t)/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
    }
    x += "<Relationship Id=\"rId\(max(sheetCount, 1) + 1)\" Type=\"\(t)/styles\" Target=\"styles.xml\"/>"
    return x + "</Relationships>"
  }
}
