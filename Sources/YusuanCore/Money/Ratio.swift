/// Exact ratios between amounts, rounded half-up to two decimals of a percent.
///
/// DESIGN §4: each share is its own ratio of the shown amounts, never nudged to make a list add up;
/// a change is measured against the prior year.
public enum Ratio {
  /// `part / whole` as a percentage in hundredths (`7945` means 79.45%), rounded half-up; nil when `whole` is zero.
  public static func percentHundredths(_ part: Amount, of whole: Amount) -> Int64? {
    guard whole.fen != 0 else { return nil }
    let n = Int128(part.fen) * 10_000
    let d = Int128(whole.fen)
    let (q, r) = n.quotientAndRemainder(dividingBy: d)
    // Round half away from zero using the magnitude of the remainder.
    let twiceR = r.magnitude * 2
    var result = q
    if twiceR >= d.magnitude { result += (n < 0) != (d < 0) ? -1 : 1 }
    // A large part over a tiny whole (1万亿 against 0.01元) exceeds Int64: clamp rather than trap.
    return Int64(clamping: result)
  }

  /// Formats hundredths of a percent: `7945` → `79.45`.
  public static func format(_ hundredths: Int64) -> String { Amount.formatCents(hundredths) }

  /// The share of `part` in `whole` as printed, e.g. `79.45%`; nil when `whole` is zero.
  public static func share(_ part: Amount, of whole: Amount) -> String? {
    percentHundredths(part, of: whole).map { format($0) + "%" }
  }
}
