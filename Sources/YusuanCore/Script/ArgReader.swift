/// Reads a command's arguments left to right, with Chinese messages that name what was expected and show an example.
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

  /// A required word or text; never blank (issue 14: `单位 "" 机关` entered a unit without a name).
  public mutating func text(_ what: String) throws(EntryError) -> String {
    guard let t = next() else { throw fail("缺少\(what)。") }
    guard !t.text.trimmingBlanks().isEmpty else { throw fail("\(what)不能为空。", at: t) }
    return t.text
  }

  /// A required word that must be one of `choices` (after alias mapping by `map`).
  public mutating func choice<T>(_ what: String, choices: [String], _ map: (String) -> T?) throws(EntryError) -> T {
    guard let t = next() else { throw fail("缺少\(what)（可选：\(choices.joined(separator: "、"))）。") }
    guard let v = map(t.text) else { throw fail("“\(t.text)”不是有效的\(what)。可选：\(choices.joined(separator: "、"))。", at: t) }
    return v
  }

  /// A required amount in 万元 (or 元 when marked).
  public mutating func amount(_ what: String) throws(EntryError) -> Amount {
    guard let t = next() else { throw fail("缺少\(what)（金额，单位万元）。") }
    return try Self.amount(withUnit(t), what: what, reader: self)
  }

  /// `12 万元`: a unit written apart from its figure belongs to it (officers type the space; the walk offers it).
  mutating func withUnit(_ t: Token) -> Token {
    guard !t.quoted, let u = peek(), !u.quoted, ["万元", "万", "元"].contains(u.text),
          let last = AmountParser.normalizeWidth(t.text).last, last.isASCII && last.isNumber else { return t }
    _ = next()
    return Token(text: t.text + u.text, quoted: false, start: t.start, end: u.end)
  }

  static func amount(_ t: Token, what: String, reader: ArgReader) throws(EntryError) -> Amount {
    switch AmountParser.parse(t.text) {
    case .success(let a): return a
    case .failure(let e): throw reader.fail("\(what)：\(e.message)", at: t)
    }
  }

  /// A required whole number (a count of vehicles, items).
  public mutating func count(_ what: String) throws(EntryError) -> Int {
    guard let t = next() else { throw fail("缺少\(what)（整数）。") }
    var s = AmountParser.normalizeWidth(t.text)
    for suffix in ["辆", "台", "套", "个", "件", "台（套）", "项"] where s.hasSuffix(suffix) { s.removeLast(suffix.count) }
    guard let n = Self.wholeNumber(s), n < 1_000_000 else {
      throw fail("\(what)应为0到999999之间的整数，只写数字（不带正负号、小数点），实际为“\(t.text)”。", at: t)
    }
    return n
  }

  /// An optional number in a list (职责 3, 指标 2) before the text: a bare word that reads as a whole number, signed
  /// or not, is taken as one and must be 1 to `largest` written as digits only.
  public mutating func optionalOrdinal(_ what: String, largest: Int = 999) throws(EntryError) -> Int? {
    guard let t = peek(), !t.quoted, Int(AmountParser.normalizeWidth(t.text)) != nil else { return nil }
    guard let n = Self.wholeNumber(t.text), (1...largest).contains(n) else { throw fail("\(what)序号应为1到\(largest)的整数，只写数字（不带正负号），实际为“\(t.text)”。", at: t) }
    _ = next()
    return n
  }

  /// Digits only (full-width allowed), at most 9 of them: `Int("+1")` and `Int("-0")` would take a sign, which a
  /// count or a number in a list never has (issue 14: vehicle counts `-0` and `+1` were accepted).
  public static func wholeNumber(_ text: String) -> Int? {
    let s = AmountParser.normalizeWidth(text)
    guard (1...9).contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(s)
  }

  /// A classification code: digits only, as typed (shape is checked by rules, so a wrong code still records).
  public mutating func code(_ what: String) throws(EntryError) -> String {
    guard let t = next() else { throw fail("缺少\(what)。") }
    let s = AmountParser.normalizeWidth(t.text)
    guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      throw fail("\(what)应为数字编码，实际为“\(t.text)”。", at: t)
    }
    return s
  }

  /// Optional `keyword value` pairs in any order; each keyword at most once.
  public mutating func options(_ spec: [String: OptionKind]) throws(EntryError) -> Options {
    var out = Options()
    while let t = next() {
      guard let kind = spec[t.text] else {
        let allowed = spec.keys.sorted().joined(separator: "、")
        throw fail("无法识别“\(t.text)”。这里可以写：\(allowed)。", at: t)
      }
      if out.seen.contains(t.text) { throw fail("“\(t.text)”重复出现。", at: t) }
      out.seen.insert(t.text)
      switch kind {
      case .flag:
        out.flags.insert(t.text)
      case .amount:
        guard let v = next() else { throw fail("“\(t.text)”后缺少金额。", at: t) }
        out.amounts[t.text] = try Self.amount(withUnit(v), what: t.text, reader: self)
      case .text:
        guard let v = next() else { throw fail("“\(t.text)”后缺少内容。", at: t) }
        guard !v.text.trimmingBlanks().isEmpty else { throw fail("“\(t.text)”后的内容不能为空；不需要时整项不写。", at: v) }
        out.texts[t.text] = v.text
        out.tokens[t.text] = v
      case .code:
        guard let v = next() else { throw fail("“\(t.text)”后缺少科目编码。", at: t) }
        let s = AmountParser.normalizeWidth(v.text)
        guard s.allSatisfy({ $0.isASCII && $0.isNumber }), !s.isEmpty else { throw fail("“\(t.text)”后应为数字编码，实际为“\(v.text)”。", at: v) }
        out.texts[t.text] = s
      case .source:
        guard let v = next() else { throw fail("“\(t.text)”后缺少资金来源。", at: t) }
        guard let src = FundSource.named(v.text) else {
          throw fail("“\(v.text)”不是资金来源。可选：\(FundSource.allCases.map(\.rawValue).joined(separator: "、"))。", at: v)
        }
        out.sources[t.text] = src
      }
    }
    return out
  }

  public func expectEnd() throws(EntryError) {
    if let t = peek() { throw fail("多余的内容“\(t.text)”。", at: t) }
  }
}

public enum OptionKind: Sendable {
  case flag, amount, text, code, source
}

public struct Options: Sendable {
  public var flags: Set<String> = []
  public var amounts: [String: Amount] = [:]
  public var texts: [String: String] = [:]
  public var sources: [String: FundSource] = [:]
  public var tokens: [String: Token] = [:]
  var seen: Set<String> = []
}
