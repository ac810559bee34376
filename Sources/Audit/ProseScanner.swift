import Foundation
import Reading
import YusuanCore

/// A figure stated in prose: `一般公共服务支出457.9万元` → amount 457.90, subject 一般公共服务支出.
public struct ProseAmount: Sendable {
  public var amount: Amount
  public var text: String
  /// UTF-16 offset range in the paragraph text.
  public var range: NSRange
  /// The name the figure is about, cleaned of numbering, department and year (may be empty).
  public var subject: String
  /// The unit and decimals it is printed with: the precision it claims (457.9万元: 万元, 1 decimal).
  public var unit: MoneyUnit
  public var decimals: Int

  /// Whether this figure is `exact` shown at its own precision, half away from zero: 1,202.96万元 states
  /// 12,029,561.84 元, 457.9万元 states 457.90 万元, 2476260.58元 only itself. Prose in 元 beside tables in 元 is
  /// compared to the 分, prose in 万元 to what its digits can show.
  public func states(_ exact: Amount) -> Bool { exact.rounded(toDecimals: decimals, of: unit) == amount }

  /// Whether it is `exact` with digits dropped instead of rounded (1,202.95万元 for 12,029,561.84 元).
  public func truncates(_ exact: Amount) -> Bool { !states(exact) && exact.truncated(toDecimals: decimals, of: unit) == amount }

  /// `exact` in this figure's unit with two decimals, for messages (12,029,561.84 元 in 万元 prose → `1202.96`).
  public func shown(_ exact: Amount) -> String { exact.shown(in: unit) }

  /// `exact` rounded as this figure should have printed it, at its own decimals (234567.9 for 234567.89 元 at one).
  public func rounding(_ exact: Amount) -> String {
    let r = exact.rounded(toDecimals: decimals, of: unit).shown(in: unit)
    let drop = decimals >= 2 ? 0 : decimals == 1 ? 1 : 3
    return String(r.dropLast(drop))
  }
}

/// A share: `457.9万元，占87%`, or of a named whole: `2016908.34元，占基本支出预算的81.45%`.
public struct ProseShare: Sendable {
  public var amount: ProseAmount
  public var percent: PrintedPercent
  /// The whole it names (基本支出预算), when it names one; nil for 占87% and 占比87%, whose whole is the context's.
  public var base: String? = nil
  /// The share as printed, figure to percent (`2016908.34 元，占基本支出预算的81.45%`), for findings to quote.
  public var text: String = ""
}

/// A year-on-year change: `612.42万元，比2023年预算减少36.35万元，下降5.60%`.
public struct ProseChange: Sendable {
  public var current: ProseAmount?
  /// The year compared with, as printed; 0 when the text says 上年 or 同比.
  public var priorYear: Int
  /// +1 增加, −1 减少, 0 无变化/持平.
  public var direction: Int
  public var delta: Amount
  public var deltaText: String
  public var percentWord: String?
  public var percent: PrintedPercent?
  public var excerpt: String
  public var range: NSRange
  /// What last year's figure is, as worded between the year and the change: 预算, 预算执行数, 执行数, or nothing.
  public var basis: String = ""

  /// How the text names last year: 2024年, or 上年 when it prints no year (比上年, 同比).
  public var priorLabel: String { priorYear == 0 ? "上年" : "\(priorYear)年" }

  public var signedDelta: Amount { direction < 0 ? -delta : delta }
  /// The prior year implied by the statement: current − change.
  public var prior: Amount? { current.map { $0.amount - signedDelta } }
}

/// The figures of one paragraph, found by general patterns (not by the seeds' sentences).
public struct ScannedParagraph: Sendable {
  public var paragraph: AuditParagraph
  public var amounts: [ProseAmount]
  public var shares: [ProseShare]
  public var changes: [ProseChange]
}

public enum ProseScanner {
  static func regex(_ p: String) -> NSRegularExpression { try! NSRegularExpression(pattern: p) }
  /// A printed figure: `3,121.42` (thousands separators, as real documents print them) or `457.9`. Never a tail
  /// of a longer number (`3,121.42` is not read as `121.42`).
  static let number = #"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"#
  static let amountRE = regex(number + #"\s*(万元|千元|元)"#)
  /// `X万元，占Y%`, `占比Y%`, `占比为Y%`, or with the whole named: `占基本支出的Y%`, `占一般公共预算支出比重为Y%`.
  static let shareRE = regex(number + #"\s*(万元|千元|元)\s*[，,]?\s*(?:约)?占(?<base>[^，,。；;%\d]{0,24}?)(?:的)?(?:比重|比例)?(?:为|是)?\s*(?<pct>\d+(?:\.\d+)?)\s*%"#)
  /// Words that say "the share" without naming a whole: 占比, 占总额, 占全部.
  static let unnamedWholes: Set<String> = ["", "比", "总额", "总数", "合计", "全部", "总量", "总"]
  /// A change on last year, in the ways documents word it: 比/较/与 2024年(预算/执行数) or 上年 or 同比; then
  /// 增加/减少/新增 (or 增长/下降, or 增/减 alone) X万元 with an optional 增长/下降/增幅为/减幅 Y%, or Y% first then X万元 (比上年增长10.00%，
  /// 增加10.00万元), or 持平/无变化. Named groups, so that the alternatives read the same way.
  static let changeRE: NSRegularExpression = {
    let amount = #"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"#
    let percent = #"(?<pct>\d+(?:\.\d+)?)\s*%"#
    let against = #"(?:(?:比|较|与)\s*(?:(?<year>\d{4})\s*年度?|(?:上一?年度?|去年))|同比)"#
    let basis = #"(?<basis>[^，,。；;增减无持新上下降]{0,8}?)"#
    let amountFirst =
      #"(?<dir>增加|减少|新增|增长|下降|增|减)\s*(?<delta>"# + amount
      + #")\s*(?<unit>万元|千元|元)(?:\s*[，,、]?\s*(?:(?<pword>增长|下降|增加|减少|上升|降低|增|减)|(?<fword>增幅|降幅|减幅|涨幅|增长幅度|下降幅度|增长率|下降率)(?:为|是)?)\s*"# + percent + ")?"
    let percentFirst = #"(?<pdir>增长|下降|上升|降低)\s*(?<ppct>\d+(?:\.\d+)?)\s*%\s*[，,、]?\s*(?<adir>增加|减少)\s*(?<adelta>"# + amount + #")\s*(?<aunit>万元|千元|元)"#
    let same = #"(?<same>无变化|持平|不变|相同)"#
    return regex(against + basis + "(?:" + amountFirst + "|" + percentFirst + "|" + same + ")")
  }()

  /// Full-width digits, points and percent signs as ASCII; one UTF-16 unit each, so offsets stay valid.
  static func normalize(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "０"..."９": out.append(Character(Unicode.Scalar(ch.unicodeScalars.first!.value - 0xFF10 + 0x30)!))
      case "．": out.append(".")
      case "％": out.append("%")
      default: out.append(ch)
      }
    }
    return out
  }

  public static func scan(_ p: AuditParagraph) -> ScannedParagraph {
    let text = normalize(p.text)
    let ns = text as NSString
    let all = NSRange(location: 0, length: ns.length)
    var amounts: [ProseAmount] = []
    for m in amountRE.matches(in: text, range: all) {
      let unit = MoneyUnit(rawValue: ns.substring(with: m.range(at: 2))) ?? .wan
      guard case .success(let a) = AmountParser.parse(ns.substring(with: m.range(at: 1)), defaultUnit: unit) else { continue }
      let digits = ns.substring(with: m.range(at: 1))
      let decimals = digits.firstIndex(of: ".").map { digits.distance(from: $0, to: digits.endIndex) - 1 } ?? 0
      amounts.append(
        ProseAmount(
          amount: a, text: ns.substring(with: m.range), range: m.range, subject: subject(before: m.range.location, in: ns),
          unit: unit, decimals: decimals))
    }
    var shares: [ProseShare] = []
    for m in shareRE.matches(in: text, range: all) {
      guard let a = amounts.first(where: { $0.range.location == m.range.location }), let pct = PrintedPercent(ns.substring(with: m.range(withName: "pct")))
      else { continue }
      var base = NameKey.of(ns.substring(with: m.range(withName: "base")))
      for suffix in ["的", "比重", "比例", "为"] where base.hasSuffix(suffix) { base = String(base.dropLast(suffix.count)) }
      shares.append(ProseShare(amount: a, percent: pct, base: unnamedWholes.contains(base) ? nil : base, text: ns.substring(with: m.range)))
    }
    var changes: [ProseChange] = []
    for m in changeRE.matches(in: text, range: all) {
      func group(_ name: String) -> String? {
        let r = m.range(withName: name)
        return r.location == NSNotFound ? nil : ns.substring(with: r)
      }
      // 0: the previous year, not printed (比上年, 同比).
      let year = group("year").flatMap { Int($0) } ?? 0
      // The current figure: the last amount before 比 in the same sentence, after any earlier change.
      let sentenceStart = max(lastDelimiter(in: ns, before: m.range.location, set: "。；;"), changes.last.map { NSMaxRange($0.range) } ?? 0)
      // Not the base of a rate (完成全年预算84.82万元的73.2%，比上年…): that figure is not the one compared.
      let current = amounts.last { a in
        a.range.location >= sentenceStart && NSMaxRange(a.range) <= m.range.location
          && ns.substring(with: NSRange(location: NSMaxRange(a.range), length: min(12, ns.length - NSMaxRange(a.range)))).match(#"^\s*的\s*\d+(\.\d+)?\s*%"#)
            == nil
      }
      var c = ProseChange(
        current: current, priorYear: year, direction: 0, delta: .zero, deltaText: "0", percentWord: nil, percent: nil,
        excerpt: excerpt(ns, from: current?.range.location ?? m.range.location, to: NSMaxRange(m.range)), range: m.range)
      c.basis = (group("basis") ?? "").trimmingBlanks()
      // The change in money, and the percentage printed beside it, in either order.
      let word = group("dir") ?? group("adir")
      if let word, let text = group("delta") ?? group("adelta") {
        c.direction = ["减少", "下降", "减"].contains(word) ? -1 : 1
        let unit = MoneyUnit(rawValue: group("unit") ?? group("aunit") ?? "万元") ?? .wan
        c.deltaText = text
        guard case .success(let d) = AmountParser.parse(c.deltaText, defaultUnit: unit) else { continue }
        c.delta = d
        if let p = group("pct") ?? group("ppct") {
          // 增幅/降幅 say the direction the amount already gave.
          // 增/减 alone, and 增幅/减幅, say the direction in one character: read as 增长/下降.
          let short = group("pword").map { $0 == "增" ? "增长" : $0 == "减" ? "下降" : $0 }
          c.percentWord = short ?? group("pdir") ?? (group("fword").map { $0.hasPrefix("降") || $0.hasPrefix("下降") || $0.hasPrefix("减") ? "下降" : "增长" })
          c.percent = PrintedPercent(p)
        }
      }
      // The nearest figure is the one compared, unless the percentage says it is another figure of the sentence:
      // 事业运行经费总预算37337407.64元，其中：基本支出488180.64元，项目支出36849227元，同比增加27125219.46元，
      // 增长265.6% compares the total (27125219.46 ÷ 10212188.18), not the last part.
      if let pct = c.percent, let cur = c.current, !agrees(pct, c, cur.amount) {
        let earlier = amounts.filter { $0.range.location >= sentenceStart && $0.range.location < cur.range.location && !$0.amount.isZero }
        if let other = earlier.last(where: { agrees(pct, c, $0.amount) }) {
          c.current = other
          c.excerpt = excerpt(ns, from: other.range.location, to: NSMaxRange(m.range))
        }
      }
      // Without a percentage to decide: when the nearest figure cannot be this year's (the change is larger than it,
      // 收入预算18,332.28万元，其中：…其他收入977.69万元，比2024年预算增加1,116.30万元) but an earlier figure of the
      // sentence could be, which one is compared is not known, and nothing is said of it.
      if c.percent == nil, let cur = c.current, (cur.amount - c.signedDelta).isNegative,
        amounts.contains(where: { $0.range.location >= sentenceStart && $0.range.location < cur.range.location && !($0.amount - c.signedDelta).isNegative })
      {
        c.current = nil
      }
      changes.append(c)
    }
    // A new item said plainly, right after its figure: 2024年预算9.13万元，为新增项目 (issue 11: how people write it,
    // and how yusuan does) — a change from nothing, by the whole figure.
    for m in newItemRE.matches(in: text, range: all) where !changes.contains(where: { NSIntersectionRange($0.range, m.range).length > 0 }) {
      guard let current = amounts.last(where: { NSMaxRange($0.range) <= m.range.location }),
        ns.substring(with: NSRange(location: NSMaxRange(current.range), length: m.range.location - NSMaxRange(current.range))).match(#"^\s*[，,]?\s*$"#) != nil
      else { continue }
      changes.append(
        ProseChange(
          current: current, priorYear: 0, direction: 1, delta: current.amount,
          deltaText: String(current.text.prefix { !"万千元".contains($0) }).trimmingBlanks(), percentWord: nil, percent: nil,
          excerpt: excerpt(ns, from: current.range.location, to: NSMaxRange(m.range)), range: m.range))
    }
    changes.sort { $0.range.location < $1.range.location }
    return ScannedParagraph(paragraph: p, amounts: amounts, shares: shares, changes: changes)
  }

  /// 为新增项目, 系新增支出, 属于本年新增: a figure that is new this year (no amount after it: 新增9.13万元 is `changeRE`'s).
  static let newItemRE = regex(#"(?:为|系|属于?)\s*(?:本年|当年)?新增(?:项目|支出|科目|安排)?(?!\s*\d)"#)

  /// Whether a change's percentage is right for `current` as this year's figure.
  static func agrees(_ pct: PrintedPercent, _ c: ProseChange, _ current: Amount) -> Bool {
    let prior = current - c.signedDelta
    return !prior.isNegative && !prior.isZero && pct.agrees(c.delta, prior)
  }

  static func lastDelimiter(in ns: NSString, before loc: Int, set: String) -> Int {
    let chars = Set(set.utf16)
    var i = loc - 1
    while i >= 0 { if chars.contains(ns.character(at: i)) { return i + 1 }; i -= 1 }
    return 0
  }

  static func excerpt(_ ns: NSString, from: Int, to: Int) -> String {
    let start = max(0, lastDelimiter(in: ns, before: from, set: "，,。；;：:"))
    return ns.substring(with: NSRange(location: start, length: max(0, min(ns.length, to) - start)))
  }

  /// The name a figure is about: the text since the last delimiter, without numbering, department and year.
  static func subject(before loc: Int, in ns: NSString) -> String {
    let start = lastDelimiter(in: ns, before: loc, set: "，,。；;：:、")
    return cleanSubject(ns.substring(with: NSRange(location: start, length: loc - start)))
  }

  static func cleanSubject(_ raw: String) -> String {
    var s = raw.trimmingBlanks()
    for p in [#"^(\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)\s*"#, #"^其中"#] {
      if let r = s.match(p) { s.removeSubrange(r) }
    }
    if let r = s.range(of: "（项）") {
      let head = s[..<r.lowerBound]
      if let k = head.range(of: "（款）", options: .backwards) { return String(head[k.upperBound...]).trimmingBlanks() }
      return String(head).trimmingBlanks()
    }
    if let r = s.range(of: #"\d{4}\s*年度?"#, options: [.regularExpression, .backwards]) {
      let after = String(s[r.upperBound...]).trimmingBlanks()
      s = after.isEmpty || after == "预算" ? String(s[..<r.lowerBound]) : after
    }
    return s.trimmingBlanks()
  }
}
