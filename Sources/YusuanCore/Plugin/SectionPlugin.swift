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
  /// The entry commands this section understands, each declared once: parsing, `删除`, the export, help, TAB
  /// completion and the walk's questions are read from the declarations.
  var commands: [EntryCommand] { get }

  /// The canonical script lines for this section's facts (in a stable order); by default each command's, in order.
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

  /// What an accepted entry changed, said in one line under it in the walk (the table's new total …), when the
  /// changes are of this section's facts; nil otherwise.
  func effect(of changes: [FactChange], in view: BudgetView) -> String?

  /// Its facts of last year's workbook, carried into the new year's (`new --from`).
  func carryOver(_ prior: FactSet) -> CarriedFacts

  /// Writes the entry lines for a table read from a published document (`import`) when the table is this
  /// section's, saying how each of its figures was used; false for a table it does not read.
  func importLines(_ table: ReadTable, into sheet: inout ImportSheet) -> Bool
}

extension SectionPlugin {
  public func export(_ facts: FactSet) -> [String] { commands.flatMap { $0.export(facts) } }
  public func check(_ view: BudgetView) throws -> [Diagnostic] { [] }
  public func check(_ view: BudgetView, printed: PrintedTables) throws -> [Diagnostic] { try check(view) }
  public var rules: [RuleInfo] { [] }
  public func overview(_ c: CompileContext) throws -> [Block] { [] }
  public func tables(_ c: CompileContext) throws -> [DocTable] { [] }
  public func tables(_ id: TableID, _ c: CompileContext) throws -> [DocTable] { try tables(c).filter { $0.id == id.rawValue } }
  public func explanations(_ c: CompileContext) throws -> [Explanation] { [] }
  public func walk(_ context: EntryContext) -> [WalkStep] { [] }
  public func effect(of changes: [FactChange], in view: BudgetView) -> String? { nil }
  public func carryOver(_ prior: FactSet) -> CarriedFacts { CarriedFacts() }
  public func importLines(_ table: ReadTable, into sheet: inout ImportSheet) -> Bool { false }
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
