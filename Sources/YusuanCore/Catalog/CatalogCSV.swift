import Foundation

/// Reads catalogs from CSV: the bundled reference file (`code,name,level,parent,kind,confidence`)
/// and the official catalogs officers get from their finance bureau (科目编码, 科目名称, …).
public enum CatalogCSV {
  public struct Problem: Sendable, Equatable {
    public var line: Int
    public var message: String
  }

  public struct Parsed: Sendable {
    public var entries: [CatalogEntry]
    public var problems: [Problem]
  }

  static let codeHeaders: Set<String> = ["code", "科目编码", "编码", "功能科目编码", "经济科目编码", "科目代码"]
  static let nameHeaders: Set<String> = ["name", "科目名称", "名称", "功能科目名称", "经济科目名称"]
  static let kindHeaders: Set<String> = ["kind", "类型", "分类"]
  static let confidenceHeaders: Set<String> = ["confidence", "可信度"]

  /// Parses CSV text. Every row either becomes an entry or a problem naming its line; nothing is silently dropped.
  public static func parse(_ text: String, defaultConfidence: String = "official") -> Parsed {
    let table = CSVReader.read(text)
    if let open = table.unterminatedQuoteLine {
      return Parsed(entries: [], problems: [Problem(line: open, message: "这一行开始的引号（\"）没有闭合，从这里到文件末尾都会被当成同一个单元格。请补上结尾的引号，或在 Excel 中重新另存为“CSV UTF-8（逗号分隔）”")])
    }
    var rows = table.rows
    guard !rows.isEmpty else { return Parsed(entries: [], problems: [Problem(line: 1, message: "文件为空，没有科目")]) }
    let header = rows.removeFirst().map { NameKey.of($0.lowercased()) }
    guard let codeCol = header.firstIndex(where: { codeHeaders.contains($0) }),
      let nameCol = header.firstIndex(where: { nameHeaders.contains($0) })
    else {
      return Parsed(entries: [], problems: [Problem(line: 1, message: "第一行应为表头，至少包含“科目编码”（或 code）和“科目名称”（或 name）两列；实际为：\(header.joined(separator: ","))")])
    }
    let kindCol = header.firstIndex(where: { kindHeaders.contains($0) })
    let confCol = header.firstIndex(where: { confidenceHeaders.contains($0) })
    var entries: [CatalogEntry] = [], problems: [Problem] = []
    var seen: [String: Int] = [:]
    for (i, row) in rows.enumerated() {
      let line = table.lines[i + 1]
      if row.allSatisfy({ $0.trimmingBlanks().isEmpty }) { continue }
      // A catalog's names are printed in every table: nothing invisible or controlling may come in with them
      // (a line break inside a quoted cell is the CSV's own).
      let allowed: Set<Unicode.Scalar> = ["\t", "\r", "\n", "\u{FEFF}"]
      if let bad = row.lazy.compactMap({
        CharacterNames.firstRefused(in: $0, allowing: allowed).flatMap { CharacterNames.refusedScalar(in: $0.character, allowing: allowed) }
      }).first {
        problems.append(Problem(line: line, message: CharacterNames.refusal(bad)))
        continue
      }
      func cell(_ c: Int?) -> String { c.flatMap { $0 < row.count ? row[$0].trimmingBlanks() : nil } ?? "" }
      let code = cell(codeCol), name = cell(nameCol)
      guard !code.isEmpty, !name.isEmpty else {
        problems.append(Problem(line: line, message: "缺少科目编码或科目名称"))
        continue
      }
      var system: CodeSystem?
      if let k = kindCol.map({ cell($0) }), let s = CodeSystem(rawValue: k) { system = s }
      if system == nil {
        switch code.first {
        case "2": system = .function
        case "3": system = .economic
        case "5": system = .governmentEconomic
        default: system = nil
        }
      }
      guard let sys = system else {
        problems.append(Problem(line: line, message: "无法判断科目“\(code)”属于哪种分类（功能分类以2开头，部门经济分类以3开头）"))
        continue
      }
      if let p = CodeShape.problem(code, in: sys) {
        problems.append(Problem(line: line, message: CodeShape.describe(p, code: code, system: sys)))
        continue
      }
      let k = sys.rawValue + code
      if let first = seen[k] {
        problems.append(Problem(line: line, message: "科目“\(code)”与第\(first)行重复"))
        continue
      }
      seen[k] = line
      let conf = cell(confCol)
      entries.append(CatalogEntry(code: code, name: name, system: sys, confidence: conf.isEmpty ? defaultConfidence : conf))
    }
    // A 项 or 款 whose parent is missing from the file is suspicious but allowed (catalogs are often partial).
    return Parsed(entries: entries, problems: problems)
  }

  /// Writes entries in the bundled format, sorted by system and code.
  public static func render(_ entries: [CatalogEntry]) -> String {
    var out = "code,name,level,parent,kind,confidence\n"
    for e in entries.sorted(by: { ($0.system.rawValue, $0.code) < ($1.system.rawValue, $1.code) }) {
      out += [e.code, CSVReader.quote(e.name), String(e.level), CodeShape.parent(e.code) ?? "", e.system.rawValue, e.confidence].joined(separator: ",") + "\n"
    }
    return out
  }
}

/// A small RFC 4180 reader: quoted cells, doubled quotes, CRLF, a UTF-8 BOM.
public enum CSVReader {
  /// The rows of a file, with the line each row starts on (a quoted cell may span lines) and, when a quote is
  /// never closed, the line it was opened on: the rest of the file would otherwise silently become one cell.
  public struct Table: Sendable, Equatable {
    public var rows: [[String]] = []
    public var lines: [Int] = []
    public var unterminatedQuoteLine: Int?
  }

  public static func rows(_ text: String) -> [[String]] { read(text).rows }

  public static func read(_ text: String) -> Table {
    var table = Table()
    var row: [String] = [], cell = ""
    var inQuotes = false
    var chars = Substring(text)
    if chars.first == "\u{FEFF}" { chars.removeFirst() }
    var it = chars.makeIterator()
    var pending: Character? = nil
    var line = 1, rowLine = 1, quoteLine = 1
    while let c = pending ?? it.next() {
      pending = nil
      if inQuotes {
        if c == "\"" {
          if let n = it.next() {
            if n == "\"" { cell.append("\"") } else { inQuotes = false; pending = n }
          } else {
            inQuotes = false
          }
        } else {
          if c == "\n" || c == "\r\n" || c == "\r" { line += 1 }
          cell.append(c)
        }
        continue
      }
      switch c {
      case "\"": inQuotes = true; quoteLine = line
      case ",": row.append(cell); cell = ""
      case "\n", "\r\n", "\r":
        row.append(cell); table.rows.append(row); table.lines.append(rowLine); row = []; cell = ""
        line += 1; rowLine = line
      default: cell.append(c)
      }
    }
    if inQuotes { table.unterminatedQuoteLine = quoteLine }
    if !cell.isEmpty || !row.isEmpty { row.append(cell); table.rows.append(row); table.lines.append(rowLine) }
    return table
  }

  /// The message for a quote never closed, naming the file and line.
  public static func unterminatedQuote(file: String, line: Int) -> String {
    "\(file):\(line): 这一行开始的引号（\"）没有闭合：从这里到文件末尾都会被当成同一个单元格。"
      + "请补上结尾的引号（单元格中的引号要写成两个 \"\"），或在 Excel 中重新另存为“CSV UTF-8（逗号分隔）”。"
  }

  public static func quote(_ s: String) -> String {
    s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
  }
}
