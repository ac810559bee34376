import Foundation
import Reading
import YusuanCore

/// What the rules share: the document, the catalog (optional: without it only code shapes are checked), the
/// scanned prose, and builders that give every finding a location and the plugin name `audit`.
public struct AuditContext: Sendable {
  public let document: AuditDocument
  public let catalog: Catalog?
  public let residueWords: [String]
  public let scanned: [ScannedParagraph]
  /// The template the document is judged against.
  public let template: TemplateChoice
  /// What the document says about itself: year, 部门/单位预算, level.
  public let profile: DocumentProfile
  /// The figures the tables print, by name: built once, asked by every prose rule.
  let facts: DocumentFacts
  /// How many decimals the document's percentages should print (the change and share rules both ask).
  let percentPrecision: PercentPrecision
  /// The unit the prose prints most of its figures in: findings about prose speak it (a 元 document is told
  /// 2476260.58, not 247.63). 万元 when the prose states no figure or as many in 万元.
  let proseUnit: MoneyUnit

  public init(document: AuditDocument, catalog: Catalog?, residueWords: [String], editions: [Edition] = []) {
    self.document = document; self.catalog = catalog; self.residueWords = residueWords
    scanned = document.prose.map(ProseScanner.scan)
    template = TemplateDetector.choose(document, editions: editions)
    profile = DocumentProfile(document)
    facts = DocumentFacts(document: document, catalog: catalog, scanned: scanned)
    percentPrecision = PercentPrecision(template: template, scanned: scanned)
    proseUnit = Self.mostUsed(scanned.flatMap { $0.amounts.map(\.unit) }) ?? .wan
  }

  /// The unit most of these figures are printed in, 万元 on a tie; nil for none.
  static func mostUsed(_ units: [MoneyUnit]) -> MoneyUnit? {
    guard !units.isEmpty else { return nil }
    return [MoneyUnit.wan, .yuan, .qian].max { u, v in units.filter { $0 == u }.count < units.filter { $0 == v }.count }
  }

  /// How a finding about a paragraph prints amounts: in the unit that paragraph prints most of its figures in (a
  /// 元 document's 三公 section is often in 万元), else `proseUnit`; two decimals. `m(a)` is the figure, `m.word` the unit.
  func money(in sp: ScannedParagraph) -> MoneyWords {
    MoneyWords(unit: Self.mostUsed(sp.amounts.map(\.unit)) ?? proseUnit)
  }

  func at(
    _ t: AuditTable, row: String?, column: String? = nil, _ rule: AuditRuleID, _ severity: Severity, _ message: String,
    expected: String? = nil, actual: String? = nil
  ) -> Diagnostic {
    // Evidence: the printed row the finding names (by its code or label), else the table's first row.
    let key = row.map(NameKey.of)
    let printed = key.flatMap { k in t.rows.first { r in r.cells.contains { NameKey.of($0) == k } } } ?? t.rows.first
    let spot = printed.flatMap { document.spots[$0.line] }
    // The cell itself when the finding names a column and the reader kept the cells' boxes.
    var box = spot?.box
    if let printed, let column,
      let c = t.columns.indices.first(where: { t.columnName($0) == NameKey.of(column) || NameKey.of(t.columns[$0]) == NameKey.of(column) }),
      let boxes = document.cellBoxes[printed.line]
    {
      let cells = t.printedColumns(of: c).compactMap { $0 < boxes.count ? boxes[$0] : nil }
      if let cell = Box.enclosing(cells) { box = cell }
    }
    return Diagnostic(
      rule: rule, severity: severity, table: t.ref, row: row, column: column, message: message,
      expected: expected, actual: actual, plugin: "audit", page: spot?.page, box: box)
  }

  func at(_ p: AuditParagraph, _ rule: AuditRuleID, _ severity: Severity, _ message: String, expected: String? = nil, actual: String? = nil) -> Diagnostic {
    let spot = document.spots[p.line]
    return Diagnostic(
      rule: rule, severity: severity, table: "正文第\(p.index)段", row: p.section.map { String($0.prefix(24)) },
      message: message, expected: expected, actual: actual, plugin: "audit", file: document.name, line: p.line,
      page: spot?.page, box: spot?.box)
  }

  func at(document rule: AuditRuleID, _ severity: Severity, _ message: String, expected: String? = nil, actual: String? = nil) -> Diagnostic {
    Diagnostic(rule: rule, severity: severity, table: "全文", message: message, expected: expected, actual: actual, plugin: "audit")
  }

  /// A short quotation of a paragraph for messages.
  static func quote(_ s: String, _ n: Int = 36) -> String { s.count > n ? String(s.prefix(n)) + "…" : s }
}

/// An audit rule: a pure function from the context to findings. Rules never throw and never stop the others.
public struct AuditRule: Sendable {
  public var id: String
  public var run: @Sendable (AuditContext) -> [Diagnostic]
}

/// Reads and audits a document: the whole pipeline on one screen.
public enum Auditor {
  /// The rules in the order their findings are listed: reading, tables, tables against each other, prose, completeness.
  public static let rules: [AuditRule] = [
    AuditRule(id: "audit.amount", run: AmountCellRule.run),
    AuditRule(id: "audit.code", run: CodeRule.run),
    AuditRule(id: "audit.sum", run: TableSumRule.run),
    AuditRule(id: "audit.sum.two-sided", run: TwoSidedRule.run),
    AuditRule(id: "audit.sum.three-public", run: ThreePublicSumRule.run),
    AuditRule(id: "audit.cross", run: CrossTableRule.run),
    AuditRule(id: "audit.name.retired", run: RetiredNameRule.run),
    AuditRule(id: "audit.numbering", run: NumberingRule.run),
    AuditRule(id: "audit.table", run: TableShapeRule.run),
    AuditRule(id: "audit.table.unit-name", run: UnitNameRule.run),
    AuditRule(id: "audit.text.residue", run: ResidueRule.run),
    AuditRule(id: "audit.prose.change", run: ChangeRule.run),
    AuditRule(id: "audit.prose.share", run: ShareRule.run),
    AuditRule(id: "audit.prose.contradiction", run: ContradictionRule.run),
    AuditRule(id: "audit.prose.items", run: ItemListRule.run),
    AuditRule(id: "audit.prose.parts", run: PartsRule.run),
    AuditRule(id: "audit.prose.figure", run: ProseFigureRule.run),
    AuditRule(id: "audit.prose.subject", run: SubjectPathRule.run),
    AuditRule(id: "audit.text.document", run: DocumentWordingRule.run),
    AuditRule(id: "audit.text.proofreading", run: ProofreadingRule.run),
    AuditRule(id: "audit.text.name-typo", run: NameTypoRule.run),
    AuditRule(id: "audit.table.empty", run: EmptyNotesRule.run),
    AuditRule(id: "audit.prose.other", run: OtherMattersRule.run),
    AuditRule(id: "audit.required", run: RequiredRule.run),
    AuditRule(id: "audit.text", run: WordingRule.run),
  ]

  /// Template residue is looked for as `TemplateResidue.common` and the words of `extraResidue` (the editions' own).
  public static func audit(_ document: AuditDocument, catalog: Catalog?, extraResidue: [String] = [], editions: [Edition] = []) -> [Diagnostic] {
    let context = AuditContext(document: document, catalog: catalog, residueWords: TemplateResidue.words(adding: extraResidue), editions: editions)
    var out = document.readFindings
    if context.profile.finalAccounts {
      out.append(context.at(document: .readTemplate, .info, "本文件是决算，不是预算：预算公开模板要求的表和说明（缺表、缺说明、“三公”说明）不适用，未检查；表内加总、表与表、文字与表的一致照常核对。"))
    } else if !document.tables.isEmpty {
      out.append(
        context.at(
          document: .readTemplate, .info,
          "按\(context.template.name)审读"
            + (context.template.edition != nil ? "：本文件 \(context.template.matched) 张表的表名与该模板相同。" : "：本文件没有已有模板（forms/editions）特有的表名或表号，只检查各地通用的规定表格。")))
    }
    if catalog == nil {
      out.append(context.at(document: .readCatalog, .info, "未加载科目目录：只检查科目编码的位数和结构，不核对科目名称和未知科目。"))
    }
    // A 决算 is checked for its sums, its tables against each other and its prose against its tables; what a budget
    // template requires of a 预算 is not asked of it.
    for rule in rules where !(context.profile.finalAccounts && rule.id == "audit.required") { out += rule.run(context) }
    if !document.unreadPages.isEmpty {
      func list(_ pages: [Int]) -> String { pages.map { "第\($0)页" }.joined(separator: "、") }
      let images = document.unreadPages.filter { !document.garbledPages.contains($0) && !document.picturedPages.contains($0) }
      let why = [
        images.isEmpty ? nil : list(images) + "只有图片", document.picturedPages.isEmpty ? nil : list(document.picturedPages) + "大部分是图片",
        document.garbledPages.isEmpty ? nil : list(document.garbledPages) + "的文字无法识别",
      ]
      .compactMap { $0 }.joined(separator: "，")
      out = out.map { unsure($0, pages: document.unreadPages, why: why + "、未能读出，所缺的可能在其中") }
    }
    if document.tablesLost { out = out.map { unsure($0, pages: [], why: "表格未能读出，所缺的可能在表中") } }
    // A table found by its title but not read (the 三公 table of space-aligned text): a prose figure no read table
    // holds may be that table's (its 公务接待费 beside the 基本支出 row of the same name).
    let unreadTables = document.tables.filter { $0.kind != .other && $0.rows.isEmpty && $0.notes.isEmpty }
    if !document.tablesLost, !unreadTables.isEmpty {
      let names = unreadTables.map { "《\($0.title ?? "无标题表格")》" }.joined(separator: "、")
      out = out.map { unsure($0, pages: [], why: "\(names)未能读出，这一数字可能出自该表") }
    }
    if document.readByPosition { out = misread(out, document) }
    return out
  }

  /// What only an absence proves (a table or a note missing, a figure no table holds, a number skipped) cannot be
  /// said when pages or tables were not read: such findings become 未能核对 notes that say `why`.
  static let absenceRules: Set<String> = [
    AuditRuleID.requiredTable.id, AuditRuleID.requiredTables.id, AuditRuleID.requiredThreePublic.id,
    AuditRuleID.requiredExplanation.id, AuditRuleID.numberingGap.id, AuditRuleID.numberingMissing.id, AuditRuleID.numberingOrphan.id,
    AuditRuleID.proseFigure.id,
  ]

  static func unsure(_ d: Diagnostic, pages: [Int], why: String) -> Diagnostic {
    // A table's sums next to an unread page: its other part, with rows these sums need, may be on that page.
    let besideUnread = d.page.map { p in pages.contains { abs($0 - p) <= 1 } } ?? false
    let partialTable = besideUnread && [AuditRuleID.sumParent.id, AuditRuleID.sumTotal.id].contains(d.rule)
    // A line one table has and the other lacks (not two codes for one line): the other's part may be unread.
    let missingLine = d.rule == AuditRuleID.crossRowCode.id && d.actual == "无"
    guard absenceRules.contains(d.rule) || partialTable || missingLine, d.severity != .info else { return d }
    var soft = d
    soft.severity = .info
    soft.message = "未能核对：" + d.message + "（\(why)。）"
    return soft
  }

  /// A table placed from word positions whose sums fail all over (at least 5 rows, and a quarter of its rows) was
  /// more likely read into the wrong columns than printed so: its sum findings become one 未能核对 note. A document's
  /// own slips are a few rows; a shifted column breaks every row.
  static func misread(_ findings: [Diagnostic], _ document: AuditDocument) -> [Diagnostic] {
    var out = findings
    for t in document.tables {
      let sums = findings.filter { $0.table == t.ref && $0.rule.hasPrefix("audit.sum.") && $0.severity > .info }
      let rows = Set(sums.compactMap(\.row))
      guard rows.count >= 5, rows.count * 4 >= t.rows.count else { continue }
      out.removeAll { d in sums.contains { $0.table == d.table && $0.rule == d.rule && $0.row == d.row && $0.column == d.column && $0.message == d.message } }
      let first = sums.prefix(3).map { "「\($0.message)」" }.joined(separator: "")
      out.append(
        Diagnostic(
          rule: AuditRuleID.readTable, severity: .info, table: t.ref, row: nil, column: nil,
          message: "未能核对\(t.ref)的合计：\(rows.count) 行（共 \(t.rows.count) 行）加总对不上，多到不像填报差错，更可能是表格的列没有按原样读出。请对照原件核对这张表。前几处：\(first)",
          plugin: "audit", page: sums.first?.page, box: sums.first?.box))
    }
    return out
  }

  public static func audit(url: URL, catalog: Catalog?) throws -> [Diagnostic] {
    audit(try DocumentReader.read(url: url), catalog: catalog)
  }
}

/// Amounts as one finding prints them: `m(612420000)` → `612.42` in 万元, `m.word` → 万元.
struct MoneyWords {
  let unit: MoneyUnit
  func callAsFunction(_ a: Amount) -> String { a.shown(in: unit) }
  var word: String { unit.rawValue }
}
