import Foundation
import Reading
import YusuanCore

/// What an audit looked at and what it could not check, so a reviewer knows how far a clean report goes:
/// the tables read (with their units and pages), how many prose figures, changes and shares were compared, and the
/// findings that say something was not checked.
public enum AuditLedger {
  /// Reading problems and findings that say 未能核对. The template line says what the document was judged against,
  /// not what was left out.
  public static func isUnchecked(_ d: Diagnostic) -> Bool {
    (d.rule.hasPrefix("audit.read.") && d.rule != AuditRuleID.readTemplate.id) || d.message.contains("未能核对")
  }

  /// The closing lines of the text report.
  public static func text(_ doc: AuditDocument, _ findings: [Diagnostic]) -> String {
    let scanned = doc.prose.map(ProseScanner.scan)
    let amounts = scanned.map(\.amounts.count).reduce(0, +), changes = scanned.map(\.changes.count).reduce(0, +)
    let shares = scanned.map(\.shares.count).reduce(0, +)
    var units: [String: Int] = [:]
    for t in doc.tables { units[t.unit?.rawValue ?? "未标明单位", default: 0] += 1 }
    let unitText = units.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value) 张" }.joined(separator: "、")
    var out =
      "核对范围：读出 \(doc.tables.count) 张表" + (doc.tables.isEmpty ? "" : "（\(unitText)）")
      + "，正文 \(doc.prose.count) 段；文中 \(amounts) 个金额、\(changes) 处增减、\(shares) 处占比，并与表中同名的数字和算术核对（表中没有的名称不核对）。\n"
    let unchecked = findings.filter(isUnchecked)
    out += unchecked.isEmpty ? "未能核对：无。\n" : "未能核对：\(unchecked.count) 条（\(unchecked.map(\.rule).joined(separator: "、"))，见上）。\n"
    return out
  }
}
