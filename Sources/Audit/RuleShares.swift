import Reading
import YusuanCore

/// Shares in prose (X万元，占Y%), each checked as its own ratio of the shown amounts (DESIGN §4):
/// - `audit.prose.share` (error): Y is not X ÷ 总额 at the printed precision (2.59% for 15.90 ÷ 612.42 = 2.596…%).
/// - `audit.prose.share-sum` (warning): a complete list of shares that does not add to 100% and carries no 尾差 note.
/// - `audit.prose.list-sum` (warning): the listed amounts of a complete list do not add up to the total.
/// - `audit.prose.percent-format`: shares not printed with the document's decimals (`PercentPrecision`).
/// A share that names its whole (占基本支出的81.45%, 占支出总预算4.04%) is of that whole, found by name in the prose
/// before it or in the tables, else left 未能核对 (one info for the document). One that names none (占87%) is of the
/// first larger amount earlier in the paragraph, else the total the section opens with (a list of shares under
/// （二）支出结构 shares the 一般公共预算支出 its section stated first), else the document's total; any larger figure
/// stated before it is tried too.
enum ShareRule {
  /// The first amount of the first paragraph with amounts in the same section, before `sp`, when it can be a total.
  static func sectionTotal(_ c: AuditContext, before sp: ScannedParagraph, atLeast largest: Amount) -> ProseAmount? {
    guard let section = sp.paragraph.section else { return nil }
    let opening = c.scanned.first {
      $0.paragraph.section == section && $0.paragraph.part == sp.paragraph.part && $0.paragraph.index < sp.paragraph.index && !$0.amounts.isEmpty
    }
    guard let a = opening?.amounts.first, a.amount >= largest, !a.amount.isZero else { return nil }
    return a
  }

  static func run(_ c: AuditContext) -> [Diagnostic] {
    let facts = DocumentFacts(c)
    var out: [Diagnostic] = []
    var unresolved: [String] = []
    for sp in c.scanned where !sp.shares.isEmpty {
      let unnamed = sp.shares.filter { $0.base == nil }
      if !unnamed.isEmpty, let base = contextBase(c, facts, sp, unnamed) { out += check(c, sp, unnamed, base) }
      // Shares of a named whole (占基本支出的81.45%): each against that whole, found by its name in the prose
      // before it or in the tables; a whole found nowhere is not guessed.
      var groups: [(base: Amount, shares: [ProseShare])] = []
      for s in sp.shares where s.base != nil {
        let wholes = namedWholes(c, facts, sp, s)
        guard !wholes.isEmpty else { unresolved.append("「\(s.amount.subject)\(s.text)」"); continue }
        let base = wholes.first { s.percent.agrees(s.amount.amount, $0) } ?? wholes[0]
        if let g = groups.firstIndex(where: { $0.base == base }) { groups[g].shares.append(s) } else { groups.append((base, [s])) }
      }
      for g in groups { out += check(c, sp, g.shares, g.base) }
    }
    if !unresolved.isEmpty {
      out.append(
        c.at(
          document: .proseShare, .info,
          "未能核对 \(unresolved.count) 处占比：所说的总额在文中和表中都找不到同名的数字（\(unresolved.prefix(3).joined(separator: "；"))\(unresolved.count > 3 ? " 等" : "")）。请人工核对。"))
    }
    return out
  }

  /// The whole of shares that name none: the first larger amount earlier in the paragraph, else the section's opening
  /// total, else the document's, preferring one that makes every share right (a misprinted total is reported on its own).
  static func contextBase(_ c: AuditContext, _ facts: DocumentFacts, _ sp: ScannedParagraph, _ shares: [ProseShare]) -> Amount? {
    let first = shares[0].amount.range.location
    let largest = shares.map(\.amount.amount).max()!
    let inParagraph = sp.amounts.first { $0.range.location < first && $0.amount >= largest && !$0.amount.isZero }?.amount
    let opening = sectionTotal(c, before: sp, atLeast: largest)
    let section = opening?.amount
    guard let chosen = inParagraph ?? section ?? facts.total else { return nil }
    // A total stated wrongly (457.9 for 525.85) must not make its shares wrong too: when every share is right
    // against what the tables print for that total (or the document's total), that is the base; the misprinted
    // total is reported on its own.
    let printed = (opening.flatMap { facts.figures(for: $0.subject) } ?? []).flatMap { asPrinted($0, by: shares[0].amount) }
    // Any larger figure stated before the shares may be their whole (a 决算 sentence states the budget, then the
    // actual, then shares of the actual); the first is only the default.
    let stated = sp.amounts.filter { $0.range.location < first && $0.amount >= largest && !$0.amount.isZero }.map(\.amount)
    let candidates = [chosen] + stated + printed + (facts.total.map { asPrinted($0, by: shares[0].amount) } ?? [])
    // When no base makes every share right, report against the tables' figure for the stated total if the
    // statement itself is a misprint (the shares are then wrong by the right total, not by the misprint).
    let fallback = !printed.isEmpty && !printed.contains(chosen) && section == chosen ? printed[0] : chosen
    return candidates.first { b in shares.allSatisfy { $0.percent.agrees($0.amount.amount, b) } } ?? fallback
  }

  /// A table's exact figure as the prose prints it (its shares are ratios of printed amounts), and exact.
  static func asPrinted(_ exact: Amount, by a: ProseAmount) -> [Amount] { [exact.rounded(toDecimals: a.decimals, of: a.unit), exact] }

  /// The figures a named whole may be, nearest first: amounts of that name earlier in the prose (same part), then
  /// the tables' figures of that name, then the document's total when the name is one of its names. Never smaller
  /// than the share's own amount.
  static func namedWholes(_ c: AuditContext, _ facts: DocumentFacts, _ sp: ScannedParagraph, _ s: ProseShare) -> [Amount] {
    let key = DocumentFacts.wholeKey(s.base!)
    var found: [Amount] = []
    let earlier = c.scanned.filter { $0.paragraph.index < sp.paragraph.index && $0.paragraph.part == sp.paragraph.part }.reversed()
    for a in sp.amounts.reversed() where a.range.location < s.amount.range.location && DocumentFacts.wholeKey(a.subject) == key { found.append(a.amount) }
    for p in earlier { for a in p.amounts.reversed() where DocumentFacts.wholeKey(a.subject) == key { found.append(a.amount) } }
    found += (facts.figures(for: s.base!) ?? []).flatMap { asPrinted($0, by: s.amount) }
    // The tables' total only: without tables, the prose's most stated total may be another total (财政拨款 for 收支).
    if let t = facts.total, facts.totalFromTables, DocumentFacts.isTotal(s.base!) { found += asPrinted(t, by: s.amount) }
    var seen = Set<Amount>()
    return found.filter { $0 >= s.amount.amount && !$0.isZero && seen.insert($0).inserted }
  }

  /// Each share against `base`, then the list's sum when the shares cover the whole.
  static func check(_ c: AuditContext, _ sp: ScannedParagraph, _ shares: [ProseShare], _ base: Amount) -> [Diagnostic] {
    let p = sp.paragraph
    let precision = c.percentPrecision
    let m = c.money(in: sp)
    var out: [Diagnostic] = []
    var format: [(pct: PrintedPercent, right: String, breach: PercentPrecision.Breach)] = []
    for s in shares {
      let right = PrintedPercent.twoDecimals(s.amount.amount, base) ?? "?"
      if !s.percent.agrees(s.amount.amount, base) {
        out.append(
          c.at(
            p, .proseShare, .error,
            "「\(s.amount.subject)\(s.text)」：\(PrintedPercent.working(in: m.unit, s.amount.amount, base))，应为 \(right)。每个占比应是本项金额与总额之比，四舍五入，不为凑100%而调整。",
            expected: right, actual: s.percent.text))
      }
      if let b = precision.breach(s.percent, s.amount.amount, base) { format.append((s.percent, right, b)) }
    }
    out += precision.findings(c, p, "占比", format)
    guard shares.count >= 2 else { return out }
    let decimals = shares.map(\.percent.decimals).max()!
    let sum = shares.map { s -> Int128 in
      var v = s.percent.scaled
      for _ in s.percent.decimals..<decimals { v *= 10 }
      return v
    }.reduce(0, +)
    var hundred: Int128 = 100
    for _ in 0..<decimals { hundred *= 10 }
    let amounts = shares.map(\.amount.amount).sum()
    let complete = amounts == base || (sum - hundred).magnitude * 100 <= hundred
    guard complete else { return out }
    if sum != hundred && !p.text.contains("尾差") {
      let exact = shares.map { PrintedPercent.twoDecimals($0.amount.amount, base) ?? "?" }
      out.append(
        c.at(
          p, .proseShareSum, .warning,
          "所列占比 \(shares.map(\.percent.text).joined(separator: "、")) 相加为 \(PrintedPercent.format(sum, decimals: decimals))，不是100%。按金额实为 \(exact.joined(separator: "、"))。分项占比之和有尾差时应加注“因四舍五入，分项占比之和与100%可能存在尾差”。",
          expected: "100%", actual: PrintedPercent.format(sum, decimals: decimals)))
    }
    if amounts != base {
      out.append(
        c.at(
          p, .proseListSum, .warning,
          "所列各项 \(shares.map { m($0.amount.amount) }.joined(separator: " + ")) = \(m(amounts))，与总额 \(m(base)) 不符（差 \(m((base - amounts).magnitude))）：合计与分项之和不一致。",
          expected: m(base), actual: m(amounts)))
    }
    return out
  }
}
