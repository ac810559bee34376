import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
@testable import YusuanCore

/// Figures the prose states for a 科目 named by its path, checked against the one row the path names.
@Suite struct ProseSubjectTests {
  /// A 元 table with 行政运行 under two 款, and prose naming each by its path.
  static func document(_ prose: [String]) -> AuditDocument {
    let text = """
      2025年部门一般公共预算支出功能分类预算表
      编制部门：示例委员会\t单位：元
      科目编码\t科目名称\t合计\t基本支出\t项目支出
      201\t一般公共服务支出\t21,419,000.00\t21,409,000.00\t10,000.00
      20103\t政府办公厅（室）及相关机构事务\t12,029,501.84\t12,019,501.84\t10,000.00
      2010301\t行政运行\t12,029,501.84\t12,019,501.84\t10,000.00
      20113\t商贸事务\t9,389,498.16\t9,389,498.16\t
      2011301\t行政运行\t9,389,498.16\t9,389,498.16\t
      \t合计\t21,419,000.00\t21,409,000.00\t10,000.00

      """ + "\n\n" + prose.joined(separator: "\n") + "\n"
    return try! DocumentReader.read(data: Data(text.utf8), name: "t.txt")
  }

  func findings(_ prose: [String]) -> [Diagnostic] {
    Auditor.audit(Self.document(prose), catalog: nil).filter {
      $0.rule.hasPrefix("audit.prose.subject") || $0.rule == "audit.prose.figure" || $0.rule == "audit.prose.truncated"
    }
  }

  @Test func bothPathFormsAreCheckedAgainstTheirOwnRow() {
    // 938.95 万元 = 9,389,498.16 元 rounded half-up; 行政运行 of 20103 is 1,202.95.
    #expect(
      findings([
        "1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.95万元，主要用于机关运行。",
        "2. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元，主要用于行政单位的基本支出。",
      ]).isEmpty)
    // The 20103 figure given for 商贸事务's 行政运行: right name, wrong row.
    let wrong = findings(["1. “一般公共服务支出（类）商贸事务（款)行政运行（项）”1,202.95万元，主要用于机关运行。"])
    #expect(wrong.map(\.rule) == ["audit.prose.subject"])
    #expect(wrong.first?.expected == "938.95" && wrong.first?.actual == "1202.95")
  }

  @Test func aPathNoTablePrintsIsListedAsNotChecked() {
    let f = findings(["1. “一般公共服务支出（类）统计信息事务（款）行政运行（项）”5.00万元，主要用于机关运行。"])
    #expect(f.map(\.rule) == ["audit.prose.subject"])
    #expect(f.first?.severity == .info && f.first?.message.contains("未能核对") == true)
  }

  @Test func executionPercentAndDirection() {
    // 执行数 800.00, 安排 938.95: +17.37%.
    #expect(findings(["1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”执行数为800.00万元，安排938.95万元，比上年执行数增加17.37%，主要原因是人员增加。"]).isEmpty)
    let pct = findings(["1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”执行数为800.00万元，安排938.95万元，比上年执行数增加17.73%。"])
    #expect(pct.map(\.rule) == ["audit.prose.subject-change"] && pct.first?.expected == "17.37%")
    let dir = findings(["1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”执行数为1,000.00万元，安排938.95万元，比上年执行数增加6.11%。"])
    #expect(dir.map(\.rule) == ["audit.prose.subject-change"] && dir.first?.expected == "减少")
    let flat = findings(["1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”执行数为900.00万元，安排938.95万元，与上年执行数持平。"])
    #expect(flat.map(\.rule) == ["audit.prose.subject-change"] && flat.first?.actual == "持平")
    #expect(findings(["1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”执行数为938.95万元，安排938.95万元，与上年执行数持平。"]).isEmpty)
  }

  /// 9,389,498.16 元 is 938.9498… 万元: 938.95 rounded, 938.94 cut. Cutting is its own finding, not a wrong figure.
  @Test func aTruncatedFigureIsToldApart() {
    let cut = findings(["1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.94万元，主要用于机关运行。"])
    #expect(cut.map(\.rule) == ["audit.prose.truncated"] && cut.first?.expected == "938.95")
    let byName = Auditor.audit(Self.document(["行政运行938.94万元。"]), catalog: nil).filter { $0.rule.hasPrefix("audit.prose") }
    #expect(byName.map(\.rule) == ["audit.prose.truncated"], "\(byName.map(\.rule))")
  }
}
