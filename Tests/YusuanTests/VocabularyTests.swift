import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Workbench
@testable import YusuanCore

/// Words several parts use (the workbook's rules, the audit, the bench), each read from its one home (issue 13 item 5).
struct VocabularyTests {
  /// The 三公 items' 经济分类 款 (`ThreePublicItem.economicCodes`) are the catalog's 因公出国（境）费, 公务用车购置 (310
  /// 资本性支出 and 309 资本性支出（基本建设）), 公务用车运行维护费 and 公务接待费 — not 30213 维修（护）费, which the audit
  /// once listed as a 三公 code.
  @Test func threePublicCodesAreTheCatalogsItems() throws {
    let catalog = try TestSupport.forms.catalog("classification-2024")
    let names = Dictionary(
      uniqueKeysWithValues: ThreePublicItem.allCases.map { item in
        (item, item.economicCodes.map { catalog.name($0, .economic) ?? "（目录中没有 \($0)）" })
      })
    #expect(names[.overseas] == ["因公出国（境）费用"])
    #expect(names[.vehiclePurchase] == ["公务用车购置", "公务用车购置"])
    #expect(names[.vehicleOperation] == ["公务用车运行维护费"])
    #expect(names[.reception] == ["公务接待费"])
    #expect(!ThreePublicItem.allCases.flatMap(\.economicCodes).contains("30213"))
  }

  /// Every edition looks for the common residue words and then its own; the audit looks for the same common words.
  @Test func residueWordsAreCommonToEditionsAndTheAudit() throws {
    for id in TestSupport.forms.editionIDs {
      let words = try TestSupport.forms.edition(id).rules.residue
      #expect(Array(words.prefix(TemplateResidue.common.count)) == TemplateResidue.common, "\(id)")
    }
    // （部门名称） was a residue word of the audit only: now entered text is checked for it too.
    let findings = try TestSupport.workbook(try RuleScript.edit([.replace("职责", with: "职责 \"（部门名称）负责区政府会议的准备工作。\"")])).check()
    #expect(findings.contains { $0.rule == "text.residue" && $0.actual == "（部门名称）" })
    let doc = AuditDocument(
      name: "t.txt", format: .text,
      paragraphs: [
        AuditParagraph(index: 1, line: 1, text: "（部门名称）负责区政府会议的准备工作。", part: nil, section: nil, subsection: nil, isHeading: false)
      ])
    #expect(Auditor.audit(doc, catalog: nil).contains { $0.rule == "audit.text.residue" })
  }

  /// The standard tables' names and the national nine are the core's, whatever reads them.
  @Test func standardTableNamesAreTheCores() {
    for kind in TableKind.allCases {
      #expect(kind.chineseName == (TableID(rawValue: kind.rawValue)?.standardName ?? "其他表格"))
    }
    #expect(TemplateDetector.generic.map(\.rawValue) == TableID.national.map(\.rawValue))
    #expect(TableKind.of(title: TableID.t7.standardName) == .threePublic)
  }

  /// 人员经费 is 301 and 303 (`EconomicCategory.personnelClasses`), for the workbook and for the audit of a list.
  @Test func personnelClassesAreTheCores() {
    #expect(EconomicCategory.default(for: "30101") == .personnel)
    #expect(EconomicCategory.default(for: "30302") == .personnel)
    #expect(EconomicCategory.default(for: "30201") == .publicUse)
    #expect(EconomicCategory.default(for: "31002") == .publicUse)
  }

  /// Total rows as the reader, import and 核对 recognise them.
  @Test func totalLabels() {
    for label in ["合计", "总计", "支出合计", "本年收入合计", "本年支出合计", " 合 计 "] { #expect(TotalLabel.isTotal(label), "\(label)") }
    for label in ["收入总计", "支出总计", "总计"] { #expect(TotalLabel.isGrandTotal(label), "\(label)") }
    for label in ["一般公共服务支出", "其中：基本支出合计数以外的项目", "小计"] { #expect(!TotalLabel.isTotal(label), "\(label)") }
  }
}
