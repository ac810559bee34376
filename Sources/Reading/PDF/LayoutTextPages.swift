import YusuanCore

/// Text whose columns are lined up with spaces (what `pdftotext -layout` writes, or a table typed in an editor) is a
/// page drawn in a fixed grid: each whitespace-separated token becomes a word whose box is its position in that
/// grid, so the same geometry reader that reads a PDF's words (stream columns, prose joined by indentation, tables
/// continued over a form feed) reads it. Box units are grid cells: one character wide, one line tall.
package enum LayoutTextPages {
  /// The vertical pitch of a line and the height of its words: a blank line leaves a gap taller than an em, so it
  /// ends a paragraph as a wide gap does on a page; words are a little shorter than a cell, so two spaces are a gap
  /// wider than twice their height, the stream reader's column gap.
  package static let pitch = 1.5, height = 0.9

  /// Text with no tabs in which at least five lines line up a figure after a run of spaces.
  package static func looksLaidOut(_ text: String) -> Bool {
    guard !text.contains("\t") else { return false }
    var aligned = 0
    for l in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(5000) where l.match(#"\S {2,}-?\d[\d,]*\.\d{1,2}(\s|$)"#) != nil {
      aligned += 1
      if aligned >= 5 { return true }
    }
    return false
  }

  /// Whether positions are counted in characters (pdftotext's grid: a CJK character takes one column) or in display
  /// columns (an editor with a CJK font: it takes two). The one under which figures' right edges line up best wins.
  package enum Measure { case characters, display }

  package static func measure(_ lines: [Substring]) -> Measure {
    var byCount = Set<Int>(), byWidth = Set<Int>()
    for l in lines.prefix(3000) {
      var chars = 0, width = 0, token = "", tokenIsFigure = false
      func end() {
        if tokenIsFigure, TableReading.looksNumeric(token), token.contains(".") { byCount.insert(chars); byWidth.insert(width) }
        token = ""
      }
      for ch in l {
        if ch == " " || ch == "\u{3000}" { end() } else { token.append(ch); tokenIsFigure = token.first.map { $0.isNumber || $0 == "-" } ?? false }
        chars += 1; width += DisplayWidth.of(String(ch))
      }
      end()
    }
    return byWidth.count < byCount.count ? .display : .characters
  }

  /// The pages (split at form feeds) with one word per token, and the 0-based text line each page begins at (its
  /// row y sits at (line − first line) × pitch).
  package static func pages(_ text: String) -> (pages: [PDFPage], firstLines: [Int]) {
    let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    let all = normalised.split(separator: "\n", omittingEmptySubsequences: false)
    let m = measure(all)
    var pages: [PDFPage] = []
    var firstLines: [Int] = []
    var words: [PDFWord] = []
    var firstLine = 0, widest = 0
    func finishPage(upTo line: Int) {
      firstLines.append(firstLine)
      let rows = Swift.max(line - firstLine, 1)
      pages.append(
        PDFPage(
          number: pages.count + 1, width: Double(Swift.max(widest, 1)),
          height: Double(rows) * pitch, words: words))
      words = []; widest = 0; firstLine = line
    }
    for (i, raw) in all.enumerated() {
      var line = raw
      if line.contains("\u{0C}") {
        // A form feed starts a new page (pdftotext puts it before the first line of the next page).
        let parts = line.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        if !(words.isEmpty && pages.isEmpty && i == firstLine) { finishPage(upTo: i) }
        line = parts.last ?? ""
      }
      let y = Double(i - firstLine) * pitch
      let lineStart = words.count
      var column = 0
      var token = "", tokenStart = 0
      func flush() {
        guard !token.isEmpty else { return }
        // Line i of the text sits at (i - firstLine) × pitch on its page, so a spot turns back into a line number.
        words.append(PDFWord(text: token, box: Box(x0: Double(tokenStart), y0: y, x1: Double(column), y1: y + height)))
        token = ""
      }
      for ch in line {
        if ch == " " || ch == "\u{3000}" || ch == "\t" {
          flush()
        } else {
          if token.isEmpty { tokenStart = column }
          token.append(ch)
        }
        column += m == .display ? DisplayWidth.of(String(ch)) : 1
      }
      flush()
      mergeSingleSpaced(&words, from: lineStart)
      widest = Swift.max(widest, column)
    }
    finishPage(upTo: all.count)
    return (pages, firstLines)
  }

  /// Words one space apart are one cell (1. 一般公共预算资金), unless one is a figure: pdftotext parts cells by two
  /// spaces or more, but may leave one between two figures, or after a figure, when the row is crowded.
  package static func mergeSingleSpaced(_ words: inout [PDFWord], from start: Int) {
    var k = start + 1
    while k < words.count {
      let a = words[k - 1], b = words[k]
      if b.box.x0 - a.box.x1 <= 1, !StreamColumns.isFigure(a), !StreamColumns.isFigure(b) {
        words[k - 1] = PDFWord(text: a.text + " " + b.text, box: a.box.union(b.box))
        words.remove(at: k)
      } else {
        k += 1
      }
    }
  }

  /// Reads laid-out text through the geometry reader. Blocks keep the text's own line numbers (a finding points at
  /// `file:line`); boxes in grid cells mean nothing on a page, so no spot or cell box is kept.
  package static func read(_ text: String) -> (blocks: [Block], headings: [Int: Int], findings: [Diagnostic]) {
    // The first text line of each page turns a spot (page, y) back into a line number.
    let (pages, firstLines) = pages(text)
    let read = PDFBlocks.read(pages, laidOutText: true)
    func textLine(_ n: Int) -> Int {
      guard let spot = read.spots[n], let page = spot.page, let box = spot.box, page >= 1, page <= firstLines.count else { return n }
      return firstLines[page - 1] + Int((box.y0 / pitch).rounded()) + 1
    }
    let blocks: [Block] = read.blocks.map { block in
      switch block {
      case .text(let t, let n): return .text(t, line: textLine(n))
      case .row(let cells, let n, let g): return .row(cells, line: textLine(n), group: g)
      }
    }
    var headings: [Int: Int] = [:]
    for (n, level) in read.headings { headings[textLine(n)] = level }
    return (blocks, headings, read.findings)
  }
}
