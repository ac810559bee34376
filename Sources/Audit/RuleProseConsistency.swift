import Foundation
import Reading
import YusuanCore

/// `audit.prose.contradiction` (error): two statements of the same total's change disagree — the same current
/// figure against the same year, once 减少52.19万元 and once 增加15.76万元 (收入 vs 支出 of one budget).
enum ContradictionRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    var groups: [String: [(ScannedParagraph, ProseChange)]] = [:]
    var order: [String] = []
    for sp in c.scanned {
      for ch in sp.changes where ch.direction != 0 {
        guard let cur = ch.current, !cur.amount.isZero else { continue }
        // Last year's execution and last year's budget are two figures: changes against each are not one
        // statement (DocumentWordingRule reports the mixed bases).
        let key = "\(ch.priorYear)|\(cur.amount.fen)|\(DocumentWordingRule.executed(ch.basis))"
        if groups[key] == nil { order.append(key) }
        groups[key, default: []].append((sp, ch))
      }
    }
    var out: [Diagnostic] = []
    for key in order {
      let g = groups[key]!
      let deltas = Set(g.map { $0.1.signedDelta })
      guard deltas.count > 1 else { continue }
      let first = g[0]
      // One quantity, not two that print the same figure: the same subject, or both the budget's total.
      func sameQuantity(_ a: ProseChange, _ b: ProseChange) -> Bool {
        let x = NameKey.of(a.current?.subject ?? ""), y = NameKey.of(b.current?.subject ?? "")
        func isTotal(_ s: String) -> Bool { DocumentFacts.totalAliases.contains { s.hasSuffix($0) || $0.hasSuffix(s) && !s.isEmpty } }
        return x == y || x.isEmpty || y.isEmpty || (isTotal(x) && isTotal(y))
      }
      for (sp, ch) in g.dropFirst() where ch.signedDelta != first.1.signedDelta && sameQuantity(ch, first.1) {
        let m = c.money(in: sp)
        // Neither statement is taken for the right one: the reader sees both and the two last-year figures they imply.
        out.append(
          c.at(
            sp.paragraph, .proseContradiction, .error,
            "同一个数 \(m(ch.current!.amount))\(m.word)与\(ch.priorLabel)相比，第\(first.0.paragraph.index)段说「\(first.1.excerpt)」（上年 \(m(first.1.prior!))），本段说「\(ch.excerpt)」（上年 \(m(ch.prior!))）：两处说法矛盾，只能有一个上年数，至少一处有误，请核对。",
            expected: "同一个上年数", actual: "\(m(first.1.prior!)) 与 \(m(ch.prior!))"))
      }
    }
    return out
  }
}

/// `audit.prose.items-sum` (warning): a section states a total change and then lists numbered items
/// (1. … 2. …) each with its own change; the items' figures and changes should add up to the total's.
enum ItemListRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let bySection = Dictionary(grouping: c.scanned.filter { $0.paragraph.section != nil }, by: { "\($0.paragraph.part ?? "")|\($0.paragraph.section!)" })
    for (_, paras) in bySection.sorted(by: { $0.value[0].paragraph.index < $1.value[0].paragraph.index }) {
      let isItem: (ScannedParagraph) -> Bool = { $0.paragraph.text.match(#"^\s*\d+\s*[.．、]"#) != nil }
      // The total is stated before the items; a paragraph after them is a part of an item (1. 基本支出…其中：工资福利…).
      guard let firstItem = paras.first(where: isItem)?.paragraph.index,
        let total = paras.first(where: { $0.paragraph.index < firstItem && !isItem($0) && $0.changes.contains { $0.current != nil } })?
          .changes.first(where: { $0.current != nil })
      else { continue }
      let items = paras.filter(isItem).compactMap { $0.changes.first { $0.current != nil } }
      guard items.count >= 2, let tc = total.current?.amount else { continue }
      let m = c.money(in: paras.first(where: isItem)!)
      let curSum = items.map { $0.current!.amount }.sum()
      let deltaSum = items.map(\.signedDelta).sum()
      let where_ = paras.first(where: isItem)!.paragraph
      if curSum != tc {
        out.append(
          c.at(
            where_, .proseItemsSum, .warning,
            "本节总述「\(total.excerpt)」，而下列 \(items.count) 项本年数之和为 \(m(curSum))（\(items.map { m($0.current!.amount) }.joined(separator: "+"))），与 \(m(tc)) 不符。",
            expected: m(tc), actual: m(curSum)))
      }
      let priorsAgree = tc - total.signedDelta == curSum - deltaSum
      if deltaSum != total.signedDelta && !(priorsAgree && curSum != tc) {
        out.append(
          c.at(
            where_, .proseItemsSum, .warning,
            "本节总述增减 \(signed(total.signedDelta, m))\(m.word)，而下列 \(items.count) 项增减之和为 \(signed(deltaSum, m))\(m.word)：上年数或增减额有误（上年合计 \(m((tc - total.signedDelta))) ≠ 各项上年之和 \(m((curSum - deltaSum)))）。",
            expected: signed(total.signedDelta, m), actual: signed(deltaSum, m)))
      }
    }
    return out
  }

  static func signed(_ a: Amount, _ m: MoneyWords) -> String { (a.isNegative ? "−" : "+") + m(a.magnitude) }
}

/// `audit.prose.parts-sum` (error): “总额X万元，其中A…Y万元；其他…Z万元” — parts that exceed the total, or a
/// list closed by 其他 that does not reach it (固定资产 970.18 ≠ 450.14 + 228.76). Parts may follow in the next
/// paragraphs when a paragraph ends with 其中：.
enum PartsRule {
  /// The outermost brackets of a stretch of text: those closed, and where one left open begins.
  struct BracketSpans {
    var closed: [NSRange] = []
    var openFrom: Int? = nil
    /// Whether `loc` is inside brackets (a closed pair, or one not closed before the stretch ends).
    func encloses(_ loc: Int) -> Bool { closed.contains { NSLocationInRange(loc, $0) && loc != $0.location } || (openFrom.map { loc > $0 } ?? false) }
  }

  static func bracketSpans(_ ns: NSString, from: Int, to: Int) -> BracketSpans {
    var spans = BracketSpans(), depth = 0, open = 0
    for i in from..<max(from, to) {
      let ch = ns.character(at: i)
      if ch == 0xFF08 || ch == 0x28 { if depth == 0 { open = i }; depth += 1 }
      if (ch == 0xFF09 || ch == 0x29) && depth > 0 { depth -= 1; if depth == 0 { spans.closed.append(NSRange(location: open, length: i - open + 1)) } }
    }
    if depth > 0 { spans.openFrom = open }
    return spans
  }

  /// A figure that compares rather than states a part: a change or difference (比年初预算增加1317.14万元, 差值为0.9万元)
  /// or the base of a comparison (年初预算为2万元, 完成预算29.6万元的92.8%). Neither a total nor a part.
  static func isComparison(_ subject: String) -> Bool {
    subject.contains("比") || subject.contains("较") || subject.match(#"(差值|差额|相差|完成|年初预算|上年预算|上年执行|上年决算|去年|增加|减少|增长|下降|节约|超支)"#) != nil
  }

  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for (i, sp) in c.scanned.enumerated() {
      let ns = ProseScanner.normalize(sp.paragraph.text) as NSString
      let r = ns.range(of: "其中")
      guard r.location != NSNotFound,
        let total = sp.amounts.last(where: { a in
          NSMaxRange(a.range) <= r.location && !sp.changes.contains { NSLocationInRange(a.range.location, $0.range) } && !isComparison(a.subject)
        })
      else { continue }
      var parts: [ProseAmount]
      let tail = ns.substring(from: NSMaxRange(r)).trimmingBlanks()
      if tail.isEmpty || tail == "：" || tail == ":" {
        parts = []
        var previous = sp.paragraph.index
        // The list ends at the next item of the total's own level or an outer one (1. 基本支出…其中： ends at 2. 项目支出).
        // Its parts are the paragraphs of the first part's level; deeper ones are a part's own breakdown
        // (支出…其中： 1.基本支出…其中：工资福利… 2.项目支出…: the parts are 1. and 2.).
        let own = Heuristics.listLevel(sp.paragraph.text)
        var partLevel: Int?? = nil
        for next in c.scanned.dropFirst(i + 1).prefix(12) {
          let level = Heuristics.listLevel(next.paragraph.text)
          if let l = level, l <= (own ?? 2) { break }
          guard next.paragraph.index == previous + 1, next.paragraph.section == sp.paragraph.section else { break }
          previous = next.paragraph.index
          if let first = partLevel, first != level {
            // Deeper than the parts (unnumbered under numbered ones, or a higher number): skip; shallower: the end.
            let deeper = level == nil || (first != nil && level! > first!)
            if deeper { continue } else { break }
          }
          guard let a = next.amounts.first, !a.subject.isEmpty else { break }
          partLevel = .some(level)
          parts.append(a)
        }
      } else {
        let inParens = r.location > 0 && ["（", "("].contains(ns.substring(with: NSRange(location: r.location - 1, length: 1)))
        // The breakdown ends with its bracket, or with its sentence: the next sentence states other totals.
        let rest = NSRange(location: r.location, length: ns.length - r.location)
        let end = inParens ? ns.range(of: "）", range: rest).location : ns.range(of: "。", range: rest).location
        var stop = end == NSNotFound ? ns.length : end
        // Nor past the next item of an outer list (，三、公务接待费…), another breakdown (其中) or another total (支出总计…).
        let after = NSRange(location: NSMaxRange(r), length: stop - NSMaxRange(r))
        // A breakdown in brackets inside the list (（其中：购置费0万元…）) is a part's, not the end of this one.
        let brackets = bracketSpans(ns, from: NSMaxRange(r), to: stop)
        for pattern in [#"[，,；;：:。]\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])"#, "其中"] {
          if let m = Patterns.regex(pattern).matches(in: ns as String, range: after).first(where: { !brackets.encloses($0.range.location) }) {
            stop = min(stop, m.range.location)
          }
        }
        if let next = sp.amounts.first(where: {
          $0.range.location > r.location && $0.range.location < stop && ($0.subject.contains("总计") || $0.subject.contains("合计"))
        }) {
          stop = min(stop, next.range.location - (next.subject as NSString).length)
        }
        parts = sp.amounts.filter { $0.range.location > r.location && NSMaxRange($0.range) <= stop && !isComparison($0.subject) }
        // Only the parts that are not themselves changes (比…增加X万元).
        parts = parts.filter { a in !sp.changes.contains { NSLocationInRange(a.range.location, $0.range) } }
        // Nor the breakdown of a part in brackets after it: 公务用车购置及运行费4.20万元（公务用车购置费0.00万元；运行维护费4.20万元）.
        if !inParens {
          let closedBeforeStop = brackets.closed.filter { NSMaxRange($0) <= stop }
          parts = parts.filter { a in !closedBeforeStop.contains { NSLocationInRange(a.range.location, $0) } }
        }
      }
      guard parts.count >= 2 else { continue }
      let sum = parts.map(\.amount).sum()
      let m = MoneyWords(unit: total.unit)
      let closed = parts.contains { $0.subject.contains("其他") || $0.subject.contains("其它") }
      guard sum > total.amount || (closed && sum != total.amount) else { continue }
      out.append(
        c.at(
          sp.paragraph, .prosePartsSum, .error,
          "「\(total.subject)\(total.text)」其中所列 \(parts.map { "\($0.subject.isEmpty ? "" : $0.subject)\(m($0.amount))" }.joined(separator: " + ")) = \(m(sum))，\(sum > total.amount ? "超过" : "不等于")总额 \(m(total.amount))（差 \(m((sum - total.amount).magnitude))）。",
          expected: m(total.amount), actual: m(sum)))
    }
    return out
  }
}

/// `audit.prose.truncated` (warning): the prose cuts a table's figure instead of rounding it (1,202.95万元 for
/// 12,029,561.84 元 = 1,202.956184 万元 → 1,202.96).
/// `audit.prose.figure` (error): a named figure in prose (工资福利支出187.62万元) differs from every figure the
/// tables print under that name (表3: 185.62). Only names the tables know are checked. A funding source named as
/// part of a stated total (项目支出254.00万元…按资金来源分：一般公共预算安排249.00万元) is that total's part, not the
/// document's 一般公共预算: the parts rules check it against its total instead.
enum ProseFigureRule {
  static func isSourceName(_ subject: String) -> Bool {
    var k = NameKey.of(subject)
    for suffix in ["安排", "拨款", "预算数"] where k.hasSuffix(suffix) { k = String(k.dropLast(suffix.count)) }
    return FundSource.named(k) != nil || FundSource.named(k + "预算") != nil
  }

  /// Whether `a` follows a total of the same paragraph (not smaller) through 其中 / 资金来源 / 包括.
  static func isPartOfBreakdown(_ a: ProseAmount, in sp: ScannedParagraph) -> Bool {
    let ns = ProseScanner.normalize(sp.paragraph.text) as NSString
    return sp.amounts.contains { b in
      guard NSMaxRange(b.range) <= a.range.location, b.amount >= a.amount else { return false }
      let between = ns.substring(with: NSRange(location: NSMaxRange(b.range), length: a.range.location - NSMaxRange(b.range)))
      return between.contains("其中") || between.contains("资金来源") || between.contains("包括")
    }
  }

  static func run(_ c: AuditContext) -> [Diagnostic] {
    guard c.document.tables.contains(where: { $0.kind != .other && $0.kind != .performance && !$0.isEmptyTable }) else { return [] }
    let facts = DocumentFacts(c)
    var out: [Diagnostic] = []
    for sp in c.scanned {
      let subjectItems = SubjectPathRule.items(sp)
      for a in sp.amounts where !a.subject.isEmpty {
        if sp.changes.contains(where: { NSLocationInRange(a.range.location, $0.range) }) { continue }
        if isSourceName(a.subject) && isPartOfBreakdown(a, in: sp) { continue }
        // A figure for a 科目 named by its whole path is checked exactly by SubjectPathRule.
        if subjectItems.contains(where: { $0.amount.range == a.range || $0.prior?.range == a.range }) { continue }
        guard let figures = facts.figures(for: a.subject), !figures.contains(where: a.states) else { continue }
        let shown = figures.map(a.shown).joined(separator: "、")
        if let exact = figures.first(where: a.truncates) {
          out.append(
            c.at(
              sp.paragraph, .proseTruncated, .warning,
              "说明中「\(a.subject)\(a.text)」是把表中的数字截尾而不是四舍五入，四舍五入应为 \(a.rounding(exact))\(a.unit.rawValue)。",
              expected: a.rounding(exact), actual: a.rounding(a.amount)))
          continue
        }
        out.append(
          c.at(
            sp.paragraph, .proseFigure, .error,
            "说明中「\(a.subject)\(a.text)」与表中“\(a.subject)”的数字（\(shown)\(a.unit.rawValue)）都不相符。",
            expected: figures.map(a.shown).joined(separator: " 或 "), actual: a.shown(a.amount)))
      }
    }
    return out
  }
}
