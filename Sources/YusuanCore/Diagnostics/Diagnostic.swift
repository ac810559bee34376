/// How much a finding matters. Errors block `compile`; warnings need a reason or an explicit accept; info is for the record.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
  case info, warning, error

  public var chinese: String {
    switch self {
    case .error: return "错误"
    case .warning: return "警告"
    case .info: return "提示"
    }
  }

  public static func < (a: Severity, b: Severity) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// A finding: data, not an exception. Rules return all of them; nothing stops at the first (DESIGN §6).
public struct Diagnostic: Sendable, Codable, Equatable {
  /// Stable rule id, e.g. `sum.declared`, `code.unknown`. Tests and other tools rely on it.
  public var rule: String
  public var severity: Severity
  /// Table id (T1…T14) or section name where the finding sits.
  public var table: String?
  /// Row code or label.
  public var row: String?
  public var column: String?
  /// What is wrong, why, and what to do, in Chinese.
  public var message: String
  public var expected: String?
  public var actual: String?
  /// The section plugin whose rule produced it.
  public var plugin: String?
  /// For script findings: where in which file.
  public var file: String?
  public var line: Int?
  public var col: Int?
  /// For findings in a PDF: the 1-based page and the box of the cell or sentence, so a reviewer can find the spot.
  public var page: Int?
  public var box: Box?

  public init(
    rule: String, severity: Severity, table: String? = nil, row: String? = nil, column: String? = nil,
    message: String, expected: String? = nil, actual: String? = nil, plugin: String? = nil,
    file: String? = nil, line: Int? = nil, col: Int? = nil, page: Int? = nil, box: Box? = nil
  ) {
    self.rule = rule; self.severity = severity; self.table = table; self.row = row; self.column = column
    self.message = message; self.expected = expected; self.actual = actual; self.plugin = plugin
    self.file = file; self.line = line; self.col = col; self.page = page; self.box = box
  }

  /// A short location: `T5 行2010301 列合计`, or `file:line:col`.
  public var location: String {
    if let file, let line {
      return "\(file):\(line)" + (col.map { ":\($0)" } ?? "") + (page.map { "（第\($0)页）" } ?? "")
    }
    var parts: [String] = []
    if let page { parts.append("第\(page)页") }
    if let table { parts.append(table) }
    if let row { parts.append("行 \(row)") }
    if let column { parts.append("列 \(column)") }
    return parts.joined(separator: " ")
  }
}

extension Array where Element == Diagnostic {
  public var worst: Severity? { map(\.severity).max() }
  public var errorCount: Int { filter { $0.severity == .error }.count }
  public var warningCount: Int { filter { $0.severity == .warning }.count }
}
