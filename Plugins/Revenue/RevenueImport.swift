import YusuanCore

/// `import` of the two-sided tables (收支总表 T1, 财政拨款收支总表 T4): revenue by source from the 收入 side of the
/// 收支总表 (one source printed on several lines — Shanghai's 事业收入, 事业单位经营收入, 其他收入 — is added up); the
/// totals as printed figures to check; the rest (the 类 on the 支出 side, subtotals such as 财政拨款收入) is what
/// yusuan derives.
extension RevenuePlugin {
  public func importLines(_ t: ReadTable, into sheet: inout ImportSheet) -> Bool {
    guard let id = t.id, id == .t1 || id == .t4 else { return false }
    if !t.isEmpty { Self.importTable(t, id, &sheet) }
    return true
  }

  static func importTable(_ t: ReadTable, _ id: TableID, _ sheet: inout ImportSheet) {
    var bySource: [(FundSource, Amount, ReadTable.Row)] = []
    let income = t.sides.first ?? t.amountColumns
    for row in t.rows {
      var placed = Set<Int>()
      let key = row.sideNames.first ?? ""
      if let c = income.first, let v = row.figure(c), !v.isZero {
        if id == .t1, let s = FundSource.named(key), s != .carryover, !isSubtotal(key) {
          placed.insert(c)
          sheet.mark(t, row, .fact, [c])
          if let k = bySource.firstIndex(where: { $0.0 == s }) { bySource[k].1 += v } else { bySource.append((s, v, row)) }
        } else if key.contains("总计") {
          placed.insert(c)
          if sheet.mode == .current { sheet.emit("核对 \(id.rawValue) 合计 合计 \(v.scriptText)", t, row, [c]) } else { sheet.mark(t, row, .derived, [c]) }
        }
      }
      // The rest are the 类 of the 支出 side, subtotals and the 财政拨款 side, all derived from the entered lines.
      sheet.mark(t, row, .derived, t.amountColumns.filter { !placed.contains($0) })
    }
    for (s, v, row) in bySource {
      switch sheet.mode {
      case .current: sheet.emit("收入 \(s.rawValue) \(v.scriptText)", t, row, [])
      case .prior:
        sheet.emit(
          "收入 \(s.rawValue) \((sheet.currentAmount(Fact.revenue(RevenueFact(source: s, amount: .zero)).key) ?? .zero).scriptText) 上年 \(v.scriptText)", t, row,
          [])
      }
    }
  }

  /// 财政拨款收入 (or 财政拨款) on the 收入 side is the subtotal of the three appropriations printed under it.
  static func isSubtotal(_ name: String) -> Bool { name == "财政拨款收入" || name == "财政拨款" || name.hasSuffix("小计") || name.hasSuffix("合计") }
}
