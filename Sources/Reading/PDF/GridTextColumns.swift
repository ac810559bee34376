import YusuanCore

/// Columns of a table in laid-out text (`pdftotext -layout`), where positions are only roughly kept: pdftotext
/// squeezes a row with a short name to the left, so a figure column's right edges wander by several characters and
/// may reach where the next column lies in another row. What is reliable is the order of a row's words and the
/// number of figures in a full row. So the columns are slots in order (label slots where names and codes sit, figure
/// slots where figures sit, each with an anchor position), and each row's words are placed in slot order, a figure
/// in the figure slot whose anchor is nearest and no two figures in one slot.
package enum GridTextColumns {
  package typealias Line = (words: [PDFWord], box: Box)

  /// The columns of a table's lines: for a later part of a table (`previous`, its first part's columns), those
  /// columns moved to where this part prints them; otherwise this part's slots with the columns only its header
  /// names. Nil when there is no figure row and nothing to follow (a header alone, an empty table), which the
  /// overlap rule of `StreamColumns` reads well enough.
  package static func columns(_ lines: [Line], after previous: [StreamColumns.Column]?) -> [StreamColumns.Column]? {
    if let previous { return slots(lines).map { moved(previous, onto: $0) } ?? previous }
    guard var found = slots(lines), let first = lines.firstIndex(where: { $0.words.contains(where: StreamColumns.isFigure) }) else { return nil }
    for g in blankColumns(lines[..<first].map(\.words), columns: found) {
      found.append(StreamColumns.Column(lo: g.lo, hi: g.hi, owns: (g.lo, g.hi), anchor: g.hi, holdsFigures: true))
    }
    return found.sorted { $0.anchor! < $1.anchor! }
  }

  /// Columns that only a header names, left blank in every row (事业收入): a header word over no column, between
  /// figure columns or after the last (a word beside a label column, 项目, names that column), on the header's
  /// lowest line of column names (where 合计 and the other figure columns are named) or a name wrapped around that
  /// line (事业单位 ⏎ 经营收入). A spanning header above that line (本年收入 over 项目 and 预算数) names no column.
  static func blankColumns(_ header: [[PDFWord]], columns: [StreamColumns.Column]) -> [(lo: Double, hi: Double)] {
    func overlaps(_ w: PDFWord, _ c: StreamColumns.Column) -> Bool { w.box.x1 > c.lo && w.box.x0 < c.hi }
    let figureColumns = columns.filter(\.holdsFigures)
    guard let leaf = header.last(where: { $0.contains { w in figureColumns.contains { overlaps(w, $0) } } })?.first?.box else { return [] }
    let lone = header.joined().filter { w in !columns.contains { overlaps(w, $0) } }
    return clusters(lone.sorted { $0.box.x0 < $1.box.x0 }, by: \PDFWord.box.x0, gap: 1).compactMap { g in
      guard g.map(\.box.y0).min()! <= leaf.midY, g.map(\.box.y1).max()! >= leaf.midY else { return nil }
      let lo = g.map(\.box.x0).min()!, hi = g.map(\.box.x1).max()!
      let left = columns.filter { $0.hi <= lo }.max { $0.hi < $1.hi }, right = columns.filter { $0.lo >= hi }.min { $0.lo < $1.lo }
      return (left?.holdsFigures ?? false) && (right?.holdsFigures ?? true) ? (lo, hi) : nil
    }
  }

  /// The slots, from the table's figure rows; nil when the table has no figure row.
  static func slots(_ lines: [Line]) -> [StreamColumns.Column]? {
    let rows = lines.map { $0.words.sorted { $0.box.x0 < $1.box.x0 } }.filter { $0.contains(where: StreamColumns.isFigure) }
    guard !rows.isEmpty else { return nil }
    func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
    // Figure columns: right edges that lie together (a few characters apart at most, pdftotext's wander), never two
    // figures of one row in one column. Rows fill different columns (人员经费 in some, 公用经费 in others), so the
    // columns come from all rows, not from the fullest.
    var figureSlots: [(words: [PDFWord], rows: Set<Int>)] = []
    let figures = rows.enumerated().flatMap { r, ws in ws.filter(StreamColumns.isFigure).map { (r, $0) } }.sorted { $0.1.box.x1 < $1.1.box.x1 }
    for (r, w) in figures {
      if let last = figureSlots.last, w.box.x1 - last.words.last!.box.x1 <= 4, !last.rows.contains(r) {
        figureSlots[figureSlots.count - 1].words.append(w); figureSlots[figureSlots.count - 1].rows.insert(r)
      } else {
        figureSlots.append(([w], [r]))
      }
    }
    let firstColumn = figureSlots.first!.words.map(\.box.x0).min()!
    var slots: [(key: Double, column: StreamColumns.Column)] = figureSlots.map { s in
      (median(s.words.map(\.box.x0)), slot(s.words, anchor: median(s.words.map(\.box.x1)), figures: true))
    }
    // Labels before the first figure column: codes (201 | 13 | 01) and the name. As many slots as the row with the
    // most such words, at the median start of each (the start of a line is where pdftotext keeps positions best).
    let leading = rows.map { ws in ws.prefix { !StreamColumns.isFigure($0) }.filter { $0.box.x1 <= firstColumn } }
    if let most = leading.map(\.count).max(), most > 0 {
      let widest = leading.filter { $0.count == most }
      for i in 0..<most {
        let ws = widest.map { $0[i] }
        let x = median(ws.map(\.box.x0))
        slots.append((x, slot(ws, anchor: x, figures: false)))
      }
    }
    // Labels between figure columns (the second half of a 收支总表: 一、一般公共服务支出 between 收入 and 支出
    // figures), where several rows print one.
    let inner = rows.flatMap { ws in ws.filter { !StreamColumns.isFigure($0) && $0.box.x0 >= firstColumn } }
    for g in clusters(inner.sorted { $0.box.x0 < $1.box.x0 }, by: \PDFWord.box.x0, gap: 3) where g.count >= 2 {
      let x = median(g.map(\.box.x0))
      slots.append((x, slot(g, anchor: x, figures: false)))
    }
    return slots.sorted { $0.key < $1.key }.map(\.column)
  }

  /// The columns of a table's first part, moved to where a later part (laid out afresh on its page) prints them:
  /// the same slots when the part has them all, otherwise the first part's, shifted as this part's first label
  /// and first figure column are.
  static func moved(_ previous: [StreamColumns.Column], onto part: [StreamColumns.Column]) -> [StreamColumns.Column] {
    guard previous.allSatisfy({ $0.anchor != nil }) else { return previous }
    if part.map(\.holdsFigures) == previous.map(\.holdsFigures) { return part }
    func shift(figures: Bool) -> Double {
      guard let a = previous.first(where: { $0.holdsFigures == figures })?.anchor, let b = part.first(where: { $0.holdsFigures == figures })?.anchor else {
        return 0
      }
      return b - a
    }
    let byFigure = shift(figures: true), byLabel = shift(figures: false)
    return previous.map { c in
      let d = c.holdsFigures ? byFigure : byLabel
      return StreamColumns.Column(
        lo: c.lo + d, hi: c.hi + d, owns: (c.owns.lo + d, c.owns.hi + d), anchor: c.anchor.map { $0 + d }, holdsFigures: c.holdsFigures)
    }
  }

  static func slot(_ words: [PDFWord], anchor: Double, figures: Bool) -> StreamColumns.Column {
    let lo = words.map(\.box.x0).min() ?? anchor, hi = words.map(\.box.x1).max() ?? anchor
    return StreamColumns.Column(lo: lo, hi: hi, owns: (lo, hi), anchor: anchor, holdsFigures: figures)
  }

  /// Words sorted by `key`, grouped where consecutive keys differ by at most `gap`.
  static func clusters(_ words: [PDFWord], by key: KeyPath<PDFWord, Double>, gap: Double) -> [[PDFWord]] {
    var out: [[PDFWord]] = []
    for w in words {
      if let last = out.last?.last, w[keyPath: key] - last[keyPath: key] <= gap { out[out.count - 1].append(w) } else { out.append([w]) }
    }
    return out
  }

  /// Places a row's words in the slots, keeping their order: a figure goes to a figure slot (one each), other words
  /// to label slots (several words may share one: 1. 一般公共预算资金). Among the placements that keep the order, the
  /// one whose words lie nearest their slots' anchors wins. Nil when no placement exists (more figures than slots).
  static func assign(_ words: [PDFWord], to slots: [StreamColumns.Column]) -> [[PDFWord]]? {
    let ws = words.sorted { $0.box.x0 < $1.box.x0 }
    let n = ws.count, m = slots.count
    guard n > 0, m > 0 else { return Array(repeating: [], count: m) }
    func cost(_ w: PDFWord, _ s: StreamColumns.Column) -> Double? {
      guard let a = s.anchor, StreamColumns.isFigure(w) == s.holdsFigures else { return nil }
      return abs((s.holdsFigures ? w.box.x1 : w.box.x0) - a)
    }
    // best[i][j]: the least cost of placing words 0...i with word i in slot j; from[i][j]: word i-1's slot.
    var best = Array(repeating: Array(repeating: Double.infinity, count: m), count: n)
    var from = Array(repeating: Array(repeating: -1, count: m), count: n)
    for j in 0..<m { if let c = cost(ws[0], slots[j]) { best[0][j] = c } }
    for i in 1..<n {
      for j in 0..<m {
        guard let c = cost(ws[i], slots[j]) else { continue }
        for p in 0...j where best[i - 1][p] < .infinity {
          // The same slot again only for a label after a label (a name of several words).
          if p == j && slots[j].holdsFigures { continue }
          if best[i - 1][p] + c < best[i][j] { best[i][j] = best[i - 1][p] + c; from[i][j] = p }
        }
      }
    }
    guard var j = (0..<m).min(by: { best[n - 1][$0] < best[n - 1][$1] }), best[n - 1][j] < .infinity else { return nil }
    var out = Array(repeating: [PDFWord](), count: m)
    for i in stride(from: n - 1, through: 0, by: -1) {
      out[j].insert(ws[i], at: 0)
      j = from[i][j]
    }
    return out
  }
}
