import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
import YusuanCore

/// The wording rules, each with a text that breaks it and one that does not (so neither a silent rule nor a
/// rule that fires on everything passes).
@Suite struct AuditWordingTests {
  static func rules(_ text: String) -> [String] {
    // A document must say 预算 somewhere to be audited at all.
    let whole = text.contains("预算") ? text : "示例区2025年部门预算\n" + text
    guard let doc = try? DocumentReader.read(data: Data(whole.utf8), name: "t.txt") else { Issue.record("not read: \(text)"); return [] }
    return Auditor.audit(doc, catalog: nil).map(\.rule)
  }

  /// A 政府性基金 table with one row (figure or blank) and its note.
  static func emptyTable(figure: String, note: String = "注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。") -> String {
    "2025年部门政府性基金预算支出功能分类预算表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t\(figure)\t\t\(figure)\n\(note)\n\n"
  }

  /// A 区 department's document (its level read from its table titles) with `glossary` as its 名词解释.
  static func tiered(_ glossary: String) -> String {
    "第二部分 2025年部门预算表\n示例区统计局2025年收支总表\n单位：万元\n项目\t预算数\n合计\t1.00\n\n示例区统计局2025年支出总表\n单位：万元\n项目\t预算数\n合计\t1.00\n\n第四部分 名词解释\n" + glossary + "\n"
  }

  static let unitCover = "上海市示例区2025年区级单位预算\n预算单位：上海市示例区统计局\n"
  static let deptCover = "上海市示例区2025年区级部门预算\n预算主管部门：上海市示例区统计局\n"

  @Test(arguments: [
    // (rule, breaking text, fixing text)
    ("audit.text.document-kind", unitCover + "本部门2025年收入预算100.00万元。\n", unitCover + "本单位2025年收入预算100.00万元，基本支出按部门预算经济分类列示。\n"),
    ("audit.text.document-kind", unitCover + "2025年上海市示例区统计局下属1家机关和1家事业单位财政拨款的机关运行经费预算为21.30万元。\n", unitCover + "2025年上海市示例区统计局财政拨款的机关运行经费预算为21.30万元。\n"),
    ("audit.text.level", deptCover + "财政拨款收入：是市级预算主管部门从本级财政部门取得的财政拨款。\n", deptCover + "财政拨款收入：是区级预算主管部门从本级财政部门取得的财政拨款。\n"),
    ("audit.prose.change-year", "2025年部门预算编制说明\n2025年部门收入预算100.00万元，比2023年预算增加10.00万元。\n", "2025年部门预算编制说明\n2025年部门收入预算100.00万元，比2024年预算增加10.00万元。\n"),
    (
      "audit.prose.change-basis", "收入预算100.00万元，比2024年预算执行数增加10.00万元。\n支出预算100.00万元，比2024年预算增加12.00万元。\n",
      "收入预算100.00万元，比2024年预算执行数增加10.00万元。\n支出预算100.00万元，比2024年预算执行数增加10.00万元。\n"
    ),
    ("audit.text.duplicate", "本部门负责全区统计调查的组织实施工作，依法管理统计数据。\n本部门负责全区统计调查的组织实施工作，依法管理统计数据。\n", "本部门负责全区统计调查的组织实施工作，依法管理统计数据。\n本部门负责全区经济普查的组织实施工作，依法发布统计数据。\n"),
    ("audit.text.double-stop", "收入预算100.00万元。。\n", "收入预算100.00万元。\n"),
    ("audit.text.quotes", "“三公经费预算为1.00万元。\n", "“三公”经费预算为1.00万元。\n"),
    ("audit.text.no-stop", "本部门负责全区统计调查的组织实施工作，依法管理统计数据并按时发布\n", "本部门负责全区统计调查的组织实施工作，依法管理统计数据并按时发布。\n"),
    ("audit.prose.reason-empty", "支出预算100.00万元，比2024年预算增加10.00万元，主要原因是。\n", "支出预算100.00万元，比2024年预算增加10.00万元，主要原因是新增普查任务。\n"),
    ("audit.prose.reason-direction", "支出预算100.00万元，比2024年预算增加10.00万元，增长原因主要是压减一般性支出。\n", "支出预算100.00万元，比2024年预算增加10.00万元，增长原因主要是新增普查任务。\n"),
    ("audit.text.space", "本部门是主管全区统计工作的区政府工作部门 ，为正处级。\n", "本部门是主管全区统计工作的区政府工作部门，为正处级。\n"),
    ("audit.text.number-format", "收入预算1,234.56万元，支出预算1,234.56万元，其中项目支出1200.00万元。\n", "收入预算1,234.56万元，支出预算1,234.56万元，其中项目支出1,200.00万元。\n"),
    (
      "audit.text.no-amount", "2025年部门预算\n六、年度预算安排\n结合重点工作推进情况，根据合同条款，按时拨付资金。\n七、绩效目标\n详见绩效目标表。\n",
      "2025年部门预算\n六、年度预算安排\n2025年度项目总预算1170.00万，按合同条款拨付。\n七、绩效目标\n详见绩效目标表。\n"
    ),
    ("audit.table.empty-claim", emptyTable(figure: "12,000.00"), emptyTable(figure: "")),
    ("audit.table.empty-note-fund", emptyTable(figure: "", note: "注：本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。"), emptyTable(figure: "")),
    ("audit.text.level", tiered("一、一般公共预算收入：指市财政当年拨付的资金。"), tiered("一、一般公共预算收入：指区财政当年拨付的资金。")),
    (
      "audit.amount.decimals",
      "示例办2025年一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\n2010301\t行政运行\t10.00\n2010302\t一般行政管理事务\t20.00\n2010303\t机关服务\t30.00\n2010350\t事业运行\t40.00\n2010399\t其他支出\t5\n\t合计\t105.00\n\n",
      "示例办2025年一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\n2010301\t行政运行\t10.00\n2010302\t一般行政管理事务\t20.00\n2010303\t机关服务\t30.00\n2010350\t事业运行\t40.00\n2010399\t其他支出\t5.00\n\t合计\t105.00\n\n"
    ),
  ])
  func breaksAndFixes(_ rule: String, _ breaking: String, _ fixing: String) {
    #expect(Self.rules(breaking).contains(rule), "\(rule) should fire on: \(breaking)")
    #expect(!Self.rules(fixing).contains(rule), "\(rule) should not fire on: \(fixing)")
  }

  /// Changes against last year's execution and against last year's budget are two statements, not a
  /// contradiction: only the mixed bases are reported, as a warning.
  @Test func twoBasesAreNotAContradiction() {
    let r = Self.rules("收入预算100.00万元，比2024年预算执行数增加10.00万元。\n支出预算100.00万元，比2024年预算增加12.00万元。\n")
    #expect(!r.contains("audit.prose.contradiction"))
    #expect(Self.rules("收入预算100.00万元，比2024年预算增加10.00万元。\n支出预算100.00万元，比2024年预算增加12.00万元。\n").contains("audit.prose.contradiction"))
  }

  @Test func contentsEntriesAreNotHeadings() {
    #expect(Heuristics.headingLevel("一、部门主要职能 ………………………… 3") == nil)
    #expect(Heuristics.headingLevel("一、部门主要职能") == 1)
    #expect(!Heuristics.startsNewParagraph("180.00万，支持企业国际化发展50.00万。"))
    #expect(Heuristics.startsNewParagraph("12、完成区委交办的其他任务。"))
  }

  /// The text report ends with what was read and what could not be checked.
  @Test func theLedgerSaysWhatWasReadAndWhatWasNot() throws {
    let doc = try DocumentReader.read(data: Data((Self.emptyTable(figure: "") + "收入预算100.00万元，比2024年预算增加10.00万元。\n").utf8), name: "t.txt")
    let clean = AuditLedger.text(doc, [])
    #expect(clean.contains("读出 1 张表（元 1 张）") && clean.contains("2 个金额、1 处增减") && clean.contains("未能核对：无"))
    let unread = Diagnostic(rule: "audit.code.unknown", severity: .info, message: "未能核对 3 个科目编码")
    #expect(AuditLedger.text(doc, [unread]).contains("未能核对：1 条（audit.code.unknown"))
  }

  /// The 三公 table adds up: 合计 = 出国 + 公务用车 + 接待, 小计 = 购置 + 运行 — in the Shanghai layout (one row,
  /// 机关运行经费 beside, in no sum) and the Anhui one (years as rows).
  @Test(arguments: [
    (
      "2025年部门“三公”经费和机关运行经费预算表\n单位:万元\n合计\t因公出国(境)费\t公务接待费\t小计\t购置费\t运行费\t机关运行经费预算数\n%@\n\n", "867.50\t839.00\t28.50\t\t\t\t213.28",
      "867.50\t839.00\t18.50\t\t\t\t213.28"
    ),
    (
      "示例办2025年一般公共预算“三公”经费支出表\n单位：万元\n项目\t合计\t因公出国（境）费\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费\n%@\n\n", "2025年预算\t9.20\t2.00\t4.20\t0.00\t4.20\t3.00",
      "2025年预算\t9.20\t2.00\t5.20\t0.00\t4.20\t3.00"
    ),
  ])
  func threePublicAddsUp(_ layout: String, _ right: String, _ wrong: String) {
    #expect(!Self.rules(layout.replacingOccurrences(of: "%@", with: right)).contains("audit.sum.three-public"))
    #expect(Self.rules(layout.replacingOccurrences(of: "%@", with: wrong)).contains("audit.sum.three-public"))
  }

  /// A 科目 under a name it carried in earlier years (forms/catalogs/former-names.csv) is out of date, said once as
  /// such, not as a wrong name; in a coded row and in a fixed row that prints the 类 by name alone.
  @Test func retiredNamesAreSaidAsSuch() throws {
    let catalog = try TestSupport.forms.catalog("classification-2024")
    func rules(_ text: String) throws -> [String] {
      let doc = try DocumentReader.read(data: Data(("示例区2025年部门预算\n" + text).utf8), name: "t.txt")
      return Auditor.audit(doc, catalog: catalog).map(\.rule)
    }
    let coded = "示例办2025年一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\n210\t%@\t10.00\n合计\t\t10.00\n\n"
    let old = try rules(coded.replacingOccurrences(of: "%@", with: "医疗卫生与计划生育支出"))
    #expect(old.contains("audit.name.retired") && !old.contains("audit.name.mismatch"), "\(old)")
    let now = try rules(coded.replacingOccurrences(of: "%@", with: "卫生健康支出"))
    #expect(!now.contains("audit.name.retired") && !now.contains("audit.name.mismatch"))
    let typo = try rules(coded.replacingOccurrences(of: "%@", with: "卫生保健支出"))
    #expect(typo.contains("audit.name.mismatch") && !typo.contains("audit.name.retired"))
    let fixed = "示例办2025年收支总表\n单位：万元\n收入\t预算数\t支出\t预算数\n一、一般公共预算拨款收入\t10.00\t一、%@\t10.00\n收入总计\t10.00\t支出总计\t10.00\n\n"
    #expect(try rules(fixed.replacingOccurrences(of: "%@", with: "资源勘探信息等支出")).filter { $0 == "audit.name.retired" }.count == 1)
    #expect(!(try rules(fixed.replacingOccurrences(of: "%@", with: "资源勘探工业信息等支出")).contains("audit.name.retired")))
  }

  /// An item of a list of 科目 names one character away from a catalog name (委托业务给 for 委托业务费).
  @Test func aMistypedNameInAListOfNames() throws {
    let catalog = try TestSupport.forms.catalog("classification-2024")
    func rules(_ text: String) throws -> [String] {
      Auditor.audit(try DocumentReader.read(data: Data(("示例区2025年部门预算\n" + text + "\n").utf8), name: "t.txt"), catalog: catalog).map(\.rule)
    }
    #expect(try rules("商品和服务支出31.42万元，主要包括：办公费、印刷费、劳务费、委托业务给、工会经费等。").contains("audit.text.name-typo"))
    #expect(!(try rules("商品和服务支出31.42万元，主要包括：办公费、印刷费、劳务费、委托业务费、工会经费等。")).contains("audit.text.name-typo"))
    // Not a list of names: no suggestion.
    #expect(!(try rules("主要用于调研、宣传、培训、会议给予保障。")).contains("audit.text.name-typo"))
  }

  /// A change on last year is read however the document words it: 比/较/与 a year or 上年, 同比, the percentage
  /// before or after the amount, 增幅为. Each sentence below states 10.00 万元 on 100.00 as 12.00%: each is found.
  @Test(arguments: [
    "2025年收入预算110.00万元，较2024年预算增加10.00万元，增长12.00%。",
    "2025年收入预算110.00万元，同比增加10.00万元，增长12.00%。",
    "2025年收入预算110.00万元，比上年增加10.00万元，增幅为12.00%。",
    "2025年收入预算110.00万元，较上年度增长12.00%，增加10.00万元。",
  ])
  func changesWordedInOtherWaysAreChecked(_ sentence: String) throws {
    #expect(Self.rules(sentence).contains("audit.prose.change-percent"), "\(sentence)")
    #expect(!Self.rules(sentence.replacingOccurrences(of: "12.00%", with: "10.00%")).contains("audit.prose.change-percent"))
    // 上年 is the previous year whatever the document's year: never a wrong comparison year.
    #expect(!Self.rules(sentence).contains("audit.prose.change-year"))
  }

  /// Percent precision: a document of another province's template is held to its own habit (one decimal
  /// throughout passes; one decimal among two-decimal figures does not); a whole 100% is whole in any habit.
  @Test func percentPrecisionFollowsTheDocumentsHabit() {
    let one = "收入预算110.00万元，比2024年预算增加10.00万元，增长10.0%。\n支出预算110.00万元，比2024年预算增加10.00万元，增长10.0%。\n基本支出99.00万元，比2024年预算增加9.00万元，增长10.0%。\n"
    #expect(!Self.rules(one).contains("audit.prose.percent-format"))
    let mixed = "收入预算110.00万元，比2024年预算增加10.00万元，增长10.00%。\n支出预算110.00万元，比2024年预算增加10.00万元，增长10.00%。\n基本支出99.00万元，比2024年预算增加9.00万元，增长10.0%。\n"
    #expect(Self.rules(mixed).contains("audit.prose.percent-format"))
    let whole = "收入预算110.00万元，比2024年预算增加10.00万元，增长10%。\n支出预算110.00万元，比2024年预算增加10.00万元，增长10.00%。\n基本支出99.00万元，比2024年预算增加9.00万元，增长10.00%。\n"
    #expect(!Self.rules(whole).contains("audit.prose.percent-format"))
  }

  /// Without a 三公 table or note, the evidence named is the 三公 items' own 经济分类 款 (30217 公务接待费), never
  /// 30213 维修（护）费, which carries no 三公 money.
  @Test func threePublicEvidenceUsesTheItemsOwnCodes() throws {
    func message(_ code: String, _ name: String) throws -> String {
      let text =
        "示例区2025年部门预算\n示例办2025年一般公共预算基本支出表\n单位：万元\n科目编码\t科目名称\t合计\t人员经费\t公用经费\n302\t商品和服务支出\t5.00\t\t5.00\n\(code)\t\(name)\t5.00\t\t5.00\n合计\t\t5.00\t\t5.00\n"
      let d = Auditor.audit(try DocumentReader.read(data: Data(text.utf8), name: "t.txt"), catalog: nil)
      return try #require(d.first { $0.rule == "audit.required.three-public" }).message
    }
    #expect(try message("30217", "公务接待费").contains("公务接待费 5.00"))
    #expect(!(try message("30213", "维修（护）费")).contains("维修"))
  }

  /// A table of contents' dot leaders, with or without the page number, are not an unfilled placeholder (……).
  /// (The Shanghai template marks blanks to fill with ……, so its edition counts …… as residue.)
  @Test func contentsLeadersAreNotResidue() throws {
    func residue(_ text: String) throws -> Bool {
      let doc = try DocumentReader.read(data: Data(("示例区2025年部门预算\n" + text).utf8), name: "t.txt")
      return Auditor.audit(doc, catalog: nil, extraResidue: ["……"]).contains { $0.rule == "audit.text.residue" }
    }
    #expect(try !residue("一、部门主要职能 …………………………………………\n二、部门机构设置 ……………………………… 3\n"))
    #expect(try residue("本部门2025年政府采购预算……万元。\n"))
  }

  /// A project name one character away from a term the document itself quotes: the document's spelling wins.
  @Test func aProjectNameMisspellingAQuotedTerm() throws {
    let text = "示例区2025年部门预算\n（十二）负责区政府“四送一服”工作。\n示例区政府办2025年项目支出表\n单位：万元\n项目名称\t合计\n四送一扶专项活动经费\t20.00\n机要保密经费\t10.00\n合计\t30.00\n"
    let doc = try DocumentReader.read(data: Data(text.utf8), name: "t.txt")
    let f = Auditor.audit(doc, catalog: nil).filter { $0.rule == "audit.text.name-typo" }
    #expect(f.map(\.expected) == ["四送一服"] && f.first?.severity == .info, "\(f.map(\.message))")
    let right = try DocumentReader.read(data: Data(text.replacingOccurrences(of: "四送一扶", with: "四送一服").utf8), name: "t.txt")
    #expect(!Auditor.audit(right, catalog: nil).contains { $0.rule == "audit.text.name-typo" })
  }

  /// 下属N家预算单位 while the 下属 units listed are 不单列预算: the count and the list disagree. A list with the
  /// budget unit and, besides it, a unit not separately budgeted is right.
  @Test func budgetUnitsCountedAgainstTheirList() {
    let head = "二、部门机构设置\n某区商务委员会部门预算是包括商务委本部以及下属1家预算单位的综合收支计划。\n本部门中，具体包括：\n1. 商务委本部，机关设9个内设机构。\n"
    #expect(Self.rules(head + "2. 某区中小企业服务中心，不单列预算。\n").contains("audit.text.unit-count"))
    #expect(!Self.rules(head + "2. 某区商务发展中心。\n3. 某区中小企业服务中心，不单列预算。\n").contains("audit.text.unit-count"))
  }

  /// A 单位预算 paying for a 事业单位 (事业运行, a …50 项) that its 机构设置 never mentions: a note; naming it clears it.
  @Test func aUnitBudgetNamesTheUnitsItPaysFor() {
    let text =
      "示例区统计局2025年单位预算\n二、单位机构设置\n示例区统计局设3个内设机构：办公室、综合科、调查科。\n示例区统计局2025年单位一般公共预算支出表\n单位：元\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t300.00\n20105\t统计信息事务\t300.00\n2010501\t行政运行\t200.00\n2010550\t事业运行\t100.00\n合计\t\t300.00\n"
    #expect(Self.rules(text).contains("audit.text.unit-unnamed"))
    #expect(!Self.rules(text.replacingOccurrences(of: "调查科。", with: "调查科。下属事业单位示例区统计调查中心不单列预算。")).contains("audit.text.unit-unnamed"))
  }
}
