import Foundation
import Reading
import YusuanCore

/// What a proof-reader marks in the prose, none of it arithmetic:
/// - `audit.text.duplicate` (warning): the same paragraph printed twice (a paste left twice).
/// - `audit.text.double-stop` (info): `。。`, `，，`, `；；`.
/// - `audit.text.quotes` (info): a paragraph whose “ and ” do not pair up.
/// - `audit.text.no-stop` (info): a long paragraph that ends without its full stop.
/// - `audit.text.space` (info): a space before a Chinese punctuation mark (部门 ，).
/// - `audit.text.number-format` (info): figures of four digits and more printed with thousands separators in one
///   place and without in another (29,381.00万元 and 3136.40万元 in the same list).
/// - `audit.text.no-amount` (warning): a 预算安排 section (年度预算安排, 资金安排) that states no amount.
/// - `audit.prose.reason-empty` (warning): 主要原因是。 — a reason announced and not given.
/// - `audit.prose.reason-direction` (warning): a reason that argues the other way than its change
///   (增长11.40%，增长原因主要是压减一般性支出; 减少……增加的主要原因是).
enum ProofreadingRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    var seen: [String: AuditParagraph] = [:]
    for p in c.document.paragraphs where !p.isHeading {
      let key = NameKey.of(p.text).replacingOccurrences(of: " ", with: "")
      // Only sentences: a line of figures read as text (a table copied without tabs) repeats by nature.
      if key.count >= 20, key.contains(where: { "。，；".contains($0) }) {
        if let first = seen[key] {
          out.append(
            c.at(
              p, .textDuplicate, .warning, "这一段与第\(first.index)段一字不差，重复印了两次：「\(AuditContext.quote(p.text))」。",
              expected: "只印一次", actual: "第\(first.index)段、第\(p.index)段"))
        } else {
          seen[key] = p
        }
      }
      if let r = p.text.match(#"。。|，，|；；"#) {
        out.append(c.at(p, .textDoubleStop, .info, "标点重复：“\(p.text[r])”。", expected: String(p.text[r].prefix(1)), actual: String(p.text[r])))
      }
      let open = p.text.filter { $0 == "“" }.count, close = p.text.filter { $0 == "”" }.count
      if open != close {
        out.append(c.at(p, .textQuotes, .info, "引号不成对：“ \(open) 个，” \(close) 个。", expected: "成对", actual: "“\(open) ”\(close)"))
      }
      // A sentence (it has a comma) that stops without its stop; a line of a table read as text is no sentence.
      if !p.isGlossary, p.text.count >= 30, p.text.contains("，"), let last = p.text.last, last.isLetter, !Heuristics.isStructural(p.text),
        p.text.filter({ $0 == "." }).count < 3
      {
        out.append(c.at(p, .textNoStop, .info, "这一段没有以句号结束：「…\(p.text.suffix(16))」。", expected: "。", actual: String(p.text.suffix(4))))
      }
    }
    for p in c.document.prose {
      if let r = p.text.match(#"[^\s] +[，。；：、]"#) {
        out.append(c.at(p, .textSpace, .info, "标点前多了空格：“\(p.text[r])”。", expected: "无空格", actual: String(p.text[r])))
      }
    }
    return out + numberFormat(c) + noAmount(c) + reasons(c)
  }

  static func numberFormat(_ c: AuditContext) -> [Diagnostic] {
    var with = 0
    var without: [(ScannedParagraph, ProseAmount)] = []
    for sp in c.scanned {
      for a in sp.amounts where a.amount.magnitude >= Amount(wanCents: 100_000) || a.text.contains(",") {
        let digits = a.text.prefix { $0.isNumber || $0 == "," }
        guard digits.filter(\.isNumber).count >= 4 else { continue }
        if digits.contains(",") { with += 1 } else { without.append((sp, a)) }
      }
    }
    // Only when the document mostly uses separators: the odd ones out are the slips.
    guard with >= 2, with > without.count, let first = without.first else { return [] }
    return [
      c.at(
        first.0.paragraph, .textNumberFormat, .info,
        "本文件的金额多数带千分位（如 1,234.56），\(without.map { "「\($0.1.text)」" }.prefix(5).joined(separator: "、"))\(without.count > 5 ? " 等" : "")却没有，写法不统一。",
        expected: "统一带千分位", actual: without.map(\.1.text).joined(separator: "、"))
    ]
  }

  static func noAmount(_ c: AuditContext) -> [Diagnostic] {
    let sections = Dictionary(
      grouping: c.scanned.filter { $0.paragraph.section.map { $0.contains("预算安排") || $0.contains("资金安排") } ?? false },
      by: { "\($0.paragraph.part ?? "")|\($0.paragraph.section!)" })
    var out: [Diagnostic] = []
    for (_, sps) in sections.sorted(by: { $0.value[0].paragraph.index < $1.value[0].paragraph.index })
    where sps.allSatisfy({ $0.amounts.isEmpty && $0.paragraph.text.match(#"\d\s*万"#) == nil }) {
      out.append(
        c.at(
          sps[0].paragraph, .textNoAmount, .warning,
          "“\(sps[0].paragraph.section!)”一节没有写金额：「\(AuditContext.quote(sps[0].paragraph.text))」。预算安排应写明安排多少资金、用于什么。",
          expected: "金额", actual: "无"))
    }
    return out
  }

  static let upWords = ReasonDirection.upWords
  static let downWords = ReasonDirection.downWords

  static func reasons(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let ns: (String) -> NSString = { $0 as NSString }
    for sp in c.scanned {
      let text = ProseScanner.normalize(sp.paragraph.text)
      let s = ns(text)
      var search = NSRange(location: 0, length: s.length)
      while true {
        let r = s.range(of: #"(主要)?原因(主要)?(是|为|在于)[：:]?"#, options: .regularExpression, range: search)
        guard r.location != NSNotFound else { break }
        search = NSRange(location: NSMaxRange(r), length: s.length - NSMaxRange(r))
        let end = s.rangeOfCharacter(from: CharacterSet(charactersIn: "。；;"), options: [], range: search)
        let reason = s.substring(with: NSRange(location: NSMaxRange(r), length: (end.location == NSNotFound ? s.length : end.location) - NSMaxRange(r)))
          .trimmingBlanks()
        if reason.isEmpty {
          out.append(c.at(sp.paragraph, .proseReasonEmpty, .warning, "写了“\(s.substring(with: r))”，却没有写原因。", expected: "原因", actual: "空"))
          continue
        }
        // The change the reason explains: the last stated change before it in the paragraph.
        guard let change = sp.changes.last(where: { NSMaxRange($0.range) <= r.location }), change.direction != 0 else { continue }
        let up = change.direction > 0
        // The reason's own direction word (增长原因, 减少的主要原因) …
        let lead = s.substring(with: NSRange(location: max(0, r.location - 6), length: min(6, r.location)))
        let leadUp = upWords.contains { lead.contains($0) }, leadDown = downWords.contains { lead.contains($0) }
        // … or what it argues (压减一般性支出 after an increase; a reason that weighs both ways says neither).
        let argues = ReasonDirection.of(reason)
        let contradicts = up ? (leadDown && !leadUp) || argues < 0 : (leadUp && !leadDown) || argues > 0
        if contradicts {
          // Quoted from its own direction word when it has one (增长原因是…), else from 原因 (not from inside the figure).
          let from = leadUp || leadDown ? max(0, r.location - 6) : r.location
          let quoted = s.substring(with: NSRange(location: from, length: NSMaxRange(r) - from)) + reason
          out.append(
            c.at(
              sp.paragraph, .proseReasonDirection, .warning,
              "「\(change.excerpt)」是\(up ? "增加" : "减少")，后面的原因却是「\(AuditContext.quote(quoted, 40))」，说的是\(up ? "减少" : "增加")。请核对原因是否与增减方向一致。",
              expected: up ? "增加的原因" : "减少的原因", actual: reason))
        }
      }
    }
    return out
  }
}
