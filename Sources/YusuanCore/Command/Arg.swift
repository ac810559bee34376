/// One argument of an entry command, as declared: its name, where it stands (a position, or after a keyword), its
/// type, whether it must be there, whether it names the fact (删除), and the walk's question for it.
///
/// The plugin reads the value through the typed `Arg<Value>` (`values[Self.amount]`); everything else (parse,
/// export, help, completion, the walk) reads this description.
public struct ArgSpec: Sendable {
  /// What the argument is called in messages and help (功能科目编码).
  public var name: String
  /// The option keyword (上年, 原因); nil for a positional argument.
  public var keyword: String?
  public var type: ArgType
  /// Must be on the line. Positional arguments are, except a list number (职责 [序号] "文字").
  public var required: Bool
  /// Part of the fact's identity: a 删除 line writes exactly these.
  public var key: Bool
  /// The walk's question; nil when the walk does not ask it.
  public var prompt: String?
  /// How help writes the argument, when not derived from its type ("预算单位" in quotes).
  public var placeholder: String?
  /// Said instead of the generic message when a required option is missing (with a valid example).
  public var missing: String?

  /// The name values are kept under: the keyword of an option, the name of a positional argument.
  public var id: String { keyword ?? name }
  public var isPositional: Bool { keyword == nil }
}

/// A declared argument with the Swift type the command's `build` reads it as (String, Amount, Int?, Bool …).
public struct Arg<Value: Sendable>: Sendable {
  public let spec: ArgSpec
  let decode: @Sendable (ArgValue?) -> Value
  let encode: @Sendable (Value) -> ArgValue?
}

extension Arg {
  /// A positional argument that is always there.
  static func positional(
    _ name: String, _ type: ArgType, key: Bool, prompt: String?, placeholder: String?,
    decode: @escaping @Sendable (ArgValue) -> Value?, encode: @escaping @Sendable (Value) -> ArgValue
  ) -> Arg {
    Arg(
      spec: ArgSpec(name: name, keyword: nil, type: type, required: true, key: key, prompt: prompt, placeholder: placeholder),
      decode: { v in v.flatMap(decode)! }, encode: { encode($0) })
  }
}

// MARK: Positional arguments

extension Arg where Value == String {
  /// A classification code (see `ArgType.code`).
  public static func code(_ name: String, _ system: CodeSystem, level: Int? = nil, exact: Bool = false, key: Bool = false, prompt: String? = nil) -> Arg {
    .positional(name, .code(system, level: level, exact: exact), key: key, prompt: prompt, placeholder: nil, decode: \.word, encode: { .word($0) })
  }
  /// Text (a name, a sentence), written back in quotes.
  public static func text(_ name: String, trimmed: Bool = false, key: Bool = false, prompt: String? = nil, placeholder: String? = nil) -> Arg {
    .positional(
      name, .text(trimmed: trimmed, bare: false, mayBeEmpty: false), key: key, prompt: prompt, placeholder: placeholder,
      decode: \.word, encode: { .word($0) })
  }
  /// A label, written back bare when it can be (a row: 201, 合计); may be "" when quoted.
  public static func label(_ name: String, key: Bool = false, placeholder: String? = nil) -> Arg {
    .positional(
      name, .text(trimmed: false, bare: true, mayBeEmpty: true), key: key, prompt: nil, placeholder: placeholder,
      decode: \.word, encode: { .word($0) })
  }
  /// One word of a list.
  public static func choice(_ name: String, _ choice: Choice, key: Bool = false, prompt: String? = nil, placeholder: String? = nil) -> Arg {
    .positional(name, .choice(choice), key: key, prompt: prompt, placeholder: placeholder, decode: \.word, encode: { .word($0) })
  }
}

extension Arg where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
  /// One case of an enum, by its raw value or an alias `named` knows.
  public static func choice(_ name: String, named: @escaping @Sendable (String) -> Value?, key: Bool = false, prompt: String? = nil) -> Arg {
    .positional(
      name, .choice(.cases(Value.self, named: named)), key: key, prompt: prompt, placeholder: nil,
      decode: { $0.word.flatMap(Value.init(rawValue:)) }, encode: { .word($0.rawValue) })
  }
}

extension Arg where Value == Amount {
  public static func amount(_ name: String, prompt: String? = nil) -> Arg {
    .positional(name, .amount, key: false, prompt: prompt, placeholder: "金额", decode: \.amount, encode: { .amount($0) })
  }
}

extension Arg where Value == Int {
  public static func count(_ name: String, key: Bool = false, prompt: String? = nil, placeholder: String? = "数量") -> Arg {
    .positional(name, .count, key: key, prompt: prompt, placeholder: placeholder, decode: \.number, encode: { .number($0) })
  }
}

extension Arg where Value == Int? {
  /// A number in a list, before the text it numbers (职责 [序号] "文字"): optional when entering (the next number
  /// is taken), required when removing.
  public static func ordinal(_ name: String, largest: Int = 999, key: Bool = true) -> Arg {
    Arg(
      spec: ArgSpec(name: name, keyword: nil, type: .ordinal(largest: largest), required: false, key: key, prompt: nil, placeholder: "序号"),
      decode: { $0?.number }, encode: { $0.map { .number($0) } })
  }
}

// MARK: Options

extension Arg {
  /// `keyword value`, optional: nil when not written.
  public static func option<W>(
    _ keyword: String, _ type: ArgType, name: String? = nil, key: Bool = false, prompt: String? = nil,
    placeholder: String? = nil
  ) -> Arg where Value == W? {
    Arg(
      spec: ArgSpec(name: name ?? keyword, keyword: keyword, type: type, required: false, key: key, prompt: prompt, placeholder: placeholder),
      decode: { $0.flatMap(Self.unwrap) }, encode: { $0.flatMap(Self.wrap) })
  }

  /// `keyword value` that must be written.
  public static func required(
    _ keyword: String, _ type: ArgType, name: String? = nil, prompt: String? = nil, placeholder: String? = nil,
    missing: String? = nil
  ) -> Arg {
    Arg(
      spec: ArgSpec(
        name: name ?? keyword, keyword: keyword, type: type, required: true, key: false, prompt: prompt, placeholder: placeholder,
        missing: missing),
      decode: { $0.flatMap(Self.unwrapSelf)! }, encode: { Self.wrapSelf($0) })
  }

  // The stored form of the value types options take: String (code, text, choice), Amount, Int, FundSource, funds.
  static func unwrap<W>(_ v: ArgValue) -> W? {
    switch v {
    case .word(let w): return (w as? W) ?? (FundSource(rawValue: w) as? W)
    case .amount(let a): return a as? W
    case .number(let n): return n as? W
    case .funds(let m): return m as? W
    case .flag: return nil
    }
  }
  static func wrap<W>(_ w: W) -> ArgValue? {
    switch w {
    case let s as String: return .word(s)
    case let a as Amount: return .amount(a)
    case let n as Int: return .number(n)
    case let s as FundSource: return .word(s.rawValue)
    case let m as [FundSource: Amount]: return m.isEmpty ? nil : .funds(m)
    default: return nil
    }
  }
  static func unwrapSelf(_ v: ArgValue) -> Value? { unwrap(v) }
  static func wrapSelf(_ v: Value) -> ArgValue? { wrap(v) }
}

extension Arg where Value == Bool {
  /// A keyword standing alone: true when written.
  public static func flag(_ keyword: String, prompt: String? = nil) -> Arg {
    Arg(
      spec: ArgSpec(name: keyword, keyword: keyword, type: .flag, required: false, key: false, prompt: prompt, placeholder: nil),
      decode: { $0 != nil }, encode: { $0 ? .flag : nil })
  }
}

extension Arg where Value == [FundSource: Amount] {
  /// Amounts by source (`金额 X`, `单位资金 X` …), at least one; `missing` is said when there is none.
  public static func funds(missing: String) -> Arg {
    Arg(
      spec: ArgSpec(name: "金额", keyword: "金额", type: .funds, required: true, key: false, prompt: nil, placeholder: nil, missing: missing),
      decode: { $0?.funds ?? [:] }, encode: { $0.isEmpty ? nil : .funds($0) })
  }
}

extension Arg where Value == String? {
  /// `原因 "文字"` on an amount line: the change's reason, blanks at either end not part of it.
  public static func reason(prompt: String? = "增减原因") -> Arg {
    .option("原因", .trimmedText, prompt: prompt, placeholder: "\"文字\"")
  }

  /// The 原因 fact of `subject` a line's `原因 "文字"` writes, if the line has one.
  public func edits(_ values: ArgValues, subject: String) -> [FactEdit] {
    values[self].map { [.set(.reason(Reason(subject: subject, text: $0)))] } ?? []
  }
}

extension Arg where Value == FundSource? {
  /// `来源 资金来源`.
  public static func source(_ keyword: String = "来源", key: Bool = false, prompt: String? = nil) -> Arg {
    .option(keyword, .choice(.cases(FundSource.self, named: FundSource.named)), name: "资金来源", key: key, prompt: prompt, placeholder: "资金来源")
  }
}
