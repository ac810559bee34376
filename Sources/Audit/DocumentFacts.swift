import Reading
import YusuanCore

/// Figures the prose rules compare against: the document's total, and an index from names to the figures the
/// tables print for them (by printed name, catalog name and the usual aliases of totals).
struct DocumentFacts {
  static let totalAliases = [
    "一般公共预算拨款", "一般公共预算拨款收入", "一般公共预算支出", "一般公共预算", "财政拨款收支预算", "财政拨款收入",
    "收支总预算", "收支预算", "收入预算", "支出预算", "本年收入", "本年支出", "当年财政拨款收入", "财政拨款收支总预算",
    "支出总预算", "收入总预算", "预算总额",
  ]

  var total: Amount?
  /// Whether `total` is what the tables print (else the total the prose states most often, a guess among totals).
  var totalFromTables = false
  /// Exact figures, as the tables print them in their own unit: a prose figure states one of them at its own
  /// precision (`ProseAmount.states`), so 元 prose is compared to the 分 and 万元 prose to what it can show.
  var index: [String: [Amount]] = [:]

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
        let isTotal = row.cells.prefix(3).contains(where: TotalLabel.isTotal)
        for col in shape.amountColumns {
          let v = t.value(row, col)
          guard let exact = v.value, !v.isBlank else { continue }
          let a = exact
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
          if let cc = shape.codeColumn, TableReading.isCode(row.cell(cc)) {
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
            } else if colName.contains("基本") {
              add("基本支出", a)
            } else if colName.contains("项目") {
              add("项目支出", a)
            } else if [.general, .expenditure, .revenue].contains(t.kind) && !v.isBlank {
              totals.append(a)
            }
          }
        }
      }
    }
    for a in totals { for alias in Self.totalAliases { add(alias, a) } }
    // A 基本支出 economic table without a 公用经费 column still says it: 商品和服务支出 (302) + 资本性支出 (310).
    if index["公用经费"] == nil, let t = doc.tables(.basicEconomic).first, let cc = TableShape(t).codeColumn,
      let col = TableShape(t).amountColumns.first
    {
      let classes = t.rows.filter { ["302", "310"].contains($0.cell(cc)) }.compactMap { t.value($0, col).value }
      if !classes.isEmpty { add("公用经费", classes.sum()) }
    }
    if let max = totals.max() { total = max; totalFromTables = true }
    if total == nil {
      // No tables: the total the prose states most often for the whole budget.
      var counts: [Amount: Int] = [:]
      for sp in scanned { for a in sp.amounts where Self.isTotal(a.subject) { counts[a.amount, default: 0] += 1 } }
      total = counts.max { $0.value < $1.value || $0.value == $1.value && $0.key < $1.key }?.key
    }
  }

  /// A whole's name without the words that vary between mentions of it: 一般公共预算财政拨款支出, 一般公共预算拨款支出
  /// and 本年一般公共预算支出预算数 are one whole.
  static func wholeKey(_ name: String) -> String {
    var k = NameKey.of(name)
    for w in ["财政拨款", "拨款"] { k = k.replacingOccurrences(of: w, with: "") }
    for p in ["本年度", "本年", "年度", "全年", "本部门", "本单位", "部门", "单位"] where k.hasPrefix(p) && k.count > p.count + 1 { k = String(k.dropFirst(p.count)) }
    var changed = true
    while changed {
      changed = false
      for suffix in ["预算数", "预算", "总额", "合计", "总计", "数"] where k.hasSuffix(suffix) && k.count > suffix.count + 1 {
        k = String(k.dropLast(suffix.count)); changed = true
      }
    }
    return k
  }

  /// Whether a prose subject names the whole budget (收支总预算, 本年一般公共预算拨款支出), not a part of it (基本支出预算).
  static func isTotal(_ subject: String) -> Bool {
    let k = wholeKey(subject)
    return totalAliases.contains { wholeKey($0) == k }
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
