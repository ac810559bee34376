/// An edition described in a few Chinese lines, for `yusuan editions`: what kind of document it prints, in which
/// unit, against which prior-year figures, and its tables in order (with any table's own unit).
public enum EditionSummary {
  public static func lines(_ e: Edition) -> [String] {
    let ordered = e.tables.sorted { $0.number < $1.number }
    let tables = ordered.map { spec -> String in
      let label = e.label(of: spec.id) ?? spec.id.rawValue
      let own = e.money(for: spec.id) == e.units.tables ? "" : "，" + describe(e.money(for: spec.id))
      return "\(label) \(spec.name)（\(spec.id.rawValue)\(own)）"
    }
    return [
      "\(e.id)　\(e.name)",
      "  文件类型：\(e.kind)（\(e.level)）；增减比较：上年\(e.priorYear.word)；科目目录：\(e.catalog)",
      "  金额：预算表 \(describe(e.units.tables))；情况说明 \(describe(e.units.prose))",
      "  预算表（\(ordered.count) 张）：",
    ] + tables.map { "    " + $0 }
  }

  /// 万元，2位小数 / 元，2位小数，千分位.
  public static func describe(_ f: MoneyFormat) -> String {
    "\(f.unit.rawValue)，\(f.decimals)位小数" + (f.grouping ? "，千分位" : "")
  }
}
