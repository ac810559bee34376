import Reading
import YusuanCore

/// What a standard table must show (DESIGN §2):
/// - `audit.table.columns` (warning under a known edition, else info): required columns missing (一般公共预算支出表
///   needs 基本支出 and 项目支出; 基本支出表 needs 人员经费 and 公用经费).
/// - `audit.table.title` (warning): a title without the department name that the other titles carry.
/// - `audit.table.unit` (warning): a table with figures but no 单位 line.
/// - `audit.table.empty-note` (warning): a table printed as 本表无数据 without a note saying why.
enum TableShapeRule {
  static let required: [TableKind: [[String]]] = [
    .general: [["基本"], ["项目"]],
    .expenditure: [["基本"], ["项目"]],
    .basicEconomic: [["人员经费", "人员支出"], ["公用经费", "公用支出"]],
  ]

  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let tables = c.document.tables.filter { $0.kind != .other && $0.kind != .performance }
    // The department prefix most titles share (text before the year).
    let prefixes = tables.compactMap { $0.title }.compactMap { t -> String? in
      guard let r = t.match(#"\d{4}\s*年"#) else { return nil }
      return String(t[..<r.lowerBound]).trimmingBlanks()
    }
    let common = Dictionary(grouping: prefixes, by: { $0 }).max { $0.value.count < $1.value.count }?.key ?? ""
    for t in tables {
      let names = t.columns.map(NameKey.of).joined(separator: "|")
      if let req = required[t.kind], !t.isEmptyTable {
        let missing = req.filter { alts in !alts.contains { names.contains($0) } }.map { $0[0] }
        if !missing.isEmpty {
          // Required by the edition the document follows; by the national sample tables alone, a province may lay its
          // table out otherwise (上年/本年 columns with the split in another table): then it is a note.
          out.append(
            c.at(
              t, row: "表头", .tableColumns, c.template.edition != nil ? .warning : .info,
              "\(t.ref)缺少“\(missing.joined(separator: "”“"))”列（表头为：\(t.columns.filter { !$0.isEmpty }.map(NameKey.of).joined(separator: "、"))）。公开模板要求分列列示。",
              expected: missing.joined(separator: "、"), actual: "无"))
        }
      }
      if !common.isEmpty, let title = t.title, !title.hasPrefix(common) {
        out.append(
          c.at(
            t, row: "表名", .tableTitle, .warning, "表名“\(title)”缺少部门名称（其他表名为“\(common)……”）。",
            expected: common + t.shortTitle, actual: title))
      }
      if t.unit == nil && !t.isEmptyTable && TableShape(t).amountColumns.count > 0 {
        out.append(c.at(t, row: "单位", .tableUnit, .warning, "\(t.ref)没有印金额单位（单位：万元）。", expected: "单位：万元", actual: "无"))
      }
      if t.rows.isEmpty && t.headerRows.isEmpty && t.notes.isEmpty {
        // Nothing under the title at all: the table was not read (text copied from a PDF, aligned with spaces),
        // which is not the same as a table printed empty.
        out.append(c.at(t, row: nil, .readTable, .info, "未能核对\(t.ref)：标题下没有读出任何行（文字可能是从 PDF 复制、靠空格对齐的，无法可靠分栏）。请直接审读 PDF 或 Word 原件。"))
        continue
      }
      if t.isEmptyTable && t.notes.isEmpty {
        out.append(
          c.at(
            t, row: nil, .tableEmptyNote, .warning, "\(t.ref)为空表（本表无数据），但没有注明原因。公开要求空表也要公开并说明为什么没有数据。",
            expected: "注：……没有……，故本表无数据", actual: "无说明"))
      }
    }
    return out
  }
}
