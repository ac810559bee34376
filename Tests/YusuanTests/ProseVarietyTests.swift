import Foundation
import Testing
@testable import Audit
@testable import YusuanCore

/// Prose as other provinces write it: figures in 元 beside tables in 元, shares of a named whole
/// (占基本支出预算的81.45%), and 其中 lists inside numbered items. Each was a false error before.
@Suite struct ProseVarietyTests {
  static let table = """
  示例县统计局2025年部门预算
  示例县统计局2025年部门支出总表
  单位：元
  科目编码\t科目名称\t合计\t基本支出\t项目支出
  201\t一般公共服务支出\t1,234,567.89\t1,000,000.00\t234,567.89
  20105\t统计信息事务\t1,234,567.89\t1,000,000.00\t234,567.89
  2010501\t行政运行\t1,000,000.00\t1,000,000.00\t
  2010502\t一般行政管理事务\t234,567.89\t\t234,567.89
  合计\t1,234,567.89\t1,000,000.00\t234,567.89

  """

  static func findings(_ prose: String, tables: String = table) throws -> [Diagnostic] {
    let text = tables + "第三部分 2025年部门预算情况说明\n一、支出预算情况\n" + prose + "\n"
    let doc = try DocumentReader.read(data: Data(text.utf8), name: "t.txt")
    return Auditor.audit(doc, catalog: try TestSupport.forms.catalog("classification-2024")).filter { $0.rule.hasPrefix("audit.prose") }
  }

  @Test func yuanProseIsComparedToTheFen() throws {
    let right = "示例县统计局2025年支出预算1234567.89元。一般行政管理事务234,567.89元，行政运行1000000元。"
    let clean = try Self.findings(right)
    #expect(clean.isEmpty, "\(clean.map(\.message))")
    // One 分 off is an error, and the finding speaks 元 as the prose does.
    let wrong = try Self.findings(right.replacingOccurrences(of: "234,567.89元", with: "234,567.88元"))
    let figure = try #require(wrong.first { $0.rule == "audit.prose.figure" })
    #expect(figure.severity == .error && figure.expected == "234567.89" && figure.actual == "234567.88", "\(figure.message)")
    #expect(figure.message.contains("234567.89元"))
    // Digits dropped instead of rounded: a warning that says the right rounding at the printed precision.
    let cut = try Self.findings(right.replacingOccurrences(of: "234,567.89元", with: "234567.8元"))
    #expect(cut.map(\.rule) == ["audit.prose.truncated"] && cut.first?.expected == "234567.9", "\(cut.map(\.message))")
  }

  @Test func wanProseOfYuanTablesIsRightAtItsOwnPrecision() throws {
    // 123.46万元 and 123万元 both state 1,234,567.89 元; 123.45万元 cuts it.
    #expect(try Self.findings("示例县统计局2025年支出预算123.46万元，一般公共服务支出123万元。").isEmpty)
    let cut = try Self.findings("示例县统计局2025年一般公共服务支出123.45万元。")
    #expect(cut.map(\.rule) == ["audit.prose.truncated"] && cut.first?.expected == "123.46")
    #expect(try Self.findings("示例县统计局2025年一般公共服务支出124万元。").map(\.rule) == ["audit.prose.figure"])
  }

  @Test func sharesOfANamedWholeUseThatWhole() throws {
    let prose = """
    1.基本支出1000000元，占支出预算的81.00%。其中：
    工资福利支出800000元，占基本支出的80.00%；
    商品和服务支出200000元，占基本支出的20.00%。
    2.项目支出234567.89元，占支出预算的19.00%。
    """
    let clean = try Self.findings("示例县统计局2025年支出预算1234567.89元。\n" + prose)
    #expect(clean.isEmpty, "\(clean.map(\.message))")
    // A wrong share of a named whole is found against that whole, not against the paragraph's first figure.
    let wrong = try Self.findings("示例县统计局2025年支出预算1234567.89元。\n" + prose.replacingOccurrences(of: "占基本支出的20.00%", with: "占基本支出的16.20%"))
    let share = try #require(wrong.first { $0.rule == "audit.prose.share" })
    #expect(share.expected == "20.00%" && share.actual == "16.20%", "\(share.message)")
    // A whole named nowhere is not guessed: the share is left unchecked, and said so.
    let unknown = try Self.findings("项目支出234567.89元，占部门整体支出的15.00%。")
    #expect(unknown.map(\.rule) == ["audit.prose.share"] && unknown[0].severity == .info && unknown[0].message.hasPrefix("未能核对"))
  }

  @Test func aBreakdownEndsAtTheNextItemOfItsLevel() throws {
    // 1.'s 其中： list is its three parts; 2. is a sibling, not a fourth part (a false parts-sum before).
    let prose = """
    1.基本支出1000000元，其中：
    工资福利支出800000元；
    商品和服务支出150000元；
    对个人和家庭的补助50000元。
    2.项目支出234567.89元，其中：
    一般行政管理事务234567.89元。
    """
    #expect(try Self.findings(prose).isEmpty)
    let wrong = try Self.findings(prose.replacingOccurrences(of: "商品和服务支出150000元", with: "商品和服务支出250000元"))
    #expect(wrong.map(\.rule) == ["audit.prose.parts-sum"], "\(wrong.map(\.message))")
  }

  @Test func aPartAfterTheItemsIsNotTheSectionTotal() throws {
    // The numbered items come first here; the unnumbered 其中 parts below item 1 are not the section's total.
    let prose = """
    1.基本支出1000000元，比上年增加100000元，增长11.11%。其中：
    工资福利支出800000元，比上年增加80000元，增长11.11%。
    2.项目支出234567.89元，比上年减少10000元，下降4.09%。
    """
    let f = try Self.findings(prose)
    #expect(!f.contains { $0.rule == "audit.prose.items-sum" }, "\(f.map(\.message))")
  }
}
