import YusuanCore
/// Groups words into printed lines: words whose vertical extents overlap by more than half sit on one line.
package enum TextLines {
  package static func group(_ words: [PDFWord]) -> [[PDFWord]] {
    var lines: [[PDFWord]] = []
    var boxes: [Box] = []
    for w in words.sorted(by: { ($0.box.midY, $0.box.x0) < ($1.box.midY, $1.box.x0) }) {
      if let k = boxes.indices.last, boxes[k].verticalOverlap(w.box) > 0.5 {
        lines[k].append(w); boxes[k] = boxes[k].union(w.box)
      } else {
        lines.append([w]); boxes.append(w.box)
      }
    }
    return lines.map { $0.sorted { $0.box.x0 < $1.box.x0 } }
  }

  /// One line's text: words that stand apart by more than a sixth of the line height get a space between them.
  static func join(_ line: [PDFWord]) -> String {
    var out = ""
    var last: PDFWord? = nil
    for w in line {
      if let l = last, w.box.x0 - l.box.x1 > l.box.height / 6 { out += " " }
      out += w.text
      last = w
    }
    return out
  }

  /// Splits a line into runs separated by gaps wider than `gap` points: the cells of a table drawn without rules.
  static func runs(_ line: [PDFWord], gap: Double) -> [[PDFWord]] {
    var out: [[PDFWord]] = []
    for w in line {
      if let last = out.last?.last, w.box.x0 - last.box.x1 <= gap { out[out.count - 1].append(w) } else { out.append([w]) }
    }
    return out
  }
}
