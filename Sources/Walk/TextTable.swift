import YusuanCore

/// Prints a DocTable in a terminal with columns aligned by display width (CJK characters take two columns).
enum TextTable {
  static func render(_ t: DocTable, maxRows: Int = 60) -> String {
    let labels = headerLabels(t)
    var body: [[String]] = t.rows.prefix(maxRows).map { r in
      r.cells.enumerated().map { i, c in
        let text = t.text(c)
        // Indent the name column (the second) by the row's level: 类, 款, 项.
        return i == 1 && r.level > 0 ? String(repeating: "　", count: r.level) + text : text
      }
    }
    if t.rows.count > maxRows { body.append(["……（共\(t.rows.count)行）"]) }
    var widths = labels.map { DisplayWidth.of($0) }
    for r in body { for (i, s) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(s)) } }
    widths = widths.map { min($0, 40) }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { i, s in
        guard i < widths.count else { return s }
        let amount = t.columns[i].kind == .amount || t.columns[i].kind == .count
        return amount ? DisplayWidth.padLeft(s, to: widths[i]) : DisplayWidth.padRight(s, to: widths[i])
      }.joined(separator: "  ")
    }
    var out = [t.label.map { "\($0)  " } ?? "", t.title, t.unit.isEmpty ? "" : "（\(t.unit)）"].joined() + "\n"
    out += line(labels) + "\n"
    out += String(repeating: "─", count: widths.reduce(0, +) + 2 * max(0, widths.count - 1)) + "\n"
    for r in body { out += line(r) + "\n" }
    // The note is printed as the document prints it, which already starts with 注： (not 注：注：).
    if let n = t.note, t.isEmpty { out += (n.hasPrefix("注") ? n : "注：\(n)") + "\n" }
    return out
  }

  /// One label per column: the lowest header cell above it.
  static func headerLabels(_ t: DocTable) -> [String] {
    let columns = t.columns.count
    var grid = [[String?]](repeating: [String?](repeating: nil, count: columns), count: t.header.count)
    for (r, row) in t.header.enumerated() {
      var col = 0
      for cell in row {
        while col < columns && grid[r][col] != nil { col += 1 }
        guard col < columns else { break }
        for dr in 0..<cell.rowSpan where r + dr < t.header.count {
          for dc in 0..<cell.colSpan where col + dc < columns { grid[r + dr][col + dc] = cell.text }
        }
        col += cell.colSpan
      }
    }
    return (0..<columns).map { c in
      let stack = grid.compactMap { $0[c] }
      var unique: [String] = []
      for s in stack where unique.last != s { unique.append(s) }
      return unique.joined(separator: "·")
    }
  }
}
