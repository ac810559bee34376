import YusuanCore

/// Works out a table's shape from its rows: which rows are headers, what each column is called (two-level headers
/// with merged cells are aligned to the body), and which cells are figures. Printed tables merge cells freely, so
/// this is a best reading, and rows it had to realign are counted.
public enum TableReading {
  /// A cell that is meant to be a number (digits, a point or comma), even when malformed like `457.90.`.
  public static func looksNumeric(_ s: String) -> Bool {
    let t = AmountParser.normalizeWidth(s).trimmingBlanks()
    guard let f = t.first, f.isASCII, f.isNumber || f == "-" else { return false }
    return t.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," || $0 == "-" || $0 == " " }
  }

  /// A column of unit names (单位名称, 项目单位), not the 单位资金 source of funds.
  package static func namesUnit(_ column: String) -> Bool { column.contains("单位") && !column.contains("资金") }

  /// The money unit the header cells name in brackets (合计（元）, 预算数(万元), 金额（千元）), when they name one only.
  static func headerUnit(_ headers: [[String]]) -> MoneyUnit? {
    var found: Set<MoneyUnit> = []
    for cell in headers.joined() {
      guard let r = cell.match(#"[（(]\s*(万元|千元|元)\s*[)）]"#) else { continue }
      let w = cell[r]
      found.insert(w.contains("万元") ? .wan : w.contains("千元") ? .qian : .yuan)
    }
    return found.count == 1 ? found.first : nil
  }

  /// A column of rates, not money: 增减率（%）, 增长%, 占比, 比重, 增减幅度.
  static func namesRate(_ column: String) -> Bool {
    let k = NameKey.of(column)
    return k.contains("%") || k.contains("％") || k.hasSuffix("率") || k.contains("率（") || k.contains("率(") || k.contains("比重") || k.contains("占比")
      || k.contains("幅度")
  }

  package static func isCode(_ s: String) -> Bool { !s.isEmpty && s.count <= 9 && s.allSatisfy { $0.isASCII && $0.isNumber } }

  static func build(index: Int, pending p: TableAssembler.Pending, findings: inout [Diagnostic]) -> AuditTable {
    var rows = p.rows.filter { !$0.0.allSatisfy(\.isEmpty) }
    var notes = p.notes
    // Notes printed as the last row(s) of the table.
    while let last = rows.last, last.0.filter({ !$0.isEmpty }).count == 1, let note = last.0.first(where: { !$0.isEmpty }), note.hasPrefix("注") {
      notes.insert(note, at: 0); rows.removeLast()
    }
    let kind = TableKind.of(title: p.title)
    // Header rows: the leading rows with no figure and no code.
    var headerCount = 0
    if kind != .performance {
      for (cells, _) in rows {
        let codedOrFigure = cells.contains { looksNumeric($0) && !$0.contains(" ") }
        if codedOrFigure { break }
        headerCount += 1
        // Up to six lines: a header read from laid-out text keeps each printed line (本年收入 / 预算数 / 基本支出 /
        // 人员经费), where a ruled table merges them into fewer rows.
        if headerCount >= 6 { break }
      }
      if headerCount == rows.count && headerCount > 0 {
        // Everything looks like a header (an empty table): the header ends at the first row that starts with a total
        // label or says 本表无数据; without one, the first two rows are headers and the rest body.
        let firstBody = rows.firstIndex { row in
          guard let first = row.0.first(where: { !$0.isEmpty }) else { return false }
          return TotalLabel.isTotal(first) || first.contains("本表无数据")
        }
        headerCount = firstBody ?? min(headerCount, 2)
      }
    }
    var headers = rows.prefix(headerCount).map(\.0)
    var body = Array(rows.dropFirst(headerCount))
    if kind != .performance, CodeNameCells.applies(headers: headers, body: body.map(\.0)) {
      headers = headers.map(CodeNameCells.header)
      body = body.map { (CodeNameCells.row($0.0), $0.1) }
    }
    let split = SplitCodes.find(headers: headers, body: body.map(\.0))
    if let split {
      headers = headers.map { split.joinHeader($0) }
      body = body.map { (split.join($0.0), $0.1) }
    }
    let width = max(headers.map(\.count).max() ?? 0, body.map(\.0.count).max() ?? 0)
    let columns = resolveColumns(headers, width: width)
    let codeNamed = columns.first.map { $0.contains("编码") || $0.contains("代码") } ?? false
    var out: [AuditRow] = []
    for (i, (cells, line)) in body.enumerated() {
      var aligned = cells
      if cells.count < width && cells.count >= 2 {
        // Merged label cells (合计 across 编码 and 名称): keep the label first, right-align the figures.
        aligned = [cells[0]] + Array(repeating: "", count: width - cells.count) + cells.dropFirst()
      } else if cells.count < width {
        aligned = cells + Array(repeating: "", count: width - cells.count)
      }
      if codeNamed, width >= 3, TotalLabel.isTotal(aligned[0]), aligned[1].isEmpty {
        // 合计 printed across (or in) the code cell with the name cell blank: a total has no code, its label is
        // the name (as SplitCodes reads 合计 printed across 类/款/项 and the name).
        aligned[1] = aligned[0]; aligned[0] = ""
      }
      out.append(AuditRow(number: i + 1, line: line, cells: aligned, sourceCellCount: cells.count))
    }
    // No unit line, but the header names one (合计（元）, 预算数(万元)): that is the table's unit.
    var table = AuditTable(
      index: index, title: p.title, label: p.label?.0, number: p.label?.1, unit: p.unit ?? headerUnit(headers), headerRows: headers,
      rows: out, notes: notes, line: p.line, kind: kind, columns: columns)
    table.splitCodes = split.map { ($0.start, $0.count) }
    let unit = table.moneyUnit
    for k in table.rows.indices { table.rows[k].values = table.rows[k].cells.map { CellValue.read($0, unit: unit) } }
    table.shape = TableShape(table)
    return table
  }

  /// Column names: a full-width header row names columns directly; a shorter row (merged cells) is aligned
  /// left or right, whichever fills the blanks of the full rows with fewest clashes.
  static func resolveColumns(_ headers: [[String]], width: Int) -> [String] {
    var names = Array(repeating: "", count: width)
    for row in headers where row.count == width {
      for (i, c) in row.enumerated() where !c.isEmpty { names[i] = c }
    }
    for row in headers where row.count < width && !row.isEmpty {
      let offsets = [0, width - row.count]
      let best = offsets.min { clashes(row, at: $0, names) < clashes(row, at: $1, names) } ?? 0
      for (i, c) in row.enumerated() where !c.isEmpty && names[best + i].isEmpty { names[best + i] = c }
    }
    return names
  }

  static func clashes(_ row: [String], at offset: Int, _ names: [String]) -> Int {
    row.enumerated().filter { !$0.element.isEmpty && !names[offset + $0.offset].isEmpty }.count
  }
}

/// How a table's columns are used: the code column, the label columns, the figure columns.
public struct TableShape: Sendable {
  public var codeColumn: Int?
  public var labelColumns: [Int]
  public var amountColumns: [Int]
  /// For two-sided tables: the first column of the 支出 side.
  public var splitColumn: Int?
  /// Columns of rates (增减率（%）, 占比, 比重): figures, but never added up, and never amounts of money.
  public var rateColumns: [Int] = []

  public init(_ t: AuditTable) {
    if let cached = t.shape { self = cached; return }
    let width = t.columns.count
    var code: Int? = nil
    if width > 0 {
      let firsts = t.rows.map { $0.cell(0) }.filter { !$0.isEmpty }
      let coded = firsts.filter(TableReading.isCode).count
      // A 序号 column counts rows, whatever its numbers look like.
      if coded > 0 && coded * 2 >= firsts.count - 1 && NameKey.of(t.columns[0]) != "序号"
        && (t.columns[0].contains("编码") || t.columns[0].contains("代码") || coded >= 2)
      {
        code = 0
      }
    }
    var labels: [Int] = [], amounts: [Int] = [], rates: [Int] = []
    for c in 0..<width where c != code {
      if TableReading.namesRate(t.columns[c]) { rates.append(c); continue }
      let values = t.rows.map { $0.cell(c) }.filter { !$0.isEmpty && !$0.contains("本表无数据") }
      let numeric = values.filter(TableReading.looksNumeric).count
      let text = values.count - numeric
      let name = t.columns[c]
      let textual =
        name.contains("名称") || name.contains("类型") || TableReading.namesUnit(name) || name.contains("方式")
        || name.contains("时间") || NameKey.of(name) == "项目" || NameKey.of(name) == "序号"
      if !textual && (numeric > 0 && text * 3 <= numeric || values.isEmpty && c > (code ?? -1) + 1 && !labels.isEmpty) {
        amounts.append(c)
      } else {
        labels.append(c)
      }
    }
    codeColumn = code; labelColumns = labels; amountColumns = amounts; rateColumns = rates
    splitColumn = t.kind.isTwoSided ? labels.dropFirst().first : nil
  }

  /// The figure columns on the same side as `column` (the whole table when one-sided).
  public func side(of column: Int) -> [Int] {
    guard let s = splitColumn else { return amountColumns }
    return column < s ? amountColumns.filter { $0 < s } : amountColumns.filter { $0 > s }
  }

  public func label(of row: AuditRow, side: Int? = nil) -> String {
    if side == nil, let c = codeColumn, !row.cell(c).isEmpty { return row.cell(c) }
    let cols = side.map { s in labelColumns.filter { splitColumn == nil || ($0 < splitColumn!) == (s < splitColumn!) } } ?? labelColumns
    return cols.lazy.map { row.cell($0) }.first { !$0.isEmpty } ?? ""
  }
}
