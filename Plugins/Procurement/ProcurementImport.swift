import YusuanCore

/// `import` of the 政府采购 (T11) and 政府购买服务 (T12) tables: printed empty, the section is declared empty
/// (采购 无, 购买服务 无); their rows are not imported yet (each figure is listed as not placed).
extension ProcurementPlugin {
  public func importLines(_ t: ReadTable, into sheet: inout ImportSheet) -> Bool {
    guard t.isEmpty else { return false }
    switch t.id {
    case .t11: sheet.emit("采购 无", t)
    case .t12: sheet.emit("购买服务 无", t)
    default: return false
    }
    return true
  }
}
