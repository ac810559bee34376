import YusuanCore

/// Classification codes printed in separate 类 | 款 | 项 columns (Shanghai: `201 | 03 | 01 | 行政运行`), joined back
/// into one 科目编码 column (`2010301`) so every table reads codes the same way. Found from a header row that names
/// the columns 类, 款 (and 项) side by side, and kept only when every body cell there is blank or digits; or, with no
/// such header, from body rows that can be nothing else (`fromBody`).
package struct SplitCodes {
  /// The first split column and how many there are (2 for 类/款, 3 for 类/款/项).
  package var start: Int
  package var count: Int
  /// The joined column's name, whatever the header printed above 类 (功能分类科目编码, 部门预算经济分类科目编码).
  package var name = "科目编码"

  package static func find(headers: [[String]], body: [[String]]) -> SplitCodes? {
    for row in headers {
      let keys = row.map { NameKey.of($0).replacingOccurrences(of: " ", with: "") }
      guard let start = keys.firstIndex(of: "类"), start + 1 < keys.count, keys[start + 1] == "款" else { continue }
      let count = start + 2 < keys.count && keys[start + 2] == "项" ? 3 : 2
      let digitsOrBlank = body.allSatisfy { cells in
        (start..<(start + count)).allSatisfy { k in
          let c = k < cells.count ? cells[k].trimmingBlanks() : ""
          return c.isEmpty || c.allSatisfy { $0.isASCII && $0.isNumber } || TotalLabel.isTotal(c) || k == start
        }
      }
      guard digitsOrBlank else { continue }
      return SplitCodes(start: start, count: count)
    }
    return fromBody(body)
  }

  /// Without a header naming 类/款 (the header was on a page that could not be read, or a province prints none):
  /// the columns are split codes when the body says so unmistakably. Every row holds a 3-digit 类 (or nothing, or a
  /// total label) followed by 2-digit 款 (and 项) cells or blanks and then a name, and at least two rows carry a 款.
  static func fromBody(_ body: [[String]]) -> SplitCodes? {
    func digits(_ s: String, _ n: Int) -> Bool { s.count == n && s.allSatisfy { $0.isASCII && $0.isNumber } }
    let rows = body.map { $0.map { $0.trimmingBlanks() } }.filter { !$0.allSatisfy(\.isEmpty) }
    guard rows.count >= 3 else { return nil }
    for start in 0..<2 {
      var withKuan = 0, withXiang = 0
      let fits = rows.allSatisfy { cells in
        guard cells.count > start + 2 else { return false }
        let lei = cells[start], kuan = cells[start + 1]
        if lei.isEmpty || TotalLabel.isTotal(lei) { return kuan.isEmpty || TotalLabel.isTotal(kuan) }
        guard digits(lei, 3), kuan.isEmpty || digits(kuan, 2) else { return false }
        if !kuan.isEmpty { withKuan += 1 }
        let third = cells[start + 2]
        if digits(third, 2) { guard !kuan.isEmpty else { return false }; withXiang += 1 }
        return true
      }
      guard fits, withKuan >= 2 else { continue }
      let count = withXiang > 0 ? 3 : 2
      // The cell after the codes is a name: not a figure, on most coded rows.
      let named = rows.filter { digits($0[start], 3) && $0.count > start + count }
        .filter { cells in
          let c = cells[start + count]; return !c.isEmpty && !c.allSatisfy { $0.isASCII && ($0.isNumber || ",.-".contains($0)) }
        }
      guard named.count * 2 > rows.filter({ digits($0[start], 3) }).count else { continue }
      return SplitCodes(start: start, count: count)
    }
    return nil
  }

  /// A body row with the split cells joined: `201`, `03`, `01` → `2010301`; a label printed across them (合计) kept.
  package func join(_ cells: [String]) -> [String] {
    guard cells.count >= start + count else { return cells }
    let parts = cells[start..<(start + count)].map { $0.trimmingBlanks() }
    var joined = parts.joined()
    var rest = Array(cells[(start + count)...])
    // A label printed across the code and name cells (合计) belongs to the name column; the code stays blank.
    if !joined.allSatisfy({ $0.isASCII && $0.isNumber }), let name = rest.first, name.isEmpty {
      rest[0] = joined; joined = ""
    }
    return Array(cells[..<start]) + [joined] + rest
  }

  /// A header row: the 类/款/项 row becomes the column name; other rows keep what they print there.
  package func joinHeader(_ cells: [String]) -> [String] {
    guard cells.count >= start + count else { return cells }
    let parts = cells[start..<(start + count)].filter { !$0.isEmpty }
    let isCodeRow = parts.map { NameKey.of($0) } == Array(["类", "款", "项"].prefix(count))
    let merged = isCodeRow ? name : parts.joined()
    return Array(cells[..<start]) + [merged] + Array(cells[(start + count)...])
  }
}
