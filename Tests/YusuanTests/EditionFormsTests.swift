import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// Every edition folder in forms/editions/ against every prose key the code can ask for: a missing or misspelt key
/// fails here (and refuses to load), never prints as 【缺少模板 …】; a placeholder the code does not fill fails too.
struct EditionFormsTests {
  static let editions = TestSupport.forms.editionIDs

  @Test func thereAreEditionsToCheck() { #expect(Self.editions.count >= 2) }

  @Test(arguments: editions)
  func everyTemplateIsThereAndUsesOnlyItsPlaceholders(id: String) throws {
    let edition = try TestSupport.forms.edition(id)
    #expect(edition.problem() == nil)
    let prose = try TestSupport.forms.prose(id)
    #expect(prose.problem() == nil)
    for (key, template) in prose.templates {
      let allowed = try #require(ProseKeys.placeholders(key), "\(id): \(key) is not a key the code asks for")
      // Placeholders and the names its sections ({#名}…{/名}) test.
      for name in ProseTemplates.names(in: template) where name.unicodeScalars.contains(where: { $0.value > 0x2E80 }) {
        #expect(allowed.contains(name), "\(id) prose \(key) uses {\(name)}, which the code does not fill (it may use \(allowed.joined(separator: "、")))")
      }
    }
    // Headers may name the standard placeholders, nothing else.
    for (table, rows) in try TestSupport.forms.tableHeaders(id).headers {
      for name in rows.flatMap({ $0.flatMap { Self.placeholders(in: $0.text) } }) {
        #expect(ProseKeys.standard.contains(name), "\(id) header of \(table) uses {\(name)}")
      }
    }
    // Part titles and empty-table notes likewise.
    for title in (edition.partTitles ?? []) + (edition.parts ?? []).map(\.title) + edition.tables.compactMap(\.emptyNote) {
      for name in Self.placeholders(in: title) { #expect(ProseKeys.standard.contains(name), "\(id) part title uses {\(name)}") }
    }
    // A table's own 第三部分 title may also name the table ({表名}).
    for title in edition.tables.compactMap(\.explain) {
      for name in Self.placeholders(in: title) { #expect(ProseKeys.standard.contains(name) || name == "表名", "\(id) explain uses {\(name)}") }
    }
  }

  /// Every key the code asks for by literal (fill/item) is in ProseKeys; the only computed keys are t8/t9's.
  @Test func theCodeAsksOnlyForListedKeys() throws {
    let listed = Set(ProseKeys.all.map(\.key))
    let literal = try Regex(#"(?:fill|item)\(\s*"([^"\\]+)""#)
    let computed = try Regex(#"fill\(\s*"\\\("#)
    var asked: Set<String> = [], computedSites = 0
    for dir in ["Sources", "Plugins"] {
      let root = TestSupport.repoRoot.appendingPathComponent(dir)
      for case let path as String in FileManager.default.enumerator(atPath: root.path)! where path.hasSuffix(".swift") && !path.hasPrefix("Audit") {
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        for m in text.matches(of: literal) { if let key = m.output[1].substring { asked.insert(String(key)) } }
        computedSites += text.matches(of: computed).count
      }
    }
    #expect(!asked.isEmpty)
    for key in asked.sorted() { #expect(listed.contains(key), "the code asks for \(key), which ProseKeys does not list") }
    // ExpenditureDocument.fundExplanation asks for "\(key).none" and "\(key).body" with key t8 or t9.
    #expect(computedSites == 2)
    for t in TableID.functionTables.keys where t != .t3 && t != .t5 {
      for suffix in ["none", "body"] { #expect(listed.contains("\(t.rawValue.lowercased()).\(suffix)")) }
    }
  }

  /// Each example compiled under each edition prints no missing template and no unfilled placeholder.
  @Test(arguments: editions)
  func examplesCompileUnderEveryEditionWithoutResidue(id: String) throws {
    for e in GoldenTests.examples {
      let wb = try ExampleTests.workbook(e.name, department: e.department, year: e.year, edition: id)
      let doc = try wb.compile(draft: true)
      let text = Compiler.text(of: doc.parts) + doc.title + doc.parts.map(\.title).joined()
      #expect(!text.contains("【缺少模板"), "\(e.name) under \(id)")
      #expect(Self.placeholders(in: text).isEmpty, "\(e.name) under \(id) prints \(Self.placeholders(in: text))")
    }
  }

  @Test func aProseFileMissingAKeyOrWithAStrayOneIsRefused() throws {
    let forms = try TestSupport.formsCopy { $0 }
    let file = forms.root.appendingPathComponent("editions/test-unit/prose.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(of: "t7.row.prior: \"{上年}年{上年口径}\"\n", with: "").write(to: file, atomically: true, encoding: .utf8)
    do {
      _ = try forms.prose("test-unit")
      Issue.record("a prose file without t7.row.prior was accepted")
    } catch {
      #expect("\(error)".contains("t7.row.prior"))
    }
    try (text + "t7.row.priro: \"x\"\n").write(to: file, atomically: true, encoding: .utf8)
    #expect(throws: FormsLibrary.LoadError.self) { try forms.prose("test-unit") }
  }

  @Test func anEditionNamingAnUnknownTableIsRefused() throws {
    let forms = try TestSupport.formsCopy { $0.replacingOccurrences(of: "- { id: T13, number: 13,", with: "- { id: T15, number: 13,") }
    #expect(throws: FormsLibrary.LoadError.self) { try forms.edition("test-unit") }
  }

  /// forms/README.md documents every key of an edition and every prose key (the reader's one reference).
  @Test func theFormsReadmeDocumentsEveryKey() throws {
    let readme = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("forms/README.md"), encoding: .utf8)
    let editionKeys =
      Edition.CodingKeys.allCases.map(\.rawValue) + TableSpec.CodingKeys.allCases.map(\.rawValue)
      + RuleSettings.CodingKeys.allCases.map(\.rawValue) + ["units.tables", "units.prose", "units.label", "units.preparer", "drop_zero_decimals", "blank_zero"]
    for key in editionKeys { #expect(readme.contains("`\(key)`"), "forms/README.md does not describe \(key)") }
    for (key, _) in ProseKeys.all { #expect(readme.contains("| `\(key)` |"), "forms/README.md does not list prose key \(key)") }
  }

  /// The `{name}` placeholders in a text (CJK names only: {n} of the numbering pattern is the edition's own).
  static func placeholders(in text: String) -> [String] {
    text.matches(of: /\{([^{}\s]+)\}/).map { String($0.output.1) }.filter { $0.unicodeScalars.contains { $0.value > 0x2E80 } }
  }

  /// One default edition, named by data: `new` without --edition and the REPL's first question both take it (the
  /// REPL offered the alphabetically last folder, which became a Shanghai edition for a county bureau).
  @Test func theDefaultEditionIsNamedByData() throws {
    let named = try String(contentsOf: TestSupport.forms.root.appendingPathComponent("editions/default"), encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(TestSupport.forms.editionIDs.contains(named))
    #expect(TestSupport.forms.defaultEditionID == named)
    #expect(TestSupport.forms.editionIDs.last != named, "the alphabetical last is not what is named here")
  }
}
