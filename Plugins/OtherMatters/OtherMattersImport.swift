import YusuanCore

/// `import` as this year's: the note printed under an empty 政府性基金 (T8) or 国有资本经营 (T9) table is the table's
/// 说明, so the new document says why it is empty in the same words.
extension OtherMattersPlugin {
  public func importLines(_ t: ReadTable, into sheet: inout ImportSheet) -> Bool {
    guard t.isEmpty, sheet.mode == .current, let id = t.id, id == .t8 || id == .t9, let note = t.notes.first else { return false }
    sheet.emit("说明 \(id.rawValue) \(ScriptWriter.q(Self.unquote(note)))", t)
    return true
  }

  /// A printed note as the text of a 说明: without 注： and its quotes, ending with 。.
  static func unquote(_ s: String) -> String {
    var t = s.trimmingBlanks()
    if t.hasPrefix("注：") { t.removeFirst(2) }
    let quotes: Set<Character> = ["“", "”", "\"", "。"]
    while let f = t.first, quotes.contains(f) { t.removeFirst() }
    while let l = t.last, quotes.contains(l) { t.removeLast() }
    return t.isEmpty ? s : t + "。"
  }
}
