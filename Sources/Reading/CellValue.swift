import YusuanCore

/// A table cell read as a figure. Malformed figures (`457.90.`) are reported, and read leniently where the intent
/// is unambiguous so the sums around them can still be checked.
public enum CellValue: Sendable, Equatable {
  case blank
  case amount(Amount)
  case malformed(String, lenient: Amount?)

  public static func read(_ s: String, unit: MoneyUnit) -> CellValue {
    let t = s.trimmingBlanks()
    if t.isEmpty || t.contains("本表无数据") || ["-", "—", "－", "/", "——", "…"].contains(t) { return .blank }
    switch AmountParser.parse(t, defaultUnit: unit, allowNegative: true) {
    case .success(let a): return .amount(a)
    case .failure:
      var l = AmountParser.normalizeWidth(t)
      while let last = l.last, last == "." || last == "," || last == " " { l.removeLast() }
      l = l.replacingOccurrences(of: " ", with: "")
      if case .success(let a) = AmountParser.parse(l, defaultUnit: unit, allowNegative: true) { return .malformed(t, lenient: a) }
      return .malformed(t, lenient: nil)
    }
  }

  /// The value to compute with: blanks count as zero, malformed cells as their lenient reading (nil if none).
  public var value: Amount? {
    switch self {
    case .blank: return .zero
    case .amount(let a): return a
    case .malformed(_, let l): return l
    }
  }

  public var isBlank: Bool { self == .blank }
}

extension AuditTable {
  public func value(_ row: AuditRow, _ column: Int) -> CellValue {
    if column >= 0 && column < row.values.count && row.values.count == row.cells.count { return row.values[column] }
    return CellValue.read(row.cell(column), unit: moneyUnit)
  }

  /// Formats an amount in the table's own unit, as a reader would compare it with the printed figure.
  public func show(_ a: Amount) -> String { a.shown(in: moneyUnit) }

  public func columnName(_ c: Int) -> String {
    let n = c < columns.count ? columns[c] : ""
    return n.isEmpty ? "第\(c + 1)列" : NameKey.of(n)
  }
}
