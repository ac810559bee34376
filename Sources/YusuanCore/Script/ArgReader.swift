/// Reads a command's words left to right (as its declaration says, `EntryCommand.read`), with Chinese messages that
/// name what was expected and show the command's example.
public struct ArgReader {
  public let line: ScriptLine
  public private(set) var index: Int
  /// The command's example, appended to every message.
  public let example: String

  public init(line: ScriptLine, startingAt index: Int, example: String) {
    self.line = line; self.index = index; self.example = example
  }

  public var isAtEnd: Bool { index >= line.tokens.count }
  public func peek() -> Token? { isAtEnd ? nil : line.tokens[index] }
  public mutating func next() -> Token? {
    defer { if !isAtEnd { index += 1 } }
    return peek()
  }

  /// The end of the line, for errors about something missing.
  var endPosition: (Int, Int) { let n = line.raw.count; return (n, n + 1) }

  public func fail(_ message: String, at token: Token? = nil) -> EntryError {
    let full = message + (example.isEmpty ? "" : "\n示例：\(example)")
    if let token { return EntryError(full, at: token) }
    let (s, e) = endPosition
    return EntryError(full, start: s, end: e)
  }

  /// `12 万元`: a unit written apart from its figure belongs to it (officers type the space; the walk offers it).
  mutating func withUnit(_ t: Token) -> Token {
    guard !t.quoted, let u = peek(), !u.quoted, ["万元", "万", "元"].contains(u.text),
      let last = AmountParser.normalizeWidth(t.text).last, last.isASCII && last.isNumber
    else { return t }
    _ = next()
    return Token(text: t.text + u.text, quoted: false, start: t.start, end: u.end)
  }

  /// Digits only (full-width allowed), at most 9 of them: `Int("+1")` and `Int("-0")` would take a sign, which a
  /// count or a number in a list never has (issue 14: vehicle counts `-0` and `+1` were accepted).
  public static func wholeNumber(_ text: String) -> Int? {
    let s = AmountParser.normalizeWidth(text)
    guard (1...9).contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(s)
  }

  public func expectEnd() throws(EntryError) {
    if let t = peek() { throw fail("多余的内容“\(t.text)”。", at: t) }
  }
}
