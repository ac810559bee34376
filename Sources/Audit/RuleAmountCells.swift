import Reading
import YusuanCore

/// `audit.amount.malformed` (error): a figure cell that is not a valid amount (`457.90.` with a stray point,
/// letters among digits, two points). A cell of words alone is a table not read as printed (`audit.read.table`). The sums around it are still checked with the evident reading, when there is one.
/// `audit.read.row-short` (warning): a coded row with fewer cells than the header (a missing column).
enum AmountCellRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for t in c.document.tables where t.kind != .performance {
      let shape = TableShape(t)
      // Words where a figure should be (公务用车购置费 under 小计): the table's rows or columns were not read as
      // printed, which says nothing about the document. Said once, as not checked.
      var words: [String] = []
      for row in t.rows {
        for col in shape.amountColumns {
          if case .malformed(let raw, _) = t.value(row, col), !raw.contains(where: \.isNumber) { words.append(raw); continue }
          if case .malformed(let raw, let lenient) = t.value(row, col) {
            let guess = lenient.map { "（按 \(t.show($0)) 继续核对）" } ?? ""
            out.append(
              c.at(
                t, row: shape.splitColumn != nil ? shape.label(of: row, side: col) : shape.label(of: row), column: t.columnName(col), .amountMalformed, .error,
                "\(t.ref)第\(row.number)行“\(t.columnName(col))”列的数字“\(raw)”不是有效金额（多余的小数点、逗号或字符）\(guess)。请改为两位小数的金额。",
                expected: lenient.map(t.show), actual: raw))
          }
        }
        if let code = shape.codeColumn, TableReading.isCode(row.cell(code)), row.sourceCellCount < t.columns.count, row.sourceCellCount >= 2 {
          out.append(
            c.at(
              t, row: row.cell(code), .readRowShort, .warning,
              "\(t.ref)第\(row.number)行只有 \(row.sourceCellCount) 格，表头有 \(t.columns.count) 列：缺列。已把数字按右对齐读取，请核对原表。",
              expected: "\(t.columns.count) 列", actual: "\(row.sourceCellCount) 列"))
        }
      }
      if let first = words.first {
        out.append(
          c.at(
            t, row: nil, .readTable, .info,
            "未能核对\(t.ref)的 \(words.count) 格：金额列中读出的是文字（如“\(first)”），表格的行列可能没有按原样读出。请对照原件核对这张表。"))
      }
    }
    return out + decimals(c)
  }

  /// `audit.amount.decimals` (info): in a table whose figures are printed with two decimals, the ones that are
  /// not (20 for 20.00, 292.6): the reader cannot tell a rounded figure from a slip.
  static func decimals(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for t in c.document.tables where t.kind != .performance {
      let shape = TableShape(t)
      var two = 0
      var other: [(AuditRow, Int, String)] = []
      for row in t.rows {
        for col in shape.amountColumns {
          let raw = row.cell(col).trimmingBlanks()
          guard case .amount(let a) = t.value(row, col), !a.isZero else { continue }
          let decimals = raw.split(separator: ".").dropFirst().first?.count ?? 0
          if decimals == 2 { two += 1 } else { other.append((row, col, raw)) }
        }
      }
      guard let first = other.first, two >= 4, two >= 4 * other.count else { continue }
      out.append(
        c.at(
          t, row: TableShape(t).label(of: first.0), column: t.columnName(first.1), .amountDecimals, .info,
          "\(t.ref)的金额都保留两位小数，\(other.prefix(5).map { "「\($0.2)」" }.joined(separator: "、"))\(other.count > 5 ? " 等" : "")却没有，写法不统一。",
          expected: "两位小数", actual: other.map(\.2).joined(separator: "、")))
    }
    return out
  }
}
