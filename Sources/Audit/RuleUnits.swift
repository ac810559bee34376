import Foundation
import Reading
import YusuanCore

/// `audit.table.unit-name` (warning): a 项目单位 (or 单位名称 in another table) that names no unit of the department —
/// neither the department itself, as its table titles print it, nor a unit of 预算单位构成. The 2021 seed lists every
/// project under “杜集区政府办” while the department and its only unit are “杜集区政府办公室”.
enum UnitNameRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    let doc = c.document
    var known: Set<String> = []
    // The department as its table titles print it: the text before the year (杜集区政府办公室2021年收支总表).
    for t in doc.tables {
      guard let title = t.title, let r = title.match(#"\d{4}\s*年"#) else { continue }
      let name = NameKey.of(String(title[..<r.lowerBound]))
      if name.count >= 2 { known.insert(name) }
    }
    // The units of 预算单位构成 (a table with a 单位名称 column and no figures).
    let unitTables = doc.tables.filter { t in t.kind != .projects && t.columns.contains { NameKey.of($0) == "单位名称" } }
    for t in unitTables {
      guard let col = t.columns.firstIndex(where: { NameKey.of($0) == "单位名称" }) else { continue }
      for row in t.rows { let n = NameKey.of(row.cell(col)); if !n.isEmpty { known.insert(n) } }
    }
    guard !known.isEmpty else { return [] }
    var out: [Diagnostic] = []
    for t in doc.tables(.projects) {
      guard let col = t.columns.firstIndex(where: { TableReading.namesUnit(NameKey.of($0)) }) else { continue }
      var reported: Set<String> = []
      for row in t.rows {
        let raw = row.cell(col).trimmingBlanks()
        let name = NameKey.of(raw)
        guard !name.isEmpty, !name.contains("合计"), !known.contains(name), reported.insert(name).inserted else { continue }
        let count = t.rows.filter { NameKey.of($0.cell(col)) == name }.count
        // A short form of the department's own name (杜集区政府办 for 杜集区政府办公室) is a style point, not another unit.
        let shortForm = known.contains { $0.hasPrefix(name) && $0.count > name.count }
        out.append(
          c.at(
            t, row: raw, column: t.columns[col], .tableUnitName, shortForm ? .info : .warning,
            "\(t.ref)的项目单位“\(raw)”（\(count)行）不是本部门的单位：部门和预算单位构成中的名称是“\(known.sorted().joined(separator: "”“"))”。简称或错字会让读者以为是另一个单位，请用规范全称。",
            expected: known.sorted().joined(separator: "、"), actual: raw))
      }
    }
    return out
  }
}
