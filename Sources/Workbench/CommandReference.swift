import YusuanCore

/// docs/commands.md: every entry command as its declaration says it (what for, how written, how removed, an
/// example), so the reference cannot drift from what the parser takes. `CommandReferenceTests` holds the file to it.
public enum CommandReference {
  public static func page() -> String {
    var out = "# 录入命令一览\n\n"
    out += "由各录入命令的声明（`EntryCommand`，在各部分插件的 `…Commands.swift` 中）生成：解析、`删除`、导出、TAB 补全、`help 命令` 和交互式录入的提问都读同一个声明。"
    out += "请勿手改；改了声明后运行 `YUSUAN_RECORD_GOLDEN=1 swift test --filter CommandReferenceTests` 重新生成。语言的总体规则和各命令的详细说明见 [entry-language.md](entry-language.md)。\n\n"
    out += "`[…]` 为可省略的部分，`a|b` 为其中之一，`\"…\"` 为文字（含空格时须加引号）；项目类型、表号等随版本而定的取值见各版本。\n"
    for plugin in SectionRegistry.plugins where !plugin.commands.isEmpty {
      out += "\n## \(plugin.title)（\(plugin.id)）\n\n| 命令 | 写法 | 删除 | 示例 |\n|---|---|---|---|\n"
      for c in plugin.commands {
        out += "| \(c.words)：\(c.summary) | \(code(c.syntax())) | \(code("删除 " + c.removalSyntax())) | \(code(c.example)) |\n"
      }
    }
    return out
  }

  /// A code span in a table cell (its `|` escaped).
  static func code(_ s: String) -> String { "`" + s.replacingOccurrences(of: "|", with: "\\|") + "`" }
}
