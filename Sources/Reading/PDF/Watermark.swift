import YusuanCore

/// Text set slantwise across a page (a website's 信息公开专用 stamp, 仅供参考): poppler reports each of its characters
/// as a word, scattered through the tables and prose, where they would join cells and lines. Cairo paints such text
/// one glyph per line of the page, each a fixed step across and down from the last; a run of three such steps is a
/// slant no table, line or column of figures makes. The words it covers are left out of the reading, and named.
package enum Watermark {
  /// A painted glyph of slanted text, with the size of the square it may cover (the step to the next glyph: the
  /// advance of a character as large as such text is).
  package struct Glyph: Sendable {
    var x: Double, y: Double, size: Double
    /// How far across the page the character reaches from its origin (its size times the cosine of the slant):
    /// where poppler's box for it ends on the right.
    var width: Double
  }

  /// The painted glyphs that belong to a slanted run.
  package static func slanted(_ glyphs: [(x: Double, y: Double)]) -> [Glyph] {
    guard glyphs.count >= 3 else { return [] }
    var out: [Glyph] = []
    func step(_ i: Int) -> (dx: Double, dy: Double) { (glyphs[i + 1].x - glyphs[i].x, glyphs[i + 1].y - glyphs[i].y) }
    func slant(_ s: (dx: Double, dy: Double)) -> Bool { abs(s.dx) >= 2 && abs(s.dy) >= 2 && abs(s.dx) <= 150 && abs(s.dy) <= 150 }
    func same(_ a: (dx: Double, dy: Double), _ b: (dx: Double, dy: Double)) -> Bool {
      abs(a.dx - b.dx) <= 0.1 * abs(a.dx) + 0.5 && abs(a.dy - b.dy) <= 0.1 * abs(a.dy) + 0.5
    }
    var i = 0
    while i + 2 < glyphs.count {
      let a = step(i)
      if slant(a), same(a, step(i + 1)) {
        // Extend the run while the steps stay the same.
        var j = i + 2
        while j + 1 < glyphs.count, same(step(j), a) { j += 1 }
        let size = (a.dx * a.dx + a.dy * a.dy).squareRoot()
        for k in i...j { out.append(Glyph(x: glyphs[k].x, y: glyphs[k].y, size: size, width: abs(a.dx))) }
        i = j + 1
      } else {
        i += 1
      }
    }
    return out
  }

  /// The square a turned character may cover around its origin: about its size across, and above and a little
  /// below its baseline.
  static func square(_ g: Glyph) -> Box { Box(x0: g.x - 0.3 * g.size, y0: g.y - 1.3 * g.size, x1: g.x + 1.3 * g.size, y1: g.y + 0.5 * g.size) }

  /// The words that are slanted characters on their own: one character as large as a slanted glyph, within its
  /// square (poppler gives each turned character a word of its own; a cell's text is smaller or longer).
  package static func alone(_ words: [PDFWord], slant: [Glyph]) -> [PDFWord] {
    words.filter { w in
      w.text.count == 1
        && slant.contains { g in
          let s = square(g)
          return w.box.height >= 0.6 * g.size && w.box.x0 >= s.x0 && w.box.x1 <= s.x1 && w.box.y0 >= s.y0 && w.box.y1 <= s.y1
        }
    }
  }

  /// The page's words without the slanted text: the characters alone are removed, and those of `marks` (the
  /// watermark's characters, as found alone anywhere in the document) that poppler joined to a real word are cut
  /// off it when a slanted glyph starts where the word starts or ends where it ends (`82,096,797.42公`,
  /// `府46,140,000.00`). `removed` holds what was taken out, to be named.
  package static func clean(_ words: [PDFWord], slant: [Glyph], marks: Set<Character>) -> (kept: [PDFWord], removed: [PDFWord]) {
    guard !slant.isEmpty else { return (words, []) }
    let pure = alone(words, slant: slant)
    var kept: [PDFWord] = [], removed: [PDFWord] = pure
    for w in words where !pure.contains(w) {
      var chars = Array(w.text), box = w.box, cut = ""
      func meets(_ g: Glyph) -> Bool { let s = square(g); return s.y0 <= box.y1 && s.y1 >= box.y0 }
      var changed = true
      while changed && chars.count > 1 {
        changed = false
        if let last = chars.last, marks.contains(last),
          let g = slant.first(where: { abs($0.x + $0.width - box.x1) <= 1.5 && meets($0) })
        {
          cut = String(last) + cut; chars.removeLast(); box.x1 = g.x; changed = true
        } else if let first = chars.first, marks.contains(first),
          let g = slant.first(where: { abs($0.x - box.x0) <= 1.5 && meets($0) })
        {
          cut += String(first); chars.removeFirst(); box.x0 = g.x + g.width; changed = true
        }
      }
      if !cut.isEmpty { removed.append(PDFWord(text: cut, box: w.box)) }
      kept.append(PDFWord(text: String(chars), box: box))
    }
    return (kept, removed)
  }
}
