import Reading
import YusuanCore

/// Turns the tables of a published document into lines of the entry language, so `yusuan import` applies them
/// through the same parser, rules and journal as any entry. Figures yusuan derives (类/款 subtotals, totals, the
/// summary tables) become `核对` lines, checked against the derived values; every figure that fits nowhere is
/// reported, never dropped.
public enum ImportMapping {
  public enum Mode: String, Sendable { case prior, current }

  public struct Line: Sendable, Equatable {
    public var text: String
    /// Where the figures came from: `表名 第N行`.
    public var origin: String
  }

  public struct Result: Sendable {
    public var lines: [Line] = []
    /// Figures read but not placed, with where they were.
    public var unplaced: [String] = []
    /// Every figure of the document's tables (non-blank, non-zero), by how it was used: entered as a fact, entered
    /// as a printed figure to check (核对, 上年 subtotals), the same as a figure already entered from another
    /// table, a subtotal or total yusuan derives from entered figures (summarised per table in `derived`), or not
    /// placed (listed in `unplaced`). Their sum is every figure: none is dropped without a word.
    public var figures = Tally()
    /// Per table: how many of its figures are subtotals and totals yusuan derives, not entered again.
    public var derived: [String] = []
    /// Recognised tables that print figures of which none could be used: the import must stop and say so.
    public var yieldedNothing: [String] = []
    /// Tables found by their title whose rows could not be read (a 三公 table in laid-out text): their figures are
    /// not imported, and the officer is told to enter them.
    public var unread: [String] = []
  }

  public struct Tally: Sendable, Equatable {
    public var facts = 0, checks = 0, same = 0, derived = 0, unplaced = 0
    public var total: Int { facts + checks + same + derived + unplaced }
  }

  /// `current(keyOf:)` gives this year's amount of a fact already in the workbook, so a prior-year import keeps it.
  public static func lines(_ doc: AuditDocument, mode: Mode, currentAmount: (String) -> Amount? = { _ in nil }) -> Result {
    var r = Result()
    let hasGeneral = !doc.tables(.general).filter { !$0.isEmptyTable }.isEmpty
    /// How each figure was used, by table, row and column.
    var used: [String: Use] = [:]
    // The 项 rows already entered from the line table, by code: a 支出总表 row printing the same figures is the same.
    var entered: [String: Amount] = [:]
    for t in doc.tables(hasGeneral ? .general : .expenditure) {
      let shape = TableShape(t)
      guard let cc = shape.codeColumn, let tc = shape.amountColumns.first else { continue }
      for row in t.rows { if let v = t.value(row, tc).value { entered[row.cell(cc)] = v } }
    }
    for t in doc.tables {
      let shape = TableShape(t)
      func origin(_ row: AuditRow) -> String { "\(t.ref) 第\(row.number)行" }
      func amount(_ row: AuditRow, _ col: Int) -> Amount? { t.value(row, col).value }
      func column(_ words: [String]) -> Int? { shape.amountColumns.first { c in words.contains { t.columns[c].contains($0) } } }
      func mark(_ row: AuditRow, _ use: Use, _ cols: [Int]? = nil) {
        for c in cols ?? shape.amountColumns where used["\(t.index):\(row.number):\(c)"] == nil { used["\(t.index):\(row.number):\(c)"] = use }
      }
      func emit(_ text: String, _ row: AuditRow, _ cols: [Int]? = nil) {
        r.lines.append(Line(text: text, origin: origin(row)))
        mark(row, text.hasPrefix("核对") || text.hasPrefix("上年 ") ? .check : .fact, cols)
      }
      func leftover(_ row: AuditRow, _ why: String) {
        let figures = shape.amountColumns.compactMap { c in amount(row, c).flatMap { $0.isZero ? nil : "\(t.columns[c].isEmpty ? "第\(c + 1)列" : t.columns[c]) \($0.wan)" } }
        if !figures.isEmpty { r.unplaced.append("\(origin(row))「\(shape.label(of: row))」\(figures.joined(separator: "、"))：\(why)") }
        mark(row, .unplaced)
      }
      if t.isEmptyTable {
        switch t.kind {
        case .procurement: r.lines.append(Line(text: "采购 无", origin: t.ref))
        case .purchasedServices: r.lines.append(Line(text: "购买服务 无", origin: t.ref))
        case .assetAllocation: r.lines.append(Line(text: "资产 配置 无", origin: t.ref))
        default: break
        }
        if mode == .current, [.fund, .stateCapital].contains(t.kind), let note = t.notes.first {
          r.lines.append(Line(text: "说明 \(t.kind.rawValue) \(ScriptWriter.q(Self.unquote(note)))", origin: t.ref))
        }
        continue
      }
      switch t.kind {
      case .general, .fund, .stateCapital, .expenditure, .revenue:
        guard let codeCol = shape.codeColumn else {
          for row in t.rows { leftover(row, "表中没有科目编码列") }
          continue
        }
        let source: FundSource = t.kind == .fund ? .governmentFund : t.kind == .stateCapital ? .stateCapital : .general
        let lineTable = t.kind == .general || t.kind == .fund || t.kind == .stateCapital || (t.kind == .expenditure && !hasGeneral)
        let total = column(["合计", "预算数"]), basic = column(["基本"]), project = column(["项目"])
        for row in t.rows {
          let code = AmountParser.normalizeWidth(row.cell(codeCol)).trimmingBlanks()
          let name = shape.labelColumns.first { $0 != codeCol }.map { row.cell($0).trimmingBlanks() } ?? ""
          let label = code.isEmpty ? NameKey.of(name) : code
          guard !label.isEmpty else { continue }
          let isItem = code.count == 7 && code.allSatisfy(\.isNumber)
          if lineTable && isItem {
            let parts: [(SpendingKind, Amount?)] = basic == nil && project == nil ? [(.basic, total.flatMap { amount(row, $0) })]
              : [(.basic, basic.flatMap { amount(row, $0) }), (.project, project.flatMap { amount(row, $0) })]
            if basic == nil && project == nil { r.unplaced.append("\(origin(row))「\(code)」未分基本/项目支出，按基本支出录入") }
            for (kind, value) in parts {
              guard let value, !value.isZero else { continue }
              let nameOpt = name.isEmpty ? "" : " 名称 \(ScriptWriter.q(name))"
              let src = source == .general ? "" : " 来源 \(source.rawValue)"
              switch mode {
              case .current:
                emit("支出 \(code) \(kind.rawValue) \(value.scriptText)\(src)\(nameOpt)", row)
              case .prior:
                let key = Fact.expenditure(ExpenditureLine(code: code, kind: kind, source: source, amount: .zero)).key
                emit("支出 \(code) \(kind.rawValue) \((currentAmount(key) ?? .zero).scriptText)\(src)\(nameOpt) 上年 \(value.scriptText)", row)
              }
            }
            continue
          }
          // Rows yusuan derives (类, 款, 合计) or cannot enter (malformed codes): printed figures to check.
          if mode == .prior {
            if lineTable, label == "合计" || NameKey.of(name) == "合计", let v = total.flatMap({ amount(row, $0) }) { emit("上年 合计 \(v.scriptText)", row) }
            else if lineTable, (code.count == 3 || code.count == 5), code.allSatisfy(\.isNumber), let v = total.flatMap({ amount(row, $0) }) { emit("上年 \(code) \(v.scriptText)", row) }
            else if !lineTable, let v = total.flatMap({ amount(row, $0) }), entered[code] == v || (code.isEmpty && NameKey.of(name) == "合计") {
              mark(row, .same)
            } else if !lineTable {
              leftover(row, "与\(hasGeneral ? "一般公共预算支出表" : "支出表")所列不同或该表没有此行（可能含其他资金），请核对后手工录入")
            } else {
              leftover(row, "科目编码不是类、款、项（3、5、7位），无法录入")
            }
            continue
          }
          var cols: [String] = []
          for c in shape.amountColumns {
            guard let v = amount(row, c) else { continue }
            let header = t.columns[c]
            let col = header.contains("合计") || header.contains("预算数") ? "合计" : header.contains("基本") ? "基本支出" : header.contains("项目") ? "项目支出"
              : FundSource.named(NameKey.of(header)).map(\.rawValue) ?? FundSource.named(header.replacingOccurrences(of: "拨款", with: "")).map(\.rawValue)
            guard let col else { continue }
            if !cols.contains(where: { $0.hasPrefix(col + " ") }) { cols.append("\(col) \(v.scriptText)") }
          }
          guard !cols.isEmpty else { continue }
          let rowLabel = label.allSatisfy(\.isNumber) ? label : "合计"
          let nameOpt = label.allSatisfy(\.isNumber) && !name.isEmpty ? " 名称 \(ScriptWriter.q(name))" : ""
          emit("核对 \(t.kind.rawValue) \(rowLabel)\(nameOpt) \(cols.joined(separator: " "))", row)
        }
      case .basicEconomic:
        guard let codeCol = shape.codeColumn ?? (t.rows.contains { TableReading.isCode($0.cell(0)) } ? 0 : nil), let total = column(["合计", "预算数"]) ?? shape.amountColumns.first else {
          for row in t.rows { leftover(row, "表中没有经济分类编码或金额列") }
          continue
        }
        let personnel = column(["人员"]), publicUse = column(["公用"])
        for row in t.rows {
          let code = AmountParser.normalizeWidth(row.cell(codeCol)).trimmingBlanks()
          let name = shape.labelColumns.first { $0 != codeCol }.map { row.cell($0).trimmingBlanks() } ?? ""
          guard let v = amount(row, total) else { continue }
          if code.count == 5 && code.allSatisfy(\.isNumber) {
            var category = ""
            if let p = personnel, let pv = amount(row, p), !pv.isZero, pv == v { category = " 人员经费" }
            if let q = publicUse, let qv = amount(row, q), !qv.isZero, qv == v { category = " 公用经费" }
            let nameOpt = name.isEmpty ? "" : " 名称 \(ScriptWriter.q(name))"
            switch mode {
            case .current: emit("经济 \(code) \(v.scriptText)\(category)\(nameOpt)", row)
            case .prior:
              let key = Fact.economic(EconomicLine(code: code, amount: .zero)).key
              emit("经济 \(code) \((currentAmount(key) ?? .zero).scriptText)\(category)\(nameOpt) 上年 \(v.scriptText)", row)
            }
          } else if mode == .current {
            let rowLabel = code.isEmpty || NameKey.of(name) == "合计" || NameKey.of(code) == "合计" ? "合计" : code
            emit("核对 T6 \(rowLabel) 合计 \(v.scriptText)", row)
          } else {
            mark(row, .derived)
          }
        }
      case .projects:
        let nameCol = shape.labelColumns.first { t.columns[$0].contains("名称") } ?? shape.labelColumns.dropFirst().first
        let typeCol = shape.labelColumns.first { t.columns[$0].contains("类型") }
        let unitCol = shape.labelColumns.first { t.columns[$0].contains("单位") }
        let total = column(["合计"]) ?? shape.amountColumns.first
        for row in t.rows {
          guard let nc = nameCol, let tc = total, let v = amount(row, tc) else { continue }
          let name = row.cell(nc).trimmingBlanks()
          let first = shape.labelColumns.first.map { NameKey.of(row.cell($0)) } ?? ""
          if name.isEmpty || first.hasPrefix("合计") {
            if mode == .current { emit("核对 T10 合计 合计 \(v.scriptText)", row) }
            continue
          }
          let type = typeCol.map { row.cell($0).trimmingBlanks() }.flatMap { $0.isEmpty ? nil : $0 } ?? "其他运转类"
          let unit = unitCol.map { row.cell($0).trimmingBlanks() }.flatMap { $0.isEmpty ? nil : " 单位 \(ScriptWriter.q($0))" } ?? ""
          switch mode {
          case .current: emit("项目 \(ScriptWriter.q(name)) 类型 \(ScriptWriter.q(type))\(unit) 金额 \(v.scriptText)", row)
          case .prior: emit("项目 \(ScriptWriter.q(name)) 类型 \(ScriptWriter.q(type))\(unit) 金额 0 上年 \(v.scriptText) 待确认", row)
          }
        }
      case .threePublic:
        let items: [(ThreePublicItem, [String])] = [(.overseas, ["出国"]), (.vehiclePurchase, ["购置"]), (.vehicleOperation, ["运行"]), (.reception, ["接待"])]
        var current: [ThreePublicItem: Amount] = [:], prior: [ThreePublicItem: Amount] = [:]
        // Rows are 本年/上年 (or two years: the later is this year's); 增减 rows are derived.
        func year(_ label: String) -> Int? { label.match(#"\d{4}"#).flatMap { Int(label[$0]) } }
        let years = t.rows.compactMap { year(shape.label(of: $0)) }
        // Shanghai prints one row of this year's figures with no year label (and 机关运行经费 beside them).
        let unlabelled = t.rows.count == 1 && years.isEmpty && !t.rows[0].cells.contains { isPriorLabel($0) }
        var operating: (Amount, AuditRow)? = nil
        for row in t.rows {
          let label = shape.label(of: row)
          // 增减 rows, 合计 and 小计 are derived from the items of the two years.
          if label.contains("增减") { mark(row, .derived); continue }
          let isPrior = isPriorLabel(label) || (year(label).map { y in years.contains { $0 > y } } ?? false)
          let isCurrent = !isPrior && (label.contains("本年") || year(label) != nil || unlabelled)
          guard isPrior || isCurrent else { leftover(row, "看不出是本年还是上年的数"); continue }
          var itemColumns: [Int] = []
          for (item, words) in items {
            guard let c = column(words), let v = amount(row, c) else { continue }
            itemColumns.append(c)
            if isPrior { prior[item] = v } else { current[item] = v }
          }
          // This year's items become facts, and last year's their 上年 when importing as this year; imported as
          // last year, the document's own 上年 row is two years back and is not entered.
          if isPrior && mode == .prior { leftover(row, "导入为上年数时，这一行是两年前的数，不录入"); continue }
          mark(row, .fact, itemColumns)
          if let c = column(["机关运行经费"]) { if isCurrent { itemColumns.append(c) } }
          mark(row, .derived, shape.amountColumns.filter { !itemColumns.contains($0) })
          if isCurrent, let c = column(["机关运行经费"]), let v = amount(row, c) { operating = (v, row) }
        }
        if let (v, row) = operating {
          switch mode {
          case .current: emit("机关运行经费 \(v.scriptText)", row)
          case .prior: emit("机关运行经费 \((currentAmount(Fact.operatingCost(OperatingCost(amount: .zero)).key) ?? .zero).scriptText) 上年 \(v.scriptText)", row)
          }
        }
        for (item, _) in items where current[item] != nil || prior[item] != nil {
          let cur = mode == .current ? current[item] ?? .zero : currentAmount(Fact.threePublic(ThreePublicFact(item: item, amount: .zero)).key) ?? .zero
          let pri = mode == .current ? prior[item] : current[item]
          r.lines.append(Line(text: "三公 \(item.rawValue) \(cur.scriptText)" + (pri.map { " 上年 \($0.scriptText)" } ?? ""), origin: t.ref))
        }
      case .summary, .fiscalSummary:
        // Revenue by source from the 收入 side of 收支总表 (one source printed on several lines — Shanghai's 事业收入,
        // 事业单位经营收入, 其他收入 — is added up); totals as printed figures to check; the rest (the 类 on the
        // 支出 side, subtotals such as 财政拨款收入) is what yusuan derives — listed with why, never dropped.
        var bySource: [(FundSource, Amount, AuditRow)] = []
        for row in t.rows {
          var placed = Set<Int>()
          let left = shape.label(of: row, side: 0)
          let key = Heuristics.itemName(left)
          if let c = shape.side(of: 0).first, let v = amount(row, c), !v.isZero {
            if t.kind == .summary, let s = FundSource.named(key), s != .carryover, !Self.isSubtotal(key) {
              placed.insert(c)
              mark(row, .fact, [c])
              if let k = bySource.firstIndex(where: { $0.0 == s }) { bySource[k].1 += v } else { bySource.append((s, v, row)) }
            } else if key.contains("总计") {
              placed.insert(c)
              if mode == .current { emit("核对 \(t.kind.rawValue) 合计 合计 \(v.scriptText)", row, [c]) } else { mark(row, .derived, [c]) }
            }
          }
          // The rest are the 类 of the 支出 side, subtotals and the 财政拨款 side, all derived from the entered lines.
          mark(row, .derived, shape.amountColumns.filter { !placed.contains($0) })
        }
        for (s, v, row) in bySource {
          switch mode {
          case .current: emit("收入 \(s.rawValue) \(v.scriptText)", row, [])
          case .prior: emit("收入 \(s.rawValue) \((currentAmount(Fact.revenue(RevenueFact(source: s, amount: .zero)).key) ?? .zero).scriptText) 上年 \(v.scriptText)", row, [])
          }
        }
      default:
        for row in t.rows { leftover(row, "此表暂不能导入为事实") }
      }
    }
    // Every figure accounted for: one no branch used is listed, never dropped.
    var derivedByTable: [String: Int] = [:]
    for t in doc.tables where t.kind != .other {
      if t.rows.isEmpty && t.notes.isEmpty { r.unread.append(t.ref) }
      let shape = TableShape(t)
      var usedHere = 0, figuresHere = 0
      // Tables the import knows how to read must yield something; the others (政府采购, 购买服务, 资产配置) are
      // listed figure by figure as not imported yet, which is no reason to refuse the rest.
      let importable: Set<TableKind> = [.general, .fund, .stateCapital, .expenditure, .revenue, .basicEconomic, .projects, .threePublic, .summary, .fiscalSummary]
      defer { if figuresHere > 0 && usedHere == 0 && importable.contains(t.kind) { r.yieldedNothing.append("\(t.ref)（\(figuresHere) 个数字）") } }
      for row in t.rows {
        for c in shape.amountColumns {
          guard let v = t.value(row, c).value, !t.value(row, c).isBlank, !v.isZero else { continue }
          figuresHere += 1
          if let u = used["\(t.index):\(row.number):\(c)"], u != .unplaced { usedHere += 1 }
          switch used["\(t.index):\(row.number):\(c)"] {
          case .fact?: r.figures.facts += 1
          case .check?: r.figures.checks += 1
          case .same?: r.figures.same += 1
          case .derived?: r.figures.derived += 1; derivedByTable[t.ref, default: 0] += 1
          case .unplaced?: r.figures.unplaced += 1
          case nil:
            r.figures.unplaced += 1
            r.unplaced.append("\(t.ref) 第\(row.number)行「\(shape.label(of: row))」\(t.columns[c].isEmpty ? "第\(c + 1)列" : t.columns[c]) \(v.wan)：未能确定此数字对应哪项事实")
          }
        }
      }
    }
    for t in doc.tables { if let n = derivedByTable[t.ref] { r.derived.append("\(t.ref)：\(n) 个数字是小计、合计或各类汇总，由已导入的明细推算，未另行录入") } }
    return r
  }

  enum Use { case fact, check, same, derived, unplaced }

  /// 财政拨款收入 (or 财政拨款) on the 收入 side is the subtotal of the three appropriations printed under it.
  static func isSubtotal(_ name: String) -> Bool { name == "财政拨款收入" || name == "财政拨款" || name.hasSuffix("小计") || name.hasSuffix("合计") }

  /// A 三公 row label naming last year: 上年预算, or the earlier of two years printed in the table.
  static func isPriorLabel(_ label: String) -> Bool { label.contains("上年") }

  static func unquote(_ s: String) -> String {
    var t = s.trimmingBlanks()
    if t.hasPrefix("注：") { t.removeFirst(2) }
    t = t.trimmingCharacters(in: ["“", "”", "\"", "。"])
    return t.isEmpty ? s : t + "。"
  }
}
