import Reading
import YusuanCore

/// Sums inside one table, in every figure column:
/// - `audit.sum.parent` (error): a 类 is not the sum of its 款 (or, when no 款 is printed, of its 项); a 款 not the sum of its 项.
/// - `audit.sum.total` (error): the 合计 row is not the sum of the 类 rows (or, in uncoded tables, of all rows).
/// - `audit.sum.row` (error): a row's 合计 is not the sum of its parts (基本支出 + 项目支出, or the funding sources).
enum TableSumRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for t in c.document.tables where !t.kind.isTwoSided && t.kind != .performance && t.kind != .threePublic {
      let shape = TableShape(t)
      out += parents(c, t, shape) + totals(c, t, shape) + rowTotals(c, t, shape)
    }
    for t in c.document.tables where t.kind.isTwoSided {
      out += rowTotals(c, t, TableShape(t))
    }
    return out
  }

  static func parents(_ c: AuditContext, _ t: AuditTable, _ shape: TableShape) -> [Diagnostic] {
    guard let cc = shape.codeColumn else { return [] }
    let coded = t.rows.filter { TableReading.isCode($0.cell(cc)) }
    var out: [Diagnostic] = []
    for parent in coded where [3, 5].contains(parent.cell(cc).count) {
      let code = parent.cell(cc)
      var children = coded.filter { $0.cell(cc).count == code.count + 2 && $0.cell(cc).hasPrefix(code) }
      if children.isEmpty && code.count == 3 { children = coded.filter { $0.cell(cc).count == 7 && $0.cell(cc).hasPrefix(code) } }
      guard !children.isEmpty else { continue }
      // The rows printed under the parent (until the next row of its level or above), misprinted codes included:
      // when they add up, the fault is a code (2050505 under 20805), which the code rules report, not the sum.
      var printedUnder: [AuditRow] = []
      if let start = t.rows.firstIndex(where: { $0.number == parent.number }) {
        let childLength = children.first!.cell(cc).count
        for row in t.rows[(start + 1)...] {
          let k = row.cell(cc)
          if TableReading.isCode(k), [3, 5, 7].contains(k.count), k.count <= code.count { break }
          if k.count == childLength || !k.hasPrefix(code) || ![3, 5, 7].contains(k.count) {
            if !k.isEmpty && k.count != childLength + 2 { printedUnder.append(row) }
          }
        }
      }
      for col in shape.amountColumns {
        guard let declared = t.value(parent, col).value else { continue }
        let values = children.map { t.value($0, col).value }
        guard !values.contains(where: { $0 == nil }) else { continue }
        let sum = values.compactMap { $0 }.sum()
        let underValues = printedUnder.map { t.value($0, col).value }
        if sum != declared, printedUnder.count > children.count, !underValues.contains(where: { $0 == nil }),
          underValues.compactMap({ $0 }).sum() == declared
        {
          continue
        }
        if sum != declared {
          let parts = children.map { "\($0.cell(cc)) \(t.show(t.value($0, col).value ?? .zero))" }.joined(separator: " + ")
          let level = CodeSystem.levelName(code.count)
          out.append(
            c.at(
              t, row: code, column: t.columnName(col), .sumParent, .error,
              "\(t.ref)中\(level) \(code)（\(parent.cell(cc + 1))）“\(t.columnName(col))”列印 \(t.show(declared))，而其下各级科目之和为 \(t.show(sum))（\(parts)），相差 \(t.show((declared - sum).magnitude))。",
              expected: t.show(sum), actual: t.show(declared)))
        }
      }
    }
    return out
  }

  static func totals(_ c: AuditContext, _ t: AuditTable, _ shape: TableShape) -> [Diagnostic] {
    guard let totalRow = t.rows.last(where: { row in TotalLabel.isTotal(shape.label(of: row)) || row.cells.prefix(3).contains(where: TotalLabel.isTotal) })
    else { return [] }
    var items: [AuditRow]
    if let cc = shape.codeColumn, t.rows.contains(where: { $0.cell(cc).count == 3 && TableReading.isCode($0.cell(cc)) }) {
      items = t.rows.filter { $0.cell(cc).count == 3 && TableReading.isCode($0.cell(cc)) }
    } else if shape.codeColumn == nil {
      items = t.rows.filter { $0.number != totalRow.number && !$0.cells.contains(where: TotalLabel.isTotal) }
    } else {
      return []
    }
    var out: [Diagnostic] = []
    for col in shape.amountColumns {
      guard let declared = t.value(totalRow, col).value, !(t.value(totalRow, col).isBlank) else { continue }
      let values = items.map { t.value($0, col).value }
      guard !values.contains(where: { $0 == nil }), !items.isEmpty else { continue }
      let sum = values.compactMap { $0 }.sum()
      // A total that equals the sum of the detail rows is right; the 类 that disagree with their own rows are
      // reported by the parent rule, not a second time here.
      if sum != declared, let cc = shape.codeColumn {
        let deepest = t.rows.map { $0.cell(cc) }.filter(TableReading.isCode).map(\.count).max() ?? 0
        let leaves = t.rows.filter { $0.cell(cc).count == deepest && TableReading.isCode($0.cell(cc)) }.map { t.value($0, col).value }
        if deepest > 3, !leaves.contains(where: { $0 == nil }), leaves.compactMap({ $0 }).sum() == declared { continue }
      }
      if sum != declared, shape.codeColumn == nil, let judged = uncoded(c, t, shape, items: items, column: col, declared: declared) {
        if let note = judged { out.append(note) }
        continue
      }
      if sum != declared {
        out.append(
          c.at(
            t, row: "合计", column: t.columnName(col), .sumTotal, .error,
            "\(t.ref)合计行“\(t.columnName(col))”列印 \(t.show(declared))，而\(shape.codeColumn == nil ? "各行" : "各类级科目")之和为 \(t.show(sum))，相差 \(t.show((declared - sum).magnitude))。",
            expected: t.show(sum), actual: t.show(declared)))
      }
    }
    return out
  }

  /// A table without codes whose rows do not add up to its 合计 may still be right: its rows may be of several
  /// levels (类, then 款 and 项 under it, printed without codes or indentation). Returns .some(nil) when the
  /// top-level rows (一、…, or the catalog's 类 names) add up; .some(note) — 未能核对 — when the rows are names of
  /// different levels, which no sum can settle; nil when the rows are one flat list, whose sum is the total.
  static func uncoded(_ c: AuditContext, _ t: AuditTable, _ shape: TableShape, items: [AuditRow], column col: Int, declared: Amount) -> Diagnostic?? {
    func sum(_ rows: [AuditRow]) -> Amount? {
      let v = rows.map { t.value($0, col).value }
      return rows.isEmpty || v.contains(where: { $0 == nil }) ? nil : v.compactMap { $0 }.sum()
    }
    let numbered = items.filter { shape.label(of: $0).match(#"^[一二三四五六七八九十]+、"#) != nil }
    if numbered.count < items.count, sum(numbered) == declared { return .some(nil) }
    guard let catalog = c.catalog else { return nil }
    // The level a row's name has in the departmental systems (支出功能分类, 部门预算经济分类), when it has one.
    func level(_ row: AuditRow) -> Int? {
      let name = ProseScanner.cleanSubject(shape.label(of: row))
      let found = Set([CodeSystem.function, .economic].flatMap { catalog.entries(named: name, in: $0) }.map(\.level))
      return found.count == 1 ? found.first : nil
    }
    let classes = items.filter { level($0) == 1 }
    if classes.count < items.count, sum(classes) == declared { return .some(nil) }
    let seen = Set(items.compactMap(level))
    guard seen.count >= 2 else { return nil }
    return .some(
      c.at(
        t, row: "合计", column: t.columnName(col), .sumTotal, .info,
        "未能核对\(t.ref)“\(t.columnName(col))”列的合计：表中没有科目编码，各行既有类级也有款级、项级科目名称，层级无法确定，不能简单相加（各行之和 \(t.show(items.compactMap { t.value($0, col).value }.sum()))，合计印 \(t.show(declared))）。",
        expected: nil, actual: t.show(declared)))
  }

  /// 合计 = the other figure columns of the same side. Skipped when the parts are all blank (a 预算数-only row).
  static func rowTotals(_ c: AuditContext, _ t: AuditTable, _ shape: TableShape) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let totalCols = shape.amountColumns.filter { NameKey.of(t.columns[$0]).contains("合计") }
    for tc in totalCols {
      let parts = shape.side(of: tc).filter { $0 > tc }
      guard !parts.isEmpty else { continue }
      for row in t.rows {
        let total = t.value(row, tc)
        guard !total.isBlank, let declared = total.value else { continue }
        let values = parts.map { t.value(row, $0) }
        guard !values.allSatisfy(\.isBlank), !values.contains(where: { $0.value == nil }) else { continue }
        let sum = values.compactMap(\.value).sum()
        if sum != declared {
          let detail = parts.filter { !t.value(row, $0).isBlank }.map { "\(t.columnName($0)) \(t.show(t.value(row, $0).value!))" }.joined(separator: " + ")
          let label = shape.splitColumn != nil ? shape.label(of: row, side: tc) : shape.label(of: row)
          out.append(
            c.at(
              t, row: label, column: t.columnName(tc), .sumRow, .error,
              "\(t.ref)第\(row.number)行（\(label)）合计印 \(t.show(declared))，而\(detail) = \(t.show(sum))。",
              expected: t.show(sum), actual: t.show(declared)))
        }
      }
    }
    return out
  }
}
