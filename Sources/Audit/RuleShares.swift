import YusuanCore

/// Shares in prose (X万元，占Y%), each checked as its own ratio of the shown amounts (DESIGN §4):
/// - `audit.prose.share` (error): Y is not X ÷ 总额 at the printed precision (2.59% for 15.90 ÷ 612.42 = 2.596…%).
/// - `audit.prose.share-sum` (warning): a complete list of shares that does not add to 100% and carries no 尾差 note.
/// - `audit.prose.list-sum` (warning): the listed amounts of a complete list do not add up to the total.
/// - `audit.prose.percent-format` (warning): shares not printed with two decimals.
/// The base is the first larger amount earlier in the paragraph, else the total the section opens with (a list of
/// shares under （二）支出结构 shares the 一般公共预算支出 its section stated first), else the document's total.
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
    let precision = c.percentPrecision
    var out: [Diagnostic] = []
    for sp in c.scanned where !sp.shares.isEmpty {
      let p = sp.paragraph
      let first = sp.shares[0].amount.range.location
      let largest = sp.shares.map(\.amount.amount).max()!
      let inParagraph = sp.amounts.first { $0.range.location < first && $0.amount >= largest && !$0.amount.isZero }?.amount
      let opening = sectionTotal(c, before: sp, atLeast: largest)
      let section = opening?.amount
      guard let chosen = inParagraph ?? section ?? facts.total else { continue }
      // A total stated wrongly (457.9 for 525.85) must not make its shares wrong too: when every share is right
      // against what the tables print for that total (or the document's total), that is the base; the misprinted
      // total is reported on its own.
      let printed = opening.flatMap { facts.figures(for: $0.subject) } ?? []
      let candidates = [chosen] + printed + (facts.total.map { [$0] } ?? [])
      // When no base makes every share right, report against the tables' figure for the stated total if the
      // statement itself is a misprint (the shares are then wrong by the right total, not by the misprint).
      let fallback = !printed.isEmpty && !printed.contains(chosen) && section == chosen ? printed[0] : chosen
      let base = candidates.first { b in sp.shares.allSatisfy { $0.percent.agrees($0.amount.amount, b) } } ?? fallback
      var format: [String] = []
      for s in sp.shares {
        let right = PrintedPercent.twoDecimals(s.amount.amount, base) ?? "?"
        if !s.percent.agrees(s.amount.amount, base) {
          out.append(c.at(p, "audit.prose.share", .error,
            "「\(s.amount.subject)\(s.amount.text)，占\(s.percent.text)」：\(PrintedPercent.working(s.amount.amount, base))，应为 \(right)\(s.percent.decimals != 2 ? "" : "")。每个占比应是本项金额与总额之比，四舍五入，不为凑100%而调整。",
            expected: right, actual: s.percent.text))
        }
        if precision.breaks(decimals: s.percent.decimals, exact: right) { format.append(precision.required == 2 ? "\(s.percent.text)（应为 \(right)）" : s.percent.text) }
      }
      if !format.isEmpty {
        out.append(c.at(p, "audit.prose.percent-format", .warning, precision.says("占比") + "：\(format.joined(separator: "、"))。", expected: "\(precision.required ?? 2)位小数", actual: format.joined(separator: "、")))
      }
      guard sp.shares.count >= 2 else { continue }
      let decimals = sp.shares.map(\.percent.decimals).max()!
      let sum = sp.shares.map { s -> Int128 in
        var v = s.percent.scaled
        for _ in s.percent.decimals..<decimals { v *= 10 }
        return v
      }.reduce(0, +)
      var hundred: Int128 = 100
      for _ in 0..<decimals { hundred *= 10 }
      let amounts = sp.shares.map(\.amount.amount).sum()
      let complete = amounts == base || (sum - hundred).magnitude * 100 <= hundred
      guard complete else { continue }
      if sum != hundred && !p.text.contains("尾差") {
        let exact = sp.shares.map { PrintedPercent.twoDecimals($0.amount.amount, base) ?? "?" }
        out.append(c.at(p, "audit.prose.share-sum", .warning,
          "所列占比 \(sp.shares.map(\.percent.text).joined(separator: "、")) 相加为 \(PrintedPercent.format(sum, decimals: decimals))，不是100%。按金额实为 \(exact.joined(separator: "、"))。分项占比之和有尾差时应加注“因四舍五入，分项占比之和与100%可能存在尾差”。",
          expected: "100%", actual: PrintedPercent.format(sum, decimals: decimals)))
      }
      if amounts != base {
        out.append(c.at(p, "audit.prose.list-sum", .warning,
          "所列各项 \(sp.shares.map { $0.amount.amount.wan }.joined(separator: " + ")) = \(amounts.wan)，与总额 \(base.wan) 不符（差 \((base - amounts).magnitude.wan)）：合计与分项之和不一致。",
          expected: base.wan, actual: amounts.wan))
      }
    }
    return out
  }
}
