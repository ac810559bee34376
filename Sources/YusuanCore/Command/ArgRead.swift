/// Reading one word of a line as an argument's type, with the message a script line gets when it is refused.
extension ArgType {
  /// The value of `t`, or why it is not one. `what` names the argument (its name, or an option's keyword);
  /// `option`: the word followed a keyword. `lenient` (a 删除 line): a quoted choice takes any word, so a fact
  /// entered before its list was enforced can still be removed.
  func read(_ t: Token, what: String, option: Bool, context: EntryContext, lenient: Bool = false) -> Result<ArgValue, EntryError> {
    switch self {
    case .code(_, let level, let exact):
      let s = AmountParser.normalizeWidth(t.text)
      guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return Self.refuse("\(what)应为数字编码，实际为“\(t.text)”。") }
      if exact, let level, s.count != level { return Self.refuse(Self.levelRefusal(s, level: level, what: what)) }
      return .success(.word(s))
    case .amount:
      switch AmountParser.parse(t.text) {
      case .success(let a): return .success(.amount(a))
      case .failure(let e): return Self.refuse("\(what)：\(e.message)")
      }
    case .text(let trimmed, _, let mayBeEmpty):
      let blank = t.text.trimmingBlanks().isEmpty
      if blank && !(mayBeEmpty && t.quoted && t.text.isEmpty) {
        return Self.refuse(option ? "“\(what)”后的内容不能为空；不需要时整项不写。" : "\(what)不能为空。")
      }
      // No longer than the field takes (TextLimit: a name 60, a reason 200, a 职责 2000 …).
      if let tooLong = TextLimit.problem(t.text, what: what) { return Self.refuse(tooLong) }
      return .success(.word(trimmed ? t.text.trimmingBlanks() : t.text))
    case .count:
      guard let n = Self.count(t.text) else { return Self.refuse("\(what)\(Self.countRange)，实际为“\(t.text)”。") }
      return .success(.number(n))
    case .ordinal(let largest):
      guard let n = ArgReader.wholeNumber(t.text), (1...largest).contains(n) else {
        return Self.refuse("\(what)应为1到\(largest)的整数，只写数字（不带正负号），实际为“\(t.text)”。")
      }
      return .success(.number(n))
    case .choice(let c):
      guard !t.text.trimmingBlanks().isEmpty else { return Self.refuse("\(what)不能为空。") }
      if let w = c.map(t.text, context) { return .success(.word(w)) }
      let values = c.values(context)
      if values.isEmpty || (lenient && c.quoted) { return .success(.word(t.text)) }
      if let d = c.described { return Self.refuse("“\(t.text)”不是可用的\(what)。可写：\(d)。") }
      return Self.refuse("“\(t.text)”不是\(c.noun ?? "有效的\(what)")。可选：\(values.joined(separator: "、"))。")
    case .flag, .funds:
      return .success(.flag)
    }
  }

  static func refuse(_ message: String) -> Result<ArgValue, EntryError> { .failure(EntryError(message)) }

  /// What is said when the argument is missing from the end of the line.
  func missing(_ what: String, option keyword: String?, context: EntryContext) -> String {
    if let keyword {
      return "“\(keyword)”后缺少\(noun(context))。"
    }
    switch self {
    case .amount: return "缺少\(what)（金额，单位万元）。"
    case .count: return "缺少\(what)（整数）。"
    case .ordinal(let largest): return "缺少\(what)（1到\(largest)的整数）。"
    case .choice(let c):
      if let d = c.described { return "缺少\(what)：\(d)。" }
      let values = c.values(context)
      return values.isEmpty ? "缺少\(what)。" : "缺少\(what)（可选：\(values.joined(separator: "、"))）。"
    default: return "缺少\(what)。"
    }
  }

  /// What follows an option's keyword, as a missing value is named.
  func noun(_ context: EntryContext) -> String {
    switch self {
    case .code: return "科目编码"
    case .amount, .funds: return "金额"
    case .count, .ordinal: return "数字"
    case .choice(let c):
      let values = c.values(context)
      return values.isEmpty ? "内容" : "内容（可选：\(values.joined(separator: "、"))）"
    case .text, .flag: return "内容"
    }
  }

  static let countRange = "应为0到\(largestCount)之间的整数，只写数字（不带正负号、小数点）"

  /// A count as typed: digits only (full-width taken), a measure word after them allowed.
  public static func count(_ text: String) -> Int? {
    var s = AmountParser.normalizeWidth(text)
    for suffix in ["辆", "台", "套", "个", "件", "台（套）", "项"] where s.hasSuffix(suffix) { s.removeLast(suffix.count) }
    guard let n = ArgReader.wholeNumber(s), n <= largestCount else { return nil }
    return n
  }

  static func levelRefusal(_ code: String, level: Int, what: String) -> String {
    let name = [3: "类", 5: "款", 7: "项"][level] ?? "\(level)位"
    return "\(what)应为\(name)级编码（\(level)位），“\(code)”不是。"
  }
}
