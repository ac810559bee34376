// The document as GitHub-flavoured Markdown, for review in a repository or a diff.
//
// GFM tables have one header row, so merged headers are flattened (本年预算·合计); names are indented
// with full-width spaces, which Markdown keeps (ASCII spaces would be collapsed).
import Foundation
import YusuanCore

public enum MarkdownRenderer: DocumentRenderer {
  public static let fileExtension = "md"

  public static func render(_ doc: PublishedDocument) throws -> Data { Data(renderString(doc).utf8) }

  public static func renderString(_ doc: PublishedDocument) -> String {
    var out: [String] = ["# " + inline(doc.title)]
    if doc.draft { out.append("> **草稿**：本文件尚有未解决的问题，不得公开。") }
    if let cover = doc.cover { out.append(cover.filter { !$0.isEmpty }.map { "**" + inline($0) + "**" }.joined(separator: "\n\n")) }
    if let contents = doc.contents {
      out.append("## " + inline(contents.title))
      out.append(contents.lines.map { String(repeating: "　　", count: max($0.level - 1, 0)) + inline($0.text) }.joined(separator: "  \n"))
    }
    for part in doc.parts {
      if !part.title.isEmpty { out.append("## " + inline(part.title)) }
      for block in part.blocks {
        switch block {
        case .heading(let level, let text):
          out.append(String(repeating: "#", count: min(max(level, 1), 4) + 2) + " " + inline(text))
        case .paragraph(let text):
          out.append(paragraph(text))
        case .table(let table):
          out.append(tableMarkdown(table))
        }
      }
    }
    return out.joined(separator: "\n\n") + "\n"
  }

  static func tableMarkdown(_ table: DocTable) -> String {
    let layout = TableLayout(table)
    var lines: [String] = []
    var caption = "**" + inline(table.title) + "**"
    if let label = table.label, !label.isEmpty { caption = inline(label) + "　" + caption }
    lines.append(caption)
    if let preparer = table.preparer {
      lines.append(""); lines.append(inline(preparer) + "　　　　" + inline(table.unit))
    } else if !table.unit.isEmpty {
      lines.append(""); lines.append(inline(table.unit))
    }
    lines.append("")
    // A form (绩效目标表) has its labels in its rows: its required GFM header row stays blank.
    let form = table.merges != nil && layout.headerRowCount == 0
    let headings = layout.flatHeadings.enumerated().map { $0.element.isEmpty && !form ? "列\($0.offset + 1)" : $0.element }
    lines.append("| " + headings.map(cell).joined(separator: " | ") + " |")
    lines.append("|" + (0..<layout.columnCount).map { layout.isNumeric($0) ? " ---: " : " :--- " }.joined(separator: "|") + "|")
    for row in table.rows {
      var texts: [String]
      if row.kind == .emptyMarker {
        texts = [cell(TableLayout.emptyMarkerText(row))] + Array(repeating: "", count: layout.columnCount - 1)
      } else {
        texts = layout.cells(of: row).enumerated().map { c, value in
          var t = cell(layout.text(value))
          if row.isBold(c), !t.isEmpty { t = "**" + t + "**" }
          // The indent goes outside the emphasis: "**" before a (full-width) space does not open bold.
          if c == layout.nameColumn, row.level > 0, !t.isEmpty { t = String(repeating: "　", count: row.level) + t }
          return t
        }
      }
      lines.append("| " + texts.joined(separator: " | ") + " |")
    }
    if let note = table.note, !note.isEmpty {
      lines.append("")
      lines.append(paragraph(note))
    }
    return lines.joined(separator: "\n")
  }

  /// Backslash-escapes ASCII punctuation Markdown would read as syntax or HTML (GFM allows escaping any of it).
  /// Control characters are dropped, as the XML renderers drop them: entry refuses them, but a workbook written
  /// before it did may hold some, and `ESC ] 8` in a .md file shown in a terminal is a live link (issue 14).
  static func inline(_ s: String) -> String {
    if !needsEscaping(s) { return s }
    var out = ""
    out.reserveCapacity(s.utf8.count + 8)
    for ch in s {
      if ch.isNewline { out.append(" "); continue }
      if ch.unicodeScalars.contains(where: CharacterNames.isControl) { continue }
      if let a = ch.asciiValue, isSyntax(a) { out.append("\\") }
      out.append(ch)
    }
    return out
  }

  /// True when `s` has a syntax character, a line break (U+000A–U+000D, U+0085, U+2028, U+2029) or another control
  /// character: most table cells and sentences have none and are returned as they are.
  static func needsEscaping(_ s: String) -> Bool {
    var prev2: UInt8 = 0, prev1: UInt8 = 0
    for b in s.utf8 {
      if isSyntax(b) || b < 0x20 || b == 0x7F { return true }
      if prev1 == 0xC2 && (0x80...0x9F).contains(b) { return true }
      if prev2 == 0xE2 && prev1 == 0x80 && (b == 0xA8 || b == 0xA9) { return true }
      prev2 = prev1; prev1 = b
    }
    return false
  }

  /// \ ` * _ [ ] < > & # | ~ !
  static func isSyntax(_ b: UInt8) -> Bool {
    switch b {
    case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x26, 0x23, 0x7C, 0x7E, 0x21: return true
    default: return false
    }
  }

  /// A paragraph: inline escaping per line, and a line that would start a list, a heading underline or
  /// a code block is defused. Lines are joined with hard breaks so the officer's line structure stays.
  static func paragraph(_ s: String) -> String {
    s.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
      let line = String(raw.drop { $0 == " " || $0 == "\t" })
      guard let first = line.first else { return "" }
      if "-+=".contains(first) { return "\\" + inline(line) }
      // "1. 调研" or "1) 调研" would become a numbered list.
      let digits = line.prefix { $0.isASCII && $0.isNumber }
      let rest = line.dropFirst(digits.count)
      if !digits.isEmpty, let mark = rest.first, mark == "." || mark == ")" {
        return digits + "\\" + inline(String(rest))
      }
      return inline(line)
    }.joined(separator: "  \n")
  }

  /// Text inside a table cell: no line breaks, pipes escaped.
  static func cell(_ s: String) -> String {
    guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return "" }
    let ws = CharacterSet.whitespaces
    return inline(ws.contains(first) || ws.contains(last) ? s.trimmingCharacters(in: .whitespaces) : s)
  }
}
