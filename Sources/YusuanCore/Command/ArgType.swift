/// What one argument of an entry command holds. Declared once with the argument; scripts, the walk's questions,
/// the export, help and completion all read it from here, so none of them can hold a rule of its own.
public enum ArgType: Sendable {
  /// A classification code, digits only, as typed. `level` is the level the command is about (7 项, 5 款, 3 类):
  /// with `exact` a script is held to it as well; without, a script records any digits (the rules report a wrong
  /// shape, and a published document is entered as printed) while the walk asks for that level.
  case code(CodeSystem, level: Int?, exact: Bool)
  case amount
  /// Text, never blank. `trimmed`: blanks at either end are not part of it. `bare`: written back without quotes
  /// when it reads back the same (a row label); such text may be empty when typed as "" (`mayBeEmpty`).
  case text(trimmed: Bool, bare: Bool, mayBeEmpty: Bool)
  /// A count of things, 0…999999; a measure word after the digits (3辆, 2台) is taken.
  case count
  /// A number in a list, 1…`largest`.
  case ordinal(largest: Int)
  /// One of a list of words (aliases mapped to the word stored).
  case choice(Choice)
  /// A keyword standing alone (绩效管理).
  case flag
  /// Amounts by source: `金额 X` (一般公共预算) and/or `来源名 X` pairs.
  case funds

  public static let text = ArgType.text(trimmed: false, bare: false, mayBeEmpty: false)
  public static let trimmedText = ArgType.text(trimmed: true, bare: false, mayBeEmpty: false)

  /// The largest count a line takes.
  public static let largestCount = 999_999
}

/// The words a choice takes. Its values may depend on the workbook (the edition's project types and tables).
public struct Choice: Sendable {
  /// The words offered, in order; empty when any word is taken.
  public var values: @Sendable (EntryContext) -> [String]
  /// The word stored for a typed word (an alias, a full-width letter), nil when it is not taken.
  public var map: @Sendable (String, EntryContext) -> String?
  /// Names (车辆类别, 项目类型) are written back in quotes, as text is; words (基本, 货物) bare.
  public var quoted: Bool
  /// What a refusal calls a valid value instead of “有效的{argument}” (本模板的项目类型).
  public var noun: String?
  /// Said when the word is missing or refused, instead of listing `values` (科目编码，或 合计、基本支出、项目支出).
  public var described: String?
  /// The words when they do not depend on the workbook (help lists them without one).
  public var fixed: [String]?

  public init(
    values: @escaping @Sendable (EntryContext) -> [String], map: @escaping @Sendable (String, EntryContext) -> String?,
    quoted: Bool = false, noun: String? = nil, described: String? = nil
  ) {
    self.values = values; self.map = map; self.quoted = quoted; self.noun = noun; self.described = described
  }

  /// A fixed list; typed words are taken as they stand or through `alias`.
  public static func of(
    _ values: [String], quoted: Bool = false, noun: String? = nil,
    alias: @escaping @Sendable (String) -> String? = { _ in nil }
  ) -> Choice {
    var c = Choice(
      values: { _ in values }, map: { w, _ in values.contains(w) ? w : alias(w).flatMap { values.contains($0) ? $0 : nil } },
      quoted: quoted, noun: noun)
    c.fixed = values
    return c
  }

  /// The cases of an enum named by its raw values, read through its own name lookup (aliases).
  public static func cases<E: CaseIterable & RawRepresentable>(_: E.Type, named: @escaping @Sendable (String) -> E?) -> Choice where E.RawValue == String {
    let values = E.allCases.map(\.rawValue)
    var c = Choice(values: { _ in values }, map: { w, _ in named(w)?.rawValue })
    c.fixed = values
    return c
  }
}

/// A value read from a line, before the command turns it into facts.
public enum ArgValue: Sendable, Equatable {
  case word(String)
  case amount(Amount)
  case number(Int)
  case flag
  case funds([FundSource: Amount])

  public var word: String? { if case .word(let w) = self { w } else { nil } }
  public var amount: Amount? { if case .amount(let a) = self { a } else { nil } }
  public var number: Int? { if case .number(let n) = self { n } else { nil } }
  public var funds: [FundSource: Amount]? { if case .funds(let m) = self { m } else { nil } }
}
