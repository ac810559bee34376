/// One table of the guided walk (the REPL): what the officer enters there, field by field, and when it is done.
///
/// A step builds ordinary entry-language lines from the answers (`command` + fields), so the REPL and scripts share
/// one parser, one set of rules and one journal. Its questions are the command's declared arguments: the step
/// chooses their order and their defaults; an argument declared with a question (`prompt`) that the step does not
/// list is asked after the others, so an argument added to a command is asked without touching the walk.
public struct WalkStep: Sendable {
  public enum Kind: Sendable {
    /// Rows entered one after another until the first field is left empty (支出, 经济, 项目 …).
    case rows
    /// One row, asked once (机关运行经费).
    case single
    /// Fixed rows, one per label: the label is the first positional value (三公: the four items).
    case fixed([String])
    /// A derived table shown for confirmation, never retyped (收支总表 …).
    case confirm
  }

  /// Stable id, e.g. `expenditure.lines`; the workbook remembers the step the officer stopped at.
  public var id: String
  /// Section title shown in the prompt, e.g. 支出.
  public var section: String
  /// Table title shown in the prompt, e.g. 一般公共预算支出（功能分类项级）.
  public var title: String
  /// The standard table this step fills or shows (T5 …), for `show` and for the prompt.
  public var table: String?
  /// What to enter here, in one or two sentences, with an example.
  public var help: String
  public var kind: Kind
  /// The entry command the answers are turned into (nil for a `confirm` step that asks nothing).
  public var command: EntryCommand?
  /// Words written after the command's own, before the answers (`原因 合计 …`).
  public var lead: [String]
  public var fields: [WalkField]
  /// True once the table has what it needs (shown as progress).
  public var isComplete: @Sendable (FactSet) -> Bool
  /// Rows carried from last year that still wait for this year's figure, in table order (a `.rows` step only):
  /// the walk offers them one by one before asking for new rows.
  public var pending: @Sendable (FactSet) -> [PendingRow]
  /// Rules of this step's table that compare it with a table entered later in the walk (rule id → the id of that
  /// later step): their findings are not news until the walk has passed that step (收支平衡 waits for the spending).
  public var dueAfter: [String: String]

  /// A step entering `command`: `fields` are its questions in the order asked (each for one of its arguments);
  /// its other arguments that have a question follow them.
  public init(
    id: String, section: String, title: String, table: String?, help: String, kind: Kind, command: EntryCommand,
    lead: [String] = [], context: EntryContext, fields: [WalkField], isComplete: @escaping @Sendable (FactSet) -> Bool,
    pending: @escaping @Sendable (FactSet) -> [PendingRow] = { _ in [] }, dueAfter: [String: String] = [:]
  ) {
    let asked = Set(fields.compactMap { $0.arg?.id })
    var all = fields + command.args.filter { $0.prompt != nil && !asked.contains($0.id) }.map { WalkField(spec: $0, context) }
    // A section that may be declared empty takes 无 at its first question.
    if command.empty != nil, case .rows = kind, let first = all.first, case .choice(let values) = first.kind, !values.contains("无") {
      all[0].kind = .choice(values + ["无"])
    }
    self.init(
      id: id, section: section, title: title, table: table, help: help, kind: kind, command: command, lead: lead, fields: all,
      isComplete: isComplete, pending: pending, dueAfter: dueAfter)
  }

  /// A step that only shows a table (and enters nothing).
  public init(
    id: String, section: String, title: String, table: String?, help: String, isComplete: @escaping @Sendable (FactSet) -> Bool,
    dueAfter: [String: String] = [:]
  ) {
    self.init(
      id: id, section: section, title: title, table: table, help: help, kind: .confirm, command: nil, lead: [], fields: [],
      isComplete: isComplete, pending: { _ in [] }, dueAfter: dueAfter)
  }

  init(
    id: String, section: String, title: String, table: String?, help: String, kind: Kind, command: EntryCommand?, lead: [String],
    fields: [WalkField], isComplete: @escaping @Sendable (FactSet) -> Bool,
    pending: @escaping @Sendable (FactSet) -> [PendingRow], dueAfter: [String: String]
  ) {
    self.id = id; self.section = section; self.title = title; self.table = table; self.help = help
    self.kind = kind; self.command = command; self.lead = lead; self.fields = fields; self.isComplete = isComplete; self.pending = pending
    self.dueAfter = dueAfter
  }

  /// The words an entry line of this step starts with (`资产 车辆`, `原因 合计`).
  public var lineStart: String? { command.map { ([$0.words] + lead).joined(separator: " ") } }
}

/// A row of last year's table offered for this year: the answers it fills in advance (code and kind, or the
/// project name) and how it is shown. `key` is the fact's key, remembered once the officer has answered it.
public struct PendingRow: Sendable, Equatable {
  public var key: String
  public var answers: [String]
  public var label: String
  public init(key: String, answers: [String], label: String) { self.key = key; self.answers = answers; self.label = label }
}

/// One prompt of a step.
public struct WalkField: Sendable {
  public enum Kind: Sendable {
    case code(CodeSystem)
    case amount
    case text
    case count
    case choice([String])
    /// 是/否; when yes, the keyword itself is written (绩效管理).
    case flag
  }
  /// The declared argument this question answers.
  public var arg: ArgSpec?
  /// The option keyword in the command (上年, 原因 …), or nil for a positional value.
  public var keyword: String?
  public var prompt: String
  public var kind: Kind
  public var optional: Bool
  /// A default offered in [brackets]: from the facts (last year's value) and the answers so far.
  public var suggestion: @Sendable (FactSet, [String]) -> String?
  /// Whether to ask at all, given the answers so far (原因 only when the change needs one).
  public var ask: @Sendable (FactSet, [String]) -> Bool
  /// Optional in some cases only (a project's 一般公共预算 amount when another source may pay for it).
  public var optionalIf: @Sendable (FactSet, [String]) -> Bool
  /// An optional field that the answers so far make expected (a reason for a change beyond the threshold): still
  /// asked every time, so rows keep one rhythm, but the prompt says it is needed instead of 可空.
  public var expected: @Sendable (FactSet, [String]) -> Bool
  /// Usual values of a text field, offered by TAB (二级指标 by its 一级指标); other text is still taken.
  public var options: @Sendable (FactSet, [String]) -> [String]

  /// The question for a declared argument: its keyword, kind, question and whether it may be left empty come from
  /// the declaration (`prompt` and `optional` override them for this step); `source` picks one source of `funds`.
  public init<V>(
    _ arg: Arg<V>, _ context: EntryContext, prompt: String? = nil, optional: Bool? = nil, source: FundSource? = nil,
    suggestion: @escaping @Sendable (FactSet, [String]) -> String? = { _, _ in nil },
    ask: @escaping @Sendable (FactSet, [String]) -> Bool = { _, _ in true },
    optionalIf: @escaping @Sendable (FactSet, [String]) -> Bool = { _, _ in false },
    expected: @escaping @Sendable (FactSet, [String]) -> Bool = { _, _ in false },
    options: @escaping @Sendable (FactSet, [String]) -> [String] = { _, _ in [] }
  ) {
    self.init(spec: arg.spec, context, prompt: prompt, optional: optional, source: source)
    self.suggestion = suggestion; self.ask = ask; self.optionalIf = optionalIf; self.expected = expected; self.options = options
  }

  init(spec: ArgSpec, _ context: EntryContext, prompt: String? = nil, optional: Bool? = nil, source: FundSource? = nil) {
    arg = spec
    keyword = source.map { $0 == .general ? "金额" : $0.rawValue } ?? spec.keyword
    self.prompt = prompt ?? spec.prompt ?? spec.name
    kind = Self.kind(of: spec.type, context)
    self.optional = optional ?? !spec.required
    suggestion = { _, _ in nil }; ask = { _, _ in true }; optionalIf = { _, _ in false }; expected = { _, _ in false }; options = { _, _ in [] }
  }

  /// How the walk asks for a value of a declared type.
  static func kind(of type: ArgType, _ context: EntryContext) -> Kind {
    switch type {
    case .code(let system, _, _): return .code(system)
    case .amount, .funds: return .amount
    case .text: return .text
    case .count, .ordinal: return .count
    case .flag: return .flag
    case .choice(let c):
      let values = c.values(context)
      return values.isEmpty ? .text : .choice(values)
    }
  }

  /// Whether Enter with nothing typed and no default may leave this field empty.
  public func mayBeEmpty(_ facts: FactSet, _ answers: [String]) -> Bool { optional || optionalIf(facts, answers) }

  /// Ask only when the first answer is not 无 (a section declared empty needs no further fields).
  public static let unlessNone: @Sendable (FactSet, [String]) -> Bool = { _, a in a.first != "无" }

  /// Ask for a reason only when the answers at `current` and `prior` make a change beyond the edition's threshold.
  public static func whenChangeNeedsReason(current: Int, prior: Int, settings: RuleSettings) -> @Sendable (FactSet, [String]) -> Bool {
    { _, a in
      guard a.count > max(current, prior), case .success(let cur) = AmountParser.parse(a[current]),
        case .success(let pri) = AmountParser.parse(a[prior])
      else { return false }
      return ChangeRules.needsReason(current: cur, prior: pri, settings: settings)
    }
  }

  /// The command fragment for an answer: positional values as they are (quoted when text), options as `keyword value`.
  public func fragment(_ answer: String) -> String? {
    let a = answer.trimmingBlanks()
    if a.isEmpty { return nil }
    var value = a
    switch kind {
    case .text: value = ScriptWriter.q(a)
    case .flag: return ["是", "y", "yes", "Y", "1"].contains(a) ? (keyword ?? "") : nil
    default: break
    }
    return keyword.map { "\($0) \(value)" } ?? value
  }
}

extension WalkStep {
  /// Where `goto` leads: a number is the walk's own table number (第N/M张表: `goto 10` is the tenth, never a title
  /// that happens to contain 10, such as 100万元); otherwise a table id (T5), a step id, or a word of the section or
  /// table title.
  public static func index(of query: String, in steps: [WalkStep]) -> Int? {
    let q = AmountParser.normalizeWidth(query).trimmingBlanks()
    guard !q.isEmpty else { return nil }
    if let n = Int(q) { return n >= 1 && n <= steps.count ? n - 1 : nil }
    return steps.firstIndex { $0.table == q.uppercased() || $0.id == q } ?? steps.firstIndex { $0.section.contains(q) || $0.title.contains(q) }
  }
}
