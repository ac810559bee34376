import YusuanCore

/// Figures the prose rules compare against: the document's total, and an index from names to the figures the
/// tables print for them (by printed name, catalog name and the usual aliases of totals).
struct DocumentFacts {
  static let totalAliases = ["一般公共预算拨款", "一般公共预算拨款收入", "一般公共预算支出", "一般公共预算", "财政拨款收支预算", "财政拨款收入",
                             "收支总预算", "收支预算", "收入预算", "支出预算", "本年收入", "本年支出", "当年财政拨款收入", "财政拨款收支总预算"]

  var total: Amount?
  var index: [String: [Amount]] = [:]
  /// For tables in 元: a figure cut (not rounded) to 0.01 万元 → the figure rounded, where the two differ.
  var truncations: [Amount: Amount] = [:]

  init(_ c: AuditContext) { self = c.facts }

  init(document doc: AuditDocument, catalog: Catalog?, scanned: [ScannedParagraph]) {
    func add(_ name: String, _ a: Amount) {
      let k = NameKey.of(name).replacing(pattern: TwoSidedRule.ordinal, with: "")
      guard !k.isEmpty else { return }
      if !(index[k]?.contains(a) ?? false) { index[k, default: []].append(a) }
    }
    var totals: [Amount] = []
    for t in doc.tables where t.kind != .performance {
      let shape = TableShape(t)
      for row in t.rows {
        let isTotal = row.cells.prefix(3).contains(where: TableSumRule.isTotalLabel)
        for col in shape.amountColumns {
          let v = t.value(row, col)
          guard let exact = v.value, !v.isBlank else { continue }
          // Prose states 万元 to two decimals: a table printed in 元 is compared as the prose would print it
          // (half-up to 0.01 万元, DESIGN §4).
          let a = t.moneyUnit == .wan ? exact : Amount(wanCents: exact.roundedWanCents)
          if t.moneyUnit != .wan, case let cut = Amount(wanCents: exact.fen / 10_000), cut != a { truncations[cut] = a }
          let colName = NameKey.of(t.columns[col])
          // The 三公 table: items are columns, years are rows; the first row is this year's budget.
          if t.kind == .threePublic, row.cells.first.map({ !$0.contains("增减") }) ?? true, t.rows.first.map({ $0.cells == row.cells }) ?? false {
            add(colName, a)
          }
          if t.kind.isTwoSided {
            let label = shape.label(of: row, side: col)
            add(label, a)
            if NameKey.of(label).contains("总计") || NameKey.of(label).contains("本年") { totals.append(a) }
            continue
          }
          if let cc = shape.codeColumn, TableLayout.isCode(row.cell(cc)) {
            add(row.cell(cc + 1), a)
            if let n = catalog?.name(row.cell(cc), t.kind == .basicEconomic ? .economic : .function) { add(n, a) }
          } else if !isTotal, let l = shape.labelColumns.first {
            add(row.cell(l), a)
            if t.kind == .projects, shape.labelColumns.count > 1 { add(row.cell(shape.labelColumns[1]), a) }
          }
          if isTotal {
            if t.kind == .basicEconomic {
              add(colName.contains("人员") ? "人员经费" : colName.contains("公用") ? "公用经费" : "基本支出", a)
            } else if t.kind == .projects {
              add("项目支出", a)
            } else if colName.contains("基本") { add("基本支出", a) }
            else if colName.contains("项目") { add("项目支出", a) }
            else if [.general, .expenditure, .revenue].contains(t.kind) && !v.isBlank { totals.append(a) }
          }
        }
      }
    }
    for a in totals { for alias in Self.totalAliases { add(alias, a) } }
    if let max = totals.max() { total = max }
    if total == nil {
      // No tables: the total the prose states most often for the whole budget.
      var counts: [Amount: Int] = [:]
      for sp in scanned { for a in sp.amounts where Self.totalAliases.contains(where: { a.subject.hasSuffix($0) }) { counts[a.amount, default: 0] += 1 } }
      total = counts.max { $0.value < $1.value || $0.value == $1.value && $0.key < $1.key }?.key
    }
  }

  /// The figures the tables print for a prose subject, trying the subject as written and without a trailing 预算.
  func figures(for subject: String) -> [Amount]? {
    let k = NameKey.of(subject)
    if let v = index[k] { return v }
    for suffix in ["预算", "安排", "预算数"] where k.hasSuffix(suffix) {
      if let v = index[String(k.dropLast(suffix.count))] { return v }
    }
    return nil
  }
}
