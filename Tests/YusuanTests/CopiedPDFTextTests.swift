import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
@testable import YusuanCore

/// Text a reviewer copied out of a PDF rather than the PDF itself: lines broken at the page width, and tables whose
/// cells come one per line. The first is read as the paragraphs it was; the second's tables are said unread.
@Suite struct CopiedPDFTextTests {
  static func findings(_ text: String) throws -> [Diagnostic] {
    let doc = try DocumentReader.read(data: Data(("示例县统计局2025年部门预算\n" + text + "\n").utf8), name: "t.txt")
    return Auditor.audit(doc, catalog: try TestSupport.forms.catalog("classification-2024"))
      .filter { !$0.rule.hasPrefix("audit.required") && !$0.rule.hasPrefix("audit.read") && !$0.rule.hasPrefix("audit.numbering") }
  }

  /// Text copied out of a PDF, broken at the page width inside words, quotes and figures (as pdftotext prints it).
  static let wrapped: String = {
    let paragraphs = [
      "2025年一般公共预算拨款支出1493924.60元，其中：基本支出1440224.60元，项目支出53700元，具体支出预算如下：",
      "（一）基本支出预算1440224.60元，同比减少12602.40元，下降0.87%。主要用于在职人员的工资和“机关运行经费”等方面的支出，保障单位的日常运转和正常履职。",
      "（二）项目支出预算53700元，同比增加53700元，原因是新增了统计调查项目的经费，用于开展本年度的各项统计调查工作。",
      "（三）按支出功能分类，一般公共服务支出1440224.60元，主要用于机关的日常运转；统计信息事务支出53700元，主要用于统计调查。",
      "（四）按支出经济分类，工资福利支出1200000.00元，主要用于在职人员的基本工资、津贴补贴和奖金；商品和服务支出240224.60元，主要用于办公费、印刷费和差旅费等方面。",
      "（五）本单位2025年政府采购预算53700元，全部为服务类采购，主要用于委托第三方机构开展统计调查和数据处理等各项服务工作。",
      "（六）截至2024年12月31日，本单位共有车辆1辆，为一般公务用车；单位价值100万元以上的设备0台（套），本年度未安排购置车辆和大型设备。",
    ]
    var lines = ["五、一般公共预算支出情况说明"]
    for p in paragraphs {
      var line = ""
      for ch in p {
        if DisplayWidth.of(line + String(ch)) > 52 { lines.append(line); line = "" }
        line.append(ch)
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }()

  @Test func hardWrappedTextIsReadAsParagraphs() throws {
    let lines = Self.wrapped.split(separator: "\n").map(String.init)
    #expect(HardWrappedText.wrapWidth(lines) != nil)
    let clean = try Self.findings(Self.wrapped)
    #expect(clean.isEmpty, "\(clean.map { "\($0.rule) \($0.message)" })")
    // Joined, a change split over two lines is checked: 12602.40 ÷ 1452827.00 = 0.8674…% is 0.87%, not 0.78%.
    let wrong = try Self.findings(Self.wrapped.replacingOccurrences(of: "下降0.87%", with: "下降0.78%"))
    #expect(wrong.map(\.rule) == ["audit.prose.change-percent"], "\(wrong.map(\.message))")
    // Paragraph-per-line text (copied from Word) has no common width and is left as it is.
    let seed = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/seeds/001_d4b356eb47825e97.txt"), encoding: .utf8).split(
      separator: "\n"
    ).map(String.init)
    #expect(HardWrappedText.wrapWidth(seed) == nil)
  }

  @Test func tablesWithOneCellPerLineAreSaidUnread() throws {
    // pdftotext without -layout: a title, then each cell alone on its line, figures before the next row's label.
    var cells = ["2025年部门财务收支预算总表", "编制部门：示例县统计局", "单位：元", "项目", "预算数", "项目", "预算数", "一、财政拨款收入"]
    for i in 1...24 { cells += ["\(i * 1000).00 \(i)、某某支出", "\(i * 1000).00"] }
    cells += ["第三部分 情况说明", "一、“三公”经费", "2025年“三公”经费预算2.00万元，比上年持平。"]
    let doc = try DocumentReader.read(data: Data(("示例县统计局2025年部门预算\n" + cells.joined(separator: "\n")).utf8), name: "t.txt")
    #expect(doc.tablesLost && doc.tables.allSatisfy(\.rows.isEmpty))
    let all = Auditor.audit(doc, catalog: nil)
    #expect(all.contains { $0.rule == "audit.read.table" && $0.severity == .warning && $0.message.hasPrefix("未能核对") })
    // Nothing is said missing or wrong on the strength of tables that were not read.
    #expect(!all.contains { $0.severity > .info && ($0.rule.hasPrefix("audit.required") || $0.rule.hasPrefix("audit.sum")) }, "\(all.map(\.message))")
    // The seeds (cells led by tabs) keep their tables.
    let seed = try DocumentReader.read(url: TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/seeds/001_d4b356eb47825e97.txt"))
    #expect(!seed.tablesLost && seed.tables.contains { !$0.rows.isEmpty })
  }

  @Test func wordsInAFigureColumnAreAReadingProblemNotAMalformedAmount() throws {
    let table =
      "示例县统计局2025年一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n201\t一般公共服务支出\t110.00\t100.00\t10.00\n20105\t统计信息事务\t110.00\t100.00\t10.00\n2010501\t行政运行\t行政运行\t100.00\t\n2010502\t一般行政管理事务\t10.00\t\t10.00\n合计\t110.00\t100.00\t10.00\n"
    let doc = try DocumentReader.read(data: Data(("示例县统计局2025年部门预算\n" + table).utf8), name: "t.txt")
    let f = Auditor.audit(doc, catalog: nil)
    #expect(!f.contains { $0.rule == "audit.amount.malformed" })
    #expect(f.contains { $0.rule == "audit.read.table" && $0.severity == .info && $0.message.contains("行政运行") })
    // A figure with a stray point is still the document's slip.
    let slip = try DocumentReader.read(
      data: Data(("示例县统计局2025年部门预算\n" + table.replacingOccurrences(of: "行政运行\t行政运行", with: "行政运行\t100.00.")).utf8), name: "t.txt")
    #expect(Auditor.audit(slip, catalog: nil).contains { $0.rule == "audit.amount.malformed" && $0.severity == .error })
  }

  @Test func aTableWhoseSumsFailEverywhereWasMisreadWhenPlacedByPosition() throws {
    // Every row's 合计 is off: a shifted column, not six slips.
    var rows = ""
    for i in 1...6 { rows += "20105\(String(format: "%02d", i))\t项目\(i)\t\(i + 1)0.00\t\(i)0.00\t\n" }
    let text = "示例县统计局2025年部门预算\n示例县统计局2025年一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\(rows)"
    var doc = try DocumentReader.read(data: Data(text.utf8), name: "t.txt")
    let given = Auditor.audit(doc, catalog: nil).filter { $0.rule.hasPrefix("audit.sum.") && $0.severity == .error }
    #expect(given.count >= 5, "cells given by the file: each sum failure is the document's")
    doc.readByPosition = true
    let placed = Auditor.audit(doc, catalog: nil)
    #expect(!placed.contains { $0.rule.hasPrefix("audit.sum.") && $0.severity > .info })
    #expect(placed.contains { $0.rule == "audit.read.table" && $0.message.hasPrefix("未能核对") && $0.message.contains("行（共") })
  }
}
