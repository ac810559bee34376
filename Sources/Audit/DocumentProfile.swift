import Foundation
import Reading
import YusuanCore

/// What the document says about itself: its budget year, whether it is a 部门预算 or a 单位预算, and its level
/// (区级, 市级, 县级…). Read from the cover and the table titles, never assumed: a rule that needs a property the
/// document does not state does not run.
public struct DocumentProfile: Sendable, Equatable {
  public enum Kind: String, Sendable { case department = "部门预算", unit = "单位预算" }
  public var year: Int?
  public var kind: Kind?
  public var level: String?
  /// A 决算 (final accounts) rather than a 预算: most table titles say 决算, or, without tables, the prose says it
  /// more often than 预算.
  /// The budget templates' required tables and explanations do not apply to it.
  public var finalAccounts = false
  /// The department's own administrative level (区 for 杜集区政府办公室, 上海市普陀区商务委员会): the last of 省、市、
  /// 区、县 in the name its table titles print before the year.
  public var tier: Character?

  public init(_ doc: AuditDocument) {
    // The cover: the first paragraphs before any table or 目录 entry.
    let cover = doc.paragraphs.prefix(4).map(\.text).joined(separator: "\n")
    let units = cover.components(separatedBy: "单位预算").count - 1, depts = cover.components(separatedBy: "部门预算").count - 1
    kind = units > 0 && depts == 0 ? .unit : depts > 0 && units == 0 ? .department : nil
    if let r = cover.match(#"(省级|市级|区级|县级|旗级|乡级|镇级)"#) { level = String(cover[r]) }
    let titles = doc.tables.compactMap(\.title)
    let finalTitles = titles.filter { $0.contains("决算") }.count, budgetTitles = titles.filter { $0.contains("预算") }.count
    if titles.isEmpty {
      // No table titles (a 情况说明 alone): the prose says 决算 more often than 预算 outside the funds' names
      // (一般公共预算, 政府性基金预算) that a 决算 names as often as a 预算 does.
      let prose = doc.paragraphs.map(\.text).joined(separator: "\n")
      func count(_ w: String) -> Int { prose.components(separatedBy: w).count - 1 }
      let budget = count("预算") - count("一般公共预算") - count("政府性基金预算") - count("国有资本经营预算")
      finalAccounts = count("决算") >= 3 && count("决算") > budget
    } else {
      finalAccounts = finalTitles > budgetTitles
    }
    // The year: the one most table titles print before 年, or the cover before 预算 (2025年部门预算; not the 2022 of
    // a 文件 it cites, 川财预〔2022〕12号 (2022年修订), nor the 决算 year a page without a title compares with, nor
    // the year a sentence compares with).
    var counts: [Int: Int] = [:]
    for text in doc.tables.compactMap(\.title) {
      if let r = text.match(#"(20\d{2})\s*年"#), let y = Int(text[r].prefix(4)) { counts[y, default: 0] += 1 }
    }
    // A year compared with (比2024年预算, 较上年, 与2024年预算相比) is the other year, not this document's.
    var from = cover.startIndex
    while let r = cover.range(of: #"(20\d{2})\s*年度?[^，,。；;（(\d]{0,12}预算"#, options: .regularExpression, range: from..<cover.endIndex) {
      from = r.upperBound
      let before = cover[..<r.lowerBound].suffix(2)
      if before.contains(where: { "比较与同于".contains($0) }) { continue }
      if let y = Int(cover[r].prefix(4)) { counts[y, default: 0] += 1 }
      break
    }
    year = counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    var names: [String: Int] = [:]
    for title in doc.tables.compactMap(\.title) {
      if let r = title.match(#"\d{4}\s*年"#) { names[String(title[..<r.lowerBound]), default: 0] += 1 }
    }
    if let name = names.max(by: { $0.value < $1.value })?.key, names[name]! >= 2 {
      tier = name.last { "省市区县".contains($0) }
    }
  }
}
