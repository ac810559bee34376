import Reading
import YusuanCore

/// Notes under tables that contradict the table:
/// - `audit.table.empty-claim` (error): a note saying 本表为空表 / 本表无数据 under a table that prints figures.
/// - `audit.table.empty-note-fund` (warning): the note of an empty 政府性基金 table speaks of 国有资本经营 (or the
///   reverse): copied from the other table.
enum EmptyNotesRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for t in c.document.tables {
      let note = t.notes.joined(separator: " ")
      guard note.contains("空表") || note.contains("无数据") || note.contains("没有") || note.contains("无") else { continue }
      let claimsEmpty = note.contains("本表为空表") || note.contains("本表无数据") || note.contains("故本表无") || note.contains("故本表为空")
      let shape = TableShape(t)
      let figures = t.rows.flatMap { row in
        shape.amountColumns.compactMap { col -> Amount? in
          guard let v = t.value(row, col).value, !t.value(row, col).isBlank, !v.isZero else { return nil }
          return v
        }
      }
      if claimsEmpty, let first = figures.first {
        out.append(
          c.at(
            t, row: nil, .tableEmptyClaim, .error,
            "\(t.ref)的注说本表为空表（“\(AuditContext.quote(note, 30))”），表中却有 \(figures.count) 个不为零的数（如 \(t.show(first))）。",
            expected: figures.isEmpty ? "空表" : "删去空表说明", actual: t.show(first)))
      }
      let pairs: [(TableKind, String, String)] = [(.fund, "政府性基金", "国有资本经营"), (.stateCapital, "国有资本经营", "政府性基金")]
      for (kind, own, other) in pairs where t.kind == kind && claimsEmpty && note.contains(other) && !note.contains(own) {
        out.append(
          c.at(
            t, row: nil, .tableEmptyNoteFund, .warning,
            "\(t.ref)是\(own)预算的表，注里却说“\(other)”：多半是从另一张表照搬的注。", expected: own, actual: other))
      }
    }
    return out
  }
}
