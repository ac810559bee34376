import Foundation
import YusuanCore

/// Turns PDF pages into the blocks every reader produces: tables found from their rules (one row block per printed
/// row, cells in grid columns, blanks kept), prose lines joined into paragraphs by their geometry, running heads and
/// page numbers left out, and a table continued on the next page joined to its first part with the repeated header
/// dropped. Each block's line number keys a `SourceSpot` (page and box) so findings can point at the page.
package enum PDFBlocks {
  package struct Result {
    package var blocks: [Block] = []
    package var spots: [Int: SourceSpot] = [:]
    package var findings: [Diagnostic] = []
    /// The box of each cell of a table row, by the row's line (nil for a blank cell), so a finding can box the cell.
    package var cellBoxes: [Int: [Box?]] = [:]
    /// Part headings seen in the layout: a short line centred on the page (上海市普陀区商务委员会主要职能, 名词解释).
    package var headings: [Int: Int] = [:]
  }

  /// A printed line outside any table.
  package struct Line {
    package var text: String
    package var box: Box
    package var page: Int
    /// Short and centred on its page: a title.
    package var centred = false
    /// The line split at wide gaps: more than one run on a line is a row of a table drawn without rules.
    package var runs: [StreamColumns.Run]
    package var words: [PDFWord]
  }

  /// Something on a page, in reading order.
  package enum Item {
    case line(Line)
    case table(LatticeTable, page: Int)
    package var top: Double {
      switch self {
      case .line(let l): return l.box.y0
      case .table(let t, _): return t.box.y0
      }
    }
  }

  /// `laidOutText`: the pages are laid-out text (`LayoutTextPages`), whose tables are read in slot order.
  package static func read(_ pages: [PDFPage], laidOutText: Bool = false) -> Result {
    var items: [[Item]] = []
    let margins = furniture(pages)
    for var page in pages {
      if !laidOutText { page.words = Furniture.withoutSideNumber(page) }
      let tables = LatticeFinder.tables(page.rulings, words: page.words)
      let loose = page.words.filter { w in !tables.contains { $0.box.contains(x: w.box.midX, y: w.box.midY) } }
      var pageItems: [Item] = tables.map { .table($0, page: page.number) }
      // A contents page: the lines under 目录 name headings and pages; they are neither headings nor prose.
      var contentsTop: Double? = nil
      for words in TextLines.group(loose) {
        let text = TextLines.join(words)
        guard let box = Box.enclosing(words.map(\.box)) else { continue }
        if let top = contentsTop, box.y0 > top { continue }
        let isContentsHeading = text.replacingOccurrences(of: " ", with: "") == "目录"
        if isContentsHeading { contentsTop = box.y1 }
        // A table label or title high on every page (部门公开表3 in a printed workbook) is no running head.
        if !Heuristics.isStructural(text),
          margins.contains(Furniture.Key(text: text, box: box, page: page)) || Furniture.isPageNumber(text, box: box, page: page)
        {
          continue
        }
        let height = words.map(\.box.height).sorted()[words.count / 2]
        // 目 录 spaced out is a heading, not a row of two cells.
        let runs = TextLines.runs(words, gap: isContentsHeading ? .infinity : 2 * height).map {
          StreamColumns.Run(text: TextLines.join($0), box: Box.enclosing($0.map(\.box))!)
        }
        var line = Line(text: text, box: box, page: page.number, runs: runs, words: words)
        line.centred =
          text.count <= 30 && abs(box.midX - page.width / 2) <= page.width * 0.08 && box.x0 > page.width * 0.2
          && !(text.last.map { "。；，".contains($0) } ?? false)
        pageItems.append(.line(line))
      }
      items.append(pageItems.sorted { $0.top < $1.top })
    }
    var result = assemble(items, pages: pages, laidOutText: laidOutText)
    let hidden = pages.filter { !$0.hiddenWords.isEmpty }
    if !hidden.isEmpty {
      let pageList = hidden.map { "第\($0.number)页" }.joined(separator: "、")
      let sample = hidden.first!.hiddenWords.prefix(2).map { "“\($0.text.prefix(16))…”" }.joined(separator: "、")
      result.findings.append(
        Diagnostic(
          rule: AuditRuleID.readHiddenText, severity: .info, table: "文件",
          message: "\(pageList)的文字层中有 \(hidden.map(\.hiddenWords.count).reduce(0, +)) 段文字在页面上被裁剪、不可见（如 \(sample)），按页面所见审读，未计入。",
          plugin: "audit"))
    }
    let marked = pages.filter { !$0.watermarkWords.isEmpty }
    if !marked.isEmpty {
      let pageList = marked.count == pages.count ? "每一页" : marked.map { "第\($0.number)页" }.joined(separator: "、")
      // In the order the slant runs across the page.
      let sample = marked.first!.watermarkWords.sorted { $0.box.x0 < $1.box.x0 }.map(\.text).joined().prefix(20)
      result.findings.append(
        Diagnostic(
          rule: AuditRuleID.readWatermark, severity: .info, table: "文件",
          message: "\(pageList)有斜排的水印文字（“\(sample)”），不属于正文和表格，未计入。", plugin: "audit"))
    }
    return result
  }

  package static func assemble(_ items: [[Item]], pages: [PDFPage], laidOutText: Bool = false) -> Result {
    var r = Result()
    var line = 0
    var group = 0
    /// The open table: its group, column count and first rows (to recognise a header repeated on a new page).
    var open: (group: Int, xs: [Double], head: [[String]])? = nil
    /// The last row emitted for the open table: where its block is, its cells, and which cells' text ran to the
    /// cell's right edge (so may go on in the same row on the next page).
    var lastRow: (block: Int, cells: [String], wraps: [Bool])? = nil
    var paragraph: [Line] = []
    /// The open table drawn without rules: its group, columns and first rows.
    var streamOpen: (group: Int, columns: [StreamColumns.Column], head: [[String]])? = nil
    var lastWasStream = false
    let prose = ProseGeometry(items.flatMap { $0 }.compactMap { if case .line(let l) = $0 { return l } else { return nil } })

    func spot(_ box: Box, page: Int) -> Int {
      line += 1
      r.spots[line] = SourceSpot(line: line, page: page, box: box)
      return line
    }
    func flushParagraph() {
      guard let first = paragraph.first else { return }
      let text = paragraph.map(\.text).joined()
      let onFirstPage = paragraph.filter { $0.page == first.page }.map(\.box)
      let n = spot(Box.enclosing(onFirstPage) ?? first.box, page: first.page)
      if paragraph.count == 1 && first.centred && !Heuristics.isStructural(text) && Heuristics.headingLevel(text) == nil { r.headings[n] = 0 }
      r.blocks.append(.text(text, line: n))
      paragraph = []
    }
    func isStreamRow(_ item: Item) -> Bool {
      guard case .line(let l) = item else { return false }
      return l.runs.count >= 2 && !Heuristics.isStructural(l.text) && Heuristics.unit(l.text) == nil
    }
    /// The structural lines printed just before the open table (label, title, unit): a workbook printed with print
    /// titles repeats them at the top of every page, above the continued table.
    var titleBlock: [String] = []
    var recent: [String] = []
    /// Whether a table under a repeat of the open table's title is the next copy of a form, not its continuation.
    func newForm(_ t: LatticeTable) -> Bool {
      guard let o = open, let onto = columnMap(t.xs, onto: o.xs) else { return false }
      let part = gridRows(t, columns: onto, width: o.xs.count - 1)
      let drop = repeatedHeader(part, of: o.head)
      return repeatsTheForm(Array(part.dropFirst(drop)), of: Array(o.head.dropFirst(drop)))
    }
    for pageItems in items {
      var k = 0
      // Skip a repeat of the open table's title block at the top of the page: the table below continues.
      var firstContent = 0
      if open != nil, !titleBlock.isEmpty {
        while firstContent < pageItems.count, case .line(let l) = pageItems[firstContent], titleBlock.contains(l.text) { firstContent += 1 }
        if firstContent > 0, firstContent < pageItems.count, case .table(let t, _) = pageItems[firstContent], !newForm(t) {
          k = firstContent
        } else {
          firstContent = 0
        }
      }
      while k < pageItems.count {
        let item = pageItems[k]
        defer { k += 1 }
        switch item {
        case .line(let l):
          if isStreamRow(item) {
            // A table drawn without rules: its consecutive rows (and the wrapped cell lines between them), with
            // columns found from how the words line up.
            flushParagraph()
            let start = k
            var lines = [l]
            while k + 1 < pageItems.count, case .line(let next) = pageItems[k + 1] {
              if isStreamRow(pageItems[k + 1]) { lines.append(next); k += 1; continue }
              // Lines of one cell (a wrapped name, or a row whose figures are all blank: 二、事业收入) count when a
              // row of the table follows after them.
              var j = k + 1
              while j < pageItems.count, j - k <= 8, case .line(let l) = pageItems[j], !isStreamRow(pageItems[j]), StreamColumns.isOneCellRow(l) { j += 1 }
              guard j > k + 1, j < pageItems.count, j - k <= 8, isStreamRow(pageItems[j]) else { break }
              for case .line(let l) in pageItems[(k + 1)..<j] { lines.append(l) }
              k = j - 1
            }
            // At the top of a page, after a table drawn the same way at the end of the last: its continuation.
            let continues = start == 0 && lastWasStream && streamOpen != nil
            let read = StreamColumns.rows(lines.map { ($0.words, $0.box) }, reuse: continues ? streamOpen!.columns : nil, grid: laidOutText)
            var body = read.rows
            if continues {
              var drop = 0
              while drop < body.count, drop < streamOpen!.head.count, body[drop].cells == streamOpen!.head[drop] { drop += 1 }
              body.removeFirst(drop)
            } else {
              group += 1
              streamOpen = (group, read.columns, Array(read.rows.prefix(4).map(\.cells)))
            }
            // In laid-out text, a table of one figure row under a header of several lines (the 三公 table) cannot be
            // placed: pdftotext squeezes the row and the header differently, and no second row shows where the
            // columns lie. It is left unread (reported as 未能核对) rather than guessed.
            if laidOutText, !continues, read.rows.filter({ $0.cells.contains { TableReading.looksNumeric($0) && $0.contains(".") } }).count < 2,
              lines.filter({ !$0.words.contains(where: StreamColumns.isFigure) }).count >= 2
            {
              lastWasStream = false
              streamOpen = nil
              continue
            }
            for (line, cells, boxes) in body {
              let source = lines.first { $0.box == line } ?? l
              let n = spot(line, page: source.page)
              r.cellBoxes[n] = boxes
              r.blocks.append(.row(cells, line: n, group: lines.count > 1 || continues ? streamOpen!.group : nil))
            }
            open = nil
            lastWasStream = true
            continue
          }
          if let last = paragraph.last, !prose.continues(last, with: l) { flushParagraph() }
          // The structural lines since the last table: the title block of the next one.
          if Heuristics.isStructural(l.text) || Heuristics.isPreparer(l.text) { recent = Array((recent + [l.text]).suffix(4)) } else { recent = [] }
          paragraph.append(l)
          open = nil
          lastWasStream = false
        case .table(let t, let page):
          flushParagraph()
          lastWasStream = false
          // A table at the top of a page, with nothing but page furniture above it, continues the open table when
          // its column lines are the open table's (a part may lack some: a 合计 cell merged across two columns).
          var body: [GridRow]
          if k == firstContent, let o = open, let onto = columnMap(t.xs, onto: o.xs) {
            let part = gridRows(t, columns: onto, width: o.xs.count - 1)
            body = Array(part.dropFirst(repeatedHeader(part, of: o.head)))
            // A row split by the page break: the part here holds only the rest of cells that ran full on the last
            // page (a name, or even the digits of a code or figure: 20103|01, 165.3|0). It is joined to that row.
            if let first = body.first, let last = lastRow, case .row(var cells, let line, let g) = r.blocks[last.block] {
              let filled = first.cells.indices.filter { !first.cells[$0].isEmpty }
              // A row that starts with a whole code (201, 20103, 2010301) is a row of its own; a split one starts
              // with the code's tail (01) or with no code at all.
              let code = first.cells.first { !$0.isEmpty } ?? ""
              let wholeCode = code.allSatisfy(\.isNumber) && [3, 5, 7].contains(code.count)
              if !filled.isEmpty, !wholeCode, !TotalLabel.isTotal(code),
                filled.allSatisfy({
                  $0 < last.wraps.count && last.wraps[$0] && !last.cells[$0].isEmpty
                    // A cell that starts an item of its own (十一、城乡社区支出, 1. …, a code) begins a new row.
                    && !Heuristics.startsNewParagraph(first.cells[$0]) && first.cells[$0].match(#"^[一二三四五六七八九十]+、"#) == nil
                })
              {
                for c in filled { cells[c] += first.cells[c] }
                r.blocks[last.block] = .row(cells, line: line, group: g)
                body.removeFirst()
              }
            }
          } else {
            body = gridRows(t)
            group += 1
            open = (group, t.xs, Array(body.prefix(4).map(\.cells)))
            titleBlock = recent
          }
          for row in body {
            let n = spot(row.box, page: page)
            r.cellBoxes[n] = row.cellBoxes
            lastRow = (r.blocks.count, row.cells, row.wraps)
            r.blocks.append(.row(row.cells, line: n, group: open!.group))
          }
        }
      }
    }
    flushParagraph()
    return r
  }

  /// How many rows a continued part repeats of the open table's first rows (its header, on every page).
  static func repeatedHeader(_ part: [GridRow], of head: [[String]]) -> Int {
    var drop = 0
    while drop < part.count, drop < head.count, part[drop].cells == head[drop] { drop += 1 }
    return drop
  }

  /// A form printed once per item under one title (each project's 绩效目标表): the part on the new page opens with
  /// the row the open table opened with, by its label (项目名称), but not as a repeated header (other values). It is
  /// the next table, not this one continued.
  static func repeatsTheForm(_ part: [GridRow], of head: [[String]]) -> Bool {
    guard let first = part.first?.cells, let opened = head.first, first != opened,
      let label = first.first(where: { !$0.isEmpty }), !label.isEmpty, !TotalLabel.isTotal(label)
    else { return false }
    return opened.first(where: { !$0.isEmpty }) == label && !TableReading.looksNumeric(label)
  }

  /// The printed rows of a lattice table: one per grid row that holds text, each merged cell's text in its first
  /// column (and top row), blank cells blank.
  /// `columns` maps this table's grid columns onto another grid of `width` columns (a continued table's part).
  struct GridRow {
    package var cells: [String]
    package var box: Box
    package var cellBoxes: [Box?]
    /// Cells whose last line of text reaches the cell's right edge: wrapped, so possibly continued.
    package var wraps: [Bool]
  }

  static func gridRows(_ t: LatticeTable, columns: [Int]? = nil, width: Int? = nil) -> [GridRow] {
    let w = width ?? t.columnCount
    var rows = Array(repeating: Array(repeating: "", count: w), count: t.rowCount)
    var boxes = Array(repeating: Array(repeating: Box?.none, count: w), count: t.rowCount)
    var wraps = Array(repeating: Array(repeating: false, count: w), count: t.rowCount)
    for cell in t.cells where !cell.words.isEmpty {
      let c = columns.map { $0[cell.columns.lowerBound] } ?? cell.columns.lowerBound
      rows[cell.rows.lowerBound][c] = LatticeFinder.text(cell.words).trimmingBlanks()
      boxes[cell.rows.lowerBound][c] = cell.box
      if let last = TextLines.group(cell.words).last, let end = last.map(\.box.x1).max(), let em = last.map(\.box.height).max() {
        wraps[cell.rows.lowerBound][c] = end >= cell.box.x1 - 1.5 * em
      }
    }
    return rows.enumerated().compactMap { (k, cells) in
      guard cells.contains(where: { !$0.isEmpty }) else { return nil }
      return GridRow(cells: cells, box: Box(x0: t.xs.first!, y0: t.ys[k], x1: t.xs.last!, y1: t.ys[k + 1]), cellBoxes: boxes[k], wraps: wraps[k])
    }
  }
}

extension PDFBlocks {
  /// For each column of a grid whose lines are `xs`, the column of the grid `onto` that starts at the same line;
  /// nil unless both grids span the same width and every line of the first is a line of the second.
  package static func columnMap(_ xs: [Double], onto: [Double], tolerance: Double = 3) -> [Int]? {
    guard let f = xs.first, let l = xs.last, let of = onto.first, let ol = onto.last,
      abs(f - of) <= tolerance, abs(l - ol) <= tolerance
    else { return nil }
    var map: [Int] = []
    for x in xs.dropLast() {
      guard let k = onto.dropLast().firstIndex(where: { abs($0 - x) <= tolerance }) else { return nil }
      map.append(k)
    }
    return map
  }
}

/// Where prose lines start and end on the page, to tell a wrapped line from a new paragraph: a paragraph goes on
/// when the line before ran to the right margin and this one starts at the left margin (not indented).
struct ProseGeometry {
  package var left: Double
  package var right: Double
  package var em: Double
  /// The right margin of each page that has enough prose to tell (portrait text pages and landscape table pages
  /// of one document have different ones).
  package var rightOfPage: [Int: Double] = [:]

  package init(_ lines: [PDFBlocks.Line]) {
    let long = lines.filter { $0.text.count >= 12 }
    func mode(_ values: [Double]) -> Double? {
      var counts: [Int: Int] = [:]
      for v in values { counts[Int(v.rounded()), default: 0] += 1 }
      return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }.map { Double($0.key) }
    }
    em = long.map { $0.box.height }.sorted().dropFirst(long.count / 2).first ?? 12
    left = long.map(\.box.x0).min() ?? 0
    // The right margin: the furthest right that many lines reach.
    let rights = long.map(\.box.x1).sorted()
    right = rights.isEmpty ? 0 : rights[Int(Double(rights.count - 1) * 0.9)]
    if let m = mode(long.map(\.box.x0)) { left = m }
    for (page, ls) in Dictionary(grouping: long, by: \.page) where ls.count >= 3 {
      let r = ls.map(\.box.x1).sorted()
      rightOfPage[page] = r[Int(Double(r.count - 1) * 0.9)]
    }
  }

  package func continues(_ previous: PDFBlocks.Line, with next: PDFBlocks.Line) -> Bool {
    // A table title too long for one line goes on, centred, below: 2025年一般公共预算“三公”经费 / 支出表.
    if next.page == previous.page, next.box.y0 - previous.box.y1 <= 0.6 * em, !Heuristics.isTitle(previous.text),
      Heuristics.label(previous.text) == nil, Heuristics.isTitle(previous.text + next.text), next.text.count <= 12
    {
      return true
    }
    // A note under a table (注：…) wraps like prose; other structural lines stand alone.
    let note = previous.text.hasPrefix("注")
    if (Heuristics.isStructural(previous.text) && !note) || Heuristics.isStructural(next.text) || previous.centred || next.centred { return false }
    if Heuristics.startsNewParagraph(next.text) { return false }
    if next.page == previous.page && next.box.y0 - previous.box.y1 > 1.2 * em { return false }
    let flush = next.box.x0 <= left + 0.5 * em
    guard flush else { return false }
    let full = previous.box.x1 >= (rightOfPage[previous.page] ?? right) - 1.5 * em
    // A numbered line (（二）…) is a heading unless it runs on: a long line that fills the width (（二）事业收入：指
    // 事业单位开展…) is the first line of a numbered paragraph.
    if Heuristics.headingLevel(previous.text) != nil && !(full && previous.text.count >= 20) { return false }
    // A line may also stop short of the margin when the next word did not fit (WPS wraps a whole figure):
    // it then ends mid-sentence. A centred title never continues into body text.
    // An ASCII full stop after a Chinese word ends a sentence too (节约开支.), one after a digit does not.
    let chars = Array(previous.text)
    let asciiStop = chars.count >= 2 && chars[chars.count - 1] == "." && !chars[chars.count - 2].isNumber
    // The line may be a paragraph's first, indented two characters (three or four columns in laid-out text).
    let midSentence = !(chars.last.map { "。；：！？;:!?".contains($0) } ?? true) && !asciiStop && previous.box.x0 <= left + 4.5 * em
    return full || midSentence
  }
}

/// Page furniture: page numbers and running heads or feet, which belong to no paragraph and no table.
package enum Furniture {
  package struct Key: Hashable {
    package var text: String
    package var band: Int
    package init(text: String, box: Box, page: PDFPage) {
      self.text = text.filter { !$0.isNumber }
      band = Int((box.midY / Swift.max(page.height, 1) * 20).rounded())
    }
  }

  package static func inMargin(_ box: Box, page: PDFPage) -> Bool {
    // Landscape pages keep a deep bottom margin (GB/T 9704 puts the page number 7 mm below the text block).
    box.y1 < page.height * 0.1 || box.y0 > page.height * 0.85
  }

  /// A landscape page's number turned a quarter at its left or right edge (where GB/T 9704 §10.2 has it once the
  /// sheet is turned: yusuan prints it so), read as a column of `—`, `4`, `—` words: left out, or its dashes join
  /// the table title beside them (`— 2025年部门支出预算总表`).
  /// Only a number between dashes (`—`, `4`, `—` within a few lines of each other) in the outer strip is taken, so a
  /// code column near the edge stays.
  static func withoutSideNumber(_ page: PDFPage) -> [PDFWord] {
    guard page.width > page.height else { return page.words }
    func side(_ w: PDFWord) -> Bool { w.box.x1 < page.width * 0.09 || w.box.x0 > page.width * 0.91 }
    func dash(_ w: PDFWord) -> Bool { w.text.replacingOccurrences(of: " ", with: "").match(#"^[-—–－]+$"#) != nil }
    let dashes = page.words.filter { side($0) && dash($0) }
    guard !dashes.isEmpty else { return page.words }
    return page.words.filter { w in
      guard side(w) else { return true }
      if dash(w) { return false }
      let number = w.text.replacingOccurrences(of: " ", with: "").match(#"^[-—–－]*\d{1,4}[-—–－]*$"#) != nil
      let near = dashes.contains { abs($0.box.midY - w.box.midY) < 40 && abs($0.box.midX - w.box.midX) < 20 }
      return !(number && near)
    }
  }

  /// `— 3 —`, `- 3 -`, `3`, `第3页`, `第 3 页 共 20 页` in the top or bottom margin.
  package static func isPageNumber(_ text: String, box: Box, page: PDFPage) -> Bool {
    guard inMargin(box, page: page) else { return false }
    let t = text.replacingOccurrences(of: " ", with: "")
    return t.match(#"^[-—–－]*\d{1,4}[-—–－]*$|^第\d+页(共\d+页)?$|^\d+/\d+$"#) != nil
  }

}

extension PDFBlocks {
  package static func furniture(_ pages: [PDFPage]) -> Set<Furniture.Key> {
    var counts: [Furniture.Key: Int] = [:]
    for page in pages {
      var seen: Set<Furniture.Key> = []
      for words in TextLines.group(page.words) {
        // A line that holds a figure is a table's row (low on the page, repeated by the next table), never a running foot.
        guard let box = Box.enclosing(words.map(\.box)), Furniture.inMargin(box, page: page), !words.contains(where: StreamColumns.isFigure) else { continue }
        let key = Furniture.Key(text: TextLines.join(words), box: box, page: page)
        if !key.text.isEmpty, seen.insert(key).inserted { counts[key, default: 0] += 1 }
      }
    }
    return Set(counts.filter { $0.value >= 3 }.keys)
  }
}
