import YusuanCore

/// A refused script line, shown as `file:line:col: 错误：…`, the line, and a caret under the offending part.
/// Columns and carets count display width (CJK characters take two columns), as hledger does.
public struct ScriptError: Error, Sendable, Equatable {
  public var file: String
  public var line: Int
  /// 1-based display column.
  public var column: Int
  public var message: String
  public var excerpt: String
  public var caretStart: Int
  public var caretWidth: Int

  public init(file: String, line: Int, text: String, error: EntryError) {
    self.file = file; self.line = line; self.message = CharacterNames.visible(error.message)
    // Each character as shown: a control or invisible one as `<U+200B>`, so the excerpt shows it (and never sends
    // it to the terminal) and the caret lands under it.
    let chars = Array(text.replacingOccurrences(of: "\t", with: " ")).map { CharacterNames.visible(String($0)) }
    let start = min(error.start ?? 0, chars.count)
    let end = max(start + 1, min(error.end ?? chars.count, chars.count))
    excerpt = chars.joined()
    caretStart = DisplayWidth.of(chars[0..<start].joined())
    caretWidth = max(1, start < chars.count ? DisplayWidth.of(chars[start..<min(end, chars.count)].joined()) : 1)
    column = caretStart + 1
  }

  public var rendered: String {
    let gutter = String(line)
    var s = "\(file):\(line):\(column): 错误：" + message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)! + "\n"
    s += "\(gutter) | \(excerpt)\n"
    s += String(repeating: " ", count: gutter.count) + " | " + String(repeating: " ", count: caretStart) + String(repeating: "^", count: caretWidth) + "\n"
    for rest in message.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() { s += "  \(rest)\n" }
    return s
  }

  public var diagnostic: Diagnostic {
    Diagnostic(rule: WorkbenchRuleID.scriptInvalid, message: message, file: file, line: line, col: column)
  }
}
