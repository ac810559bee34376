import YusuanCore

/// `import` of the 三公 table (T7): this year's items become 三公 lines, last year's their 上年; the 增减 row, 合计
/// and 小计 are derived. Shanghai's layout prints one row of this year's figures with 机关运行经费 beside them.
extension ThreePublicPlugin {
  public func importLines(_ t: ReadTable, into sheet: inout ImportSheet) -> Bool {
    guard t.id == .t7 else { return false }
    if !t.isEmpty { Self.importTable(t, &sheet) }
    return true
  }

  static func importTable(_ t: ReadTable, _ sheet: inout ImportSheet) {
    let items: [(ThreePublicItem, [String])] = [(.overseas, ["出国"]), (.vehiclePurchase, ["购置"]), (.vehicleOperation, ["运行"]), (.reception, ["接待"])]
    var current: [ThreePublicItem: Amount] = [:], prior: [ThreePublicItem: Amount] = [:]
    // Rows are 本年/上年 (or two years: the later is this year's); 增减 rows are derived.
    let years = t.rows.compactMap { year($0.label) }
    // Shanghai prints one row of this year's figures with no year label (and 机关运行经费 beside them).
    let unlabelled = t.rows.count == 1 && years.isEmpty && !t.rows[0].cells.contains { isPriorLabel($0) }
    let operatingColumn = t.column([LayoutWords.operatingCost])
    var operating: (Amount, ReadTable.Row)? = nil
    for row in t.rows {
      let label = row.label
      // 增减 rows, 合计 and 小计 are derived from the items of the two years.
      if label.contains("增减") { sheet.mark(t, row, .derived); continue }
      let isPrior = isPriorLabel(label) || (year(label).map { y in years.contains { $0 > y } } ?? false)
      let isCurrent = !isPrior && (label.contains("本年") || year(label) != nil || unlabelled)
      guard isPrior || isCurrent else { sheet.leftover(t, row, "看不出是本年还是上年的数"); continue }
      var itemColumns: [Int] = []
      for (item, words) in items {
        guard let c = t.column(words), let v = row.figure(c) else { continue }
        itemColumns.append(c)
        if isPrior { prior[item] = v } else { current[item] = v }
      }
      // This year's items become facts, and last year's their 上年 when importing as this year; imported as
      // last year, the document's own 上年 row is two years back and is not entered.
      if isPrior && sheet.mode == .prior { sheet.leftover(t, row, "导入为上年数时，这一行是两年前的数，不录入"); continue }
      sheet.mark(t, row, .fact, itemColumns)
      if let c = operatingColumn { if isCurrent { itemColumns.append(c) } }
      sheet.mark(t, row, .derived, t.amountColumns.filter { !itemColumns.contains($0) })
      if isCurrent, let c = operatingColumn, let v = row.figure(c) { operating = (v, row) }
    }
    if let (v, row) = operating {
      switch sheet.mode {
      case .current: sheet.emit("机关运行经费 \(v.scriptText)", t, row)
      case .prior:
        sheet.emit("机关运行经费 \((sheet.currentAmount(Fact.operatingCost(OperatingCost(amount: .zero)).key) ?? .zero).scriptText) 上年 \(v.scriptText)", t, row)
      }
    }
    for (item, _) in items where current[item] != nil || prior[item] != nil {
      let cur = sheet.mode == .current ? current[item] ?? .zero : sheet.currentAmount(Fact.threePublic(ThreePublicFact(item: item, amount: .zero)).key) ?? .zero
      let pri = sheet.mode == .current ? prior[item] : current[item]
      sheet.emit("三公 \(item.rawValue) \(cur.scriptText)" + (pri.map { " 上年 \($0.scriptText)" } ?? ""), t)
    }
  }

  /// The year a row label names (2024年预算), if it names one: the first four digits in a row.
  static func year(_ label: String) -> Int? {
    let chars = Array(label)
    guard chars.count >= 4 else { return nil }
    for i in 0...(chars.count - 4) where chars[i..<(i + 4)].allSatisfy({ $0.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal } }) {
      return Int(String(chars[i..<(i + 4)]))
    }
    return nil
  }

  /// A 三公 row label naming last year: 上年预算, or the earlier of two years printed in the table.
  static func isPriorLabel(_ label: String) -> Bool { label.contains("上年") }
}
