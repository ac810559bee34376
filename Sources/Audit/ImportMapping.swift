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
  }

  /// `current(keyOf:)` gives this year's amount of a fact already in the workbook, so a prior-year import keeps it.
  public static func lines(_ doc: AuditDocument, mode: Mode, currentAmount: (String) -> Amount? = { _ in nil }) -> Result {
    var r = Result()
    let hasGeneral = !doc.tables(.general).filter { !$0.isEmptyTable }.isEmpty
    for t in doc.tables {
      let shape = TableShape(t)
      func origin(_ row: AuditRow) -> String { "\(t.ref) 第\(row.number)行" }
      func amount(_ row: AuditRow, _ col: Int) -> Amount? { t.value(row, col).value }
      func column(_ words: [String]) -> Int? { shape.amountColumns.first { c in words.contains { t.columns[c].contains($0) } } }
      func emit(_ text: String, _ row: AuditRow) { r.lines.append(Line(text: text, origin: origin(row))) }
      func leftover(_ row: AuditRow, _ why: String) {
        let figures = shape.amountColumns.compactMap { c in amount(row, c).map { "\(t.columns[c].isEmpty ? "第\(c + 1)列" : t.columns[c]) \($0.wan)" } }
        if !figures.isEmpty { r.unplaced.append("\(origin(row))「\(shape.label(of: row))」\(figures.joined(separator: "、"))：\(why)") }
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
        guard let codeCol = shape.codeColumn ?? (t.rows.contains { TableLayout.isCode($0.cell(0)) } ? 0 : nil), let total = column(["合计", "预算数"]) ?? shape.amountColumns.first else {
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
        func year(_ label: String) -> Int? { label.range(of: #"\d{4}"#, options: .regularExpression).flatMap { Int(label[$0]) } }
        let years = t.rows.compactMap { year(shape.label(of: $0)) }
        for row in t.rows {
          let label = shape.label(of: row)
          if label.contains("增减") { continue }
          let isPrior = isPriorLabel(label) || (year(label).map { y in years.contains { $0 > y } } ?? false)
          let isCurrent = !isPrior && (label.contains("本年") || year(label) != nil)
          guard isPrior || isCurrent else { continue }
          for (item, words) in items {
            guard let c = column(words), let v = amount(row, c) else { continue }
            if isPrior { prior[item] = v } else { current[item] = v }
          }
        }
        for (item, _) in items where current[item] != nil || prior[item] != nil {
          let cur = mode == .current ? current[item] ?? .zero : currentAmount(Fact.threePublic(ThreePublicFact(item: item, amount: .zero)).key) ?? .zero
          let pri = mode == .current ? prior[item] : current[item]
          r.lines.append(Line(text: "三公 \(item.rawValue) \(cur.scriptText)" + (pri.map { " 上年 \($0.scriptText)" } ?? ""), origin: t.ref))
        }
      case .summary, .fiscalSummary:
        // Revenue by source from the 收入 side of 收支总表; totals as printed figures to check; the rest (the 类 on the
        // 支出 side, subtotals) is what yusuan derives from the lines — listed, not silently dropped.
        for row in t.rows {
          var placed = Set<Int>()
          let left = shape.label(of: row, side: 0)
          let key = NameKey.of(left).replacingOccurrences(of: #"^[一二三四五六七八九十]+、"#, with: "", options: .regularExpression)
          if let c = shape.side(of: 0).first, let v = amount(row, c), !v.isZero {
            if t.kind == .summary, let s = FundSource.named(key), s != .carryover {
              placed.insert(c)
              switch mode {
              case .current: emit("收入 \(s.rawValue) \(v.scriptText)", row)
              case .prior: emit("收入 \(s.rawValue) \((currentAmount(Fact.revenue(RevenueFact(source: s, amount: .zero)).key) ?? .zero).scriptText) 上年 \(v.scriptText)", row)
              }
            } else if key.contains("总计") {
              placed.insert(c)
              if mode == .current { emit("核对 \(t.kind.rawValue) 合计 合计 \(v.scriptText)", row) }
            }
          }
          let rest = shape.amountColumns.filter { !placed.contains($0) }.compactMap { c -> String? in
            guard let v = amount(row, c), !v.isZero else { return nil }
            let label = shape.label(of: row, side: c)
            return "\(label.isEmpty ? t.columns[c] : label) \(v.wan)"
          }
          if !rest.isEmpty { r.unplaced.append("\(origin(row))：\(rest.joined(separator: "、"))（由支出明细推算，未另行录入）") }
        }
      default:
        for row in t.rows { leftover(row, "此表暂不能导入为事实") }
      }
    }
    return r
  }

  /// A 三公 row label naming last year: 上年预算, or the earlier of two years printed in the table.
  static func isPriorLabel(_ label: String) -> Bool { label.contains("上年") }

  static func unquote(_ s: String) -> String {
    var t = s.trimmingBlanks()
    if t.hasPrefix("注：") { t.removeFirst(2) }
    t = t.trimmingCharacters(in: ["“", "”", "\"", "。"])
    return t.isEmpty ? s : t + "。"
  }
}
