/// How an edition prints amounts: the unit (万元 or 元), the decimals and whether thousands are grouped
/// (`91,016,775.35`). Anhui prints its tables and prose in 万元 with two decimals; Shanghai prints its tables in 元
/// and its prose in 万元. Data from the edition (`units:` in edition.yaml), never a default in code, so a province's
/// edition changes the printed figures without a Swift change. Rounding is half away from zero, as `Amount.wan`.
public struct MoneyFormat: Sendable, Codable, Equatable, Hashable {
  public var unit: MoneyUnit
  public var decimals: Int
  /// Thousands separators (千分位): `1,234.56`.
  public var grouping: Bool
  /// A whole amount prints without its zero decimals (4,614 and 0 rather than 4,614.00 and 0.00); any other keeps
  /// all its decimals (867.50). Shanghai's prose prints figures so (`drop_zero_decimals: true`).
  public var dropZeroDecimals: Bool
  /// In a table, a zero amount is a blank cell (Shanghai's tables leave 事业收入 or 基本支出 empty rather than
  /// print 0.00); the compiler blanks them where the table is put together (`blank_zero: true`).
  public var blankZero: Bool

  public init(unit: MoneyUnit, decimals: Int, grouping: Bool, dropZeroDecimals: Bool = false, blankZero: Bool = false) {
    self.unit = unit; self.decimals = decimals; self.grouping = grouping; self.dropZeroDecimals = dropZeroDecimals; self.blankZero = blankZero
  }

  enum CodingKeys: String, CodingKey {
    case unit, decimals, grouping
    case dropZeroDecimals = "drop_zero_decimals"
    case blankZero = "blank_zero"
  }

  /// Written as read: `drop_zero_decimals` only when set.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(unit.rawValue, forKey: .unit)
    try c.encode(decimals, forKey: .decimals)
    try c.encode(grouping, forKey: .grouping)
    if dropZeroDecimals { try c.encode(true, forKey: .dropZeroDecimals) }
    if blankZero { try c.encode(true, forKey: .blankZero) }
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let word = try c.decode(String.self, forKey: .unit)
    guard let unit = MoneyUnit(rawValue: word), unit != .qian else {
      throw DecodingError.dataCorruptedError(forKey: .unit, in: c, debugDescription: "金额单位“\(word)”不可用：只能是“万元”或“元”。")
    }
    let decimals = try c.decode(Int.self, forKey: .decimals)
    guard (0...Self.maxDecimals(unit)).contains(decimals) else {
      throw DecodingError.dataCorruptedError(
        forKey: .decimals, in: c,
        debugDescription: "以\(word)为单位时小数位数应为 0 至 \(Self.maxDecimals(unit))，现为 \(decimals)。")
    }
    self.init(
      unit: unit, decimals: decimals, grouping: try c.decode(Bool.self, forKey: .grouping),
      dropZeroDecimals: try c.decodeIfPresent(Bool.self, forKey: .dropZeroDecimals) ?? false,
      blankZero: try c.decodeIfPresent(Bool.self, forKey: .blankZero) ?? false)
  }

  /// Amounts are exact to the 分, so a format can never show more than that.
  public static func maxDecimals(_ unit: MoneyUnit) -> Int {
    var d = 0, f = unit.fenPerUnit
    while f > 1 { f /= 10; d += 1 }
    return d
  }

  /// 分 in one printed step: 10 000 for 万元 with two decimals, 1 for 元 with two.
  public var quantum: Int64 {
    var q = unit.fenPerUnit
    for _ in 0..<decimals { q /= 10 }
    return max(q, 1)
  }

  /// The amount in printed steps, rounded half away from zero.
  public func steps(_ a: Amount) -> Int64 {
    let q = quantum
    let whole = a.fen / q, r = a.fen % q
    if r.magnitude * 2 >= q.magnitude { return whole + (a.fen < 0 ? -1 : 1) }
    return whole
  }

  /// The amount as a reader sees it (rounded to the printed step), for arithmetic on shown figures.
  public func shown(_ a: Amount) -> Amount { Amount(fen: steps(a).multipliedReportingOverflow(by: quantum).partialValue) }

  /// The printed figure: `612.42`, `91,016,775.35`, `-36.35`, `0.00`.
  public func text(_ a: Amount) -> String {
    let s = steps(a)
    if dropZeroDecimals && decimals > 0 && s % stepsPerUnit == 0 { return Self.format(s / stepsPerUnit, decimals: 0, grouping: grouping) }
    return Self.format(s, decimals: decimals, grouping: grouping)
  }

  /// Printed steps in one whole unit: 100 for two decimals.
  var stepsPerUnit: Int64 {
    var n: Int64 = 1
    for _ in 0..<decimals { n *= 10 }
    return n
  }

  /// The figure as a plain decimal number (no grouping), for spreadsheets that store numbers.
  public func number(_ a: Amount) -> String { Self.format(steps(a), decimals: decimals, grouping: false) }

  static func format(_ steps: Int64, decimals: Int, grouping: Bool) -> String {
    let sign = steps < 0 ? "-" : ""
    var digits = String(steps.magnitude)
    if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
    let cut = digits.index(digits.endIndex, offsetBy: -decimals)
    var whole = String(digits[..<cut])
    if grouping && whole.count > 3 {
      var grouped = ""
      for (i, ch) in whole.enumerated() {
        if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(",") }
        grouped.append(ch)
      }
      whole = grouped
    }
    return decimals == 0 ? sign + whole : sign + whole + "." + digits[cut...]
  }
}
