import Reading
import YusuanCore

/// `audit.text.residue` (error): template placeholders left in the published text (XX局, 局（委）, 增加（减少）…),
/// in prose, table notes and titles. Uses the core's TextRules with the audit's word list.
enum ResidueRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for p in c.document.paragraphs {
      // A table of contents' dot leaders (一、部门主要职能 ……… 3) are not an unfilled placeholder.
      let text = Heuristics.isContentsEntry(p.text) ? p.text.replacing(pattern: #"[…\.·\s\d]+$"#, with: "") : p.text
      for var d in TextRules.residue(text, words: c.residueWords, table: nil, row: nil, plugin: "audit") {
        let located = c.at(p, .textResidue, .error, d.message, expected: d.expected, actual: d.actual)
        d = located
        out.append(d)
      }
      // 各部门 in a department's own figures (“2021年各部门政府采购预算”) is the finance bureau's template.
      if p.text.match(#"\d{4}年各部门"#) != nil {
        out.append(c.at(p, .textResidue, .warning, "“各部门”是模板用语：「\(AuditContext.quote(p.text))」。本部门的说明应写本部门。", expected: "不含“各部门”", actual: "各部门"))
      }
    }
    for t in c.document.tables {
      for text in t.notes + [t.title ?? ""] + t.rows.flatMap(\.cells) {
        for d in TextRules.residue(text, words: c.residueWords, table: nil, row: nil, plugin: "audit") {
          out.append(c.at(t, row: "注", .textResidue, .error, "\(t.ref)：" + d.message, expected: d.expected, actual: d.actual))
        }
      }
    }
    return out
  }
}
