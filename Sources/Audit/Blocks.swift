import YusuanCore

/// What every reader produces before tables are assembled: prose lines and table rows, in document order.
/// Keeping the formats' differences here lets one assembler find tables the same way in text, docx and PDF.
enum Block: Sendable {
  case text(String, line: Int)
  /// A table row. `group` is set when the format marks table boundaries itself (docx `w:tbl`).
  case row([String], line: Int, group: Int?)
}

/// Plain text as copied from a website: each cell on its own line beginning with a tab, rows separated by blank
/// lines (the seeds' shape); or ordinary tab-separated lines, one row per line.
enum PlainTextBlocks {
  static func blocks(_ text: String) -> [Block] {
    var out: [Block] = []
    var pending: [String]? = nil
    var pendingLine = 0
    func flush() {
      if let p = pending { out.append(.row(p, line: pendingLine, group: nil)) }
      pending = nil
    }
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
      .split(separator: "\n", omittingEmptySubsequences: false)
    for (i, raw) in lines.enumerated() {
      let n = i + 1
      let line = String(raw)
      if line.contains("\t") {
        let pieces = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if line.hasPrefix("\t") {
          // Cells of the row being read, one per line (the seeds' shape).
          if pending == nil { pending = []; pendingLine = n }
          pending! += pieces.dropFirst()
        } else {
          // A whole row on one line: tab-separated values.
          flush()
          out.append(.row(pieces, line: n, group: nil))
        }
        continue
      }
      let t = line.trimmingBlanks()
      if t.isEmpty { flush(); continue }
      if pending != nil, !pending!.isEmpty, !Heuristics.isStructural(t) {
        // A cell that wraps onto the next line (支出项目/ ⏎ /政府采购项目名称).
        pending![pending!.count - 1] += "\n" + t
        continue
      }
      flush()
      out.append(.text(t, line: n))
    }
    flush()
    return out
  }
}

/// `pdftotext -layout` output: columns are separated by runs of spaces, prose lines wrap.
enum LayoutTextBlocks {
  static func blocks(_ text: String) -> [Block] {
    var out: [Block] = []
    var para = "", paraLine = 0
    func flushPara() {
      if !para.isEmpty { out.append(.text(para, line: paraLine)) }
      para = ""
    }
    let lines = text.replacingOccurrences(of: "\u{0C}", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
    for (i, raw) in lines.enumerated() {
      let n = i + 1
      let t = String(raw).trimmingBlanks()
      if t.isEmpty { flushPara(); continue }
      let cells = t.split(separator: "  ", omittingEmptySubsequences: true).map { String($0).trimmingBlanks() }.filter { !$0.isEmpty }
      if cells.count >= 2 && !Heuristics.isStructural(t) {
        flushPara()
        out.append(.row(cells, line: n, group: nil))
        continue
      }
      if Heuristics.isStructural(t) || Heuristics.startsNewParagraph(t) || para.hasSuffix("。") || para.hasSuffix("：") {
        flushPara()
      }
      if Heuristics.isStructural(t) { out.append(.text(t, line: n)); continue }
      if para.isEmpty { paraLine = n }
      para += t
    }
    flushPara()
    return out
  }
}
