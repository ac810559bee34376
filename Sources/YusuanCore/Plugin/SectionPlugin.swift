/// A section of the disclosure document (概况, 收入, 支出, 三公 …) as a plugin: it owns its entry commands, the
/// canonical script of its facts, its rules, its tables and prose, its steps of the guided walk, and what it carries
/// from last year's workbook and reads back from a published document. Every requirement but the commands has a
/// default.
///
/// Plugins are listed once, in document order, in `Workbench/SectionRegistry.swift`. A plugin whose rules throw
/// becomes a diagnostic naming it, never a crash (see `Workbench.check`).
public protocol SectionPlugin: Sendable {
  /// Stable id, e.g. `expenditure`.
  var id: String { get }
  /// Chinese title shown to officers, e.g. 支出.
  var title: String { get }
  /// The entry commands this section understands.
  var commands: [CommandSpec] { get }

  /// Turns one command into fact edits, or refuses it with a message. `args` is positioned after the keyword.
  func parse(_ command: CommandSpec, _ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> [FactEdit]

  /// The key of the fact a `删除 …` line names, or an error when the command cannot remove.
  func removalKey(_ command: CommandSpec, _ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> String

  /// The canonical script lines for this section's facts (in a stable order).
  func export(_ facts: FactSet) -> [String]

  /// All findings of this section's rules.
  func check(_ view: BudgetView) throws -> [Diagnostic]

  /// All findings, for a section that compares figures with the tables as the sections print them (`核对`);
  /// the others need only `check(_:)`, which this calls unless a section implements it.
  func check(_ view: BudgetView, printed: PrintedTables) throws -> [Diagnostic]

  /// The catalog entries of the rules `check` emits (its `RuleCatalog` enum's entries), for the tests and docs/rules.md.
  var rules: [RuleInfo] { get }

  /// 第一部分 blocks this section contributes (the profile section writes 部门概况).
  func overview(_ c: CompileContext) throws -> [Block]

  /// The standard tables this section owns (T1…T14), built from the facts; the edition decides which are printed.
  func tables(_ c: CompileContext) throws -> [DocTable]

  /// Its tables `id` alone, for a look at one table's figures (核对): `tables` filtered, unless a section that owns
  /// many builds one at a time.
  func tables(_ id: TableID, _ c: CompileContext) throws -> [DocTable]

  /// Its sections of 情况说明, keyed by table id or by the 其他重要事项 item they explain.
  func explanations(_ c: CompileContext) throws -> [Explanation]

  /// Its tables of the guided walk, in order.
  func walk(_ context: EntryContext) -> [WalkStep]

  /// Its facts of last year's workbook, carried into the new year's (`new --from`).
  func carryOver(_ prior: FactSet) -> CarriedFacts

  /// Writes the entry lines for a table read from a published document (`import`) when the table is this
  /// section's, saying how each of its figures was used; false for a table it does not read.
  func importLines(_ table: ReadTable, into sheet: inout ImportSheet) -> Bool
}

extension SectionPlugin {
  public func removalKey(_ command: CommandSpec, _ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> String {
    throw args.fail("“\(command.keyword)”不能用“删除”撤销；请改用 undo，或重新录入正确的值。")
  }
  public func check(_ view: BudgetView) throws -> [Diagnostic] { [] }
  public func check(_ view: BudgetView, printed: PrintedTables) throws -> [Diagnostic] { try check(view) }
  public var rules: [RuleInfo] { [] }
  public func overview(_ c: CompileContext) throws -> [Block] { [] }
  public func tables(_ c: CompileContext) throws -> [DocTable] { [] }
  public func tables(_ id: TableID, _ c: CompileContext) throws -> [DocTable] { try tables(c).filter { $0.id == id.rawValue } }
  public func explanations(_ c: CompileContext) throws -> [Explanation] { [] }
  public func walk(_ context: EntryContext) -> [WalkStep] { [] }
  public func carryOver(_ prior: FactSet) -> CarriedFacts { CarriedFacts() }
  public func importLines(_ table: ReadTable, into sheet: inout ImportSheet) -> Bool { false }
}

/// One entry command: its keyword (and aliases), a one-line summary, its syntax and an example. Shown by `help`.
public struct CommandSpec: Sendable, Equatable {
  public var keyword: String
  public var aliases: [String]
  public var summary: String
  public var syntax: String
  public var example: String
  public init(_ keyword: String, aliases: [String] = [], summary: String, syntax: String, example: String) {
    self.keyword = keyword; self.aliases = aliases; self.summary = summary; self.syntax = syntax; self.example = example
  }
}

/// What a command may consult while it is parsed: the facts so far, the catalog and edition, the workbook.
public struct EntryContext: Sendable {
  public var meta: WorkbookMeta
  public var edition: Edition
  public var catalog: Catalog
  public var facts: FactSet
  public init(meta: WorkbookMeta, edition: Edition, catalog: Catalog, facts: FactSet) {
    self.meta = meta; self.edition = edition; self.catalog = catalog; self.facts = facts
  }
}

/// `无` for a section that has items (`采购 无` beside 采购 lines) says two opposite things, and the export could keep
/// only one of them: refused at entry, reported by `check` in a workbook entered before that.
public enum NoneBesideItems {
  public static let rule = CoreRuleID.noneBesideItems

  /// The refusal of `无` for `section` when `removals` (the 删除 lines of its items) is not empty.
  public static func refusal(_ args: ArgReader, at token: Token?, none: String, what: String, removals: [String]) -> EntryError? {
    guard let first = removals.first else { return nil }
    return args.fail("已录入\(what) \(removals.count) 项，不能同时录入“\(none)”。如确实没有，请先逐项删除，例如：\(first)。", at: token)
  }

  /// The finding for a workbook that has both.
  public static func finding(none: String, what: String, count: Int, table: String, plugin: String) -> Diagnostic {
    Diagnostic(rule: rule, table: table,
               message: "录入了“\(none)”，同时又有\(what) \(count) 项，两者矛盾；“无”不起作用，导出时也会略去。请用 删除 \(none) 去掉它，或删除这些项目。",
               plugin: plugin)
  }
}

/// Helpers for writing canonical script lines.
public enum ScriptWriter {
  public static func q(_ s: String) -> String { Lexer.quote(s) }

  /// A word as it stands when the lexer reads it back as the same bare word; quoted otherwise (blanks, quotes,
  /// `#`, nothing at all).
  public static func word(_ s: String) -> String {
    guard let line = try? Lexer.tokenize(s), line.tokens.count == 1, !line.tokens[0].quoted, line.tokens[0].text == s else { return q(s) }
    return s
  }

  /// `上年 X` when known.
  public static func prior(_ a: Amount?) -> String { a.map { " 上年 \($0.scriptText)" } ?? "" }

  /// Fund amounts in canonical form: `金额 X` for 一般公共预算 alone, else `来源名 X …` in column order.
  public static func amounts(_ m: [FundSource: Amount]) -> String {
    if m.count == 1, let g = m[.general] { return "金额 \(g.scriptText)" }
    return m.keys.sorted().map { "\($0.rawValue) \(m[$0]!.scriptText)" }.joined(separator: " ")
  }
}

extension ArgReader {
  /// The `原因 "文字"` option of an amount line, as the `原因` command takes it: blanks at either end (an ideographic
  /// space pasted from Word) are not part of the reason, and an empty reason is refused, so what is stored is what
  /// the exported `原因 对象 "文字"` line gives back.
  public func reason(_ o: Options) throws(EntryError) -> String? {
    guard let raw = o.texts["原因"] else { return nil }
    let text = raw.trimmingBlanks()
    guard !text.isEmpty else { throw fail("原因内容不能为空。不写原因时请去掉“原因”。", at: o.tokens["原因"]) }
    return text
  }

  /// Reads fund amounts: `金额 X` (一般公共预算) and/or `来源名 X` pairs, in any order, plus other options.
  public mutating func fundAmounts(options spec: [String: OptionKind]) throws(EntryError) -> (amounts: [FundSource: Amount], options: Options) {
    let start = index
    var full = spec
    full["金额"] = .amount
    for s in FundSource.allCases { full[s.rawValue] = .amount }
    // Accept the aliases officers type (纳入专户管理非税收入 …) by rewriting them to the canonical names.
    var rewritten = line
    for i in index..<rewritten.tokens.count where !rewritten.tokens[i].quoted && spec[rewritten.tokens[i].text] == nil {
      if let s = FundSource.named(rewritten.tokens[i].text), full[rewritten.tokens[i].text] == nil { rewritten.tokens[i].text = s.rawValue }
    }
    var r = ArgReader(line: rewritten, startingAt: index, example: example)
    let o = try r.options(full)
    self = ArgReader(line: line, startingAt: r.index, example: example)
    // 金额 is the 一般公共预算 amount: both on one line would give that fund twice (stored as their sum).
    let general = FundSource.general.rawValue
    if o.amounts["金额"] != nil, o.amounts[general] != nil {
      let second = rewritten.tokens[start..<r.index].last { !$0.quoted && ($0.text == "金额" || $0.text == general) }
      throw fail("“金额”就是一般公共预算的金额，与“\(general)”是同一资金来源，只能写一次。请只写其中一个，例如：金额 5，或 \(general) 5。", at: second)
    }
    var m: [FundSource: Amount] = [:]
    if let a = o.amounts["金额"] { m[.general] = a }
    for s in FundSource.allCases { if let a = o.amounts[s.rawValue] { m[s] = a } }
    return (m, o)
  }
}
