import Reading
import YusuanCore

/// Which template (edition) a published document follows, so that it is judged only against its own template:
/// a Shanghai document is not told it lacks Anhui's 项目支出表. An edition matches when most of the document's
/// table titles are its table names (after the department and year); a document that matches none is judged by the
/// tables every 部门预算公开 must print (财预〔2016〕143号), and the report says so.
public struct TemplateChoice: Sendable {
  /// The edition the document follows, nil for the generic set.
  public var edition: Edition?
  /// The tables the document must print.
  public var required: [TableKind]
  /// How many of the document's tables matched the edition's names, for the report.
  public var matched: Int

  public var name: String { edition.map { "\($0.name)（\($0.id)）" } ?? "通用要求（财预〔2016〕143号）" }
}

public enum TemplateDetector {
  /// The national tables' names (财预〔2016〕143号), which every province may print: they mark no edition.
  static let nationalNames: Set<String> = Set(TableID.national.map { NameKey.of($0.standardName) })

  /// The tables every 部门预算公开 prints, whatever the province (`TableID.national`). Provinces add more (Anhui:
  /// 项目支出表 and others) in their editions.
  public static let generic: [TableKind] = TableID.national.compactMap { TableKind(rawValue: $0.rawValue) }

  public static func choose(_ doc: AuditDocument, editions: [Edition]) -> TemplateChoice {
    let titles = doc.tables.filter { $0.kind != .other }.map { NameKey.of($0.shortTitle) }
    var best: (Edition, Int)? = nil
    for e in editions {
      let names = Set(e.tables.map { NameKey.of($0.name) })
      let hits = titles.filter { names.contains($0) }.count
      if hits > (best?.1 ?? 0) { best = (e, hits) }
    }
    // Most of the printed tables must carry the edition's own names; a few shared words are not enough. And the
    // names every province shares (收支总表 … 一般公共预算基本支出表) do not make a document one province's: some
    // mark of the edition itself must be there too — one of its own tables (项目支出表 in Anhui's), or its table
    // labels (部门公开表N).
    if let (e, hits) = best, !titles.isEmpty, hits * 3 >= titles.count * 2, carriesMark(of: e, doc) {
      let kinds = e.tables.map { TableKind.of(title: $0.name) }.filter { $0 != .other && $0 != .performance }
      return TemplateChoice(edition: e, required: kinds, matched: hits)
    }
    return TemplateChoice(edition: nil, required: generic, matched: 0)
  }

  /// Whether the document shows something only this edition prints: a table beyond the national nine, or the
  /// edition's label word before the table numbers.
  static func carriesMark(of e: Edition, _ doc: AuditDocument) -> Bool {
    // The edition's own tables: kinds beyond the national nine, or the nine under names of its own (Shanghai's
    // 部门财务收支预算总表 for 收支总表).
    let own = Set(
      e.tables.filter { !generic.contains(TableKind.of(title: $0.name)) || !nationalNames.contains(NameKey.of($0.name)) }.map { NameKey.of($0.name) })
    if doc.tables.contains(where: { own.contains(NameKey.of($0.shortTitle)) }) { return true }
    let word = e.numbering.components(separatedBy: "{").first?.trimmingBlanks() ?? ""
    return !word.isEmpty && doc.tables.contains { $0.label?.hasPrefix(word) == true }
  }
}
