import Foundation
import YusuanCore

/// Recognisers for the structural lines of a disclosure document: table titles, 部门公开表N labels, unit lines,
/// part and section headings. Shared by every reader so that tables are found the same way in every format.
package enum Heuristics {
  package static let chineseNumerals: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

  /// `十二` → 12, `3` → 3.
  package static func number(_ s: String) -> Int? {
    let ascii = AmountParser.normalizeWidth(s)
    if let n = Int(ascii) { return n }
    var total = 0, current = 0
    for c in s {
      guard let v = chineseNumerals[c] else { return nil }
      if v == 10 { total += (current == 0 ? 1 : current) * 10; current = 0 } else { current = v }
    }
    return total + current
  }

  /// A 部门公开表N label alone (`部门公开表7`, `附表3`, `表 2`), or a label prefixed to a title.
  /// Returns the label as printed, its number, and the title that follows it (if any).
  package static func label(_ s: String) -> (label: String, number: Int, rest: String?)? {
    let t = NameKey.of(s)
    let pattern = #"^((?:部门公开表|公开表|预算公开表|附表|表)[-－]?([0-9０-９]+|[一二三四五六七八九十]+))(?:[：:、.．　]*)(.*)$"#
    guard let m = t.match(pattern) else { return nil }
    _ = m
    let ns = t as NSString
    let re = Patterns.regex(pattern)
    guard let r = re.firstMatch(in: t, range: NSRange(location: 0, length: ns.length)) else { return nil }
    let label = ns.substring(with: r.range(at: 1)), num = ns.substring(with: r.range(at: 2))
    let rest = ns.substring(with: r.range(at: 3))
    guard let n = number(num) else { return nil }
    if rest.isEmpty { return (label, n, nil) }
    // `表1 收支总表` is a label and a title; `表明…` is prose.
    guard isTitle(rest) else { return nil }
    return (label, n, rest)
  }

  /// A table title: short, no sentence punctuation, ends with 表 (optionally followed by a year note).
  package static func isTitle(_ s: String) -> Bool {
    var t = s.trimmingBlanks()
    if let r = t.match(#"[（(]\d{4}年度?[）)]$"#) { t = String(t[..<r.lowerBound]).trimmingBlanks() }
    guard t.count >= 3, t.count <= 60, t.hasSuffix("表") else { return false }
    if t.contains("。") || t.contains("，") || t.contains("；") { return false }
    if t.hasPrefix("见") || t.hasPrefix("注") || isPartHeading(t) { return false }
    if t.match(#"^[一二三四五六七八九十]+、"#) != nil { return false }
    if t.match(#"^[（(][一二三四五六七八九十]+[）)]"#) != nil { return false }
    if t.contains("说明") { return false }
    return true
  }

  /// `单位：万元`, `金额单位:元`, `单位：千元` alone, or at the end of a title-block line that names who prepared the
  /// table (`编制部门：上海市普陀区商务委员会　单位：元`, `编制单位：…　金额单位：万元`).
  package static func unit(_ s: String) -> MoneyUnit? {
    let t = NameKey.of(s).replacingOccurrences(of: " ", with: "")
    let pattern = #"(金额)?单位[：:](万元|千元|元)[）)]?$"#
    guard let r = t.match(pattern) else { return nil }
    let before = t[..<r.lowerBound]
    guard before.isEmpty || isPreparer(String(before)) else { return nil }
    let word = t[r]
    return word.contains("万元") ? .wan : word.contains("千元") ? .qian : .yuan
  }

  /// A title-block line naming who prepared a table: `编制部门：…`, `编制单位：…`, `单位名称：…`.
  package static func isPreparer(_ s: String) -> Bool {
    let t = NameKey.of(s).replacingOccurrences(of: " ", with: "")
    return (t.hasPrefix("编制部门") || t.hasPrefix("编制单位") || t.hasPrefix("预算单位") || t.hasPrefix("单位名称") || t.hasPrefix("部门名称"))
      && t.count <= 60 && !t.contains("。")
  }

  package static func isPartHeading(_ s: String) -> Bool {
    s.trimmingBlanks().match(#"^第[一二三四五六七八九十]+部分"#) != nil
  }

  /// `一、…` (level 1) or `（一）…` (level 2) headings: short lines without a full stop inside.
  package static func headingLevel(_ s: String) -> Int? {
    let t = s.trimmingBlanks()
    // A table-of-contents entry (一、部门主要职能……3) names a heading; it is not one.
    if isContentsEntry(t) { return nil }
    if isPartHeading(t) { return 0 }
    let body = t.hasSuffix("。") ? String(t.dropLast()) : t
    guard body.count <= 40, !body.contains("。"), !body.contains("；") else { return nil }
    if t.match(#"^[一二三四五六七八九十]+、"#) != nil { return 1 }
    if t.match(#"^[（(][一二三四五六七八九十]+[）)]"#) != nil, !body.contains("，") { return 2 }
    return nil
  }

  /// A table-of-contents entry: dot leaders (……, ……, ....) with or without a page number after them.
  package static func isContentsEntry(_ s: String) -> Bool {
    s.match(#"(…{2,}|\.{4,}|·{4,})\s*\d*\s*$"#) != nil
  }

  /// Lines that are never the continuation of a cell or a paragraph.
  package static func isStructural(_ s: String) -> Bool {
    label(s) != nil || isTitle(s) || unit(s) != nil || isPartHeading(s) || s.hasPrefix("注：") || s.hasPrefix("注:")
  }

  /// Justified text copied from a PDF spreads its characters with spaces (`经 费 总预 算 安 排 37337407.64 元 , 其中 :`),
  /// which hides its words and figures from every rule. In a paragraph with several such gaps, a space between two
  /// characters that are not Latin letters or digits is layout, not text, and goes. A single space (部门 ，) stays for
  /// the spacing rule to see.
  package static func withoutLetterSpacing(_ s: String) -> String {
    let chars = Array(s)
    func isLatin(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
    var gaps: [Int] = []
    for i in chars.indices.dropFirst().dropLast()
    where chars[i] == " " && chars[i - 1] != " " && chars[i + 1] != " "
      && !isLatin(chars[i - 1]) && !isLatin(chars[i + 1])
    { gaps.append(i) }
    guard gaps.count >= 3 else { return s }
    var out = chars
    for i in gaps.reversed() { out.remove(at: i) }
    return String(out)
  }

  /// Prose without the spaces a PDF's text layer (or a typist) puts between Chinese and a figure: `公务用车 1 辆，
  /// 购置费28.00 万元` reads as the page shows it, `公务用车1辆，购置费28.00万元`, so every rule sees one spelling.
  package static func withoutSpacesAroundFigures(_ s: String) -> String {
    guard s.contains(" ") else { return s }
    // A space before punctuation (17.18% 。) is left for the proofreading rule to point out.
    let cjk = #"[\p{Han}，。；：、（）“”《》％]"#, latin = #"[0-9A-Za-z%.]"#
    return s.replacing(pattern: "(?<=\(cjk)) {1,2}(?=\(latin))", with: "").replacing(pattern: #"(?<=[0-9A-Za-z%.]) {1,2}(?=\p{Han})"#, with: "")
  }

  /// A label or name without its numbering: `1. 一般公共预算资金`, `一、财政拨款收入`, `（二）…` → the name.
  package static func itemName(_ label: String) -> String {
    NameKey.of(label).replacing(pattern: #"^([一二三四五六七八九十]+、|\d+[.．、]\s*|[（(][一二三四五六七八九十\d]+[）)])"#, with: "")
      .trimmingBlanks()
  }

  /// The depth of the numbering a paragraph starts with, whatever its length: 一、 1, （一） 2, 1. / 1、 3, （1） 4,
  /// ① 5. A breakdown (其中：) that spills into the next paragraphs ends at a sibling or an outer item.
  package static func listLevel(_ s: String) -> Int? {
    let t = s.trimmingBlanks()
    if isPartHeading(t) { return 0 }
    if t.match(#"^[一二三四五六七八九十]+[、.．]"#) != nil { return 1 }
    if t.match(#"^[（(][一二三四五六七八九十]+[）)]"#) != nil { return 2 }
    if t.match(numberedItem) != nil { return 3 }
    if t.match(bracketedItem) != nil { return 4 }
    if t.match(#"^[①-⑳]"#) != nil { return 5 }
    return nil
  }

  /// An item numbered `1.` or `12、`; `180.00万` at a line start is a figure, not item 180.
  static let numberedItem = #"^\d{1,2}[.．、](?![\d,])"#
  /// An item numbered `（3）`.
  static let bracketedItem = #"^[（(]\d+[）)]"#

  /// A numbered item (`1.`, `12、`, `（3）`) or a heading.
  package static func startsNewParagraph(_ s: String) -> Bool {
    headingLevel(s) != nil || s.match(numberedItem) != nil || s.match(bracketedItem) != nil
  }
}
