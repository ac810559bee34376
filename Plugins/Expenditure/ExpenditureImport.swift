import YusuanCore

/// `import` of the tables by 功能分类 (收入总表 T2, 支出总表 T3, 一般公共预算 T5, 政府性基金 T8, 国有资本经营 T9), the
/// 基本支出表 by 经济分类 (T6) and the 项目支出表 (T10): their 项 become 支出 lines, their 款 经济 lines, their projects
/// 项目 lines; the rows yusuan derives (类, 款, 合计) become figures to check.
extension ExpenditurePlugin {
  public func importLines(_ t: ReadTable, into sheet: inout ImportSheet) -> Bool {
    switch t.id {
    case let id? where [.t2, .t3, .t5, .t8, .t9].contains(id):
      if !t.isEmpty { Self.importFunctionTable(t, id, &sheet) }
      return true
    case .t6?:
      if !t.isEmpty { Self.importEconomicTable(t, &sheet) }
      return true
    case .t10?:
      if !t.isEmpty { Self.importProjectTable(t, &sheet) }
      return true
    default:
      return false
    }
  }

  /// The table the 支出 lines are entered from: the 一般公共预算支出表 when the document prints one with figures,
  /// else the 支出总表.
  static func lineTable(_ tables: [ReadTable]) -> TableID {
    tables.contains { $0.id == .t5 && !$0.isEmpty } ? .t5 : .t3
  }

  static func importFunctionTable(_ t: ReadTable, _ id: TableID, _ sheet: inout ImportSheet) {
    let lineID = lineTable(sheet.tables)
    guard let codeCol = t.codeColumn else {
      for row in t.rows { sheet.leftover(t, row, "表中没有科目编码列") }
      return
    }
    // The 项 rows already entered from the line table, by code: a 支出总表 row printing the same figures is the same.
    var entered: [String: Amount] = [:]
    for lt in sheet.tables where lt.id == lineID {
      guard let cc = lt.codeColumn, let tc = lt.amountColumns.first else { continue }
      for row in lt.rows { if let v = row.figure(tc) { entered[row.cell(cc)] = v } }
    }
    let source: FundSource = id == .t8 ? .governmentFund : id == .t9 ? .stateCapital : .general
    let isLineTable = [.t5, .t8, .t9].contains(id) || (id == .t3 && lineID == .t3)
    let total = t.column(["合计", "预算数"]), basic = t.column(["基本"]), project = t.column(["项目"])
    for row in t.rows {
      let code = AmountParser.normalizeWidth(row.cell(codeCol)).trimmingBlanks()
      let name = t.labelColumns.first { $0 != codeCol }.map { row.cell($0).trimmingBlanks() } ?? ""
      let label = code.isEmpty ? NameKey.of(name) : code
      guard !label.isEmpty else { continue }
      let isItem = code.count == 7 && code.allSatisfy(\.isNumber)
      if isLineTable && isItem {
        let parts: [(SpendingKind, Amount?)] =
          basic == nil && project == nil
          ? [(.basic, total.flatMap { row.figure($0) })]
          : [(.basic, basic.flatMap { row.figure($0) }), (.project, project.flatMap { row.figure($0) })]
        if basic == nil && project == nil { sheet.unplaced("\(sheet.origin(t, row))「\(code)」未分基本/项目支出，按基本支出录入") }
        for (kind, value) in parts {
          guard let value, !value.isZero else { continue }
          let nameOpt = name.isEmpty ? "" : " 名称 \(ScriptWriter.q(name))"
          let src = source == .general ? "" : " 来源 \(source.rawValue)"
          switch sheet.mode {
          case .current:
            sheet.emit("支出 \(code) \(kind.rawValue) \(value.scriptText)\(src)\(nameOpt)", t, row)
          case .prior:
            let key = Fact.expenditure(ExpenditureLine(code: code, kind: kind, source: source, amount: .zero)).key
            sheet.emit("支出 \(code) \(kind.rawValue) \((sheet.currentAmount(key) ?? .zero).scriptText)\(src)\(nameOpt) 上年 \(value.scriptText)", t, row)
          }
        }
        continue
      }
      // Rows yusuan derives (类, 款, 合计) or cannot enter (malformed codes): printed figures to check.
      if sheet.mode == .prior {
        if isLineTable, TotalLabel.isTotal(label) || TotalLabel.isTotal(name), let v = total.flatMap({ row.figure($0) }) {
          sheet.emit("上年 合计 \(v.scriptText)", t, row)
        } else if isLineTable, (code.count == 3 || code.count == 5), code.allSatisfy(\.isNumber), let v = total.flatMap({ row.figure($0) }) {
          sheet.emit("上年 \(code) \(v.scriptText)", t, row)
        } else if !isLineTable, let v = total.flatMap({ row.figure($0) }), entered[code] == v || (code.isEmpty && TotalLabel.isTotal(name)) {
          sheet.mark(t, row, .same)
        } else if !isLineTable {
          sheet.leftover(t, row, "与\(lineID == .t5 ? "一般公共预算支出表" : "支出表")所列不同或该表没有此行（可能含其他资金），请核对后手工录入")
        } else {
          sheet.leftover(t, row, "科目编码不是类、款、项（3、5、7位），无法录入")
        }
        continue
      }
      var cols: [String] = []
      for c in t.amountColumns {
        guard let v = row.figure(c) else { continue }
        let header = t.columns[c]
        let col =
          header.contains("合计") || header.contains("预算数")
          ? "合计"
          : header.contains("基本")
            ? "基本支出"
            : header.contains("项目")
              ? "项目支出"
              : FundSource.named(NameKey.of(header)).map(\.rawValue) ?? FundSource.named(header.replacingOccurrences(of: "拨款", with: "")).map(\.rawValue)
        guard let col else { continue }
        if !cols.contains(where: { $0.hasPrefix(col + " ") }) { cols.append("\(col) \(v.scriptText)") }
      }
      guard !cols.isEmpty else { continue }
      let rowLabel = label.allSatisfy(\.isNumber) ? label : "合计"
      let nameOpt = label.allSatisfy(\.isNumber) && !name.isEmpty ? " 名称 \(ScriptWriter.q(name))" : ""
      sheet.emit("核对 \(id.rawValue) \(rowLabel)\(nameOpt) \(cols.joined(separator: " "))", t, row)
    }
  }

  static func importEconomicTable(_ t: ReadTable, _ sheet: inout ImportSheet) {
    guard let codeCol = t.codeColumn ?? (t.rows.contains { ReadTable.isCode($0.cell(0)) } ? 0 : nil),
      let total = t.column(["合计", "预算数"]) ?? t.amountColumns.first
    else {
      for row in t.rows { sheet.leftover(t, row, "表中没有经济分类编码或金额列") }
      return
    }
    let personnel = t.column(["人员"]), publicUse = t.column(["公用"])
    for row in t.rows {
      let code = AmountParser.normalizeWidth(row.cell(codeCol)).trimmingBlanks()
      let name = t.labelColumns.first { $0 != codeCol }.map { row.cell($0).trimmingBlanks() } ?? ""
      guard let v = row.figure(total) else { continue }
      if code.count == 5 && code.allSatisfy(\.isNumber) {
        var category = ""
        if let p = personnel, let pv = row.figure(p), !pv.isZero, pv == v { category = " 人员经费" }
        if let q = publicUse, let qv = row.figure(q), !qv.isZero, qv == v { category = " 公用经费" }
        let nameOpt = name.isEmpty ? "" : " 名称 \(ScriptWriter.q(name))"
        switch sheet.mode {
        case .current: sheet.emit("经济 \(code) \(v.scriptText)\(category)\(nameOpt)", t, row)
        case .prior:
          let key = Fact.economic(EconomicLine(code: code, amount: .zero)).key
          sheet.emit("经济 \(code) \((sheet.currentAmount(key) ?? .zero).scriptText)\(category)\(nameOpt) 上年 \(v.scriptText)", t, row)
        }
      } else if sheet.mode == .current {
        let rowLabel = code.isEmpty || TotalLabel.isTotal(name) || TotalLabel.isTotal(code) ? "合计" : code
        sheet.emit("核对 T6 \(rowLabel) 合计 \(v.scriptText)", t, row)
      } else {
        sheet.mark(t, row, .derived)
      }
    }
  }

  static func importProjectTable(_ t: ReadTable, _ sheet: inout ImportSheet) {
    let nameCol = t.labelColumns.first { t.columns[$0].contains("名称") } ?? t.labelColumns.dropFirst().first
    let typeCol = t.labelColumns.first { t.columns[$0].contains("类型") }
    let unitCol = t.labelColumns.first { t.columns[$0].contains("单位") }
    let total = t.column(["合计"]) ?? t.amountColumns.first
    for row in t.rows {
      guard let nc = nameCol, let tc = total, let v = row.figure(tc) else { continue }
      let name = row.cell(nc).trimmingBlanks()
      let first = t.labelColumns.first.map { NameKey.of(row.cell($0)) } ?? ""
      if name.isEmpty || first.hasPrefix("合计") {
        if sheet.mode == .current { sheet.emit("核对 T10 合计 合计 \(v.scriptText)", t, row) }
        continue
      }
      let type = typeCol.map { row.cell($0).trimmingBlanks() }.flatMap { $0.isEmpty ? nil : $0 } ?? "其他运转类"
      let unit = unitCol.map { row.cell($0).trimmingBlanks() }.flatMap { $0.isEmpty ? nil : " 单位 \(ScriptWriter.q($0))" } ?? ""
      switch sheet.mode {
      case .current: sheet.emit("项目 \(ScriptWriter.q(name)) 类型 \(ScriptWriter.q(type))\(unit) 金额 \(v.scriptText)", t, row)
      case .prior: sheet.emit("项目 \(ScriptWriter.q(name)) 类型 \(ScriptWriter.q(type))\(unit) 金额 0 上年 \(v.scriptText) 待确认", t, row)
      }
    }
  }
}
