import YusuanCore

/// Columns of a table printed without rules ("stream" mode, after tabula). The columns are the union of the
/// x-extents of the words in rows that hold a figure (headers span columns, figures never do), merged where they
/// overlap; every word then goes to the column it overlaps most, so a blank cell stays blank instead of shifting
/// the figures after it. A line that holds only part of one cell (a name wrapped inside its cell) is joined to the
/// nearer row.
package enum StreamColumns {
  package struct Run: Sendable {
    package var text: String
    package var box: Box
  }

  /// A short line that may be the wrapped part of a cell: not a sentence, not a structural line.
  package static func isFragment(_ l: PDFBlocks.Line) -> Bool {
    l.runs.count == 1 && l.text.count <= 40 && !l.text.hasSuffix("。") && !Heuristics.isStructural(l.text)
      && Heuristics.headingLevel(l.text) == nil
  }

  /// A line of a table drawn without rules that fills one cell: a wrapped part of a cell, or a row whose other cells
  /// are blank (二、事业收入, 3. 国有资本经营预算).
  package static func isOneCellRow(_ l: PDFBlocks.Line) -> Bool {
    isFragment(l) || (l.runs.count == 1 && startsItem(l.text) && l.text.count <= 30 && !l.text.contains("。"))
  }

  /// Text that begins an item of its own (a numbered label, a code, a total), never the tail of the cell above.
  package static func startsItem(_ text: String) -> Bool {
    Heuristics.startsNewParagraph(text) || text.match(#"^[一二三四五六七八九十]+、"#) != nil || TotalLabel.isTotal(text)
  }

  /// A printed amount (1,234.00, 0.50): numeric with a separator or decimals; an enumerator (1.) is not one.
  package static func isFigure(_ w: PDFWord) -> Bool {
    TableReading.looksNumeric(w.text) && w.text.contains(where: { $0 == "." || $0 == "," }) && !w.text.hasSuffix(".")
  }

  /// A column: where its words lie, and the region it owns (a column of right-aligned figures owns the blank
  /// space to its left, where its left-aligned header sits).
  package struct Column: Sendable {
    package var lo: Double, hi: Double
    package var owns: (lo: Double, hi: Double)
    /// In laid-out text, where a row's words are placed in slot order (`GridTextColumns`): the slot's position (a
    /// figure slot's right edge, a label slot's left edge) and whether it holds figures.
    package var anchor: Double? = nil
    package var holdsFigures = false
  }

  /// The columns of the table from the words of its figure rows.
  package static func columns(_ lines: [(words: [PDFWord], box: Box)]) -> [Column] {
    let figureLines = lines.filter { $0.words.contains(where: isFigure) }
    let source = figureLines.count >= 2 ? figureLines : lines
    // Words closer than a tenth of their height are one run (about a point in a PDF; in laid-out text, where a
    // single space separates two figures, they stay apart).
    let heights = source.flatMap(\.words).map(\.box.height).sorted()
    let touch = 0.1 * (heights.isEmpty ? 10 : heights[heights.count / 2])
    var runs: [(lo: Double, hi: Double, words: [PDFWord])] = []
    for w in source.flatMap(\.words).sorted(by: { $0.box.x0 < $1.box.x0 }) {
      if let last = runs.last, w.box.x0 <= last.hi + touch {
        runs[runs.count - 1].hi = Swift.max(last.hi, w.box.x1); runs[runs.count - 1].words.append(w)
      } else {
        runs.append((w.box.x0, w.box.x1, [w]))
      }
    }
    let groups = runs.flatMap { splitSharedFigures($0, lines: source.map(\.words)) }
    var out: [Column] = []
    for (k, g) in groups.enumerated() {
      let rightAligned = g.words.allSatisfy(isFigure) && g.words.allSatisfy { abs($0.box.x1 - g.hi) <= 2 }
      let left = rightAligned && k > 0 ? groups[k - 1].hi + 0.5 : g.lo
      out.append(Column(lo: g.lo, hi: g.hi, owns: (left, g.hi)))
    }
    return out
  }

  /// Two figures printed on one line are two cells. A group whose words overlap so that one line puts two figures
  /// in it (figures not quite aligned) is split into as many columns as that line has figures,
  /// each word going to the nearest by right edge (figures are right-aligned).
  package static func splitSharedFigures(_ g: (lo: Double, hi: Double, words: [PDFWord]), lines: [[PDFWord]]) -> [(lo: Double, hi: Double, words: [PDFWord])] {
    let members = Set(g.words.map { "\($0.box.x0),\($0.box.y0)" })
    let widest = lines.map { $0.filter { isFigure($0) && members.contains("\($0.box.x0),\($0.box.y0)") } }.max { $0.count < $1.count } ?? []
    guard widest.count >= 2 else { return [g] }
    let anchors = widest.map(\.box.x1).sorted()
    var parts = anchors.map { _ in [PDFWord]() }
    for w in g.words {
      let edge = isFigure(w) ? w.box.x1 : w.box.midX
      let k = anchors.indices.min { abs(anchors[$0] - edge) < abs(anchors[$1] - edge) }!
      parts[k].append(w)
    }
    return parts.filter { !$0.isEmpty }.map { ws in (ws.map(\.box.x0).min()!, ws.map(\.box.x1).max()!, ws) }
  }

  /// The rows of the table: each printed line's box and its cells. `reuse` gives the columns of the table's part on
  /// the previous page, so a page whose rows leave a column blank still lines up.
  static func rows(_ lines: [(words: [PDFWord], box: Box)], reuse: [Column]? = nil, grid: Bool = false) -> (
    columns: [Column], rows: [(box: Box, cells: [String], boxes: [Box?])]
  ) {
    // Laid-out text has columns of its own (`GridTextColumns`); a PDF's come from how its words overlap.
    let columns = (grid ? GridTextColumns.columns(lines, after: reuse) : reuse) ?? Self.columns(lines)
    guard columns.count >= 2 else { return (columns, lines.map { ($0.box, [TextLines.join($0.words)], [$0.box]) }) }
    let regions = columns.map(\.owns)
    func cells(_ words: [PDFWord]) -> [[PDFWord]] {
      if words.contains(where: isFigure), columns.allSatisfy({ $0.anchor != nil }), let placed = GridTextColumns.assign(words, to: columns) { return placed }
      var out = Array(repeating: [PDFWord](), count: columns.count)
      var lastFigure = -1
      for w in words.sorted(by: { $0.box.x0 < $1.box.x0 }) {
        var k = best(w.box, regions)
        if isFigure(w) {
          // Two figures on one line are two cells: one that lands where the figure before it went (columns not
          // quite aligned) takes the next column.
          if k <= lastFigure, lastFigure + 1 < columns.count { k = lastFigure + 1 }
          lastFigure = k
        }
        out[k].append(w)
      }
      return out
    }
    var rows: [(box: Box, cells: [[PDFWord]])] = lines.map { ($0.box, cells($0.words)) }
    // Fragments between figure rows go into the cell of the nearer row, before or after its text.
    let firstFigure = rows.firstIndex { $0.cells.joined().contains(where: isFigure) } ?? rows.count
    var k = firstFigure
    while k < rows.count {
      let filled = rows[k].cells.indices.filter { !rows[k].cells[$0].isEmpty }
      guard filled.count == 1, !rows[k].cells.joined().contains(where: isFigure) else { k += 1; continue }
      let col = filled[0]
      // A label that starts an item (二、事业收入) is a row whose figures are blank, not a wrapped cell.
      if startsItem(TextLines.join(rows[k].cells[col])) { k += 1; continue }
      // A line that fills its column to the right edge wrapped: the cell goes on below. A shorter one ends a
      // cell that began above.
      let edge = columns[col].hi
      let em = rows[k].cells[col].map(\.box.height).max() ?? 10
      let wrapsOn = (rows[k].cells[col].map(\.box.x1).max() ?? 0) >= edge - em
      if wrapsOn, k + 1 < rows.count {
        rows[k + 1].cells[col] = rows[k].cells[col] + rows[k + 1].cells[col]
      } else if k > 0 {
        rows[k - 1].cells[col] += rows[k].cells[col]
      } else {
        k += 1; continue
      }
      rows.remove(at: k)
    }
    return (
      columns,
      rows.map { row in
        (
          row.box,
          row.cells.map { ws in
            // Lines within a cell joined with nothing (a wrapped name), words on one line as printed.
            TextLines.group(ws).map { TextLines.join($0) }.joined()
          }, row.cells.map { Box.enclosing($0.map(\.box)) }
        )
      }
    )
  }

  /// The column a box overlaps most; the nearest one when it overlaps none.
  static func best(_ b: Box, _ columns: [(lo: Double, hi: Double)]) -> Int {
    var pick = 0, bestOverlap = -Double.infinity
    for (k, c) in columns.enumerated() {
      let overlap = Swift.min(b.x1, c.hi) - Swift.max(b.x0, c.lo)
      if overlap > bestOverlap { bestOverlap = overlap; pick = k }
    }
    return pick
  }
}
