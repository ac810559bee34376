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
    } else { required = nil }
  }

  /// Whether a percentage printed with `decimals` breaks the rule; `exact` is its true value to two decimals. Under
  /// a document's own habit a whole percentage passes when it is whole (100%), not when it hides decimals (3% for
  /// 3.09%).
  func breaks(decimals: Int, exact: String) -> Bool {
    guard let n = required, decimals != n else { return false }
    if !byTemplate && decimals == 0 { return !exact.hasSuffix(".00%") }
    return true
  }

  /// The finding's wording for a percentage printed with the wrong number of decimals.
  func says(_ what: String) -> String {
    guard let n = required else { return "" }
    return byTemplate ? "\(what)应统一保留两位小数" : "本文件的\(what)多数保留\(n)位小数，这几处写法不统一"
  }
}
