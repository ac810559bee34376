import YusuanCore

/// Turns one line of the entry language into fact edits, through the declaration of the command it starts with.
public enum EntryParser {
  public static let removeKeyword = "删除"

  /// Parses a line; blank and comment-only lines give no edits.
  public static func edits(for raw: String, context: EntryContext) throws(EntryError) -> [FactEdit] {
    let line = try Lexer.tokenize(raw)
    guard let first = line.tokens.first else { return [] }
    if first.text == removeKeyword && !first.quoted {
      guard let target = line.tokens.dropFirst().first else {
        throw EntryError("“删除”后要写出要删除的事实，例如：删除 支出 2010301 基本", at: first)
      }
      let group = try owner(of: target)
      var words = ArgReader(line: line, startingAt: 2, example: "删除 " + group[0].removalSyntax(context))
      let command = try SectionRegistry.index.command(group, &words)
      var args = ArgReader(line: line, startingAt: words.index, example: "删除 " + command.removalSyntax(context))
      let key = try command.removalKey(&args, context)
      guard context.facts[key] != nil else {
        throw EntryError("没有可删除的这条事实（\(key.replacingOccurrences(of: "|", with: " "))）。可用 yusuan export 查看已录入的内容。", start: target.start, end: line.raw.count)
      }
      return [.remove(key: key)]
    }
    let group = try owner(of: first)
    var words = ArgReader(line: line, startingAt: 1, example: group[0].example)
    let command = try SectionRegistry.index.command(group, &words)
    var args = ArgReader(line: line, startingAt: words.index, example: command.example)
    return try command.edits(&args, context)
  }

  /// The commands a line's first word names.
  static func owner(of token: Token) throws(EntryError) -> [EntryCommand] {
    if !token.quoted, let hit = SectionRegistry.index[token.text] { return hit }
    // A command in quotes is a text, not a command: say so rather than suggest the very word typed (issue 14).
    if token.quoted, let hit = SectionRegistry.index[token.text.trimmingBlanks()] {
      throw EntryError("命令“\(hit[0].keyword)”不能加引号：行首的命令直接写，引号只用于文字内容。例如：\(hit[0].example)", at: token)
    }
    // The keywords sharing a character with the word (its characters gathered once: the word may be a whole
    // megabyte-long line, and asking it for each character of each keyword took seconds).
    let typed = Set(token.text)
    let near = SectionRegistry.keywords.filter { k in k != token.text && k.contains(where: typed.contains) }
    let hint = near.isEmpty ? "" : "是否想用：\(near.prefix(3).joined(separator: "、"))？"
    throw EntryError("不认识的命令“\(token.text)”。\(hint)可用的命令：\(SectionRegistry.keywords.joined(separator: "、"))。", at: token)
  }
}
