import Reading
import YusuanCore

/// The same figure printed in several tables must be the same number.
/// - `audit.cross.figure` (error): a code's (or the total's) amount differs between tables, e.g. 一般公共预算支出表
///   against 支出总表, or the 类 rows of 收支总表 against the coded tables.
/// - `audit.cross.row-code` (warning): a line present in one table is printed under another code in the next
///   (same name and amount), or is missing there.
enum CrossTableRule {
  struct Fact { var table: AuditTable; var row: String; var amount: Amount }

  /// Measures that tables share. When the department has only 一般公共预算 money, 一般公共预算 figures are the totals.
  static func measure(_ column: String, kind: TableKind, generalOnly: Bool) -> String? {
    let n = NameKey.of(column)
    var m: String?
    switch kind {
    case .general:
      if n.contains("合计") || n == "预算数" { m = "一般公共预算" } else if n.contains("基本") { m = "一般公共预算基本" } else if n.contains("项目") { m = "一般公共预算项目" }
    case .expenditure:
      if n.contains("合计") || n == "预算数" { m = "合计" } else if n.contains("基本") { m = "基本" } else if n.contains("项目") { m = "项目" }
    case .revenue:
      if n.contains("合计") { m = "合计" } else if n.contains("一般公共预算") { m = "一般公共预算" }
    case .fiscalSummary:
      if n.contains("一般公共预算") { m = "一般公共预算" } else if n.contains("合计") || n == "预算数" { m = "财政拨款" }
    case .summary:
      if n.contains("合计") || n == "预算数" { m = "合计" }
    case .basicEconomic:
      if n.contains("合计") || n == "预算数" { m = "一般公共预算基本" }
    default: m = nil
    }
    guard let m, generalOnly else { return m }
    switch m {
    case "一般公共预算", "财政拨款": return "合计"
    case "一般公共预算基本": return "基本"
    case "一般公共预算项目": return "项目"
    default: return m
    }
  }

  /// True when no table shows money other than 一般公共预算 (so 一般公共预算支出表 must equal 支出总表).
  static func generalOnly(_ doc: AuditDocument) -> Bool {
    let sourceTables = doc.tables.filter { $0.kind == .revenue || $0.kind == .fiscalSummary }
    let summaries = doc.tables(.summary)
    guard !sourceTables.isEmpty || !summaries.isEmpty else { return false }
    // 收支总表: any revenue other than 一般公共预算 on the left side.
    for t in summaries {
      let shape = TableShape(t)
      guard let split = shape.splitColumn, let labelCol = shape.labelColumns.first, let col = shape.amountColumns.first(where: { $0 < split }) else { continue }
      for row in t.rows {
        let label = NameKey.of(row.cell(labelCol))
        guard label.match(TwoSidedRule.ordinal) != nil || label.hasPrefix("上年结转") else { continue }
        if !label.contains("一般公共预算"), !(t.value(row, col).value ?? .zero).isZero { return false }
      }
    }
    for t in sourceTables {
      let shape = TableShape(t)
      for col in shape.amountColumns {
        let n = NameKey.of(t.columns[col])
        guard n.contains("基金") || n.contains("国有资本") || n.contains("专户") || n.contains("单位资金") || n.contains("其他") || n.contains("事业") || n.contains("上年结转")
        else { continue }
        if t.rows.contains(where: { ($0.cells.contains(where: TotalLabel.isTotal) || shape.codeColumn != nil) && !(t.value($0, col).value ?? .zero).isZero }) {
          return false
        }
      }
    }
    return doc.tables(.fund).allSatisfy(\.isEmptyTable) && doc.tables(.stateCapital).allSatisfy(\.isEmptyTable)
  }

  static func run(_ c: AuditContext) -> [Diagnostic] {
    let doc = c.document
    let only = generalOnly(doc)
    var facts: [String: [Fact]] = [:]  // "code|measure" → facts
    var order: [String] = []
    func add(_ key: String, _ f: Fact) {
      if facts[key] == nil { order.append(key) }
      facts[key, default: []].append(f)
    }
    for t in doc.tables where [.general, .expenditure, .revenue, .fiscalSummary, .summary, .basicEconomic].contains(t.kind) {
      let shape = TableShape(t)
      for col in shape.amountColumns {
        guard let m = measure(t.columns[col], kind: t.kind, generalOnly: only) else { continue }
        for row in t.rows {
          guard let v = t.value(row, col).value, !t.value(row, col).isBlank || t.kind.isTwoSided else { continue }
          var code: String?
          if t.kind.isTwoSided {
            let label = NameKey.of(shape.label(of: row, side: col))
            let stripped = label.replacing(pattern: TwoSidedRule.ordinal, with: "")
            if label.contains("本年支出") {
              code = "合计"
            } else if stripped != label, let cat = c.catalog, let e = cat.entries(named: stripped, in: .function).first(where: { $0.code.count == 3 }) {
              code = e.code
            }
            if col < (shape.splitColumn ?? 0) { code = nil }
          } else if let cc = shape.codeColumn, TableReading.isCode(row.cell(cc)) {
            code = t.kind == .basicEconomic ? nil : row.cell(cc)
          } else if row.cells.prefix(3).contains(where: TotalLabel.isTotal) {
            code = "合计"
          }
          if let code { add(code + "|" + m, Fact(table: t, row: code, amount: v)) }
        }
      }
    }
    var out: [Diagnostic] = []
    for key in order {
      let fs = facts[key]!
      guard Set(fs.map(\.amount)).count > 1, Set(fs.map(\.table.index)).count > 1 else { continue }
      let parts = key.split(separator: "|").map(String.init)
      let evidence = fs.map { "\($0.table.ref) \($0.table.show($0.amount))" }.joined(separator: "；")
      // The value most tables agree on is taken as expected.
      let counts = Dictionary(grouping: fs, by: \.amount).mapValues(\.count)
      let expected = counts.max { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }!.key
      for f in fs where f.amount != expected {
        out.append(
          c.at(
            f.table, row: parts[0], column: parts[1], .crossFigure, .error,
            "同一数字在各表中不一致：\(parts[0] == "合计" ? "合计" : "科目 \(parts[0])")（\(parts[1])）— \(evidence)。",
            expected: f.table.show(expected), actual: f.table.show(f.amount)))
      }
    }
    out += rowCodes(c)
    return out
  }

  /// Lines of one coded table missing from another, matched by name and amount where possible.
  static func rowCodes(_ c: AuditContext) -> [Diagnostic] {
    let coded = c.document.tables.filter { [.general, .expenditure, .revenue].contains($0.kind) && TableShape($0).codeColumn != nil && !$0.isEmptyTable }
    guard coded.count >= 2 else { return [] }
    struct Line { var code: String; var name: String; var amount: Amount? }
    func lines(_ t: AuditTable) -> [Line] {
      let s = TableShape(t)
      let cc = s.codeColumn!
      return t.rows.filter { TableReading.isCode($0.cell(cc)) }.map { r in
        Line(code: r.cell(cc), name: r.cell(cc + 1), amount: s.amountColumns.first.flatMap { t.value(r, $0).value })
      }
    }
    func names(_ l: Line) -> Set<String> {
      var s: Set<String> = [NameKey.of(l.name)]
      if let n = c.catalog?.name(l.code, .function) { s.insert(NameKey.of(n)) }
      return s
    }
    var out: [Diagnostic] = []
    let base = coded[0], baseLines = lines(base)
    for other in coded.dropFirst() {
      let otherLines = lines(other)
      let otherCodes = Set(otherLines.map(\.code)), baseCodes = Set(baseLines.map(\.code))
      var paired: Set<String> = []
      for l in baseLines where !otherCodes.contains(l.code) {
        let match = otherLines.first { !baseCodes.contains($0.code) && $0.amount == l.amount && !names($0).isDisjoint(with: names(l)) }
        if let m = match {
          paired.insert(m.code)
          // Which side is wrong: the code the catalog knows under the printed name is the right one.
          func known(_ code: String, _ name: String) -> Bool {
            guard let catalogName = c.catalog?.name(code, .function) else { return false }
            return CodeRules.namesAgree(name, catalogName)
          }
          let baseWrong = !known(l.code, l.name) && known(m.code, m.name)
          let (wrongTable, wrongCode, rightCode) = baseWrong ? (base, l.code, m.code) : (other, m.code, l.code)
          out.append(
            c.at(
              wrongTable, row: wrongCode, column: "科目编码", .crossRowCode, .warning,
              "同一行在\(base.ref)印作 \(l.code)（\(l.name)），在\(other.ref)印作 \(m.code)（\(m.name)），金额同为 \(other.show(m.amount ?? .zero))：两表编码不一致"
                + (baseWrong || known(l.code, l.name) ? "，按科目目录应为 \(rightCode)。" : "，至少一处有误。"),
              expected: rightCode, actual: wrongCode))
        } else if other.kind != .general || base.kind == .general {
          // A line of an all-funds table may well be paid from other funds (事业收入, 其他收入): the 一般公共预算
          // table need not have it. The other way round, every 一般公共预算 line belongs in the all-funds tables.
          out.append(
            c.at(
              other, row: l.code, .crossRowCode, .warning,
              "\(base.ref)有科目 \(l.code)（\(l.name) \(base.show(l.amount ?? .zero))），\(other.ref)中没有这一行。", expected: l.code, actual: "无"))
        }
      }
      if other.kind == .general && base.kind != .general {
        for l in otherLines where !baseCodes.contains(l.code) && !paired.contains(l.code) {
          out.append(
            c.at(
              base, row: l.code, .crossRowCode, .warning,
              "\(other.ref)有科目 \(l.code)（\(l.name) \(other.show(l.amount ?? .zero))），\(base.ref)中没有这一行：一般公共预算的每一行都应在全部资金的表中。", expected: l.code, actual: "无"))
        }
      }
    }
    return out
  }
}
