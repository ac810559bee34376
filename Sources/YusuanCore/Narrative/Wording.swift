/// The number rules of DESIGN §4 as sentences: changes on last year, shares, numbering.
/// Every figure comes from `Amount` and `Ratio`, so the prose always equals the tables.
public struct Wording: Sendable {
  public let templates: ProseTemplates
  public let priorYear: Int
  /// What the prior-year figures are: the change clauses say 比2024年预算 or 比2024年执行数.
  public let basis: PriorYearBasis
  /// How the prose prints amounts (the edition's `units.prose`); changes and shares are computed on figures so shown.
  public let money: MoneyFormat

  public init(templates: ProseTemplates, priorYear: Int, basis: PriorYearBasis, money: MoneyFormat) {
    self.templates = templates; self.priorYear = priorYear; self.basis = basis; self.money = money
  }

  /// The change clause: 比2023年预算增加3.96万元，增长1.50% / 与2023年预算持平 / 为新增项目 (change.new) /
  /// 比2023年预算减少10.00万元，下降100.00%; with `reason`, followed by ，增长原因主要是… (change.reason; a new item's
  /// reason says what it is for, change.new.reason: ，主要用于…). nil prior: the change is unknown.
  /// `once`: the reason is said once in the document (`SaidOnce`): a later clause with the same reason leaves it out.
  public func change(current: Amount, prior: Amount?, reason: String? = nil, once: Bool = false) -> String {
    let c = money.shown(current), year = basis.values(priorYear: priorYear)
    guard let p = prior.map(money.shown) else { return templates.fill("change.unknown", year) }
    let d = c - p
    var s: String
    var direction = "增长", reasonKey = "change.reason"
    if d.isZero {
      return templates.fill("change.same", year)
    } else if p.isZero {
      s = templates.fill("change.new", year.merging(["差额": money.text(d)]) { _, v in v })
      reasonKey = "change.new.reason"
    } else if c.isZero {
      s = templates.fill("change.stopped", year.merging(["差额": money.text(d.magnitude)]) { _, v in v })
      direction = "下降"
    } else if d.isNegative {
      s = templates.fill(
        "change.decrease", year.merging(["差额": money.text(d.magnitude), "百分比": Ratio.format(Ratio.percentHundredths(d.magnitude, of: p)!)]) { _, v in v })
      direction = "下降"
    } else {
      s = templates.fill("change.increase", year.merging(["差额": money.text(d), "百分比": Ratio.format(Ratio.percentHundredths(d, of: p)!)]) { _, v in v })
    }
    if let reason = reason?.trimmingBlanks(), !reason.isEmpty {
      let clause = templates.fill(reasonKey, year.merging(["方向": direction, "原因": Self.clause(reason)]) { _, v in v })
      s += once ? SaidOnce.mark(clause) : clause
    }
    return s
  }

  /// Shares of `parts` in `whole`, each its own ratio of the shown amounts; `note` is the 尾差 note when they
  /// do not add to exactly 100.00% (only for a list meant to cover the whole).
  public func shares(_ parts: [Amount], of whole: Amount) -> (texts: [String], note: String?) {
    let w = money.shown(whole)
    let hs = parts.map { Ratio.percentHundredths(money.shown($0), of: w) ?? 0 }
    let texts = hs.map { Ratio.format($0) + "%" }
    let coversWhole = parts.map(money.shown).sum() == w
    let note = (coversWhole && !w.isZero && hs.reduce(0, +) != 10_000) ? templates.fill("shares.note") : nil
    return (texts, note)
  }

  /// A reason as a clause: no final punctuation, so it can sit inside a sentence.
  public static func clause(_ s: String) -> String {
    var t = s.trimmingBlanks()
    while let l = t.last, "。；;，,.".contains(l) { t.removeLast() }
    return t
  }

  /// 一、二 … for headings and numbered lists, for any n (a department may list 100 or more 职责):
  /// 十、十一、一百、一百零一、一百一十、一千零一十、一万零一、十万. Zero is 零, a negative number 负….
  public static func chineseNumber(_ n: Int) -> String {
    let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    if n == 0 { return "零" }
    if n < 0 { return "负" + chineseNumber(magnitude: n.magnitude, digits) }
    return chineseNumber(magnitude: n.magnitude, digits)
  }

  private static func chineseNumber(magnitude n: UInt, _ digits: [String]) -> String {
    /// 1…9999 with 千百十; zeros between digits read as one 零.
    func section(_ s: UInt) -> String {
      var out = "", zero = false
      for (unit, place) in [("千", UInt(1000)), ("百", 100), ("十", 10), ("", 1)] {
        let d = Int(s / place % 10)
        if d == 0 { zero = !out.isEmpty; continue }
        if zero { out += "零"; zero = false }
        out += digits[d] + unit
      }
      return out
    }
    // Groups of four digits: 万, 亿, 万亿, 亿亿 (UInt.max has five groups).
    var groups: [UInt] = []
    var m = n
    while m > 0 { groups.append(m % 10_000); m /= 10_000 }
    let units = ["", "万", "亿", "万亿", "亿亿"]
    var out = "", gap = false
    for i in groups.indices.reversed() {
      let g = groups[i]
      if g == 0 { gap = !out.isEmpty; continue }
      if !out.isEmpty && (gap || g < 1000) { out += "零" }
      gap = false
      out += section(g) + units[i]
    }
    // 十, 十一, 十万: a leading 一十 is read 十.
    if out.hasPrefix("一十") { out.removeFirst() }
    return out
  }
}
