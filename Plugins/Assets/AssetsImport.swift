import YusuanCore

/// `import` of the 通用资产配置 table (T13): printed empty, none is planned (资产 配置 无); its rows are not imported
/// yet (each figure is listed as not placed).
extension AssetsPlugin {
  public func importLines(_ t: ReadTable, into sheet: inout ImportSheet) -> Bool {
    guard t.isEmpty, t.id == .t13 else { return false }
    sheet.emit("资产 配置 无", t)
    return true
  }
}
