import Reading
import YusuanCore

/// Percentages as printed (`87%`, `2.59%`, `0.015%`) and exact ratios rounded to the same number of decimals,
/// so a figure is judged at the precision it claims; DESIGN §4 then asks for two decimals everywhere.
public struct PrintedPercent: Sendable, Equatable {
  public var text: String
  /// The value times 10^decimals: `2.59` → 259, decimals 2.
  public var scaled: Int128
  public var decimals: Int

  public init?(_ text: String) {
    let t = AmountParser.normalizeWidth(text).replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "％", with: "").trimmingBlanks()
    let parts = t.split(separator: ".", omittingEmptySubsequences: false)
    // A percentage has a few digits; a crafted 40-digit one must not overflow the arithmetic below.
    guard parts.count <= 2, parts[0].count <= 12, let whole = Int128(String(parts[0])), parts[0].allSatisfy(\.isNumber) else { return nil }
    let frac = parts.count == 2 ? String(parts[1]) : ""
    guard frac.allSatisfy(\.isNumber), frac.count <= 6 else { return nil }
    var v = whole
    for c in frac { v = v * 10 + Int128(String(c))! }
    self.text = t + "%"; scaled = v; decimals = frac.count
  }

  /// `part / whole × 100`, rounded half-up to `decimals`; nil when `whole` is zero.
  public static func ratio(_ part: Amount, _ whole: Amount, decimals: Int) -> Int128? {
    guard whole.fen != 0 else { return nil }
    var scale: Int128 = 100
    for _ in 0..<decimals { scale *= 10 }
    let n = Int128(part.fen) * scale, d = Int128(whole.fen)
    let (q, r) = n.quotientAndRemainder(dividingBy: d)
    return r.magnitude * 2 >= d.magnitude ? q + ((n < 0) != (d < 0) ? -1 : 1) : q
  }

  public static func format(_ scaled: Int128, decimals: Int) -> String {
    let neg = scaled < 0
    var digits = String(scaled.magnitude)
    guard decimals > 0 else { return (neg ? "-" : "") + digits + "%" }
    while digits.count <= decimals { digits = "0" + digits }
    let cut = digits.index(digits.endIndex, offsetBy: -decimals)
    return (neg ? "-" : "") + digits[..<cut] + "." + digits[cut...] + "%"
  }

  /// The correct value at two decimals, as the document should print it: `2.60%`.
  public static func twoDecimals(_ part: Amount, _ whole: Amount) -> String? {
    ratio(part, whole, decimals: 2).map { format($0, decimals: 2) }
  }

  /// Evidence for a reader: `15.90 ÷ 612.42 = 2.5963…%`.
  public static func working(in unit: MoneyUnit = .wan, _ part: Amount, _ whole: Amount) -> String {
    guard let v = ratio(part, whole, decimals: 4) else { return "\(part.shown(in: unit)) ÷ 0" }
    return "\(part.shown(in: unit)) ÷ \(whole.shown(in: unit)) = \(format(v, decimals: 4).dropLast())…%"
  }

  /// True when the printed value is the exact ratio rounded to the printed number of decimals.
  public func agrees(_ part: Amount, _ whole: Amount) -> Bool {
    PrintedPercent.ratio(part, whole, decimals: decimals) == scaled
  }

  public var isHundred: Bool {
    var h: Int128 = 100
    for _ in 0..<decimals { h *= 10 }
    return scaled == h
  }
}
