import YusuanCore

/// Turning a page's frame clockwise by quarter turns (y grows downwards, as poppler reports): how a page's `/Rotate`
/// relates the drawing (which `pdftocairo -svg` gives unturned) to the text (which `pdftotext` gives as displayed),
/// and how a page printed sideways is set upright.
package struct QuarterTurn: Sendable, Equatable {
  /// Clockwise quarter turns, 0…3.
  package var turns: Int
  /// The frame being turned.
  package var width: Double
  package var height: Double

  package init(clockwise turns: Int, width: Double, height: Double) {
    self.turns = ((turns % 4) + 4) % 4; self.width = width; self.height = height
  }

  /// The turned frame's size.
  package var turnedSize: (width: Double, height: Double) { turns % 2 == 0 ? (width, height) : (height, width) }

  package func point(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
    switch turns {
    case 1: return (height - y, x)
    case 2: return (width - x, height - y)
    case 3: return (y, width - x)
    default: return (x, y)
    }
  }

  package func box(_ b: Box) -> Box {
    let a = point(b.x0, b.y0), c = point(b.x1, b.y1)
    return Box(x0: min(a.x, c.x), y0: min(a.y, c.y), x1: max(a.x, c.x), y1: max(a.y, c.y))
  }

  package func ruling(_ r: Ruling) -> Ruling {
    let b =
      r.orientation == .horizontal
      ? Box(x0: r.start, y0: r.position, x1: r.end, y1: r.position)
      : Box(x0: r.position, y0: r.start, x1: r.position, y1: r.end)
    let t = box(b)
    return t.height <= t.width ? Ruling(.horizontal, at: t.y0, from: t.x0, to: t.x1) : Ruling(.vertical, at: t.x0, from: t.y0, to: t.y1)
  }
}
