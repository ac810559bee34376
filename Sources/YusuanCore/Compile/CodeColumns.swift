/// A table's 科目编码 printed in separate 类/款/项 columns (Shanghai: `201 | 03 | 01`), as the edition's table
/// option `code_columns` asks. Plugins always build one code column; this splits it where the table is put
/// together (`CompileContext.table`), so no plugin knows how an edition prints codes.
public enum CodeColumns {
  /// `table` with its first (code) column split into `count` columns. A code is cut as 3 + 2 + 2 digits
  /// (2010301 → 201, 03, 01); a label in the code column with an empty name beside it (合计) moves to the name
  /// column, as the split layout prints it under the merged 类/款/项 and name cells.
  public static func split(_ table: DocTable, into count: Int) -> DocTable {
    guard count > 1, table.columns.first?.kind == .code else { return table }
    var t = table
    let width = max(3, table.columns[0].width * 2 / count)
    t.columns = Array(repeating: Column(.code, width: width), count: count) + table.columns.dropFirst()
    t.rows = table.rows.map { row in
      guard !row.cells.isEmpty else { return row }
      var r = row
      let rest = Array(row.cells.dropFirst())
      var parts = [Cell](repeating: .blank, count: count)
      switch row.cells[0] {
      case .text(let s) where !s.isEmpty && s.allSatisfy(\.isASCIIDigit):
        for (i, piece) in pieces(s).prefix(count).enumerated() { parts[i] = .text(piece) }
        r.cells = parts + rest
      case .text(let label) where rest.first == .blank || rest.first == nil:
        r.cells = parts + [.text(label)] + rest.dropFirst()
      default:
        parts[0] = row.cells[0]
        r.cells = parts + rest
      }
      return r
    }
    return t
  }

  /// 2010301 → [201, 03, 01]; 30101 → [301, 01]; 201 → [201].
  static func pieces(_ code: String) -> [String] {
    let digits = Array(code)
    var out = [String(digits.prefix(3))]
    var i = 3
    while i < digits.count {
      out.append(String(digits[i..<min(i + 2, digits.count)]))
      i += 2
    }
    return out
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
