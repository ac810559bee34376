import Foundation
import Reading
import YusuanCore

/// Small things a proof-reader marks, reported as info or warning:
/// - `audit.text.punctuation` (info): a bracket pair mixing half- and full-width forms, `(十四）`.
/// - `audit.text.wording` (info): 截止 before a date (should be 截至); 比…相比 (doubled comparison).
/// - `audit.text.empty-item` (warning): a numbered heading such as （6）年度预算安排。 with nothing after it,
///   while its siblings have content.
/// - `audit.prose.unit-mixed` (warning): amounts in 元 in a document that states amounts in 万元.
/// - `audit.text.truncated-term` (warning): a standard term that lost its first character where a term must start
///   (after a numbering mark, punctuation or the start of a paragraph): （一）员经费301.80万元 for 人员经费.
enum WordingRule {
  /// Terms of the template whose tail is not itself a word: a tail that starts a clause is the term mistyped.
  static let standardTerms = [
    "人员经费", "公用经费", "基本支出", "项目支出", "工资福利支出", "商品和服务支出", "对个人和家庭的补助",
    "机关运行经费", "一般公共预算", "政府性基金预算", "国有资本经营预算", "政府采购", "政府购买服务",
  ]

  static func truncatedTerms(_ p: AuditParagraph) -> [(found: String, term: String)] {
    var out: [(String, String)] = []
    for term in standardTerms {
      let tail = String(term.dropFirst())
      var from = p.text.startIndex
      while let r = p.text.range(of: tail, range: from..<p.text.endIndex) {
        from = r.upperBound
        let before = r.lowerBound == p.text.startIndex ? nil : p.text[p.text.index(before: r.lowerBound)]
        // Preceded by a letter (Han included) or digit it is part of another word (使用经费, 专项支出); otherwise it
        // starts a clause.
        if let b = before, b.isLetter || b.isNumber { continue }
        out.append((tail, term))
        break
      }
    }
    return out
  }

  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let paras = c.document.paragraphs.filter { !$0.isGlossary }
    for p in paras {
      if let r = p.text.match(#"\([^()（）]{0,20}）|（[^()（）]{0,20}\)"#) {
        out.append(c.at(p, .textPunctuation, .info, "括号半角、全角混用：“\(p.text[r])”。", expected: "（…）", actual: String(p.text[r])))
      }
      if let r = p.text.match(#"截止\s*\d{4}\s*年"#) {
        out.append(c.at(p, .textWording, .info, "“\(p.text[r])”：表示到某一时点应写“截至”。", expected: "截至", actual: "截止"))
      }
      for (found, term) in truncatedTerms(p) {
        out.append(c.at(p, .textTruncatedTerm, .warning, "“\(found)”像是“\(term)”少了第一个字。", expected: term, actual: found))
      }
      if let r = p.text.match(#"比[^，。；,]{1,14}相比"#) {
        out.append(c.at(p, .textWording, .info, "“\(p.text[r])”：“比……”与“……相比”重复，应写“与……相比”或“比……”。", actual: String(p.text[r])))
      }
    }
    // Empty numbered items among siblings with content.
    let item = #"^[（(]\d+[）)]\s*[^。，]{1,12}。"#
    for (i, p) in paras.enumerated() where p.text.range(of: item + "$", options: .regularExpression) != nil {
      let siblings = paras[max(0, i - 6)..<min(paras.count, i + 7)].filter {
        $0.index != p.index && $0.text.range(of: item + ".+", options: .regularExpression) != nil
      }
      if siblings.count >= 2 {
        out.append(c.at(p, .textEmptyItem, .warning, "“\(p.text)”后面没有内容，而同一组的其他条目都有说明。请补写或删去。", expected: "有内容", actual: "空"))
      }
    }
    var wan = 0
    var yuan: [(ScannedParagraph, ProseAmount)] = []
    for sp in c.scanned {
      for a in sp.amounts { if a.text.hasSuffix("万元") { wan += 1 } else { yuan.append((sp, a)) } }
    }
    if wan > yuan.count * 3 {
      for (idx, group) in Dictionary(grouping: yuan, by: { $0.0.paragraph.index }).sorted(by: { $0.key < $1.key }) {
        _ = idx
        let texts = group.map { $0.1.subject + $0.1.text }
        out.append(
          c.at(
            group[0].0.paragraph, .proseUnitMixed, .warning, "全文金额以万元为单位，这里却用“元”：\(texts.joined(separator: "、"))。请统一为万元。",
            expected: "万元", actual: texts.joined(separator: "、")))
      }
    }
    return out
  }
}
