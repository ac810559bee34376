/// An exact amount of money, stored as an integer number of 分 (0.01 元).
///
/// Budgets are published in 万元 with two decimals, but officers sometimes enter 元;
/// both are exact in 分, so no figure ever passes through floating point.
public struct Amount: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The amount in 分. 1 万元 = 1 000 000 分.
  public var fen: Int64

  public static let fenPerYuan: Int64 = 100
  public static let fenPerWan: Int64 = 1_000_000
  public static let zero = Amount(fen: 0)

  public init(fen: Int64) { self.fen = fen }

  /// An amount of whole 万元 hundredths (the published precision): `Amount(wanCents: 61242)` is 612.42 万元.
  /// Saturates as the arithmetic below does (a figure near Int64.max rounds up past it).
  public init(wanCents: Int64) { self = Self.saturating(wanCents.multipliedReportingOverflow(by: 10_000), negative: wanCents < 0) }

  public var isZero: Bool { fen == 0 }
  public var isNegative: Bool { fen < 0 }

  /// The largest amount one entry may carry: 100 000 000 万元 (1 万亿元, 10^14 分), far above any department's
  /// whole budget. Int64 holds 92 233 such amounts in one sum, so the tables of any workbook `run` accepts fit.
  public static let largestEntry = Amount(fen: 100_000_000 * fenPerWan)

  /// The largest sum of all amounts (their magnitudes) a workbook may hold: 1 000 000 000 000 万元 (10^18 分).
  /// Int64 holds nine times that, so every total the tables print (each counts an amount at most a few times)
  /// fits; `run` refuses entries beyond it and `check` reports a workbook that holds more (entered before the limit).
  public static let largestWorkbookSum: Int64 = 1_000_000_000_000 * fenPerWan

  /// Arithmetic never traps: a result beyond Int64 saturates at ±Int64.max (never Int64.min, so negation is safe).
  /// Workbooks are kept far below that (`largestWorkbookSum`), so a saturated figure never reaches a table.
  static func saturating(_ r: (partialValue: Int64, overflow: Bool), negative: Bool) -> Amount {
    if r.overflow { return Amount(fen: negative ? -Int64.max : Int64.max) }
    return Amount(fen: max(r.partialValue, -Int64.max))
  }

  public static func + (a: Amount, b: Amount) -> Amount { saturating(a.fen.addingReportingOverflow(b.fen), negative: a.fen < 0) }
  public static func - (a: Amount, b: Amount) -> Amount { saturating(a.fen.subtractingReportingOverflow(b.fen), negative: a.fen < 0) }
  public static func += (a: inout Amount, b: Amount) { a = a + b }
  public static func -= (a: inout Amount, b: Amount) { a = a - b }
  public static prefix func - (a: Amount) -> Amount { Amount(fen: a.fen == .min ? .max : -a.fen) }
  public static func < (a: Amount, b: Amount) -> Bool { a.fen < b.fen }

  public var magnitude: Amount { fen < 0 ? -self : self }

  /// True when the amount is a whole number of 万元 hundredths, i.e. shows exactly with two decimals.
  public var isExactInWan: Bool { fen % 10_000 == 0 }

  /// The amount in 万元 hundredths, rounded half away from zero (the display value).
  public var roundedWanCents: Int64 {
    let q = fen / 10_000, r = fen % 10_000
    if r >= 5_000 { return q + 1 }
    if r <= -5_000 { return q - 1 }
    return q
  }

  /// 万元 with exactly two decimals, as tables and prose print it: `612.42`, `0.00`, `-36.35`.
  public var wan: String { Self.formatCents(roundedWanCents) }

  /// Exact 万元 text with as many decimals as needed (up to six), for canonical scripts: `74`, `0.26`, `0.123456`.
  public var exactWan: String {
    let sign = fen < 0 ? "-" : ""
    let v = fen.magnitude
    let whole = v / 1_000_000, frac = v % 1_000_000
    if frac == 0 { return "\(sign)\(whole)" }
    var digits = String(frac)
    digits = String(repeating: "0", count: 6 - digits.count) + digits
    while digits.hasSuffix("0") { digits.removeLast() }
    return "\(sign)\(whole).\(digits)"
  }

  /// Exact text the entry language reads back: 万元 when two decimals suffice, else 元 (`1234.56元`).
  public var scriptText: String { isExactInWan ? exactWan : yuan + "元" }

  /// Exact 元 text with two decimals: `6124200.00`.
  public var yuan: String { Self.formatCents(fen) }

  static func formatCents(_ cents: Int64) -> String {
    let sign = cents < 0 ? "-" : ""
    let v = cents.magnitude
    let frac = v % 100
    return "\(sign)\(v / 100).\(frac < 10 ? "0" : "")\(frac)"
  }

  /// The amount at the precision a printed figure claims, `decimals` places of `unit`, half away from zero:
  /// 12,029,561.84 元 at two decimals of 万元 is 1,202.96 万元. A precision finer than 1 分 leaves it exact.
  public func rounded(toDecimals decimals: Int, of unit: MoneyUnit) -> Amount {
    let step = Self.step(decimals, unit)
    let q = fen / step, r = fen % step
    let away = r.magnitude * 2 >= UInt64(step) ? (fen < 0 ? -1 : 1) : 0
    return Self.saturating((q + Int64(away)).multipliedReportingOverflow(by: step), negative: fen < 0)
  }

  /// The amount cut (toward zero) to that precision: what a figure shows when its digits are dropped, not rounded.
  public func truncated(toDecimals decimals: Int, of unit: MoneyUnit) -> Amount {
    let step = Self.step(decimals, unit)
    return Amount(fen: fen / step * step)
  }

  /// 分 per last printed digit: 10 000 for two decimals of 万元, 1 for two decimals of 元.
  static func step(_ decimals: Int, _ unit: MoneyUnit) -> Int64 {
    var step = unit.fenPerUnit
    for _ in 0..<max(0, decimals) where step % 10 == 0 { step /= 10 }
    return step
  }

  /// Two decimals of `unit`, as a document in that unit prints it: `612.42` (万元), `6124200.00` (元).
  public func shown(in unit: MoneyUnit) -> String {
    switch unit {
    case .wan: return wan
    case .yuan: return yuan
    case .qian: return Self.formatCents(rounded(toDecimals: 2, of: .qian).fen / 1_000)
    }
  }

  public var description: String { wan }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(fen)
  }

  public init(from decoder: Decoder) throws {
    fen = try decoder.singleValueContainer().decode(Int64.self)
  }
}

extension Sequence where Element == Amount {
  /// The sum (saturating, as `+`; see `Amount.largestWorkbookSum`).
  public func sum() -> Amount { reduce(.zero, +) }
}
