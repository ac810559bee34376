import YusuanCore

/// Text copied out of a PDF (pdftotext without `-layout`, a website's PDF-to-HTML page) breaks every line at the page
/// width, inside words, figures and quotes (`其中:基` ⏎ `本支出 1440224.6 元`). Read line by line, such text gives false
/// findings: a truncated term, an unpaired quote, a list cut in two. Like the PDF reader's right margin, a line that
/// reaches the text's width continues on the next, unless it ends a sentence or the next begins a paragraph.
/// Text where lines are paragraphs (copied from Word or a web page) has no common width and is left as it is.
package enum HardWrappedText {
  /// The width a hard-wrapped text breaks at, when it is one: most prose lines reach within a fifth of it.
  package static func wrapWidth(_ lines: [String]) -> Int? {
    let widths = lines.map(DisplayWidth.of).filter { $0 >= 8 }.sorted()
    guard widths.count >= 6 else { return nil }
    let edge = widths[widths.count * 9 / 10]
    let full = widths.filter { $0 * 5 >= edge * 4 }
    // Paragraph-per-line text has a long tail of long paragraphs; wrapped text has its lines bunched at the edge.
    let longer = widths.filter { $0 * 4 > edge * 5 }
    guard edge >= 30, full.count * 2 >= widths.count, longer.count * 10 <= widths.count else { return nil }
    // And the break falls mid-text: many lines at the edge end in a character, not a punctuation mark (a list of
    // short clauses, one per line, is as even but ends each line with ； or 。).
    let fullLines = lines.filter { DisplayWidth.of($0) * 5 >= edge * 4 }
    let midText = fullLines.filter { $0.last.map { $0.isLetter || $0.isNumber } ?? false }
    guard midText.count >= 8, midText.count * 3 >= fullLines.count else { return nil }
    return edge
  }

  /// Joins each line that runs to the wrap width with the next text line of the same run.
  static func join(_ blocks: [Block]) -> [Block] {
    let texts = blocks.compactMap { if case .text(let t, _) = $0 { return t } else { return nil } }
    guard let edge = wrapWidth(texts) else { return blocks }
    var out: [Block] = []
    var lastLine = 0, lastPiece = ""
    for b in blocks {
      // Only the next line: a blank line between them ends the paragraph.
      if case .text(let t, let n) = b, case .text(let previous, let m)? = out.last, n == lastLine + 1, continues(lastPiece, edge: edge), !begins(t) {
        out[out.count - 1] = .text(joined(previous, t), line: m)
      } else {
        out.append(b)
      }
      if case .text(let t, let n) = b { lastLine = n; lastPiece = t } else { lastLine = 0 }
    }
    return out
  }

  static func continues(_ line: String, edge: Int) -> Bool {
    guard DisplayWidth.of(line) * 5 >= edge * 4, let last = line.last else { return false }
    // A heading is short; a line that reaches the width is text even when it starts like one ((二)按支出结构分类划分…).
    return !"。！？!?".contains(last) && !Heuristics.isStructural(line)
  }

  static func begins(_ line: String) -> Bool {
    Heuristics.listLevel(line) != nil || Heuristics.isStructural(line)
  }

  /// Two wrapped pieces as one: no space between CJK text, a space kept between two Latin words.
  static func joined(_ a: String, _ b: String) -> String {
    if let x = a.unicodeScalars.last, let y = b.unicodeScalars.first, x.isASCII && x.properties.isAlphabetic && y.isASCII && y.properties.isAlphabetic {
      return a + " " + b
    }
    return a + b
  }
}
