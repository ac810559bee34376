import YusuanCore

/// What every reader produces before tables are assembled: prose lines and table rows, in document order.
/// Keeping the formats' differences here lets one assembler find tables the same way in text, docx and PDF.
package enum Block: Sendable {
  case text(String, line: Int)
  /// A table row. `group` is set when the format marks table boundaries itself (docx `w:tbl`).
  case row([String], line: Int, group: Int?)
}

/// Plain text as copied from a website: each cell on its own line beginning with a tab, rows separated by blank
/// lines (the seeds' shape); or ordinary tab-separated lines, one row per line.
package enum PlainTextBlocks {
  package static func blocks(_ text: String) -> [Block] {
    var rows = LineRows(innerTabsSeparateCells: true)
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
      .split(separator: "\n", omittingEmptySubsequences: false)
    for (i, raw) in lines.enumerated() { rows.add(String(raw), line: i + 1) }
    return HardWrappedText.join(rows.finished())
  }
}

extension PlainTextBlocks {
  /// Text copied out of a PDF without its layout (pdftotext's default, a browser's copy) prints each table cell on
  /// its own line, often a figure alone or a figure before the next row's label (`91,016,775.35 一、一般公共服务支出`):
  /// the rows and columns are gone and cannot be rebuilt. Many such lines, outside any tab-separated row, say so.
  package static func lostTableStructure(_ text: String) -> Bool {
    var figureLines = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.contains("\t") {
      if String(line).match(#"^ *-?(\d{1,3}(,\d{3})+|\d+)\.\d{2}( |$)"#) != nil { figureLines += 1 }
    }
    return figureLines >= 20
  }
}

/// The one place that decides which lines of text are table rows, for every reader that gets a document as lines:
/// a text file's lines, and a .docx's paragraphs (LibreOffice writes each line of a text file as a paragraph and
/// each tab as `w:tab`), so the same content reads as the same blocks whatever the format.
/// - A line that begins with a tab is a cell of the row being read (the seeds' shape: one cell a line).
/// - A blank line ends the row.
/// - A line that does not look like a heading, title, unit or note, right after cells, is a cell wrapped onto the
///   next line (支出项目/ ⏎ /政府采购项目名称).
/// - Any other line is prose.
package struct LineRows {
  /// Whether a line with tabs inside it (not leading) is a whole row of tab-separated values. True for text; false
  /// for .docx, where a tab inside a paragraph is layout (a table of contents' leader, a tab stop), not a cell.
  package var innerTabsSeparateCells: Bool
  private(set) var blocks: [Block] = []
  private var pending: [String]? = nil
  private var pendingLine = 0

  package init(innerTabsSeparateCells: Bool) { self.innerTabsSeparateCells = innerTabsSeparateCells }

  mutating func add(_ line: String, line n: Int) {
    if line.hasPrefix("\t") {
      // Cells of the row being read, one per line (the seeds' shape).
      if pending == nil { pending = []; pendingLine = n }
      pending! += line.split(separator: "\t", omittingEmptySubsequences: false).dropFirst().map(String.init)
      return
    }
    if innerTabsSeparateCells && line.contains("\t") {
      // A whole row on one line: tab-separated values.
      flush()
      blocks.append(.row(line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init), line: n, group: nil))
      return
    }
    let t = line.trimmingBlanks()
    if t.isEmpty { flush(); return }
    if let p = pending, !p.isEmpty, !Heuristics.isStructural(t) {
      // A cell that wraps onto the next line (支出项目/ ⏎ /政府采购项目名称).
      pending![p.count - 1] += "\n" + t
      return
    }
    flush()
    blocks.append(.text(t, line: n))
  }

  /// A block that does not come from a line (a row of a Word table): it ends the row being read.
  mutating func append(_ block: Block) {
    flush()
    blocks.append(block)
  }

  mutating func flush() {
    if let p = pending { blocks.append(.row(p, line: pendingLine, group: nil)) }
    pending = nil
  }

  /// The blocks so far, the row being read included.
  func finished() -> [Block] {
    var copy = self
    copy.flush()
    return copy.blocks
  }
}
