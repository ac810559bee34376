import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore
import Renderers
import YusuanStore

/// Issue 14, defects 15–17: what entry refuses and how it says so. Every line here was accepted, or refused with a
/// message that showed nothing or contradicted itself, before the fix.
struct EntryStrictnessTests {
  /// The refusal of one line on a fresh workbook, or nil when the line was accepted.
  static func refusal(_ line: String, setup: String = "") throws -> ScriptError? {
    let wb = try TestSupport.workbook(setup)
    let before = wb.exportScript()
    do {
      try wb.apply(TestSupport.lines(line, file: "t.ys"), source: .script)
      return nil
    } catch let e as ApplyError {
      #expect(wb.exportScript() == before)
      return e.errors.first
    }
  }

}

/// Issue 14, defect 15: a CSV quote that is never closed swallowed the rest of the file into one cell, silently.
struct CSVQuoteTests {
  @Test func importRefusesAnUnterminatedQuoteNamingItsLine() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    let csv = "科目编码,科目名称,基本支出,项目支出\n2010301,行政运行,1000,0\n2010302,\"一般行政管理事务,0,500\n2010350,事业运行,300,0\n"
    let path = try CLI.writeTemp(csv, ext: "csv")
    let r = try CLI.run(["import", w, path, "--as", "current"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("\(path):3: "))
    #expect(r.stderr.contains("引号（\"）没有闭合"))
    #expect(try CLI.run(["export", w]).stdout.contains("支出") == false)
  }

  @Test func catalogImportRefusesAnUnterminatedQuote() throws {
    let parsed = CatalogCSV.parse("科目编码,科目名称\n201,一般公共服务支出\n20101,\"人大事务\n2010101,行政运行\n")
    #expect(parsed.problems.map(\.line) == [3])
    #expect(parsed.problems.first?.message.contains("没有闭合") == true)
  }

  /// A quoted cell over two lines: the rows after it keep their own line numbers in messages.
  @Test func linesAfterAMultiLineCellKeepTheirNumbers() throws {
    let parsed = CatalogCSV.parse("科目编码,科目名称\n201,\"一般公共\n服务支出\"\n20101,人大事务\n20101,重复\n")
    #expect(parsed.problems.map(\.line) == [5])
  }

}
