import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// The display unit is the edition's (`units:` in edition.yaml): a 元 edition prints its tables in 元, exactly,
/// while its prose stays in 万元; a table may keep its own unit (Shanghai's 三公 table in 万元).
struct EditionUnitTests {
  static let wan2 = MoneyFormat(unit: .wan, decimals: 2, grouping: false)
  static let yuan2 = MoneyFormat(unit: .yuan, decimals: 2, grouping: true)

  @Test func formatsRoundHalfUpInTheirUnit() {
    #expect(Self.wan2.text(Amount(wanCents: 22870)) == "228.70")
    #expect(Self.yuan2.text(Amount(wanCents: 22870)) == "2,287,000.00")
    #expect(Self.yuan2.text(Amount(fen: 9_101_677_535)) == "91,016,775.35")
    #expect(Self.yuan2.text(Amount(fen: -123)) == "-1.23")
    #expect(Self.yuan2.text(.zero) == "0.00")
    #expect(Self.yuan2.number(Amount(wanCents: 22870)) == "2287000.00")
    // Half away from zero at the printed step: 0.005万元 shows 0.01, -0.005万元 shows -0.01, 0.00499 shows 0.00.
    #expect(Self.wan2.text(Amount(fen: 5_000)) == "0.01")
    #expect(Self.wan2.text(Amount(fen: -5_000)) == "-0.01")
    #expect(Self.wan2.text(Amount(fen: 4_999)) == "0.00")
    #expect(MoneyFormat(unit: .wan, decimals: 0, grouping: true).text(Amount(wanCents: 123_456_750)) == "1,234,568")
    #expect(MoneyFormat(unit: .yuan, decimals: 0, grouping: false).text(Amount(fen: 150)) == "2")
    #expect(MoneyFormat(unit: .wan, decimals: 4, grouping: false).text(Amount(fen: 123)) == "0.0001")
    #expect(MoneyFormat.maxDecimals(.yuan) == 2 && MoneyFormat.maxDecimals(.wan) == 6)
  }

  static func demo(_ forms: FormsLibrary, edition: String) throws -> PublishedDocument {
    try ExampleTests.workbook("demo-2025", department: "示例区政府办公室（示例）", year: 2025, edition: edition, forms: forms).compile(draft: false)
  }

  @Test func yuanEditionPrintsTablesInYuanAndProseInWan() throws {
    let forms = try TestSupport.formsCopy {
      $0.replacingOccurrences(of: "tables: { unit: \"万元\", decimals: 2, grouping: false }", with: "tables: { unit: \"元\", decimals: 2, grouping: true }")
        .replacingOccurrences(of: "    required: true\n", with: "    required: true\n    unit: \"万元\"\n    grouping: false\n")
    }
    #expect(try forms.edition("test-unit").money(for: .t7) == Self.wan2)
    let wan = try Self.demo(TestSupport.forms, edition: "anhui-2024")
    let yuan = try Self.demo(forms, edition: "test-unit")
    // 第二部分's tables (the 绩效目标表 of 第三部分 print no amounts and no unit line).
    func part2(_ d: PublishedDocument) -> [DocTable] { d.parts[1].blocks.compactMap { if case .table(let t) = $0 { t } else { nil } } }
    #expect(part2(wan).count == 13 && part2(yuan).count == 13)
    #expect(yuan.tables.filter { $0.id == "T14" }.allSatisfy { $0.unit.isEmpty })
    var compared = 0
    for (w, y) in zip(part2(wan), part2(yuan)) {
      #expect(w.id == y.id && w.rows.count == y.rows.count)
      let isT7 = y.id == "T7"
      #expect(y.unit == (isT7 ? "单位：万元" : "单位：元"), "\(y.id)")
      #expect(y.money == (isT7 ? Self.wan2 : Self.yuan2))
      for (wr, yr) in zip(w.rows, y.rows) {
        for (wc, yc) in zip(wr.cells, yr.cells) {
          #expect(wc == yc, "\(y.id): the same exact amounts, only printed differently")
          guard case .amount(let a) = yc else { continue }
          compared += 1
          // The demo is entered to 0.01万元, so the 元 figure is the 万元 figure times 10 000, exactly.
          let expected = isT7 ? w.text(wc) : Self.yuan2.text(Amount(wanCents: a.roundedWanCents))
          #expect(y.text(yc) == expected)
          if !isT7 { #expect(y.text(yc) == Self.grouped(w.text(wc))) }
        }
      }
    }
    #expect(compared > 100)
    // 236.48万元 (行政运行 in the demo) prints as 2,364,800.00 in the 元 tables.
    let t5 = try #require(yuan.tables.first { $0.id == "T5" })
    #expect(t5.rows.flatMap { $0.cells.map(t5.text) }.contains("2,364,800.00"))
    // Everything but the tables (headings, prose, glossary) is word for word the 万元 edition's.
    func prose(_ d: PublishedDocument) -> [Block] { d.parts.flatMap { $0.blocks.filter { if case .table = $0 { false } else { true } } } }
    #expect(prose(wan) == prose(yuan))
    #expect(prose(yuan).contains { if case .paragraph(let p) = $0 { p.contains("236.48万元") } else { false } })
  }

  /// 万元 text with two decimals as the same amount in 元 with thousands separators: 228.70 → 2,287,000.00.
  static func grouped(_ wan: String) -> String {
    let negative = wan.hasPrefix("-")
    let parts = wan.drop { $0 == "-" }.split(separator: ".")
    let cents = Int64(parts[0])! * 100 + Int64(parts[1])!
    return Self.yuan2.text(Amount(wanCents: negative ? -cents : cents))
  }

  @Test func anEditionWithAnImpossibleUnitIsRefusedWithAChineseMessage() throws {
    let forms = try TestSupport.formsCopy {
      $0.replacingOccurrences(of: "tables: { unit: \"万元\", decimals: 2, grouping: false }", with: "tables: { unit: \"元\", decimals: 3, grouping: true }")
    }
    #expect(throws: FormsLibrary.LoadError.self) { try forms.edition("test-unit") }
    let bad = try TestSupport.formsCopy { $0.replacingOccurrences(of: "    required: true\n", with: "    required: true\n    unit: \"千元\"\n") }
    do {
      _ = try bad.edition("test-unit")
      Issue.record("a 千元 table was accepted")
    } catch {
      #expect("\(error)".contains("万元"))
    }
  }
}
