import Foundation
import YusuanCore
import YusuanStore

/// The pipeline, readable in one place: open the workbook → apply entries (REPL, script, import) as facts →
/// plugins derive and validate → `compile` (narrative, tables) → `publish` (Publish.swift: refuse or draft, the files).
public final class Workbench {
  public let store: WorkbookStore
  public let forms: FormsLibrary
  public let meta: WorkbookMeta
  public let edition: Edition
  public let catalog: Catalog
  /// The section plugins that check, compile and export this workbook (`SectionRegistry.standard` but in tests).
  public let sections: SectionRegistry
  public private(set) var facts: FactSet
  private var head: Int64

  init(store: WorkbookStore, forms: FormsLibrary, sections: SectionRegistry = .standard) throws {
    self.store = store
    self.forms = forms
    self.sections = sections
    meta = try store.meta()
    // A workbook naming an edition or catalog this installation lacks: say which workbook.
    do {
      edition = try forms.edition(meta.edition)
      catalog = try forms.catalog(meta.catalog)
    } catch let e as FormsLibrary.LoadError {
      throw FormsMissing(
        description: "工作簿“\(store.path)”用的是版本“\(meta.edition)”、科目目录“\(meta.catalog)”，无法打开：\(e.description)"
          + "请安装该版本的 forms，或用 YUSUAN_FORMS 指向含有它的 forms 目录。")
    }
    head = try store.head()
    facts = try Self.loadFacts(store)
  }

  /// The stored facts; one that cannot be decoded (changed by another program, a damaged disk) is a Chinese
  /// refusal naming the workbook, not `DecodingError.dataCorrupted` (issue 14).
  static func loadFacts(_ store: WorkbookStore) throws -> FactSet {
    do { return try store.loadFacts() } catch let e as DecodingError { throw DamagedWorkbook(path: store.path, detail: ErrorText.describe(e)) }
  }

  /// `yusuan new`: a new workbook for one department-year.
  /// The catalog is the edition's unless `catalogID` names another (an officer's imported official catalog).
  /// `prepare` enters what the new workbook starts with (`new --from`: last year's facts) before it gets its name,
  /// so the file appears complete or not at all.
  public static func create(
    path: String, department: String, year: Int, editionID: String, catalogID: String? = nil, forms: FormsLibrary,
    sections: SectionRegistry = .standard, prepare: (Workbench) throws -> Void = { _ in }
  ) throws -> Workbench {
    let edition = try forms.edition(editionID)
    let catalog = catalogID ?? edition.catalog
    _ = try forms.catalog(catalog)
    let store = try WorkbookStore.create(path: path, meta: WorkbookMeta(department: department, year: year, edition: edition.id, catalog: catalog)) { temp in
      try prepare(Workbench(store: temp, forms: forms, sections: sections))
    }
    return try Workbench(store: store, forms: forms, sections: sections)
  }

  public static func open(path: String, forms: FormsLibrary, readonly: Bool = false, sections: SectionRegistry = .standard) throws -> Workbench {
    try Workbench(store: WorkbookStore.open(path: path, readonly: readonly), forms: forms, sections: sections)
  }

  public var context: EntryContext { EntryContext(meta: meta, edition: edition, catalog: catalog, facts: facts) }

  public var view: BudgetView { BudgetView(meta: meta, edition: edition, catalog: catalog, facts: facts) }

  /// A line of entry text and where it came from.
  public struct SourcedLine: Sendable {
    public var text: String
    public var file: String
    public var line: Int
    public init(text: String, file: String, line: Int) { self.text = text; self.file = file; self.line = line }
  }

  /// Applies lines all-or-nothing: every line is parsed against the facts as they stand after the lines before it;
  /// if any line is refused, nothing is written and every refusal is returned. Otherwise the whole batch is
  /// committed in one transaction. Returns the number of accepted entries.
  ///
  /// Another process may write to the workbook meanwhile (a second REPL, a `run`): the commit waits for its lock
  /// (up to 5 s) and, when it finds the workbook changed since the lines were read, reads them again against what
  /// is there now while it holds the lock, so two writers never make each other give up.
  @discardableResult
  public func apply(_ lines: [SourcedLine], source: EntrySource) throws -> Int {
    try applyEntries(lines, source: source).count
  }

  /// Applies lines as `apply` does and returns the journal entry of each accepted line: what it changed, fact by
  /// fact (the walk says an entry's effect from these, never from the line's text).
  @discardableResult
  public func applyEntries(_ lines: [SourcedLine], source: EntrySource) throws -> [JournalEntry] {
    // Lines are read against the workbook as it is, not as this process last saw it (another REPL may have
    // added the 职责 a line numbers); one cheap read of the head tells.
    if try store.head() != head { try reload() }
    var plan = try self.plan(lines, on: facts, source: source)
    guard !plan.entries.isEmpty else { return [] }
    var caughtUp = false
    do {
      head = try store.commit(plan.entries, expectedHead: head) { current in
        caughtUp = true
        plan = try self.plan(lines, on: current, source: source)
        return plan.entries
      }
    } catch {
      // Nothing was written; after catching up, start the next entry from the workbook as it now is.
      if caughtUp { try? reload() }
      throw error
    }
    facts = plan.working
    return plan.entries
  }

  /// The journal entries of `lines` applied to `facts`, and the facts after them; every refusal at once.
  func plan(_ lines: [SourcedLine], on facts: FactSet, source: EntrySource) throws -> (entries: [JournalEntry], working: FactSet) {
    var working = facts
    var entries: [JournalEntry] = []
    var errors: [ScriptError] = []
    for l in lines {
      do throws(EntryError) {
        // The context holds a copy of `working`; made and dropped within this one call, it no longer shares the
        // facts' storage when `working.apply` edits them, so the edit is made in place. A context alive across the
        // apply made every line copy every fact of its kind: `run` grew with the square of its lines (issue 14
        // item 18).
        let edits = try EntryParser.edits(for: l.text, context: EntryContext(meta: meta, edition: edition, catalog: catalog, facts: working))
        guard !edits.isEmpty else { continue }
        let before = working.amountMagnitude
        let changes = edits.map { working.apply($0) }
        if working.amountMagnitude > before && !working.amountsFit {
          for c in changes.reversed() { working.revert(c) }
          throw Self.sumTooLarge
        }
        entries.append(JournalEntry(source: source, location: "\(l.file):\(l.line)", command: l.text.trimmingBlanks(), changes: changes))
      } catch {
        errors.append(ScriptError(file: l.file, line: l.line, text: l.text, error: error))
      }
    }
    if !errors.isEmpty { throw ApplyError(errors: errors) }
    return (entries, working)
  }

  /// Reverts the last accepted entry that is not itself undone, journaling the undo; nil when there is nothing to undo.
  /// The undone entry stays in the journal: nothing entered is ever lost. When another process writes in between,
  /// the undo is worked out again, for up to 5 s.
  @discardableResult
  public func undo(source: EntrySource = .undo) throws -> JournalRecord? {
    let deadline = Date().addingTimeInterval(5)
    while true {
      do {
        return try undoOnce()
      } catch StoreError.concurrentChange where Date() < deadline {
        continue
      }
    }
  }

  private func undoOnce() throws -> JournalRecord? {
    try reload()
    let journal: [JournalRecord]
    do { journal = try store.journal() } catch let e as DecodingError { throw DamagedWorkbook(path: store.path, detail: ErrorText.describe(e)) }
    let undone = Set(journal.compactMap(\.undoes))
    guard let last = journal.last(where: { $0.undoes == nil && $0.source != .undo && !undone.contains($0.seq) }) else { return nil }
    var working = facts
    let inverse = last.changes.reversed().map { c -> FactChange in
      let before = working[c.key]
      working.revert(c)
      return FactChange(key: c.key, before: before, after: c.before)
    }
    head = try store.commit(
      [JournalEntry(source: .undo, location: "undo", command: "undo #\(last.seq)", changes: inverse, undoes: last.seq)], expectedHead: head)
    facts = working
    return last
  }

  /// Re-reads the workbook (another process wrote to it).
  public func reload() throws {
    do { (head, facts) = try store.snapshot() } catch let e as DecodingError { throw DamagedWorkbook(path: store.path, detail: ErrorText.describe(e)) }
  }

  /// A line that would take the workbook's amounts past what its totals can hold.
  static var sumTooLarge: EntryError {
    EntryError(
      "录入后工作簿全部金额之和将超过 \(Amount(fen: Amount.largestWorkbookSum).exactWan) 万元，超出可以处理的范围。"
        + "请检查是否多输了数字（每笔金额不能超过 \(Amount.largestEntry.exactWan) 万元）。", start: nil, end: nil)
  }

  /// The finding for a workbook whose amounts add up past `Amount.largestWorkbookSum` (entered before that limit):
  /// its totals cannot be computed, so `check` reports only this and `compile` refuses; nil when the amounts fit.
  public func amountOverflow() -> Diagnostic? {
    guard !facts.amountsFit else { return nil }
    func largest(_ f: Fact) -> Amount { f.amounts.map(\.magnitude).max() ?? .zero }
    let worst = facts.all.max { largest($0) < largest($1) }
    let place = worst.map { "最大的一笔是“\($0.key.split(separator: "|").joined(separator: " "))”（\(largest($0).exactWan) 万元）。" } ?? ""
    return Diagnostic(
      rule: WorkbenchRuleID.amountOverflow,
      message: "工作簿全部金额之和超过 \(Amount(fen: Amount.largestWorkbookSum).exactWan) 万元，超出可以处理的范围，表中的合计无法计算；"
        + "其余检查未进行，也不能生成公开文件。每笔金额不能超过 \(Amount.largestEntry.exactWan) 万元。\(place)"
        + "请用 yusuan export 核对，删除或改正多输了数字的金额后重新检查。",
      expected: "≤ \(Amount(fen: Amount.largestWorkbookSum).exactWan)", actual: String(facts.amountMagnitude / Int128(Amount.fenPerWan)))
  }

  /// Runs every plugin's rules and collects all findings; a plugin that throws becomes a finding naming it.
  public func check() -> [Diagnostic] {
    if let overflow = amountOverflow() { return [overflow] }
    let view = self.view
    let printed = Self.printedTables(view, forms: forms, sections: sections)
    var out: [Diagnostic] = []
    for plugin in sections.plugins {
      do {
        out += try plugin.check(view, printed: printed)
      } catch {
        out.append(
          Diagnostic(
            rule: WorkbenchRuleID.pluginFailed, table: plugin.title,
            message: "“\(plugin.title)”部分的检查未能完成（\(plugin.id)：\(ErrorText.describe(error))）。其余部分的检查结果仍然有效；请报告此问题。",
            plugin: plugin.id))
      }
    }
    // Errors first, then warnings, then info; within a severity, registry order and rule order.
    return Severity.allCases.reversed().flatMap { s in out.filter { $0.severity == s } }
  }

  /// The tables as the sections print them for `view`, built only if a section compares with them (核对).
  public static func printedTables(_ view: BudgetView, forms: FormsLibrary, sections: SectionRegistry) -> PrintedTables {
    var context: CompileContext? = nil
    return PrintedTables { id in
      let c = try context ?? CompileContext(view: view, prose: forms.prose(view.meta.edition), headers: forms.tableHeaders(view.meta.edition))
      context = c
      return try sections.plugins.flatMap { try $0.tables(id, c) }
    }
  }

  /// The publishable document (second half of the pipeline: plugins derive tables and prose; renderers lay it out).
  public func compile(draft: Bool) throws -> PublishedDocument {
    if let overflow = amountOverflow() { throw Compiler.Failure(description: overflow.message) }
    // Figures entered in 元 are shown rounded so that printed totals equal the sums of printed parts.
    let shown = BudgetView(meta: meta, edition: edition, catalog: catalog, facts: DisplayRounding.shown(facts, edition.units.tables).facts)
    return try Compiler(view: shown, prose: forms.prose(meta.edition), headers: forms.tableHeaders(meta.edition), plugins: sections.plugins).document(
      draft: draft)
  }

  /// The canonical script: `run` on a new workbook of the same department, year and edition rebuilds identical facts.
  public func exportScript() -> String { Self.exportScript(meta: meta, facts: facts, sections: sections) }

  /// The canonical script of any facts of a workbook with this meta (tests check the round trip in memory).
  public static func exportScript(meta: WorkbookMeta, facts: FactSet, sections: SectionRegistry = .standard) -> String {
    var out = "# \(meta.department) \(meta.year)年部门预算 · 版本 \(meta.edition)\n"
    out +=
      "# 由 yusuan export 生成；重建：yusuan new W --department \(Lexer.quote(meta.department)) --year \(meta.year) --edition \(meta.edition) && yusuan run W 本文件\n"
    for plugin in sections.plugins {
      let lines = plugin.export(facts)
      guard !lines.isEmpty else { continue }
      out += "\n# \(plugin.title)\n" + lines.joined(separator: "\n") + "\n"
    }
    return out
  }
}

/// A workbook whose edition or catalog this installation lacks.
public struct FormsMissing: Error, CustomStringConvertible {
  public var description: String
}

/// A workbook whose stored facts or journal cannot be read back.
public struct DamagedWorkbook: Error, CustomStringConvertible {
  public var path: String
  public var detail: String
  public var description: String {
    "工作簿“\(path)”中有已录入的内容损坏，无法读取：\(detail)文件可能被其他程序改动过，或磁盘出错。"
      + "请用备份的工作簿替换它；或用最近一次 yusuan export 导出的脚本，经 yusuan new 和 yusuan run 重建。"
  }
}

/// Every refused line of a batch; nothing of the batch was applied.
public struct ApplyError: Error, Sendable {
  public var errors: [ScriptError]
}
