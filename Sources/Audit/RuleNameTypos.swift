import Foundation
import Reading
import YusuanCore

/// `audit.text.name-typo` (info): in a list of 科目 names (办公费、印刷费、…、委托业务给、工会经费), an item one
/// character away from a catalog name, when the list's other items are catalog names. The list shows what the
/// item means; the catalog, what it should say. One suggestion only, and only when exactly one name is that close.
/// Also a project name one character away from a term the document quotes (四送一扶 for “四送一服”).
enum NameTypoRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    quotedTerms(c) + catalogNames(c)
  }

  /// A project name one character away from a term the document itself quotes (“四送一服” in 主要职能, 四送一扶专项活动
  /// 经费 in the 项目支出表): the document's own spelling says what the name should be. Terms of four characters or
  /// more, never a name that also contains the term as quoted.
  static func quotedTerms(_ c: AuditContext) -> [Diagnostic] {
    var terms: [String: AuditParagraph] = [:]
    for p in c.document.paragraphs {
      for m in p.text.matches(of: /“([\p{Han}]{4,12})”/) where terms[String(m.output.1)] == nil { terms[String(m.output.1)] = p }
    }
    guard !terms.isEmpty else { return [] }
    var out: [Diagnostic] = []
    var said = Set<String>()
    for t in c.document.tables where t.kind == .projects {
      let shape = TableShape(t)
      for row in t.rows {
        for name in shape.labelColumns.map({ row.cell($0) }) where name.count >= 4 && !said.contains(name) {
          let chars = Array(name)
          for (term, p) in terms where !name.contains(term) && chars.count >= term.count {
            let hit = (0...(chars.count - term.count)).map { String(chars[$0..<($0 + term.count)]) }.first { differsByOne($0, term) }
            guard let found = hit else { continue }
            said.insert(name)
            out.append(
              c.at(
                t, row: name, .textNameTypo, .info,
                "\(t.ref)的项目名称「\(name)」中的“\(found)”疑为“\(term)”之误：本文件第\(p.index)段写作“\(term)”。",
                expected: term, actual: found))
            break
          }
        }
      }
    }
    return out
  }

  /// Items of a list of 科目 names one character away from a catalog name.
  static func catalogNames(_ c: AuditContext) -> [Diagnostic] {
    guard let catalog = c.catalog else { return [] }
    // Catalog names by length, for the one-character comparison.
    var byLength: [Int: [String]] = [:]
    for name in Set(catalog.entries.values.map(\.name)) where name.count >= 4 { byLength[name.count, default: []].append(name) }
    let known = Set(catalog.entries.values.map { NameKey.of($0.name) })
    var out: [Diagnostic] = []
    for p in c.document.paragraphs where !p.isHeading && p.text.contains("、") {
      for list in lists(in: p.text) {
        let exact = list.filter { known.contains(NameKey.of($0)) }
        guard exact.count >= 3, exact.count * 2 >= list.count else { continue }
        // One character of three is a different word as often as a typo (水电费 is not a misprinted 邮电费).
        for item in list where !known.contains(NameKey.of(item)) && item.count >= 4 {
          let near = (byLength[item.count] ?? []).filter { differsByOne(item, $0) }
          guard near.count == 1, let right = near.first else { continue }
          out.append(
            c.at(
              p, .textNameTypo, .info,
              "所列科目中「\(item)」不是科目名称，疑为“\(right)”之误（同一列举中的其他各项多为科目名称）。",
              expected: right, actual: item))
        }
      }
    }
    return out
  }

  /// The runs of items separated by 、 in a text: each ends at other punctuation (：，；。（） and the like).
  static func lists(in text: String) -> [[String]] {
    let stops = CharacterSet(charactersIn: "，,；;：:。！？（）()“”\"")
    return text.components(separatedBy: stops).compactMap { clause in
      let items = clause.components(separatedBy: "、").map { $0.trimmingBlanks() }
      guard items.count >= 4 else { return nil }
      // The first item may carry the words before the list (主要包括办公费): only its trailing name counts.
      var cleaned = items
      for lead in ["主要包括", "包括", "主要用于", "用于"] where cleaned[0].contains(lead) {
        cleaned[0] = String(cleaned[0][cleaned[0].range(of: lead, options: .backwards)!.upperBound...])
      }
      if cleaned[cleaned.count - 1].hasSuffix("等") { cleaned[cleaned.count - 1].removeLast() }
      return cleaned.filter { !$0.isEmpty }
    }
  }

  /// Same length, exactly one character different.
  static func differsByOne(_ a: String, _ b: String) -> Bool {
    guard a.count == b.count else { return false }
    return zip(a, b).filter { $0 != $1 }.count == 1
  }
}
