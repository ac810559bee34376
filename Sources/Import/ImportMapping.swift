import Reading
import Workbench
import YusuanCore

/// Turns the tables of a published document into lines of the entry language, so `yusuan import` applies them
/// through the same parser, rules and journal as any entry. Each section reads its own tables (the plugins'
/// `importLines`); this reads the document into `ReadTable`s, asks the sections, and accounts for every figure:
/// figures yusuan derives (类/款 subtotals, totals, the summary tables) become `核对` lines, checked against the
/// derived values, and every figure that fits nowhere is reported, never dropped.
public enum ImportMapping {
  public typealias Mode = ImportMode
  public typealias Line = ImportSheet.Line

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

  /// Each table is offered to every section in the registry's order (`SectionPlugin.importLines`): the sections
  /// that own it write its lines and say how each figure was used; a table no section reads is listed figure by
  /// figure. `currentAmount` gives this year's amount of a fact already in the workbook, so a prior-year import
  /// keeps it.
  public static func lines(
    _ doc: AuditDocument, mode: Mode, sections: SectionRegistry = .standard,
    currentAmount: @escaping (String) -> Amount? = { _ in nil }
  ) -> Result {
    var r = Result()
    let read = doc.tables.map(readTable)
    var sheet = ImportSheet(mode: mode, tables: read, currentAmount: currentAmount)
    /// The tables some section reads: they must yield something.
    var owned = Set<Int>()
    for t in read {
      var handled = false
      for plugin in sections.plugins where plugin.importLines(t, into: &sheet) { handled = true }
      if handled {
        owned.insert(t.index)
      } else if !t.isEmpty {
        for row in t.rows { sheet.leftover(t, row, "此表暂不能导入为事实") }
      }
    }
    r.lines = sheet.lines
    r.unplaced = sheet.unplaced
    // Every figure accounted for: one no branch used is listed, never dropped.
    var derivedByTable: [String: Int] = [:]
    for t in doc.tables where t.kind != .other {
      if t.rows.isEmpty && t.notes.isEmpty { r.unread.append(t.ref) }
      let shape = TableShape(t)
      var usedHere = 0, figuresHere = 0
      // Tables a section reads must yield something; the others (政府采购, 购买服务, 资产配置 with figures) are
      // listed figure by figure as not imported yet, which is no reason to refuse the rest.
      defer { if figuresHere > 0 && usedHere == 0 && owned.contains(t.index) { r.yieldedNothing.append("\(t.ref)（\(figuresHere) 个数字）") } }
      for row in t.rows {
        for c in shape.amountColumns {
          guard let v = t.value(row, c).value, !t.value(row, c).isBlank, !v.isZero else { continue }
          figuresHere += 1
          let use = sheet.use(table: t.index, row: row.number, column: c)
          if let u = use, u != .unplaced { usedHere += 1 }
          switch use {
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

  /// A table as a section reads it.
  static func readTable(_ t: AuditTable) -> ReadTable {
    let shape = TableShape(t)
    let sides = shape.splitColumn.map { s in [shape.side(of: 0), shape.side(of: s + 1)] } ?? [shape.amountColumns]
    let rows = t.rows.map { row in
      let labels = shape.splitColumn.map { s in [shape.label(of: row, side: 0), shape.label(of: row, side: s + 1)] } ?? [shape.label(of: row, side: 0)]
      return ReadTable.Row(
        number: row.number, cells: row.cells, figures: row.cells.indices.map { t.value(row, $0).value }, label: shape.label(of: row),
        sideLabels: labels, sideNames: labels.map(Heuristics.itemName))
    }
    return ReadTable(
      index: t.index, id: t.kind.standard, ref: t.ref, columns: t.columns, rows: rows, notes: t.notes, isEmpty: t.isEmptyTable,
      codeColumn: shape.codeColumn, labelColumns: shape.labelColumns, amountColumns: shape.amountColumns, sides: sides)
  }
}
