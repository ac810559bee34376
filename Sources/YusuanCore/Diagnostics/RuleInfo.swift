/// One rule as officers and other tools see it: the stable id its findings carry, the severity they have, a short
/// title and what to do about it (pyxform's error codes, swift-format's rule registry).
///
/// Findings are made from a catalog entry (`Diagnostic(rule: AssetsRuleID.vehicleCount, …)`), never from a bare
/// string, so an id is emitted only where it is declared and a misspelt one does not compile. `Diagnostic.rule` keeps
/// the id as text: the ids are a public contract of `check --format json`, the audit report and the tests.
public struct RuleInfo: Sendable, Hashable {
  /// Stable id, e.g. `sum.declared`, `audit.prose.share`.
  public var id: String
  /// The severity findings of the rule carry, unless `varies` says when the code chooses another.
  public var severity: Severity
  /// A few words for officers: what the rule finds.
  public var title: String
  /// What to do about a finding, in Chinese.
  public var fix: String
  /// When the code chooses another severity at run time, in Chinese; nil when findings always carry `severity`.
  public var varies: String?

  public init(_ id: String, _ severity: Severity, _ title: String, fix: String, varies: String? = nil) {
    self.id = id; self.severity = severity; self.title = title; self.fix = fix; self.varies = varies
  }
}

/// A family of rules: an enum whose cases are the rules and whose `info` is their catalog entry, so `allCases` is
/// the complete list the tests and `docs/rules.md` iterate. The core declares the rules every section shares
/// (`CoreRuleID`), each section plugin its own beside its checks, the workbench the pipeline's, the audit `AuditRuleID`.
public protocol RuleCatalog: CaseIterable, Sendable {
  var info: RuleInfo { get }
}

extension RuleCatalog {
  public var id: String { info.id }
  /// Every entry of the family, in declaration order.
  public static var entries: [RuleInfo] { allCases.map(\.info) }
  /// The rule with this id, if the family has it.
  public init?(id: String) {
    guard let rule = Self.allCases.first(where: { $0.info.id == id }) else { return nil }
    self = rule
  }
}

extension Diagnostic {
  /// A finding of `rule`, with the rule's catalog severity unless the code chooses another (`severity`; the
  /// entry's `varies` says when).
  public init(
    rule: some RuleCatalog, severity: Severity? = nil, table: String? = nil, row: String? = nil, column: String? = nil,
    message: String, expected: String? = nil, actual: String? = nil, plugin: String? = nil,
    file: String? = nil, line: Int? = nil, col: Int? = nil, page: Int? = nil, box: Box? = nil
  ) {
    self.init(
      rule: rule.info.id, severity: severity ?? rule.info.severity, table: table, row: row, column: column,
      message: message, expected: expected, actual: actual, plugin: plugin, file: file, line: line, col: col, page: page, box: box)
  }
}

/// `docs/rules.md`: every rule of each family as a table, generated from the catalogs (RuleCatalogTests compares the
/// committed file with it).
public enum RuleDocs {
  public static func page(_ families: [(title: String, intro: String, rules: [RuleInfo])]) -> String {
    var out = """
      # 规则一览

      本文件由规则目录生成（`YUSUAN_RECORD_GOLDEN=1 swift test --filter RuleCatalogTests` 重新生成），请勿手工修改。
      规则编号是稳定的：`check --format json`、`audit` 报告和其他工具都依靠它。严重程度：错误（阻止 `compile`）、警告（需说明原因或确认）、提示。

      """
    for f in families {
      out += "\n## \(f.title)（\(f.rules.count) 条）\n\n\(f.intro)\n\n| 规则编号 | 严重程度 | 名称 | 怎么改 |\n|---|---|---|---|\n"
      for r in f.rules {
        let severity = r.severity.chinese + (r.varies.map { "（\($0)）" } ?? "")
        out += "| `\(r.id)` | \(cell(severity)) | \(cell(r.title)) | \(cell(r.fix)) |\n"
      }
    }
    return out
  }

  static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
}
