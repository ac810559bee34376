import Reading
import YusuanCore

/// `audit.name.retired` (info): a 科目 printed under a name it carried in earlier years (210 医疗卫生与计划生育支出,
/// now 卫生健康支出; the names are data, `forms/catalogs/former-names.csv`). The figures are not in question, only
/// the wording is out of date. Coded rows come through `CodeRule` (instead of a name mismatch); this rule reads the
/// fixed rows that print a 类 by its name alone (十四、资源勘探信息等支出 in a 收支总表).
enum RetiredNameRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    guard let catalog = c.catalog, !catalog.formerNames.isEmpty else { return [] }
    var out: [Diagnostic] = []
    var seen: Set<String> = []
    for t in c.document.tables where t.kind != .performance && TableShape(t).codeColumn == nil {
      for row in t.rows {
        for cell in row.cells {
          guard let r = cell.match(#"^[一二三四五六七八九十]+、"#) else { continue }
          let name = String(cell[r.upperBound...]).trimmingBlanks()
          guard let code = catalog.code(formerlyNamed: name, length: 3, .function), let current = catalog.name(code, .function),
            seen.insert("\(t.index):\(name)").inserted
          else { continue }
          out.append(message(c, t, row: cell, code: code, printed: name, current: current))
        }
      }
    }
    return out
  }

  static func message(_ c: AuditContext, _ t: AuditTable, row: String, code: String, printed: String, current: String) -> Diagnostic {
    c.at(
      t, row: row, .nameRetired, .info,
      "\(t.ref)中“\(printed)”是科目 \(code) 的旧名称，yusuan 附带的科目目录“\(c.catalog?.id ?? "")”称“\(current)”。数字不受影响；名称请以本年度《政府收支分类科目》为准。",
      expected: current, actual: printed)
  }
}
