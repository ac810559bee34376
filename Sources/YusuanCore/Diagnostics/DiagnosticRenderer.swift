import Foundation

/// Renders findings for people (aligned text) and for tools (a JSON array).
public enum DiagnosticRenderer {
  public static func text(_ diagnostics: [Diagnostic]) -> String {
    guard !diagnostics.isEmpty else { return "未发现问题。\n" }
    var out = ""
    for d in diagnostics {
      let loc = d.location
      out += "\(d.severity.chinese) [\(d.rule)]" + (loc.isEmpty ? "" : " \(loc)") + "\n"
      out += "  \(d.message)\n"
      if d.expected != nil || d.actual != nil {
        let e = d.expected ?? "—", a = d.actual ?? "—"
        out += "  应为：\(e)　实际：\(a)\n"
      }
    }
    out += summary(diagnostics) + "\n"
    return out
  }

  public static func summary(_ diagnostics: [Diagnostic]) -> String {
    let e = diagnostics.errorCount, w = diagnostics.warningCount, i = diagnostics.count - e - w
    return "共 \(diagnostics.count) 条：错误 \(e) 条，警告 \(w) 条，提示 \(i) 条。"
  }

  /// A JSON array with at least rule, severity, table, row, column, message, expected, actual (DESIGN §7).
  public static func json(_ diagnostics: [Diagnostic]) -> String {
    var items: [String] = []
    for d in diagnostics {
      var fields: [(String, String)] = [
        ("rule", q(d.rule)), ("severity", q(d.severity.rawValue)),
        ("table", opt(d.table)), ("row", opt(d.row)), ("column", opt(d.column)),
        ("message", q(d.message)), ("expected", opt(d.expected)), ("actual", opt(d.actual)),
        ("plugin", opt(d.plugin)),
      ]
      if let f = d.file { fields.append(("file", q(f))) }
      if let l = d.line { fields.append(("line", String(l))) }
      if let c = d.col { fields.append(("col", String(c))) }
      if let p = d.page { fields.append(("page", String(p))) }
      if let b = d.box { fields.append(("box", "[" + [b.x0, b.y0, b.x1, b.y1].map { String(format: "%.1f", $0) }.joined(separator: ", ") + "]")) }
      items.append("  {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
    }
    return items.isEmpty ? "[]\n" : "[\n" + items.joined(separator: ",\n") + "\n]\n"
  }

  static func opt(_ s: String?) -> String { s.map(q) ?? "null" }

  /// JSON string literal; CJK kept as is (valid UTF-8 JSON), control characters escaped.
  public static func q(_ s: String) -> String {
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
      }
    }
    return out + "\""
  }
}
