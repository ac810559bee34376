import YusuanCore
import Foundation

/// Tables from drawn rules ("lattice" mode, after pdfplumber's TableFinder): snap nearly collinear rules together,
/// join touching ones, drop short ones, group rules that cross into tables, and cut each table into a grid whose
/// missing borders merge cells. Words are then placed in the cell under their centre.
package struct LatticeSettings: Sendable {
  /// Rules whose positions differ by at most this are one rule (double lines, anti-aliasing offsets).
  package var snapTolerance = 3.0
  /// Collinear pieces with a gap at most this are one rule.
  package var joinTolerance = 3.0
  /// Rules shorter than this are ignored (tick marks, glyph-like strokes).
  package var minimumLength = 3.0
  /// How far a rule may stop short of another and still be taken to meet it.
  package var intersectionTolerance = 3.0
  /// A border exists when rules cover at least this share of a cell side.
  package var borderCoverage = 0.5
  /// More distinct rules than this in one direction on a page is a drawing, not a table.
  package var maximumRules = 800
}

/// A cell of a lattice table: the grid rows and columns it spans (merged cells span several) and its words.
package struct LatticeCell: Sendable {
  package var rows: ClosedRange<Int>
  package var columns: ClosedRange<Int>
  package var box: Box
  package var words: [PDFWord] = []
}

/// A table found from rules: its grid lines and its cells, top to bottom, left to right.
package struct LatticeTable: Sendable {
  package var box: Box
  package var xs: [Double]
  package var ys: [Double]
  package var cells: [LatticeCell]

  package var columnCount: Int { xs.count - 1 }
  var rowCount: Int { ys.count - 1 }
}

package enum LatticeFinder {
  /// Snaps and joins the rules of one orientation.
  package static func merge(_ rules: [Ruling], _ s: LatticeSettings) -> [Ruling] {
    let sorted = rules.filter { $0.length > 0 }.sorted { $0.position < $1.position }
    var clusters: [[Ruling]] = []
    for r in sorted {
      if let last = clusters.last?.last, r.position - last.position <= s.snapTolerance { clusters[clusters.count - 1].append(r) } else { clusters.append([r]) }
    }
    var out: [Ruling] = []
    for cluster in clusters {
      let position = cluster.map(\.position).reduce(0, +) / Double(cluster.count)
      var pieces = cluster.map { Ruling($0.orientation, at: position, from: $0.start, to: $0.end) }.sorted { $0.start < $1.start }
      var joined: [Ruling] = [pieces.removeFirst()]
      for p in pieces {
        if p.start <= joined[joined.count - 1].end + s.joinTolerance {
          joined[joined.count - 1].end = Swift.max(joined[joined.count - 1].end, p.end)
        } else {
          joined.append(p)
        }
      }
      out += joined.filter { $0.length >= s.minimumLength }
    }
    return out
  }

  static func crosses(_ h: Ruling, _ v: Ruling, _ tol: Double) -> Bool {
    h.position >= v.start - tol && h.position <= v.end + tol && v.position >= h.start - tol && v.position <= h.end + tol
  }

  /// The tables on a page: groups of crossing rules with at least two rules each way.
  static func tables(_ rulings: [Ruling], words: [PDFWord], settings s: LatticeSettings = LatticeSettings()) -> [LatticeTable] {
    let hs = merge(rulings.filter { $0.orientation == .horizontal }, s)
    let vs = merge(rulings.filter { $0.orientation == .vertical }, s)
    guard hs.count >= 2, vs.count >= 2 else { return [] }
    // A page of thousands of strokes is a chart or a map, not a table: reading it as a grid would take long and
    // find nothing (its text is still read, as lines).
    guard hs.count <= s.maximumRules, vs.count <= s.maximumRules else { return [] }
    // Union-find over all rules: index < hs.count is horizontal.
    var parent = Array(0..<(hs.count + vs.count))
    func root(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
    for (i, h) in hs.enumerated() {
      for (j, v) in vs.enumerated() where crosses(h, v, s.intersectionTolerance) {
        let a = root(i), b = root(hs.count + j)
        if a != b { parent[a] = b }
      }
    }
    var groups: [Int: (h: [Ruling], v: [Ruling])] = [:]
    for (i, h) in hs.enumerated() { groups[root(i), default: ([], [])].h.append(h) }
    for (j, v) in vs.enumerated() { groups[root(hs.count + j), default: ([], [])].v.append(v) }
    var out: [LatticeTable] = []
    for g in groups.values where g.h.count >= 2 && g.v.count >= 2 {
      if let t = grid(h: g.h, v: g.v, words: words, s) { out.append(t) }
    }
    return out.sorted { $0.box.y0 < $1.box.y0 }
  }

  /// Distinct positions, snapped again across the group (rules of one line may have been split by gaps).
  static func positions(_ rules: [Ruling], _ tol: Double) -> [Double] {
    var out: [Double] = []
    for p in rules.map(\.position).sorted() {
      if let last = out.last, p - last <= tol { continue }
      out.append(p)
    }
    return out
  }

  /// How much of `start…end` the rules at `position` cover (0…1).
  static func coverage(_ rules: [Ruling], at position: Double, from start: Double, to end: Double, _ tol: Double) -> Double {
    let span = end - start
    guard span > 0 else { return 1 }
    var covered = 0.0
    for r in rules where abs(r.position - position) <= tol {
      covered += Swift.max(0, Swift.min(r.end, end) - Swift.max(r.start, start))
    }
    return Swift.min(1, covered / span)
  }

  static func grid(h: [Ruling], v: [Ruling], words: [PDFWord], _ s: LatticeSettings) -> LatticeTable? {
    let ys = positions(h, s.snapTolerance), xs = positions(v, s.snapTolerance)
    guard ys.count >= 2, xs.count >= 2 else { return nil }
    let rows = ys.count - 1, cols = xs.count - 1
    // Merge grid cells across missing borders.
    var parent = Array(0..<(rows * cols))
    func root(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
    func join(_ a: Int, _ b: Int) { let ra = root(a), rb = root(b); if ra != rb { parent[Swift.max(ra, rb)] = Swift.min(ra, rb) } }
    for r in 0..<rows {
      for c in 0..<cols {
        if c + 1 < cols, coverage(v, at: xs[c + 1], from: ys[r], to: ys[r + 1], s.snapTolerance) < s.borderCoverage { join(r * cols + c, r * cols + c + 1) }
        if r + 1 < rows, coverage(h, at: ys[r + 1], from: xs[c], to: xs[c + 1], s.snapTolerance) < s.borderCoverage { join(r * cols + c, (r + 1) * cols + c) }
      }
    }
    var regions: [Int: (r0: Int, r1: Int, c0: Int, c1: Int)] = [:]
    for r in 0..<rows {
      for c in 0..<cols {
        let k = root(r * cols + c)
        if let e = regions[k] {
          regions[k] = (Swift.min(e.r0, r), Swift.max(e.r1, r), Swift.min(e.c0, c), Swift.max(e.c1, c))
        } else {
          regions[k] = (r, r, c, c)
        }
      }
    }
    var cells = regions.values.sorted { ($0.r0, $0.c0) < ($1.r0, $1.c0) }.map { g in
      LatticeCell(rows: g.r0...g.r1, columns: g.c0...g.c1, box: Box(x0: xs[g.c0], y0: ys[g.r0], x1: xs[g.c1 + 1], y1: ys[g.r1 + 1]))
    }
    let box = Box(x0: xs.first!, y0: ys.first!, x1: xs.last!, y1: ys.last!)
    // A single cell is a frame (a box around a paragraph), not a table.
    guard cells.count >= 2 else { return nil }
    for word in words where box.contains(x: word.box.midX, y: word.box.midY) {
      for piece in split(word, at: xs, cells: cells) {
        if let k = cells.firstIndex(where: { $0.box.contains(x: piece.box.midX, y: piece.box.midY, slack: 0.01) }) {
          cells[k].words.append(piece)
        }
      }
    }
    return LatticeTable(box: box, xs: xs, ys: ys, cells: cells)
  }

  /// A word that runs across a column border (two cells' text printed without a gap) is cut where its glyphs
  /// cross the border, estimating widths: full-width characters count 1, others 0.5.
  static func split(_ word: PDFWord, at xs: [Double], cells: [LatticeCell]) -> [PDFWord] {
    let borders = xs.filter { x in
      x > word.box.x0 + 1 && x < word.box.x1 - 1
        && cells.contains { $0.box.contains(x: x - 2, y: word.box.midY) && $0.box.x1 <= x + 0.5 && $0.box.x1 >= x - 0.5 }
    }
    guard !borders.isEmpty, word.text.count > 1 else { return [word] }
    let chars = Array(word.text)
    let weights = chars.map { $0.isASCII ? 0.5 : 1.0 }
    let total = weights.reduce(0, +)
    var edges: [Double] = [word.box.x0]
    for w in weights { edges.append(edges.last! + w / total * word.box.width) }
    var pieces: [PDFWord] = []
    var start = 0
    for b in borders {
      // The character boundary nearest to the border.
      var best = start
      for k in (start + 1)..<chars.count where abs(edges[k] - b) < abs(edges[best] - b) { best = k }
      if best > start {
        pieces.append(PDFWord(text: String(chars[start..<best]), box: Box(x0: edges[start], y0: word.box.y0, x1: edges[best], y1: word.box.y1)))
        start = best
      }
    }
    pieces.append(PDFWord(text: String(chars[start...]), box: Box(x0: edges[start], y0: word.box.y0, x1: word.box.x1, y1: word.box.y1)))
    return pieces.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
  }

  /// The text of a cell: lines top to bottom, words left to right; a space where words on one line stand apart,
  /// nothing where a line wraps (a name wrapped inside its cell is one name).
  static func text(_ words: [PDFWord]) -> String {
    TextLines.group(words).map { TextLines.join($0) }.joined()
  }
}
