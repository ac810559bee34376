import Reading
import YusuanCore

/// How many decimals a document's percentages should print. yusuan's editions (its templates) print two (DESIGN §4),
/// so a document judged against one of them is held to two. A document of another template is held only to its own
/// habit: the precision most of its percentages print, so that 增长5.6% beside 增长10.25% is pointed out, while a
/// document that prints one decimal throughout is not.
struct PercentPrecision: Sendable {
  /// The decimals required, or nil when the document sets no clear habit (no percentages, or no majority).
  let required: Int?
  /// Whether the requirement is the template's (two decimals) rather than the document's own habit.
  let byTemplate: Bool

  init(template: TemplateChoice, scanned: [ScannedParagraph]) {
    if template.edition != nil { required = 2; byTemplate = true; return }
    byTemplate = false
    // Whole percentages (100%) are printed so in any habit: the habit is read from the others.
    var counts: [Int: Int] = [:]
    for sp in scanned {
      for ch in sp.changes { if let p = ch.percent, p.decimals > 0 { counts[p.decimals, default: 0] += 1 } }
      for s in sp.shares where s.percent.decimals > 0 { counts[s.percent.decimals, default: 0] += 1 }
    }
    let total = counts.values.reduce(0, +)
    // A habit: at least three percentages, two thirds of them with one precision.
    if let top = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), total >= 3, top.value * 3 >= total * 2 {
      required = top.key
    } else {
      required = nil
    }
  }

  /// How a percentage departs from the precision: it hides digits (3% for 3.09%; under a template, any other
  /// precision), or only its look differs (0.2% for 0.20%, 0.083% beside 6.01%): the value is right as printed.
  enum Breach { case hidesDigits, lookOnly }

  /// Whether and how a percentage of `part` ÷ `whole` breaks the rule. A whole percentage that is whole (100% for
  /// 100.00%) is printed so in any habit.
  func breach(_ pct: PrintedPercent, _ part: Amount, _ whole: Amount) -> Breach? {
    guard let n = required, pct.decimals != n else { return nil }
    if byTemplate { return .hidesDigits }
    if pct.decimals > n { return .lookOnly }
    guard let exact = PrintedPercent.ratio(part, whole, decimals: n) else { return nil }
    var padded = pct.scaled
    for _ in pct.decimals..<n { padded *= 10 }
    if padded != exact { return .hidesDigits }
    return pct.decimals == 0 ? nil : .lookOnly
  }

  /// One paragraph's percentages that break the rule, reported once: a warning when digits are hidden, a note when
  /// only the look differs.
  func findings(_ c: AuditContext, _ p: AuditParagraph, _ what: String, _ breaches: [(pct: PrintedPercent, right: String, breach: Breach)]) -> [Diagnostic] {
    guard !breaches.isEmpty, let n = required else { return [] }
    let listed = breaches.map { n == 2 ? "\($0.pct.text)（应为 \($0.right)）" : $0.pct.text }.joined(separator: "、")
    let hidden = breaches.contains { $0.breach == .hidesDigits }
    return [
      c.at(
        p, .prosePercentFormat, hidden ? .warning : .info,
        says(what) + (hidden ? "" : "（数值无误，只是写法）") + "：\(listed)。", expected: "\(n)位小数", actual: listed)
    ]
  }

  /// The finding's wording for a percentage printed with the wrong number of decimals.
  func says(_ what: String) -> String {
    guard let n = required else { return "" }
    return byTemplate ? "\(what)应统一保留两位小数" : "本文件的\(what)多数保留\(n)位小数，这几处写法不统一"
  }
}
