import Foundation
import YusuanCore

/// What a proof-reader marks in the prose, none of it arithmetic:
/// - `audit.text.duplicate` (warning): the same paragraph printed twice (a paste left twice).
/// - `audit.text.double-stop` (info): `。。`, `，，`, `；；`.
/// - `audit.text.quotes` (info): a paragraph whose “ and ” do not pair up.
/// - `audit.text.no-stop` (info): a long paragraph that ends without its full stop.
/// - `audit.prose.reason-empty` (warning): 主要原因是。 — a reason announced and not given.
/// - `audit.prose.reason-direction` (warning): a reason that argues the other way than its change
///   (增长11.40%，增长原因主要是压减一般性支出; 减少……增加的主要原因是).
enum ProofreadingRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    var seen: [String: AuditParagraph] = [:]
    for p in c.document.paragraphs where !p.isHeading {
      let key = NameKey.of(p.text).replacingOccurrences(of: " ", with: "")
      if key.count >= 20 {
        if let first = seen[key] {
          out.append(c.at(p, "audit.text.duplicate", .warning, "这一段与第\(first.index)段一字不差，重复印了两次：「\(AuditContext.quote(p.text))」。",
                          expected: "只印一次", actual: "第\(first.index)段、第\(p.index)段"))
        } else { seen[key] = p }
      }
      if let r = p.text.range(of: #"。。|，，|；；"#, options: .regularExpression) {
        out.append(c.at(p, "audit.text.double-stop", .info, "标点重复：“\(p.text[r])”。", expected: String(p.text[r].prefix(1)), actual: String(p.text[r])))
      }
      let open = p.text.filter { $0 == "“" }.count, close = p.text.filter { $0 == "”" }.count
      if open != close {
        out.append(c.at(p, "audit.text.quotes", .info, "引号不成对：“ \(open) 个，” \(close) 个。", expected: "成对", actual: "“\(open) ”\(close)"))
      }
      if !p.isGlossary, p.text.count >= 30, let last = p.text.last, last.isLetter, !Heuristics.isStructural(p.text) {
        out.append(c.at(p, "audit.text.no-stop", .info, "这一段没有以句号结束：「…\(p.text.suffix(16))」。", expected: "。", actual: String(p.text.suffix(4))))
      }
    }
    return out + reasons(c)
  }

  static let upWords = ["增加", "增长", "新增", "提高", "上升", "扩大", "提标"]
  static let downWords = ["减少", "下降", "压减", "节约", "缩减", "降低", "核减", "取消"]

  static func reasons(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let ns: (String) -> NSString = { $0 as NSString }
    for sp in c.scanned {
      let text = ProseScanner.normalize(sp.paragraph.text)
      let s = ns(text)
      var search = NSRange(location: 0, length: s.length)
      while true {
        let r = s.range(of: #"原因(主要)?(是|为|在于)[：:]?"#, options: .regularExpression, range: search)
        guard r.location != NSNotFound else { break }
        search = NSRange(location: NSMaxRange(r), length: s.length - NSMaxRange(r))
        let end = s.rangeOfCharacter(from: CharacterSet(charactersIn: "。；;"), options: [], range: search)
        let reason = s.substring(with: NSRange(location: NSMaxRange(r), length: (end.location == NSNotFound ? s.length : end.location) - NSMaxRange(r))).trimmingBlanks()
        if reason.isEmpty {
          out.append(c.at(sp.paragraph, "audit.prose.reason-empty", .warning, "写了“\(s.substring(with: r))”，却没有写原因。", expected: "原因", actual: "空"))
          continue
        }
        // The change the reason explains: the last stated change before it in the paragraph.
        guard let change = sp.changes.last(where: { NSMaxRange($0.range) <= r.location }), change.direction != 0 else { continue }
        let up = change.direction > 0
        // The reason's own direction word (增长原因, 减少的主要原因) …
        let lead = s.substring(with: NSRange(location: max(0, r.location - 6), length: min(6, r.location)))
        let leadUp = upWords.contains { lead.contains($0) }, leadDown = downWords.contains { lead.contains($0) }
        // … or what it argues (压减一般性支出 after an increase).
        let argUp = upWords.contains { reason.contains($0) }, argDown = downWords.contains { reason.contains($0) }
        let contradicts = up ? (leadDown && !leadUp) || (argDown && !argUp) : (leadUp && !leadDown) || (argUp && !argDown)
        if contradicts {
          out.append(c.at(sp.paragraph, "audit.prose.reason-direction", .warning,
            "「\(change.excerpt)」是\(up ? "增加" : "减少")，后面的原因却是「\(AuditContext.quote(s.substring(with: NSRange(location: max(0, r.location - 6), length: NSMaxRange(r) - max(0, r.location - 6))) + reason, 40))」，说的是\(up ? "减少" : "增加")。请核对原因是否与增减方向一致。",
            expected: up ? "增加的原因" : "减少的原因", actual: reason))
        }
      }
    }
    return out
  }
}
