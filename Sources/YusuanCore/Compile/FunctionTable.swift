/// Tables by 支出功能分类 (T2, T3, T5, T8, T9): 类 → 款 → 项 with subtotals and a 合计 row.
public enum FunctionTable {
  /// The code and name columns, then one amount column per key (合计, 基本支出 …: what its figures are).
  public static func columns(_ keys: [String?]) -> [Column] {
    [Column(.code, width: 10), Column(.text, width: 28)] + keys.map { Column(.amount, width: 12, key: $0) }
  }

  /// Rows for `rows` (one fund's or all), each 类 then its 款 then its 项, with `values` picking the figures.
  public static func body(
    rows: [String: FunctionRollup.Row], total: FunctionRollup.Row, c: CompileContext,
    values: (FunctionRollup.Row) -> [Amount]
  ) -> [TableRow] {
    var out: [TableRow] = []
    for code in rows.keys.sorted() {
      let r = rows[code]!
      let level = code.count == 3 ? 0 : code.count == 5 ? 1 : 2
      out.append(
        TableRow(
          kind: level < 2 ? .subtotal : .detail, level: level,
          cells: [.text(code), .text(c.functionName(code))] + values(r).map { .amount($0) }, key: code))
    }
    out.append(TableRow(kind: .total, cells: [.text(c.fill("table.total")), .blank] + values(total).map { .amount($0) }, key: TableRow.totalKey))
    return out
  }
}
