/// The labels of a table's total rows as editions print them, recognised in one place: by the reader of a published
/// document (where a table's body ends, which rows to add up), by `import` and by the `核对` lines an officer types.
public enum TotalLabel {
  /// A total row's label: 合计, 总计, or a short …合计 (支出合计, 收入合计, 本年收入合计, 本年支出合计).
  public static func isTotal(_ s: String) -> Bool {
    let k = NameKey.of(s)
    return k == "总计" || k.hasSuffix("合计") && k.count <= 6
  }

  /// A grand total: 收入总计, 支出总计 (or 总计 alone).
  public static func isGrandTotal(_ s: String) -> Bool {
    let k = NameKey.of(s)
    return k.hasSuffix("总计") && k.count <= 6
  }
}
