import YusuanCore

/// Columns of a table printed without rules ("stream" mode, after tabula). The columns are the union of the
/// x-extents of the words in rows that hold a figure (headers span columns, figures never do), merged where they
/// overlap; every word then goes to the column it overlaps most, so a blank cell stays blank instead of shifting
/// the figures after it. A line that holds only part of one cell (a name wrapped inside its cell) is joined to the
/// nearer row.
enum StreamColumns {
  struct Run: Sendable {
    var text: String
    var box: Box
  }

  /// A short line that may be the wrapped part of a cell: not a sentence, not a structural line.
  static func isFragment(_ l: PDFBlocks.Line) -> Bool {
    l.runs.count == 1 && l.text.count <= 40 && !l.text.hasSuffix("。") && !Heuristics.isStructural(l.text)
      && Heuristics.headingLevel(l.text) == nil
  }

  static func isFigure(_ w: PDFWord) -> Bool { TableLayout.looksNumeric(w.text) && w.text.contains(where: { $0 == "." || $0 == "," }) }

  /// A column: where its words lie, and the region it owns (a column of right-aligned figures owns the blank
  /// space to its left, where its left-aligned header sits).
  struct Column: Sendable {
    var lo: Double, hi: Double
    var owns: (lo: Double, hi: Double)
  }

  /// The columns of the table from the words of its figure rows.
  static func columns(_ lines: [(words: [PDFWord], box: Box)]) -> [Column] {
    let figureLines = lines.filter { $0.words.contains(where: isFigure) }
    let source = figureLines.count >= 2 ? figureLines : lines
    let words = source.flatMap(\.words).sorted { $0.box.x0 < $1.box.x0 }
    var groups: [(lo: Double, hi: Double, words: [PDFWord])] = []
    for w in words {
      if let last = groups.last, w.box.x0 <= last.hi + 1 {
        groups[groups.count - 1].hi = Swift.max(last.hi, w.box.x1); groups[groups.count - 1].words.append(w)
      } else { groups.append((w.box.x0, w.box.x1, [w])) }
    }
    var out: [Column] = []
    for (k, g) in groups.enumerated() {
      let rightAligned = g.words.allSatisfy(isFigure) && g.words.allSatisfy { abs($0.box.x1 - g.hi) <= 2 }
      let left = rightAligned && k > 0 ? groups[k - 1].hi + 0.5 : g.lo
      out.append(Column(lo: g.lo, hi: g.hi, owns: (left, g.hi)))
    }
    return out
  }

  /// The rows of the table: each printed line's box and its cells. `reuse` gives the columns of the table's part on
  /// the previous page, so a page whose rows leave a column blank still lines up.
  static func rows(_ lines: [(words: [PDFWord], box: Box)], reuse: [Column]? = nil) -> (columns: [Column], rows: [(box: Box, cells: [String], boxes: [Box?])]) {
    let columns = reuse ?? Self.columns(lines)
    guard columns.count >= 2 else { return (columns, lines.map { ($0.box, [TextLines.join($0.words)], [$0.box]) }) }
    let regions = columns.map(\.owns)
    func cells(_ words: [PDFWord]) -> [[PDFWord]] {
      var out = Array(repeating: [PDFWord](), count: columns.count)
      for w in words { out[best(w.box, regions)].append(w) }
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
      // A line that fills its column to the right edge wrapped: the cell goes on below. A shorter one ends a
      // cell that began above.
      let edge = columns[col].hi
      let em = rows[k].cells[col].map(\.box.height).max() ?? 10
      let wrapsOn = (rows[k].cells[col].map(\.box.x1).max() ?? 0) >= edge - em
      if wrapsOn, k + 1 < rows.count {
        rows[k + 1].cells[col] = rows[k].cells[col] + rows[k + 1].cells[col]
      } else if k > 0 {
        rows[k - 1].cells[col] += rows[k].cells[col]
      } else { k += 1; continue }
      rows.remove(at: k)
    }
    return (columns, rows.map { row in (row.box, row.cells.map { ws in
      // Lines within a cell joined with nothing (a wrapped name), words on one line as printed.
      TextLines.group(ws).map { TextLines.join($0) }.joined()
    }, row.cells.map { Box.enclosing($0.map(\.box)) }) })
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
