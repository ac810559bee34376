import YusuanCore

/// Which words of the text layer the page really shows. A word is shown when at least one painted glyph starts
/// inside its box; a page where cairo painted no glyph at all (text drawn as outlines, or no SVG) hides nothing.
package enum Visibility {
  package static func hidden(_ words: [PDFWord], glyphs: [(x: Double, y: Double)]) -> [PDFWord] {
    guard !glyphs.isEmpty else { return [] }
    // Glyphs bucketed by baseline, 4 pt bands, so each word looks only at its own lines.
    var bands: [Int: [(x: Double, y: Double)]] = [:]
    for g in glyphs { bands[Int((g.y / 4).rounded(.down)), default: []].append(g) }
    let hidden = words.filter { w in
      let lo = Int(((w.box.y0 - 1) / 4).rounded(.down)), hi = Int(((w.box.y1 + 2) / 4).rounded(.down))
      for b in lo...max(lo, hi) {
        for g in bands[b] ?? [] where g.x >= w.box.x0 - 1 && g.x <= w.box.x1 && g.y >= w.box.y0 - 1 && g.y <= w.box.y1 + 2 { return false }
      }
      return true
    }
    // Clipping hides a few lines; when most of a page would be hidden, the drawing and the text are not in one
    // frame (a rotated or re-framed page), and nothing is judged hidden.
    return hidden.count * 3 > words.count ? [] : hidden
  }
}
