import Reading
import YusuanCore

/// What every 部门预算公开 must contain (财预〔2016〕143号; DESIGN §2):
/// - `audit.required.three-public` (error): neither a “三公”经费 table nor a “三公” explanation outside the glossary,
///   above all when the tables or prose show 公务接待费, 公务用车 or 因公出国 spending.
/// - `audit.required.table` (error for 三公, else warning): a table the document's template requires is missing
///   (the template is detected: `TemplateDetector`).
/// - `audit.required.tables` (warning): no budget tables at all (e.g. left to an attachment), so table checks were not done.
/// - `audit.required.explanation` (warning): 机关运行经费, 政府采购, 国有资产, 绩效目标 not explained.
enum RequiredRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    let doc = c.document
    var out: [Diagnostic] = []
    let kinds = Set(doc.tables.map(\.kind)).subtracting([.other, .performance])
    let prose = doc.paragraphs.filter { !$0.isGlossary }.map(\.text).joined(separator: "\n")
    if kinds.count >= 3 {
      for k in c.template.required where !kinds.contains(k) {
        out.append(
          c.at(
            document: .requiredTable, k == .threePublic ? .error : .warning,
            "缺少《\(k.chineseName)》（按\(c.template.name)）。公开要求列出全部规定表格，没有数据的表也要公开并注明原因。", expected: k.chineseName, actual: "无"))
      }
    } else if kinds.isEmpty {
      let attached = prose.contains("附件")
      out.append(
        c.at(
          document: .requiredTables, attached ? .info : .warning,
          attached
            ? "正文中没有预算表（文中说见附件），表格本身未能审读；文字中的数字只能相互核对。请同时审读附件中的预算表。"
            : "文件中没有找到预算表（如收支总表、一般公共预算支出表）。公开文件应包含全部规定表格。",
          expected: "预算表", actual: "无"))
    }
    if !kinds.contains(.threePublic) && !prose.contains("三公") {
      var evidence: [String] = []
      for t in doc.tables(.basicEconomic) {
        let s = TableShape(t)
        // The 经济分类 款 of the 三公 items, from their one home in the core (30213 维修（护）费 was listed here by mistake).
        let codes = Set(ThreePublicItem.allCases.flatMap(\.economicCodes))
        for row in t.rows where codes.contains(s.codeColumn.map { row.cell($0) } ?? "") {
          if let a = s.amountColumns.first.flatMap({ t.value(row, $0).value }), !a.isZero { evidence.append("\(row.cell(s.codeColumn! + 1)) \(t.show(a))") }
        }
      }
      for word in ["公务接待费", "公务用车运行维护费", "因公出国（境）费", "公务用车"] where evidence.isEmpty && prose.contains(word) { evidence.append("文中提到\(word)") }
      if let vehicles = prose.match(#"车辆\s*\d+\s*辆"#) { evidence.append(String(prose[vehicles])) }
      out.append(
        c.at(
          document: .requiredThreePublic, .error,
          "没有“三公”经费支出表，也没有“三公”经费说明（名词解释不算）。“三公”经费必须公开，为零也要说明" + (evidence.isEmpty ? "。" : "；而本文件显示有相关支出：\(evidence.joined(separator: "、"))。"),
          expected: "“三公”经费表和说明", actual: "无"))
    }
    // Tables without prose (the 预算表 published as an attachment): the explanations are elsewhere, not missing.
    if doc.prose.count < 3 && kinds.count >= 3 {
      out.append(
        c.at(
          document: .requiredExplanation, .info,
          "未能核对情况说明：本文件只有预算表，几乎没有正文（可能是公开文件的附件），机关运行经费、政府采购、国有资产、绩效目标等说明请在正文中核对。"))
      return out
    }
    for (topic, words) in [("机关运行经费", ["机关运行经费"]), ("政府采购", ["政府采购"]), ("国有资产占有使用", ["国有资产", "资产占有"]), ("绩效目标", ["绩效目标", "绩效"])] {
      if !words.contains(where: prose.contains) {
        out.append(c.at(document: .requiredExplanation, .warning, "没有\(topic)情况的说明（其他重要事项）。", expected: topic, actual: "无"))
      }
    }
    return out
  }
}
