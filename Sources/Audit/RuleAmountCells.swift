import YusuanCore

/// `audit.amount.malformed` (error): a figure cell that is not a valid amount (`457.90.` with a stray point,
/// letters, two points). The sums around it are still checked with the evident reading, when there is one.
/// `audit.read.row-short` (warning): a coded row with fewer cells than the header (a missing column).
enum AmountCellRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for t in c.document.tables where t.kind != .performance {
      let shape = TableShape(t)
      for row in t.rows {
        for col in shape.amountColumns {
          if case .malformed(let raw, let lenient) = t.value(row, col) {
            let guess = lenient.map { "（按 \(t.show($0)) 继续核对）" } ?? ""
            out.append(c.at(t, row: shape.splitColumn != nil ? shape.label(of: row, side: col) : shape.label(of: row), column: t.columnName(col), "audit.amount.malformed", .error,
                            "\(t.ref)第\(row.number)行“\(t.columnName(col))”列的数字“\(raw)”不是有效金额（多余的小数点、逗号或字符）\(guess)。请改为两位小数的金额。",
                            expected: lenient.map(t.show), actual: raw))
          }
        }
        if let code = shape.codeColumn, TableLayout.isCode(row.cell(code)), row.sourceCellCount < t.columns.count, row.sourceCellCount >= 2 {
          out.append(c.at(t, row: row.cell(code), "audit.read.row-short", .warning,
                          "\(t.ref)第\(row.number)行只有 \(row.sourceCellCount) 格，表头有 \(t.columns.count) 列：缺列。已把数字按右对齐读取，请核对原表。",
                          expected: "\(t.columns.count) 列", actual: "\(row.sourceCellCount) 列"))
        }
      }
    }
    return out
  }
}
