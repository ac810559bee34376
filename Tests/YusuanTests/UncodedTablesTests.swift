import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
@testable import YusuanCore

/// Tables that print no separate code column, as many provinces do: code and name in one cell, or names alone.
/// Their 类, 款 and 项 rows are never added together as if they were one list.
@Suite struct UncodedTablesTests {
  static func findings(_ rows: String, header: String = "科目\t合计\t基本支出\t项目支出") throws -> [Diagnostic] {
    let text = "示例区统计局2025年部门预算\n示例区统计局2025年一般公共预算支出表\n单位：万元\n\(header)\n\(rows)\n"
    let doc = try DocumentReader.read(data: Data(text.utf8), name: "t.txt")
    return Auditor.audit(doc, catalog: try TestSupport.forms.catalog("classification-2024")).filter {
      $0.rule.hasPrefix("audit.sum") || $0.rule.hasPrefix("audit.code") || $0.rule.hasPrefix("audit.name")
    }
  }

  @Test(arguments: [
    ("201 一般公共服务支出", "20105 统计信息事务", "2010501 行政运行", "2010502 一般行政管理事务"),
    ("201一般公共服务支出", "20105统计信息事务", "2010501行政运行", "2010502一般行政管理事务"),
    ("[201]一般公共服务支出", "[20105]统计信息事务", "[2010501]行政运行", "[2010502]一般行政管理事务"),
    ("201-一般公共服务支出", "20105-统计信息事务", "2010501-行政运行", "2010502-一般行政管理事务"),
  ])
  func codeAndNameInOneCellAreSplit(_ a: String, _ b: String, _ c: String, _ d: String) throws {
    let right = "\(a)\t110.00\t100.00\t10.00\n\(b)\t110.00\t100.00\t10.00\n\(c)\t100.00\t100.00\t\n\(d)\t10.00\t\t10.00\n合计\t110.00\t100.00\t10.00"
    let clean = try Self.findings(right).filter { $0.severity != .info }
    #expect(clean.isEmpty, "\(clean.map(\.message))")
    // The hierarchy is read: a 项 that does not add up to its 款 is found as such.
    let wrong = right.replacingOccurrences(of: "\(c)\t100.00\t100.00", with: "\(c)\t90.00\t90.00")
    #expect(try Self.findings(wrong).map(\.rule).contains("audit.sum.parent"))
    let doc = try DocumentReader.read(
      data: Data("示例区统计局2025年部门预算\n示例区统计局2025年一般公共预算支出表\n单位：万元\n科目\t合计\n\(a)\t110.00\n合计\t110.00\n\(b)\t1.00\n".utf8), name: "t.txt")
    #expect(doc.tables.first?.columns.first == "科目编码" && doc.tables.first?.rows.first?.cells.prefix(2) == ["201", "一般公共服务支出"])
  }

  @Test func namesAloneOfSeveralLevelsAreNotAddedTogether() throws {
    // 类, 款 and 项 by name only: right as printed (the 类 rows make the total).
    let right = "一般公共服务支出\t110.00\t100.00\t10.00\n统计信息事务\t110.00\t100.00\t10.00\n行政运行\t100.00\t100.00\t\n一般行政管理事务\t10.00\t\t10.00\n合计\t110.00\t100.00\t10.00"
    #expect(try Self.findings(right, header: "科目名称\t合计\t基本支出\t项目支出").isEmpty)
    // 款 and 项 names without their 类: which rows make the total cannot be told — not checked, said so.
    let noClass = "统计信息事务\t110.00\t100.00\t10.00\n行政运行\t100.00\t100.00\t\n一般行政管理事务\t10.00\t\t10.00\n合计\t110.00\t100.00\t10.00"
    let f = try Self.findings(noClass, header: "科目名称\t合计\t基本支出\t项目支出")
    #expect(!f.contains { $0.severity == .error }, "\(f.map(\.message))")
    #expect(f.contains { $0.rule == "audit.sum.total" && $0.severity == .info && $0.message.hasPrefix("未能核对") })
    // A flat list (one level) still adds up to its total, or is wrong.
    let flat = "工资福利支出\t60.00\t60.00\t\n商品和服务支出\t30.00\t30.00\t\n对个人和家庭的补助\t10.00\t10.00\t\n合计\t110.00\t100.00\t"
    #expect(try Self.findings(flat, header: "科目名称\t合计\t人员经费\t公用经费").contains { $0.rule == "audit.sum.total" && $0.severity == .error })
  }

  /// A column of rates (增减率（%）) holds figures that are never added up: its 合计 row is a rate, not a sum.
  @Test func rateColumnsAreNotAddedUp() throws {
    let rows =
      "201\t一般公共服务支出\t100.00\t110.00\t10.00\t10.00\n20105\t统计信息事务\t100.00\t110.00\t10.00\t10.00\n208\t社会保障和就业支出\t50.00\t40.00\t-10.00\t-20.00\n20805\t行政事业单位养老支出\t50.00\t40.00\t-10.00\t-20.00\n\t合计\t150.00\t150.00\t0.00\t0.00"
    for rate in ["增减率（%）", "增长%", "比上年增减幅度"] {
      let f = try Self.findings(rows, header: "科目编码\t科目名称\t2024年预算数\t2025年预算数\t增减额\t\(rate)")
      #expect(!f.contains { $0.severity == .error }, "\(rate): \(f.map(\.message))")
    }
    // The money columns are still added up.
    let wrong = rows.replacingOccurrences(of: "\t合计\t150.00\t150.00", with: "\t合计\t150.00\t160.00")
    #expect(
      try Self.findings(wrong, header: "科目编码\t科目名称\t2024年预算数\t2025年预算数\t增减额\t增减率（%）").contains { $0.rule == "audit.sum.total" && $0.column == "2025年预算数" })
  }

  /// No 单位 line, but the header names the unit (合计（元）): figures are read in 元 and compared with prose in 万元.
  @Test func aUnitNamedInTheHeaderIsTheTablesUnit() throws {
    let text =
      "示例区统计局2025年部门预算\n示例区统计局2025年一般公共预算支出表\n科目编码\t科目名称\t合计（元）\t基本支出（元）\t项目支出（元）\n201\t一般公共服务支出\t1,100,000.00\t1,000,000.00\t100,000.00\n20105\t统计信息事务\t1,100,000.00\t1,000,000.00\t100,000.00\n\t合计\t1,100,000.00\t1,000,000.00\t100,000.00\n\n2025年一般公共预算支出110.00万元，其中：基本支出100.00万元，项目支出%@万元。\n"
    func audit(_ project: String) throws -> [Diagnostic] {
      let doc = try DocumentReader.read(data: Data(text.replacingOccurrences(of: "%@", with: project).utf8), name: "t.txt")
      #expect(doc.tables.first?.unit == .yuan)
      return Auditor.audit(doc, catalog: try TestSupport.forms.catalog("classification-2024"))
    }
    let right = try audit("10.00")
    #expect(!right.contains { $0.rule == "audit.prose.figure" || $0.rule == "audit.table.unit" }, "\(right.map(\.message))")
    #expect(try audit("12.00").contains { $0.rule == "audit.prose.figure" })
    // Two units in one header decide nothing: the table keeps no unit.
    #expect(TableReading.headerUnit([["合计（元）", "其中（万元）"]]) == nil)
  }
}
