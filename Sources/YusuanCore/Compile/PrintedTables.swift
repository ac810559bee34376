/// The standard tables as the section plugins print them, read cell by cell: what a figure printed elsewhere (a
/// `核对` line, typed from a document or imported from the budget system) is compared with, so no section derives a
/// table's cells a second time. Each table is built when first asked for, and once: a check with nothing to compare
/// builds none, and one comparing with the 支出总表 builds that table alone.
///
/// Cells are found by the keys the plugins give their rows and columns (`TableRow.key`, `Column.key`).
public final class PrintedTables {
  private let build: (TableID) throws -> [DocTable]
  private var built: [TableID: [DocTable]] = [:]

  /// The tables `build` makes of an id (every section's `tables(id, _:)`), when first asked for.
  public init(_ build: @escaping (TableID) throws -> [DocTable]) { self.build = build }

  /// Every table of `id` (one, but for a form printed once per item).
  public func tables(_ id: TableID) throws -> [DocTable] {
    if let t = built[id] { return t }
    let t = try build(id)
    built[id] = t
    return t
  }

  /// The figure table `id` prints in the row keyed `row` and the column keyed `column`. A blank amount cell is read
  /// as zero, as a reader reads it (editions print a zero blank), and so is every figure of a table printed empty
  /// (本表无数据). nil: the table has no such row or column, or the cell holds no amount.
  public func figure(_ id: TableID, row: String, column: String) throws -> Amount? {
    for t in try tables(id) {
      guard let c = t.columns.firstIndex(where: { $0.key == column }) else { continue }
      if t.isEmpty { return .zero }
      guard let r = t.rows.first(where: { $0.key == row }), c < r.cells.count else { continue }
      switch r.cells[c] {
      case .amount(let a): return a
      case .blank: return .zero
      case .text, .count: return nil
      }
    }
    return nil
  }

  /// Whether table `id` has a column keyed `column` (a row it does not list then holds nothing in it).
  public func hasColumn(_ id: TableID, _ column: String) throws -> Bool {
    try tables(id).contains { $0.columns.contains { $0.key == column } }
  }
}
