import Foundation
import YusuanCore

/// A figure stated in prose: `一般公共服务支出457.9万元` → amount 457.90, subject 一般公共服务支出.
public struct ProseAmount: Sendable {
  public var amount: Amount
  public var text: String
  /// UTF-16 offset range in the paragraph text.
  public var range: NSRange
  /// The name the figure is about, cleaned of numbering, department and year (may be empty).
  public var subject: String
}

/// A share: `457.9万元，占87%`.
public struct ProseShare: Sendable {
  public var amount: ProseAmount
  public var percent: PrintedPercent
}

/// A year-on-year change: `612.42万元，比2023年预算减少36.35万元，下降5.60%`.
public struct ProseChange: Sendable {
  public var current: ProseAmount?
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
  static let shareRE = regex(number + #"\s*(万元|千元|元)\s*[，,]?\s*占(?:比)?\s*(\d+(?:\.\d+)?)\s*%"#)
  /// 比2024年预算增加X万元，增长Y% / 比…新增X万元 / 比…持平 / 与2024年预算持平 / 与2024年相比减少X万元.
  static let changeRE = regex(#"(?:比|与)\s*(\d{4})\s*年度?([^，,。；;增减无持新]{0,8}?)(?:(增加|减少|新增)\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|千元|元)(?:\s*[，,、]?\s*(增长|下降|增加|减少|上升|降低)\s*(\d+(?:\.\d+)?)\s*%)?|(无变化|持平|不变|相同))"#)

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
      amounts.append(ProseAmount(amount: a, text: ns.substring(with: m.range), range: m.range, subject: subject(before: m.range.location, in: ns)))
    }
    var shares: [ProseShare] = []
    for m in shareRE.matches(in: text, range: all) {
      guard let a = amounts.first(where: { $0.range.location == m.range.location }), let pct = PrintedPercent(ns.substring(with: m.range(at: 3))) else { continue }
      shares.append(ProseShare(amount: a, percent: pct))
    }
    var changes: [ProseChange] = []
    for m in changeRE.matches(in: text, range: all) {
      let year = Int(ns.substring(with: m.range(at: 1))) ?? 0
      // The current figure: the last amount before 比 in the same sentence, after any earlier change.
      let sentenceStart = max(lastDelimiter(in: ns, before: m.range.location, set: "。；;"), changes.last.map { NSMaxRange($0.range) } ?? 0)
      let current = amounts.last { $0.range.location >= sentenceStart && NSMaxRange($0.range) <= m.range.location }
      var c = ProseChange(current: current, priorYear: year, direction: 0, delta: .zero, deltaText: "0", percentWord: nil, percent: nil,
                          excerpt: excerpt(ns, from: current?.range.location ?? m.range.location, to: NSMaxRange(m.range)), range: m.range)
      c.basis = ns.substring(with: m.range(at: 2)).trimmingBlanks()
      if m.range(at: 3).location != NSNotFound {
        c.direction = ns.substring(with: m.range(at: 3)) == "减少" ? -1 : 1
        let unit = MoneyUnit(rawValue: ns.substring(with: m.range(at: 5))) ?? .wan
        c.deltaText = ns.substring(with: m.range(at: 4))
        guard case .success(let d) = AmountParser.parse(c.deltaText, defaultUnit: unit) else { continue }
        c.delta = d
        if m.range(at: 6).location != NSNotFound {
          c.percentWord = ns.substring(with: m.range(at: 6))
          c.percent = PrintedPercent(ns.substring(with: m.range(at: 7)))
        }
      }
      changes.append(c)
    }
    return ScannedParagraph(paragraph: p, amounts: amounts, shares: shares, changes: changes)
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
