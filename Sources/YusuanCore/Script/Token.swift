/// A word or a quoted text on a script line, with where it stands (for carets under errors).
public struct Token: Sendable, Equatable {
  public var text: String
  public var quoted: Bool
  /// Character offsets within the line: `start..<end`.
  public var start: Int
  public var end: Int
  public init(text: String, quoted: Bool, start: Int, end: Int) { self.text = text; self.quoted = quoted; self.start = start; self.end = end }
}

/// One line of the entry language, tokenised. Comments are gone; `raw` is the line as typed.
public struct ScriptLine: Sendable, Equatable {
  public var raw: String
  public var tokens: [Token]
  public var isBlank: Bool { tokens.isEmpty }
}

/// A refused entry: what is wrong, where on the line, and a valid example.
public struct EntryError: Error, Sendable, Equatable {
  public var message: String
  /// Character offsets of the offending part of the line, if known.
  public var start: Int?
  public var end: Int?
  public init(_ message: String, at token: Token? = nil) {
    self.message = message
    self.start = token?.start
    self.end = token?.end
  }
  public init(_ message: String, start: Int?, end: Int?) { self.message = message; self.start = start; self.end = end }
}
