import Reading
import YusuanCore

/// 部门公开表N numbering, whatever the edition's order:
/// - `audit.numbering.missing` (warning): a standard table printed without a number while others have one.
/// - `audit.numbering.orphan` (warning): a number printed with no table title after it.
/// - `audit.numbering.gap` / `audit.numbering.duplicate` / `audit.numbering.order` (warning).
enum NumberingRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    let doc = c.document
    let standard = doc.tables.filter { $0.kind != .other && $0.kind != .performance }
    let numbered = standard.filter { $0.number != nil }
    guard !numbered.isEmpty || !doc.orphanLabels.isEmpty else { return [] }
    var out: [Diagnostic] = []
    for t in standard where t.number == nil {
      let nextLine = doc.tables.first { $0.line > t.line }?.line ?? Int.max
      let nearby = doc.orphanLabels.first { $0.line > t.line && $0.line < nextLine }
      let hint = nearby.map { "表后孤立的“\($0.text)”可能就是它的编号。" } ?? ""
      out.append(
        c.at(
          t, row: nil, .numberingMissing, .warning,
          "\(t.ref)没有“部门公开表N”编号，而其他表都有编号。\(hint)请在表名上方印出编号。",
          expected: "部门公开表N", actual: "无编号"))
    }
    for o in doc.orphanLabels {
      out.append(c.at(document: .numberingOrphan, .warning, "第\(o.line)行的“\(o.text)”后面没有表名和表格：编号孤悬，可能错位或漏印了表。", expected: "编号紧接表名", actual: o.text))
    }
    let all = numbered.map { ($0.number!, $0.ref) } + doc.orphanLabels.map { ($0.number, $0.text) }
    let numbers = all.map(\.0)
    // 部门公开表0 (a misprint) has no place in the sequence; the gaps are counted from 表1.
    if let maxN = numbers.max(), maxN >= 1 {
      let missing = (1...maxN).filter { !numbers.contains($0) }
      if !missing.isEmpty {
        out.append(
          c.at(
            document: .numberingGap, .warning, "部门公开表编号不连续：缺少 \(missing.map { "表\($0)" }.joined(separator: "、"))。",
            expected: "1–\(maxN) 连续", actual: numbers.sorted().map(String.init).joined(separator: ",")))
      }
    }
    for (n, group) in Dictionary(grouping: all, by: \.0) where group.count > 1 {
      out.append(
        c.at(
          document: .numberingDuplicate, .warning, "部门公开表\(n)用了 \(group.count) 次：\(group.map(\.1).joined(separator: "、"))。", expected: "每个编号一张表",
          actual: "\(group.count) 张"))
    }
    let inOrder = numbered.map { $0.number! }
    if inOrder != inOrder.sorted() {
      out.append(
        c.at(
          document: .numberingOrder, .warning, "部门公开表编号没有按顺序排列：\(inOrder.map(String.init).joined(separator: "、"))。",
          actual: inOrder.map(String.init).joined(separator: ",")))
    }
    return out
  }
}
