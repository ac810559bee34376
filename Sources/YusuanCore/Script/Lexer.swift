/// Splits a line of the entry language into words and quoted texts.
///
/// Words are separated by blanks (ASCII or the ideographic space 　). Texts are quoted with "…" (with \" and \\
/// escapes), “…” or 「…」. `#` or `＃` outside quotes starts a comment. A control or invisible character anywhere on
/// the line (even in a comment) refuses the line, named: it would reach the published files and the terminal unseen.
public enum Lexer {
  public static func tokenize(_ raw: String) throws(EntryError) -> ScriptLine {
    if let (offset, c) = CharacterNames.firstRefused(in: raw), let s = CharacterNames.refusedScalar(in: c) {
      throw EntryError(CharacterNames.refusal(s), start: offset, end: offset + 1)
    }
    let chars = Array(raw)
    var tokens: [Token] = []
    var i = 0
    func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{3000}" || c == "\u{00A0}" || c == "\r" || c == "\u{FEFF}" }
    while i < chars.count {
      let c = chars[i]
      if isBlank(c) { i += 1; continue }
      if c == "#" || c == "＃" { break }
      if c == "\"" || c == "“" || c == "「" {
        let close: Character = c == "\"" ? "\"" : c == "“" ? "”" : "」"
        let start = i
        var text = ""
        i += 1
        var closed = false
        while i < chars.count {
          let d = chars[i]
          if c == "\"" && d == "\\" && i + 1 < chars.count && (chars[i + 1] == "\"" || chars[i + 1] == "\\") {
            text.append(chars[i + 1]); i += 2; continue
          }
          if d == close { closed = true; i += 1; break }
          text.append(d); i += 1
        }
        if !closed {
          throw EntryError("引号没有闭合：从这里开始的文字缺少结尾的 \(close)。示例：职责 \"负责区政府会议的准备工作。\"", start: start, end: chars.count)
        }
        if i < chars.count && !isBlank(chars[i]) && chars[i] != "#" && chars[i] != "＃" {
          throw EntryError("引号后应有空格再写下一项。", start: i, end: i + 1)
        }
        tokens.append(Token(text: text, quoted: true, start: start, end: i))
        continue
      }
      let start = i
      var word = ""
      while i < chars.count, !isBlank(chars[i]) {
        let d = chars[i]
        if d == "\"" || d == "“" || d == "「" {
          throw EntryError("引号应在一项的开头：请在引号前加空格。", start: i, end: i + 1)
        }
        word.append(d); i += 1
      }
      tokens.append(Token(text: word, quoted: false, start: start, end: i))
    }
    return ScriptLine(raw: raw, tokens: tokens)
  }

  /// Quotes text for a canonical script: plain words stay bare only when they cannot be misread.
  public static func quote(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
