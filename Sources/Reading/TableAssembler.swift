import YusuanCore

/// Groups blocks into paragraphs and tables: a title line (…表) opens a table, a 部门公开表N label attaches to the
/// title that follows it, a unit line sets the table's unit, and prose closes it. Numbering is never assumed, so
/// tables are found by title whatever their number, and a label with no title after it is kept as an orphan.
package enum TableAssembler {
  package struct Pending {
    package var title: String?
    package var label: (String, Int)?
    package var unit: MoneyUnit?
    package var rows: [([String], Int)] = []
    package var notes: [String] = []
    package var line: Int
    package var group: Int?
  }

  /// `headings` gives heading levels a reader saw in the layout (a centred title in a PDF is a part heading),
  /// keyed by line; other paragraphs are judged by their words.
  package static func assemble(_ blocks: [Block], name: String, format: DocumentFormat, headings: [Int: Int] = [:]) -> AuditDocument {
    var doc = AuditDocument(name: name, format: format)
    var current: Pending? = nil
    var pendingLabel: (String, Int, Int)? = nil
    var part: String? = nil, section: String? = nil, subsection: String? = nil

    func close() {
      guard let c = current else { return }
      current = nil
      // A title with nothing under it (a caption, a reference) is prose, not a table.
      if c.rows.isEmpty && c.notes.isEmpty && c.unit == nil && c.label == nil {
        if let t = c.title { addParagraph(t, line: c.line) }
        return
      }
      doc.tables.append(TableReading.build(index: doc.tables.count + 1, pending: c, findings: &doc.readFindings))
    }
    func addParagraph(_ raw: String, line: Int) {
      let t = Heuristics.withoutSpacesAroundFigures(Heuristics.withoutLetterSpacing(raw))
      let level = headings[line] ?? Heuristics.headingLevel(t)
      switch level {
      case 0: part = t; section = nil; subsection = nil
      case 1: section = t; subsection = nil
      case 2: subsection = t
      default: break
      }
      doc.paragraphs.append(
        AuditParagraph(
          index: doc.paragraphs.count + 1, line: line, text: t, part: part,
          section: level == 1 ? nil : section, subsection: level == 2 ? nil : subsection,
          isHeading: level != nil))
    }
    func orphan(_ l: (String, Int, Int)) { doc.orphanLabels.append((text: l.0, number: l.1, line: l.2)) }

    /// Handles a structural or prose line; returns false when it is an ordinary cell.
    func structural(_ t: String, line: Int, inRow: Bool) -> Bool {
      if let l = Heuristics.label(t) {
        if let rest = l.rest {
          close()
          if let p = pendingLabel { orphan(p); pendingLabel = nil }
          current = Pending(title: rest, label: (l.label, l.number), line: line)
          return true
        }
        if current != nil && (current!.rows.isEmpty && current!.label == nil && current!.title != nil) {
          // Label printed just after its title.
          current!.label = (l.label, l.number)
          return true
        }
        close()
        if let p = pendingLabel { orphan(p) }
        pendingLabel = (l.label, l.number, line)
        return true
      }
      if let u = Heuristics.unit(t) {
        if current == nil { current = Pending(title: nil, label: nil, line: line) }
        current!.unit = u
        return true
      }
      if Heuristics.isTitle(t) {
        close()
        current = Pending(title: t, label: pendingLabel.map { ($0.0, $0.1) }, line: line)
        pendingLabel = nil
        return true
      }
      if t.hasPrefix("注：") || t.hasPrefix("注:") || t.hasPrefix("注 ") {
        if current != nil { current!.notes.append(t); return true }
      }
      // A note printed without 注： right under an empty table (……故本表无数据。) is still that table's note.
      if let cur = current, cur.notes.isEmpty, t.contains("本表无数据"), t.count > "本表无数据".count + 4,
        cur.rows.contains(where: { row in row.0.contains { $0.contains("本表无数据") } })
      {
        current!.notes.append(t)
        return true
      }
      if inRow { return false }
      // A PDF's tables come from their drawn grid, so a line outside the grid is never one of their cells.
      // After a unit line, before any row, such a line is part of the header (laid-out text prints a header cell
      // that wraps, “三公”经费预算数 ⏎ 机关运行经费预算, as lines of one cell).
      if format != .pdf, headings[line] == nil, let cur = current, !cur.rows.isEmpty || cur.unit != nil, t.count <= 10, !t.contains("。"),
        Heuristics.headingLevel(t) == nil, !Heuristics.startsNewParagraph(t)
      {
        // A short fragment inside a table (a wrapped cell such as “（万元）”), not prose.
        current!.rows.append(([t], line))
        return true
      }
      close()
      if let p = pendingLabel { orphan(p); pendingLabel = nil }
      addParagraph(t, line: line)
      return true
    }

    for block in blocks {
      switch block {
      case .text(let t, let line):
        _ = structural(t, line: line, inRow: false)
      case .row(let raw, let line, let group):
        let cells = raw.map { $0.trimmingBlanks() }
        let filled = cells.filter { !$0.isEmpty }
        if filled.isEmpty { continue }
        if filled.count == 1, structural(filled[0], line: line, inRow: true) { continue }
        if filled.count >= 1, let u = filled.lazy.compactMap(Heuristics.unit).first,
          filled.count == 1 || filled.allSatisfy({ Heuristics.unit($0) != nil || Heuristics.isTitle($0) || Heuristics.isPreparer($0) })
        {
          if current == nil { current = Pending(title: nil, label: nil, line: line) }
          current!.unit = u
          continue
        }
        if var c = current, c.group != nil, group != c.group, !c.rows.isEmpty {
          // A new Word table with no title between: a separate, untitled table.
          close(); c = Pending(title: nil, label: nil, line: line); current = c
        }
        if current == nil { current = Pending(title: nil, label: nil, line: line) }
        if current!.group == nil { current!.group = group }
        current!.rows.append((raw.map { $0.trimmingBlanks() }, line))
      }
    }
    close()
    if let p = pendingLabel { orphan(p) }
    return doc
  }
}
