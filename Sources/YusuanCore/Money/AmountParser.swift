/// The unit an amount is typed in. Budgets are entered in 万元 unless the officer marks 元.
public enum MoneyUnit: String, Sendable, Codable {
  case wan = "万元"
  case yuan = "元"
  /// Some provinces print tables in thousands of yuan; read, never entered.
  case qian = "千元"

  var fenPerUnit: Int64 {
    switch self {
    case .wan: return Amount.fenPerWan
    case .yuan: return Amount.fenPerYuan
    case .qian: return Amount.fenPerYuan * 1000
    }
  }
}

/// Why a typed amount was refused. The message says what was wrong and shows a valid example.
public struct AmountInputError: Error, Equatable, Sendable {
  public enum Reason: Equatable, Sendable {
    case empty
    case invalidCharacter(Character)
    case misplacedSeparator
    case tooManyDecimals(unit: MoneyUnit, allowed: Int)
    case negativeNotAllowed
    case tooLarge
  }
  public var reason: Reason
  public var input: String

  public var message: String {
    let example = "有效示例：1234.56、1,234.56、１２３．４５、12.5万元、3000元"
    // Typed text is echoed with its invisible characters shown (`<U+200B>`).
    let input = CharacterNames.visible(self.input)
    switch reason {
    case .empty:
      return "缺少金额。\(example)"
    case .invalidCharacter(let c):
      return "金额“\(input)”中有不能识别的字符\(CharacterNames.describe(c))。金额只能由数字、一个小数点和千位分隔逗号组成，可在末尾注明“万元”或“元”。\(example)"
    case .misplacedSeparator:
      return "金额“\(input)”的小数点或千位分隔逗号位置不对（例如多了一个小数点）。\(example)"
    case .tooManyDecimals(let unit, let allowed):
      return "金额“\(input)”的小数位数过多：以\(unit.rawValue)为单位最多\(allowed)位小数。如需更精确，请以“元”为单位输入，例如 123456.78元。"
    case .negativeNotAllowed:
      return "金额“\(input)”是负数，预算金额不能为负。增减额由系统根据本年数与上年数自动计算，无需录入。\(example)"
    case .tooLarge:
      return "金额“\(input)”过大：每笔金额不能超过 \(Amount.largestEntry.exactWan) 万元（1 万亿元）。请检查是否多输了数字。\(example)"
    }
  }
}

/// Reads amounts the way officers type them.
///
/// Accepted: `1234.56`, `1,234.56`, full-width `１２３．４５` and `１，２３４`, a trailing `万元`/`万`/`元`,
/// surrounding blanks. Refused with a reason: stray punctuation (`457.90.`), more decimals than the unit
/// carries (`12.345` 万元), letters, a minus sign unless `allowNegative`.
public enum AmountParser {
  /// Decimals allowed per unit: 万元 figures are published with two decimals; 元 to the 分.
  public static let maxDecimals = 2

  public static func parse(_ raw: String, defaultUnit: MoneyUnit = .wan, allowNegative: Bool = false) -> Result<Amount, AmountInputError> {
    let input = raw
    func fail(_ r: AmountInputError.Reason) -> Result<Amount, AmountInputError> { .failure(AmountInputError(reason: r, input: input)) }

    var text = String(normalizeWidth(raw)).trimmingBlanks()
    var unit = defaultUnit
    if text.hasSuffix("万元") {
      unit = .wan; text.removeLast(2)
    } else if text.hasSuffix("万") {
      unit = .wan; text.removeLast(1)
    } else if text.hasSuffix("千元") {
      unit = .qian; text.removeLast(2)
    } else if text.hasSuffix("元") {
      unit = .yuan; text.removeLast(1)
    }
    text = text.trimmingBlanks()
    guard !text.isEmpty else { return fail(.empty) }

    var negative = false
    if text.first == "-" || text.first == "−" {
      negative = true
      text.removeFirst()
    } else if text.first == "+" {
      text.removeFirst()
    }
    guard !text.isEmpty else { return fail(.empty) }

    var intDigits: [UInt8] = [], fracDigits: [UInt8] = []
    var seenPoint = false
    var groups: [Int] = [0]  // digit counts between commas in the integer part
    for c in text {
      if let d = c.asciiDigitValue {
        if seenPoint { fracDigits.append(d) } else { intDigits.append(d); groups[groups.count - 1] += 1 }
      } else if c == "." {
        if seenPoint { return fail(.misplacedSeparator) }
        seenPoint = true
      } else if c == "," {
        if seenPoint { return fail(.misplacedSeparator) }
        groups.append(0)
      } else {
        return fail(.invalidCharacter(c))
      }
    }
    if intDigits.isEmpty { return fail(.misplacedSeparator) }
    if seenPoint && fracDigits.isEmpty { return fail(.misplacedSeparator) }
    if groups.count > 1 {
      // 1,234,567: first group 1–3 digits, every other group exactly 3.
      if groups[0] < 1 || groups[0] > 3 || groups.dropFirst().contains(where: { $0 != 3 }) { return fail(.misplacedSeparator) }
    }
    if fracDigits.count > maxDecimals { return fail(.tooManyDecimals(unit: unit, allowed: maxDecimals)) }
    if negative && !allowNegative { return fail(.negativeNotAllowed) }

    // value in units of 10^-maxDecimals of the unit
    var scaled: Int64 = 0
    for d in intDigits {
      let (m, o1) = scaled.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(Int64(d))
      if o1 || o2 { return fail(.tooLarge) }
      scaled = a
    }
    for i in 0..<maxDecimals {
      let d = i < fracDigits.count ? Int64(fracDigits[i]) : 0
      let (m, o1) = scaled.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(d)
      if o1 || o2 { return fail(.tooLarge) }
      scaled = a
    }
    let perHundredth = unit.fenPerUnit / 100
    let (fen, o) = scaled.multipliedReportingOverflow(by: perHundredth)
    // Capped so that every sum the tables make fits in Int64 (see `Amount.largestEntry`).
    if o || fen > Amount.largestEntry.fen { return fail(.tooLarge) }
    return .success(Amount(fen: negative ? -fen : fen))
  }

  /// Maps full-width digits and punctuation officers type with a Chinese IME to their ASCII forms.
  public static func normalizeWidth(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for ch in s {
      // Only a lone full-width digit: `５⃣` (５ with a combining keycap) sorts between ５ and ６ but is no digit.
      guard ch.unicodeScalars.count == 1 else { out.append(ch); continue }
      switch ch {
      case "０"..."９":
        let v = ch.unicodeScalars.first!.value - 0xFF10
        out.append(Character(Unicode.Scalar(0x30 + v)!))
      case "．", "。": out.append(".")
      case "，": out.append(",")
      case "－": out.append("-")
      case "＋": out.append("+")
      case "\u{3000}": out.append(" ")
      default: out.append(ch)
      }
    }
    return out
  }
}

extension Character {
  var asciiDigitValue: UInt8? {
    guard let a = asciiValue, a >= 48, a <= 57 else { return nil }
    return a - 48
  }
}

extension String {
  /// Trims ASCII and ideographic blanks and tabs (officers paste from Word and Excel).
  public func trimmingBlanks() -> String {
    let blanks: Set<Character> = [" ", "\t", "\u{3000}", "\u{00A0}", "\r", "\n"]
    var s = Substring(self)
    while let f = s.first, blanks.contains(f) { s.removeFirst() }
    while let l = s.last, blanks.contains(l) { s.removeLast() }
    return String(s)
  }
}
