import YusuanCore

/// Turns one line of the entry language into fact edits, through the plugin that owns its keyword.
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
      let (plugin, command) = try owner(of: target)
      var args = ArgReader(line: line, startingAt: 2, example: "删除 " + command.syntax)
      let key = try plugin.removalKey(command, &args, context)
      guard context.facts[key] != nil else {
        throw EntryError("没有可删除的这条事实（\(key.replacingOccurrences(of: "|", with: " "))）。可用 yusuan export 查看已录入的内容。", start: target.start, end: line.raw.count)
      }
      return [.remove(key: key)]
    }
    let (plugin, command) = try owner(of: first)
    var args = ArgReader(line: line, startingAt: 1, example: command.example)
    return try plugin.parse(command, &args, context)
  }

  static func owner(of token: Token) throws(EntryError) -> (any SectionPlugin, CommandSpec) {
    if !token.quoted, let hit = SectionRegistry.commands[token.text] { return (hit.plugin, hit.command) }
    // A command in quotes is a text, not a command: say so rather than suggest the very word typed (issue 14).
    if token.quoted, let hit = SectionRegistry.commands[token.text.trimmingBlanks()] {
      throw EntryError("命令“\(hit.command.keyword)”不能加引号：行首的命令直接写，引号只用于文字内容。例如：\(hit.command.example)", at: token)
    }
    // The keywords sharing a character with the word (its characters gathered once: the word may be a whole
    // megabyte-long line, and asking it for each character of each keyword took seconds).
    let typed = Set(token.text)
    let near = SectionRegistry.keywords.filter { k in k != token.text && k.contains(where: typed.contains) }
    let hint = near.isEmpty ? "" : "是否想用：\(near.prefix(3).joined(separator: "、"))？"
    throw EntryError("不认识的命令“\(token.text)”。\(hint)可用的命令：\(SectionRegistry.keywords.joined(separator: "、"))。", at: token)
  }
}
