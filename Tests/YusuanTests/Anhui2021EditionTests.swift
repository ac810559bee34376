import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// The 2021 Anhui edition prints as the 2021 document (the seed) prints: one name for one fund throughout, and
/// 第三部分 with the seed's section titles in the seed's order. What is expected is read from the seed's text,
/// not listed here.
struct Anhui2021EditionTests {
  static let seed: [String] = {
    let url = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/seeds/001_d4b356eb47825e97.txt")
    return (try! String(contentsOf: url, encoding: .utf8)).components(separatedBy: "\n").map {
      $0.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\u{3000}\t")))
    }
  }()

  static func document() throws -> PublishedDocument {
    let wb = try ExampleTests.workbook("dujiqu-2021", department: "杜集区政府办公室", year: 2021, edition: "anhui-2021")
    return try wb.compile(draft: true)
  }

  /// The seed's lines from the one starting with `from` up to the one starting with `to`.
  static func lines(from: String, to: String) -> ArraySlice<String> {
    let start = seed.firstIndex { $0.hasPrefix(from) }!
    let end = seed[start...].firstIndex { $0.hasPrefix(to) }!
    return seed[start..<end]
  }

  /// 一、… (a section) and （一）… (a subsection) at the start of a line.
  static func numbered(_ s: String) -> Bool { s.firstMatch(of: /^[一二三四五六七八九十]+、/) != nil }
  static func subNumbered(_ s: String) -> Bool { s.firstMatch(of: /^（[一二三四五六七八九十]+）/) != nil }

  @Test func sectionTitlesOfPart3AreTheSeedsInItsOrder() throws {
    // The seed's 第三部分: 一、… 九、 and their （一）… subsections, as printed.
    let part3 = Self.lines(from: "第三部分", to: "第四部分").dropFirst()
    let seedHeadings = part3.filter { Self.numbered($0) || Self.subNumbered($0) }
    #expect(seedHeadings.count > 9)
    let doc = try Self.document()
    let part = try #require(doc.parts.first { $0.title.hasPrefix("第三部分") })
    let ours = part.blocks.compactMap { if case .heading(_, let t) = $0 { t } else { nil } }
    // One departure, on purpose: the seed has no “三公” section (a defect: it must be disclosed even when zero), so
    // the edition adds one after 支出预算, and the seed's 九、其他重要事项 is 十、.
    var expected = Array(seedHeadings)
    let other = try #require(expected.firstIndex { $0.hasPrefix("九、") })
    expected[other] = expected[other].replacingOccurrences(of: "九、", with: "十、")
    expected.insert("九、关于2021年一般公共预算“三公”经费支出情况说明", at: other)
    #expect(ours == expected)
    #expect(part.title == Self.lines(from: "第三部分", to: "一、").first)
    // The four parts are titled as the seed titles them.
    let seedParts = Self.seed.filter { $0.hasPrefix("第") && $0.contains("部分 ") }
    #expect(doc.parts.map(\.title) == seedParts)
  }

  /// Every fund has one name in the document: the 收入 lines of 收支总表 and the columns of 收入预算总表 say what
  /// the seed says (纳入专户管理非税收入, 其他收入 …), and no word another edition uses for the same fund appears.
  @Test func oneNamePerFundThroughout() throws {
    // The seed's 收支总表 (部门公开表6): its 收入 lines 一、… 五、 in the order of the entry language's current-year funds.
    let t1 = Self.lines(from: "杜集区政府办公室2021年收支总表", to: "本年收入小计")
    let seedIncome = t1.filter { $0.hasSuffix("收入") && Self.numbered($0) }.map { String($0.drop { $0 != "、" }.dropFirst()) }
    let funds: [FundSource] = [.general, .governmentFund, .stateCapital, .specialAccount, .unitFunds]
    #expect(seedIncome.count == funds.count)
    // The seed's 收入预算总表 header names the same words, after 合计 and 上年结转.
    let t2 = Self.lines(from: "杜集区政府办公室2021年收入预算总表", to: "科目编码")
    let t2Header = Array(t2.drop { $0 != "上年结转" }.dropFirst().filter { !$0.isEmpty })
    #expect(t2Header == seedIncome)

    let edition = try TestSupport.forms.edition("anhui-2021")
    #expect(funds.map { edition.names(of: $0).revenue } == seedIncome)

    let doc = try Self.document()
    let table1 = try #require(doc.tables.first { $0.id == "T1" })
    let printedIncome = table1.rows.map { table1.text($0.cells[0]) }.filter { Self.numbered($0) }.map { String($0.drop { $0 != "、" }.dropFirst()) }
    #expect(printedIncome == seedIncome)
    let table2 = try #require(doc.tables.first { $0.id == "T2" })
    let t2Leaves = table2.header.first!.map(\.text).drop { $0 != "上年结转" }.dropFirst()
    #expect(Array(t2Leaves) == seedIncome)

    // No other edition's word for a fund, unless 2021 uses the same word (for any fund) or a longer one holding it.
    let ours = Set(FundSource.allCases.flatMap { s in [edition.names(of: s).name, edition.names(of: s).revenue, edition.names(of: s).appropriation] })
    let text = Compiler.text(of: doc.parts)
    for other in TestSupport.forms.editionIDs where other != "anhui-2021" {
      let e = try TestSupport.forms.edition(other)
      for s in FundSource.allCases {
        let n = e.names(of: s)
        for word in Set([n.name, n.revenue, n.appropriation]) where !ours.contains(where: { $0.contains(word) }) {
          #expect(!text.contains(word), "the 2021 document calls \(s.rawValue) “\(word)” as \(other) does, beside its own “\(edition.names(of: s).revenue)”")
        }
      }
    }
  }

  /// 财政拨款收支总表 has the seed's rows: its 收入 lines, every 类, and the closing lines.
  @Test func appropriationTableHasTheSeedsRows() throws {
    let seedT4 = Self.lines(from: "杜集区政府办公室2021年财政拨款收支总表", to: "部门公开表2")
    let doc = try Self.document()
    let t4 = try #require(doc.tables.first { $0.id == "T4" })
    let labels = t4.rows.flatMap { [t4.text($0.cells[0]), t4.text($0.cells[2])] }.map { $0.trimmingCharacters(in: .init(charactersIn: "\u{3000} ")) }.filter {
      !$0.isEmpty
    }
    // Every label we print is one the seed prints (类 names as the catalog names them: the seed's 资源勘探信息等支出 is retired).
    for label in labels where label != "十四、资源勘探工业信息等支出" {
      #expect(
        seedT4.contains { $0.replacingOccurrences(of: " ", with: "") == label.replacingOccurrences(of: " ", with: "") },
        "T4 prints “\(label)”, which the seed's 财政拨款收支总表 does not")
    }
    #expect(labels.contains("其中：国库管理非税收入") && labels.contains("本年收入小计") && labels.contains("结转下年"))
    #expect(!labels.contains("一、本年收入") && !labels.contains("二、上年结转"))
  }
}
