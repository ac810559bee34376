import Foundation
import Reading
import YusuanCore

/// `audit.text.name-typo` (info): in a list of 科目 names (办公费、印刷费、…、委托业务给、工会经费), an item one
/// character away from a catalog name, when the list's other items are catalog names. The list shows what the
/// item means; the catalog, what it should say. One suggestion only, and only when exactly one name is that close.
enum NameTypoRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
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
          out.append(c.at(p, .textNameTypo, .info,
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
