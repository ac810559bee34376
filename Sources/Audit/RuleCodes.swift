import Reading
import YusuanCore

/// Classification codes as printed in coded tables, through the core's CodeRules (`audit.code.malformed`,
/// `audit.code.unknown`, `audit.code.misplaced`, `audit.name.mismatch`), plus `audit.code.position` (error):
/// a 项 printed under a 款 that is not its parent (2050505 listed under 20805), so the table's subtotals cannot agree.
enum CodeRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    var unknown: [(code: String, name: String, table: String)] = []
    for t in c.document.tables where t.kind != .performance {
      let shape = TableShape(t)
      guard let codeCol = shape.codeColumn else { continue }
      let system: CodeSystem = t.kind == .basicEconomic ? .economic : .function
      var currentClass: String? = nil, currentKuan: String? = nil
      for row in t.rows {
        let code = row.cell(codeCol)
        guard !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { continue }
        let name = row.cell(codeCol + 1)
        let loc = CodeRules.Location(table: t.ref, row: code, plugin: "audit")
        var found: [Diagnostic]
        if let catalog = c.catalog {
          found = CodeRules.check(code: code, name: name.isEmpty ? nil : name, system: system, level: nil, catalog: catalog, at: loc)
        } else if let p = CodeShape.problem(code, in: system) {
          found = [
            Diagnostic(
              rule: CoreRuleID.codeMalformed, table: t.ref, row: code, column: "科目编码",
              message: CodeShape.describe(p, code: code, system: system) + "。请按《政府收支分类科目》更正。", actual: code, plugin: "audit")
          ]
        } else {
          found = []
        }
        for var d in found {
          // A name the code carried in earlier years: out of date, said as such (not a mismatch).
          if d.rule == CoreRuleID.nameMismatch.id, let catalog = c.catalog, catalog.isFormerName(name, of: code, system),
            let current = catalog.name(code, system)
          {
            out.append(RetiredNameRule.message(c, t, row: code, code: code, printed: name, current: current))
            continue
          }
          // A code the bundled catalog lacks is not an error in a published document: the catalog is incomplete.
          // It is listed once for the whole document as not checked, unless the printed name points at the
          // code that was meant (then the warning with its suggestion stands).
          let pointsAtSuggestion = d.expected.flatMap { c.catalog?.name($0, system) }.map { CodeRules.namesAgree(name, $0) } ?? false
          if d.rule == CoreRuleID.codeUnknown.id && !pointsAtSuggestion {
            if !unknown.contains(where: { $0.code == code }) { unknown.append((code, name, t.ref)) }
            continue
          }
          guard let printed = CoreRuleID(id: d.rule).flatMap(AuditRuleID.printed) else { continue }
          d.rule = printed.id
          d.message = "\(t.ref)第\(row.number)行：" + d.message
          out.append(d)
        }
        let malformed = found.contains { $0.rule == CoreRuleID.codeMalformed.id }
        switch code.count {
        case 3: currentClass = code; currentKuan = nil
        case 5:
          if !malformed, let cls = currentClass, !code.hasPrefix(cls) {
            out.append(position(c, t, row, code: code, under: cls, name: name))
          }
          currentKuan = code
        case 7:
          if !malformed, let k = currentKuan, !code.hasPrefix(k), !found.contains(where: { $0.rule == CoreRuleID.codeMisplaced.id }) {
            out.append(position(c, t, row, code: code, under: k, name: name))
          }
        default: break
        }
      }
    }
    if let catalog = c.catalog, !unknown.isEmpty {
      let listed = unknown.prefix(12).map { "\($0.code) \($0.name)" }.joined(separator: "、") + (unknown.count > 12 ? " 等" : "")
      out.append(
        c.at(
          document: .codeUnknown, .info,
          "未能核对 \(unknown.count) 个科目编码：它们不在 yusuan 附带的科目目录“\(catalog.id)”中（该目录不完整），所以没有核对名称：\(listed)。如有本年度官方科目目录，请用 yusuan catalog import 导入后重新审读。",
          actual: unknown.map(\.code).joined(separator: "、")))
    }
    return out
  }

  static func position(_ c: AuditContext, _ t: AuditTable, _ row: AuditRow, code: String, under parent: String, name: String) -> Diagnostic {
    c.at(
      t, row: code, column: "科目编码", .codePosition, .error,
      "\(t.ref)第\(row.number)行的科目 \(code)（\(name)）排在 \(parent) 之下，但编码不属于 \(parent)：编码或位置有误，上级科目的合计因此对不上。",
      expected: "\(parent)…", actual: code)
  }
}
