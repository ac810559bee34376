/// A reason said once (issue 11, item 11): the officer enters one reason for 合计, for 一般公共预算 and for 基本支出,
/// and the summaries of 收支总表, 收入总表, 支出总表 and 一般公共预算支出表 each printed it — four times the same
/// words. The clauses of the budget's overall change are marked when written (`mark`, `CompileContext.change(once:)`);
/// once the document is in its order, `resolve` keeps the first of each clause and leaves the later ones out. The
/// sections with a topic of their own (项目支出, “三公”, 机关运行经费) and the itemised lists (each 项, each 三公 item)
/// keep their reasons: each stands alone.
public enum SaidOnce {
  /// Record and unit separators: control characters the entry language refuses, so no entered text holds them.
  static let start: Character = "\u{1E}", end: Character = "\u{1F}"

  public static func mark(_ clause: String) -> String { clause.isEmpty ? clause : String(start) + clause + String(end) }

  /// The parts with each marked clause printed at its first place only, and no marks left.
  public static func resolve(_ parts: [Part]) -> [Part] {
    var said: Set<String> = []
    func clean(_ text: String) -> String {
      guard text.contains(start) else { return text }
      var out = "", rest = text[...]
      while let open = rest.firstIndex(of: start) {
        out += rest[..<open]
        let afterOpen = rest.index(after: open)
        guard let close = rest[afterOpen...].firstIndex(of: end) else { rest = rest[afterOpen...]; break }
        let clause = String(rest[afterOpen..<close])
        if said.insert(clause).inserted { out += clause }
        rest = rest[rest.index(after: close)...]
      }
      return out + rest
    }
    return parts.map { part in
      Part(
        title: part.title,
        blocks: part.blocks.map { block in
          switch block {
          case .paragraph(let t): return .paragraph(clean(t))
          case .heading(let level, let t): return .heading(level: level, text: clean(t))
          case .table: return block
          }
        })
    }
  }
}
