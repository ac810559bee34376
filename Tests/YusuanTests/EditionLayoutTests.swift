import Foundation
import Testing
@testable import Renderers
@testable import Workbench
@testable import YusuanCore

/// How an edition lays its tables and figures out, as data: codes in 类/款/项 columns (`code_columns`), the unit
/// at the right end of the 编制部门 line (`units.preparer`), whole prose figures without zero decimals
/// (`drop_zero_decimals`). The Anhui editions set none of them and print as before (the goldens).
struct EditionLayoutTests {
  /// The demo compiled under a copy of anhui-2024 edited by `edit`, with `headers` as the copy's own tables.yaml.
  static func demo(headers: String = "", prose: (String) -> String = { $0 }, _ edit: (String) -> String) throws -> PublishedDocument {
    let forms = try TestSupport.formsCopy(edit)
    let proseFile = forms.root.appendingPathComponent("editions/test-unit/prose.yaml")
    try prose(try String(contentsOf: proseFile, encoding: .utf8)).write(to: proseFile, atomically: true, encoding: .utf8)
    if !headers.isEmpty { try headers.write(to: forms.root.appendingPathComponent("editions/test-unit/tables.yaml"), atomically: true, encoding: .utf8) }
    return try EditionUnitTests.demo(forms, edition: "test-unit")
  }

  static let splitHeaders = """
    T5:
      - [{text: "功能分类科目编码", cols: 3}, {text: "功能分类科目名称", rows: 2}, {text: "合计", rows: 2}, {text: "基本支出", rows: 2}, {text: "项目支出", rows: 2}]
      - ["类", "款", "项"]
    T6:
      - [{text: "经济分类科目编码", cols: 2}, {text: "经济分类科目名称", rows: 2}, {text: "合计", rows: 2}, {text: "人员经费", rows: 2}, {text: "公用经费", rows: 2}]
      - ["类", "款"]
    """

  @Test func codesPrintInClassColumnsWhenTheEditionSaysSo() throws {
    let plain = try EditionUnitTests.demo(TestSupport.forms, edition: "anhui-2024")
    let split = try Self.demo(headers: Self.splitHeaders) {
      $0.replacingOccurrences(of: "name: \"一般公共预算支出表\" }", with: "name: \"一般公共预算支出表\", code_columns: 3 }")
        .replacingOccurrences(of: "name: \"一般公共预算基本支出表\" }", with: "name: \"一般公共预算基本支出表\", code_columns: 2 }")
    }
    let t5 = try #require(split.tables.first { $0.id == "T5" }), p5 = try #require(plain.tables.first { $0.id == "T5" })
    #expect(t5.columns.count == p5.columns.count + 2 && t5.columns.prefix(3).allSatisfy { $0.kind == .code })
    #expect(t5.rows.count == p5.rows.count)
    for (s, p) in zip(t5.rows, p5.rows) {
      // The figures and names are the same; only the code is cut 3 + 2 + 2.
      #expect(Array(s.cells.dropFirst(3)).dropFirst() == Array(p.cells.dropFirst(1)).dropFirst() || p.kind == .total)
      guard case .text(let code) = p.cells[0], code.allSatisfy(\.isNumber) else { continue }
      let pieces = s.cells.prefix(3).map { if case .text(let t) = $0 { t } else { "" } }
      #expect(pieces.joined() == code)
      #expect(pieces[0].count == 3 && pieces.dropFirst().allSatisfy { $0.isEmpty || $0.count == 2 })
    }
    // 2010301 → 201 | 03 | 01; the 合计 label moves to the name column.
    #expect(t5.rows.contains { $0.cells.prefix(4) == [.text("201"), .text("03"), .text("01"), .text("行政运行")] })
    let total = try #require(t5.rows.last)
    #expect(total.kind == .total && total.cells.prefix(4) == [.blank, .blank, .blank, .text("合计")])
    let t6 = try #require(split.tables.first { $0.id == "T6" })
    #expect(t6.columns.count == 6 && t6.rows.contains { $0.cells.prefix(3) == [.text("301"), .text("01"), .text("基本工资")] })
    // Every format renders it (the header covers the five or six columns).
    for format in OutputFormat.allCases { #expect(try !format.render(split).isEmpty) }
    // A wrong count does not load.
    let bad = try TestSupport.formsCopy { $0.replacingOccurrences(of: "name: \"一般公共预算支出表\" }", with: "name: \"一般公共预算支出表\", code_columns: 4 }") }
    #expect(throws: FormsLibrary.LoadError.self) { try bad.edition("test-unit") }
  }

  @Test func unitPrintsAtTheEndOfThePreparerLine() throws {
    let doc = try Self.demo { $0.replacingOccurrences(of: "  label: \"单位：{单位}\"", with: "  label: \"单位：{单位}\"\n  preparer: \"编制部门：{部门}\"") }
    let t1 = try #require(doc.tables.first { $0.id == "T1" })
    #expect(t1.preparer == "编制部门：示例区政府办公室（示例）" && t1.unit == "单位：万元")
    let md = String(decoding: try OutputFormat.md.render(doc), as: UTF8.self)
    #expect(md.contains("编制部门：示例区政府办公室（示例）　　　　单位：万元"))
    let html = String(decoding: try OutputFormat.html.render(doc), as: UTF8.self)
    #expect(html.contains("<span>编制部门：示例区政府办公室（示例）</span><span>单位：万元</span>"))
    let json = String(decoding: try OutputFormat.json.render(doc), as: UTF8.self)
    #expect(json.contains("\"preparer\" : \"编制部门：示例区政府办公室（示例）\""))
    // Word: one paragraph, 编制部门 then a tab to the right margin, then the unit.
    let docx = try #require(try RendererTests.entries(OutputFormat.docx.render(doc))["word/document.xml"])
    #expect(docx.contains("编制部门：示例区政府办公室（示例）</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space=\"preserve\">单位：万元"))
    // Without the key, no preparer anywhere.
    let plain = try EditionUnitTests.demo(TestSupport.forms, edition: "anhui-2024")
    #expect(plain.tables.allSatisfy { $0.preparer == nil })
  }

  @Test func wholeProseFiguresDropTheirZeroDecimals() throws {
    let f = MoneyFormat(unit: .wan, decimals: 2, grouping: true, dropZeroDecimals: true)
    #expect(f.text(Amount(wanCents: 461_400)) == "4,614")
    #expect(f.text(.zero) == "0")
    #expect(f.text(Amount(wanCents: 86_750)) == "867.50")
    #expect(f.text(Amount(wanCents: 120_295)) == "1,202.95")
    #expect(f.text(Amount(fen: 12_029_501_84)) == "1,202.95")
    #expect(f.text(Amount(wanCents: -500)) == "-5")
    let doc = try Self.demo {
      $0.replacingOccurrences(
        of: "prose: { unit: \"万元\", decimals: 2, grouping: false }",
        with: "prose: { unit: \"万元\", decimals: 2, grouping: false, drop_zero_decimals: true }")
    }
    let plain = try EditionUnitTests.demo(TestSupport.forms, edition: "anhui-2024")
    func text(_ d: PublishedDocument) -> String {
      d.parts.flatMap(\.blocks).compactMap { if case .paragraph(let p) = $0 { p } else { nil } }.joined(separator: "\n")
    }
    // The demo's 50.00万元 prints as 50万元, 0.00万元 as 0万元; its tables keep their decimals.
    #expect(text(plain).contains("50.00万元") && !text(doc).contains("50.00万元") && text(doc).contains("50万元"))
    #expect(text(plain).contains("0.00万元") && !text(doc).contains("0.00万元"))
    // (The 绩效目标表 prints its amounts as prose does.)
    #expect(doc.tables.filter { $0.id != "T14" }.elementsEqual(plain.tables.filter { $0.id != "T14" }))
  }

  @Test func zeroAmountsPrintBlankWhenTheEditionSaysSo() throws {
    let doc = try Self.demo {
      $0.replacingOccurrences(
        of: "tables: { unit: \"万元\", decimals: 2, grouping: false }", with: "tables: { unit: \"万元\", decimals: 2, grouping: false, blank_zero: true }")
    }
    let plain = try EditionUnitTests.demo(TestSupport.forms, edition: "anhui-2024")
    let t2 = try #require(doc.tables.first { $0.id == "T2" }), p2 = try #require(plain.tables.first { $0.id == "T2" })
    #expect(p2.rows[0].cells.contains(.amount(.zero)) && !t2.rows.contains { $0.cells.contains(.amount(.zero)) })
    #expect(zip(t2.rows, p2.rows).allSatisfy { a, b in zip(a.cells, b.cells).allSatisfy { $0 == $1 || ($0 == .blank && $1 == .amount(.zero)) } })
  }
}

/// An edition's own rows of the two-sided tables (T1, T4) and columns of 收入总表 (T2) and the 三公 table (T7).
struct EditionTableShapeTests {
  static func shanghaiLike(_ text: String) -> String {
    text.replacingOccurrences(
      of: "  - { id: T1, number: 1, name: \"收支总表\" }",
      with: """
          - id: T1
            number: 1
            name: "收支总表"
            rows:
              income:
                - { label: "一、财政拨款收入", sources: [一般公共预算, 政府性基金预算, 国有资本经营预算] }
                - { label: "1. 一般公共预算资金", sources: [一般公共预算] }
                - { label: "2. 政府性基金", sources: [政府性基金预算] }
                - { label: "二、事业收入", sources: [] }
                - { label: "三、其他收入", sources: [财政专户管理资金, 单位资金, 上年结转] }
        """
    )
    .replacingOccurrences(
      of: "  - { id: T2, number: 2, name: \"收入总表\" }",
      with: """
          - { id: T2, number: 2, name: "收入总表", columns: [[一般公共预算, 政府性基金预算, 国有资本经营预算, 上年结转], [], [财政专户管理资金, 单位资金]] }
        """
    )
    .replacingOccurrences(
      of: "  - { id: T4, number: 4, name: \"财政拨款收支总表\" }",
      with: """
          - { id: T4, number: 4, name: "财政拨款收支总表", rows: { income: [{ label: "一、一般公共预算资金", sources: [一般公共预算] }, { label: "二、政府性基金", sources: [政府性基金预算] }] } }
        """
    )
    .replacingOccurrences(
      of: "    required: true\n",
      with:
        "    required: true\n    columns: [[因公出国（境）费, 公务接待费, 公务用车购置费, 公务用车运行维护费], [因公出国（境）费], [公务接待费], [公务用车购置费, 公务用车运行维护费], [公务用车购置费], [公务用车运行维护费], [机关运行经费]]\n"
    )
  }

  static let headers = """
    T2:
      - ["科目编码", "科目名称", "合计", "财政拨款收入", "事业收入", "其他收入"]
    T7:
      - ["合计", "因公出国(境)费", "公务接待费", "小计", "购置费", "运行费", "机关运行经费预算数"]
    """

  @Test func twoSidedRowsAndColumnGroupsFollowTheEdition() throws {
    let doc = try EditionLayoutTests.demo(headers: Self.headers, Self.shanghaiLike)
    func table(_ id: String) throws -> DocTable { try #require(doc.tables.first { $0.id == id }) }
    func texts(_ t: DocTable) -> [[String]] { t.rows.map { $0.cells.map(t.text) } }
    // T1: the edition's 收入 lines beside the 类 with figures, then the grand totals; zero prints blank.
    let t1 = texts(try table("T1"))
    #expect(t1.map { $0[0] } == ["一、财政拨款收入", "1. 一般公共预算资金", "2. 政府性基金", "二、事业收入", "三、其他收入", "收入总计"])
    #expect(t1[0][1] == "715.28" && t1[2][1] == "" && t1[3][1] == "" && t1[4][1] == "17.00" && t1[5][1] == "732.28")
    #expect(t1.map { $0[2] } == ["一、一般公共服务支出", "二、社会保障和就业支出", "三、卫生健康支出", "四、住房保障支出", "", "支出总计"])
    #expect(t1[0][3] == "601.08" && t1[5][3] == "732.28")
    // T2: 合计 then each group's sum; an empty group prints zero.
    let t2 = try table("T2")
    #expect(t2.columns.count == 6)
    let row201 = try #require(texts(t2).first { $0[0] == "201" })
    #expect(row201 == ["201", "一般公共服务支出", "601.08", "584.08", "0.00", "17.00"])
    // T4: 财政拨款 lines beside the 类 with 财政拨款 figures.
    let t4 = texts(try table("T4"))
    #expect(t4.first?.prefix(3) == ["一、一般公共预算资金", "715.28", "一、一般公共服务支出"])
    #expect(t4.last?.prefix(4) == ["收入总计", "715.28", "支出总计", "715.28"])
    // T7: one row, the edition's columns, 机关运行经费 beside the 三公.
    let t7 = try table("T7")
    #expect(t7.rows.count == 1 && t7.columns.count == 7)
    let cur = try #require(texts(t7).first)
    #expect(cur == ["9.20", "2.00", "3.00", "4.20", "", "4.20", "42.80"])
    // A fund in no T2 column, or an unknown word, does not load.
    for bad in ["[[一般公共预算], [单位资金]]", "[[一般公共预算, 政府性基金预算, 国有资本经营预算, 上年结转, 财政专户管理资金, 单位资金], [事业收入]]"] {
      let forms = try TestSupport.formsCopy {
        $0.replacingOccurrences(of: "  - { id: T2, number: 2, name: \"收入总表\" }", with: "  - { id: T2, number: 2, name: \"收入总表\", columns: \(bad) }")
      }
      #expect(throws: FormsLibrary.LoadError.self) { try forms.edition("test-unit") }
    }
  }
}

/// A two-sided table as Anhui's 2021 template prints it: every 类 of `expenditure_classes` (`all_classes`), and
/// closing lines between the 类 and the grand totals (本年收入小计 | 本年支出小计, 上年结转 | 结转下年 …).
struct TwoSidedClosingLinesTests {
  static let rows = """
      - id: T4
        number: 4
        name: "财政拨款收支总表"
        rows:
          all_classes: true
          income:
            - { label: "一、一般公共预算拨款收入", sources: [一般公共预算] }
            - { label: "　　其中：国库管理非税收入", sources: [] }
            - { label: "二、政府性基金预算拨款收入", sources: [政府性基金预算] }
          closing:
            - { label: "本年收入小计", sources: [一般公共预算, 政府性基金预算, 国有资本经营预算], spending: "本年支出小计", sum: true }
            - { label: "上年结转", sources: [上年结转], spending: "结转下年" }
            - { label: "　　一般公共预算", sources: [], spending: "　　一般公共预算" }
    """

  @Test func everyClassAndTheClosingLinesPrintWhenTheEditionSaysSo() throws {
    let doc = try EditionLayoutTests.demo { $0.replacingOccurrences(of: "  - { id: T4, number: 4, name: \"财政拨款收支总表\" }\n", with: Self.rows + "\n") }
    let t4 = try #require(doc.tables.first { $0.id == "T4" })
    let texts = t4.rows.map { $0.cells.map(t4.text) }
    let classes = try TestSupport.forms.edition("anhui-2024").expenditureClasses
    // The 24 类 with or without figures, then three closing lines, then the grand totals.
    #expect(texts.count == classes.count + 3 + 1)
    #expect(texts.prefix(classes.count).map { $0[2] }.first == "一、一般公共服务支出")
    #expect(texts[classes.count - 1][2].hasPrefix("二十四、"))
    #expect(texts.prefix(3).map { $0[0] } == ["一、一般公共预算拨款收入", "　　其中：国库管理非税收入", "二、政府性基金预算拨款收入"])
    #expect(texts[0][1] == "715.28" && texts[1][1] == "" && texts[3][0] == "")
    // A 类 without figures prints blank, as the template's fixed rows do.
    #expect(texts[1][2] == "二、外交支出" && texts[1].dropFirst(3).allSatisfy(\.isEmpty))
    let closing = Array(texts.dropFirst(classes.count))
    #expect(closing.map { $0[0] } == ["本年收入小计", "上年结转", "　　一般公共预算", "收入总计"])
    #expect(closing.map { $0[2] } == ["本年支出小计", "结转下年", "　　一般公共预算", "支出总计"])
    // 本年支出小计 prints the 支出 totals; 结转下年 has no figure in the entry language.
    #expect(closing[0] == ["本年收入小计", "715.28", "本年支出小计", "715.28", "715.28", "0.00", "0.00"])
    #expect(t4.rows[classes.count].kind == .subtotal)
    #expect(closing[1].dropFirst(3).allSatisfy(\.isEmpty) && closing[1][1] == "")
    #expect(closing[3].prefix(4) == ["收入总计", "715.28", "支出总计", "715.28"])
    for format in OutputFormat.allCases { #expect(try !format.render(doc).isEmpty) }
    // An unknown fund in a closing line does not load.
    let bad = try TestSupport.formsCopy {
      $0.replacingOccurrences(
        of: "  - { id: T4, number: 4, name: \"财政拨款收支总表\" }\n", with: Self.rows.replacingOccurrences(of: "sources: [上年结转]", with: "sources: [上年余额]") + "\n")
    }
    #expect(throws: FormsLibrary.LoadError.self) { try bad.edition("test-unit") }
  }
}

/// The document's parts, cover and contents as edition data (`parts`, `cover`, `contents`).
struct EditionPartsTests {
  static let parts = """
    cover: ["示例省{年度}年{预算层级}{文件类型}", "预算主管部门：{部门}"]
    contents: { title: "目  录", part: "{中文序号}、{条目}", table: "{序号}. {年度}年{表名}" }
    parts:
      - { title: "{部门}主要职能", entry: "部门主要职能", show: ["section:职责"] }
      - { title: "{部门}机构设置", entry: "部门机构设置", show: ["section:单位构成"] }
      - { title: "名词解释", show: [glossary] }
      - { title: "{年度}年{文件类型}编制说明", entry: "{文件类型}编制说明", show: ["section:T1", "section:T5"] }
      - { title: "", entry: "{文件类型}表", show: [tables] }
      - { title: "其他相关情况说明", show: [matters] }
    """

  @Test func partsCoverAndContentsFollowTheEdition() throws {
    let doc = try EditionLayoutTests.demo(prose: {
      $0.replacingOccurrences(of: "t5.scale.title: \"（一）一般公共预算支出规模变化情况\"", with: "t5.scale.title: \"\"")
    }) {
      $0.replacingOccurrences(of: "part_titles: [\"第一部分 部门概况\", \"第二部分 {年度}年{文件类型}表\", \"第三部分 {年度}年{文件类型}情况说明\", \"第四部分 名词解释\"]", with: Self.parts)
    }
    #expect(doc.cover == ["示例省2025年区级部门预算", "预算主管部门：示例区政府办公室（示例）"])
    #expect(doc.parts.map(\.title) == ["示例区政府办公室（示例）主要职能", "示例区政府办公室（示例）机构设置", "名词解释", "2025年部门预算编制说明", "", "其他相关情况说明"])
    let contents = try #require(doc.contents)
    #expect(contents.title == "目  录")
    #expect(contents.lines.filter { $0.level == 1 }.map(\.text) == ["一、部门主要职能", "二、部门机构设置", "三、名词解释", "四、部门预算编制说明", "五、部门预算表", "六、其他相关情况说明"])
    #expect(contents.lines.filter { $0.level == 2 }.first?.text == "1. 2025年收支总表")
    #expect(contents.lines.filter { $0.level == 2 }.count == 13)
    // 职责 without the standard heading; 编制说明 is T1's and T5's explanations; the tables part only tables;
    // 其他相关情况说明 numbers the items of 其他重要事项 一、二 ….
    if case .paragraph(let p) = doc.parts[0].blocks.first { #expect(p.hasPrefix("（一）")) } else { Issue.record("职责 first") }
    #expect(doc.parts[4].blocks.allSatisfy { if case .table = $0 { true } else { false } } && doc.parts[4].blocks.count == 13)
    if case .heading(1, let h) = doc.parts[5].blocks.first { #expect(h == "一、项目及绩效目标情况") } else { Issue.record("matters heading") }
    #expect(!doc.parts[2].blocks.isEmpty)
    // The empty heading template prints nothing.
    #expect(!doc.parts[3].blocks.contains { if case .heading(_, let t) = $0 { t.isEmpty } else { false } })
    #expect(!doc.parts[3].blocks.contains(.heading(level: 2, text: "（一）一般公共预算支出规模变化情况")))
    let md = String(decoding: try OutputFormat.md.render(doc), as: UTF8.self)
    #expect(md.contains("**示例省2025年区级部门预算**") && md.contains("## 目  录") && md.contains("五、部门预算表"))
    let json = String(decoding: try OutputFormat.json.render(doc), as: UTF8.self)
    #expect(json.contains("\"cover\" : [") && json.contains("\"contents\" : {"))
    let docx = try #require(try RendererTests.entries(OutputFormat.docx.render(doc))["word/document.xml"])
    #expect(docx.contains("预算主管部门：示例区政府办公室（示例）") && docx.contains("一、部门主要职能"))
    for format in OutputFormat.allCases { #expect(try !format.render(doc).isEmpty) }
    // part_titles and parts together, or an unknown content, do not load.
    let both = try TestSupport.formsCopy { $0 + "\n" + Self.parts }
    #expect(throws: FormsLibrary.LoadError.self) { try both.edition("test-unit") }
    let unknown = try TestSupport.formsCopy {
      $0.replacingOccurrences(
        of: "part_titles: [\"第一部分 部门概况\", \"第二部分 {年度}年{文件类型}表\", \"第三部分 {年度}年{文件类型}情况说明\", \"第四部分 名词解释\"]",
        with: "parts:\n  - { title: \"x\", show: [tabels] }")
    }
    #expect(throws: FormsLibrary.LoadError.self) { try unknown.edition("test-unit") }
  }
}

/// A table's own 第三部分 title (`explain`), or none: Anhui's 2021 template titles its sections 关于2021年收入预算
/// 情况说明 … and gives 项目支出表, 政府采购 and 政府购买服务 no section of their own.
struct ExplanationTitleTests {
  @Test func aTableTitlesItsOwnSectionOrHasNone() throws {
    let doc = try EditionLayoutTests.demo {
      $0.replacingOccurrences(
        of: "  - { id: T1, number: 1, name: \"收支总表\" }", with: "  - { id: T1, number: 1, name: \"收支总表\", explain: \"关于{年度}年收支预算总体情况说明\" }"
      )
      .replacingOccurrences(of: "  - { id: T2, number: 2, name: \"收入总表\" }", with: "  - { id: T2, number: 2, name: \"收入总表\", explain: \"{表名}（{部门}）\" }")
      .replacingOccurrences(of: "  - { id: T10, number: 10, name: \"项目支出表\",", with: "  - { id: T10, number: 10, name: \"项目支出表\", explain: \"\",")
    }
    let plain = try EditionUnitTests.demo(TestSupport.forms, edition: "anhui-2024")
    func sections(_ d: PublishedDocument) -> [String] { d.parts[2].blocks.compactMap { if case .heading(1, let t) = $0 { t } else { nil } } }
    let titles = sections(doc), before = sections(plain)
    #expect(titles.prefix(3) == ["一、关于2025年收支预算总体情况说明", "二、收入总表（示例区政府办公室（示例））", "三、关于2025年支出总表的说明"])
    // 项目支出表 has no section; the numbering runs on without a gap, and the other sections keep their titles.
    #expect(before.contains { $0.hasSuffix("关于2025年项目支出表的说明") } && !titles.contains { $0.contains("项目支出表") })
    #expect(titles.count == before.count - 1)
    let numbers: [String] = (1...titles.count).map { Wording.chineseNumber($0) + "、" }
    let numbered = zip(titles, numbers).allSatisfy { (t: String, n: String) in t.hasPrefix(n) }
    #expect(numbered)
    func unnumbered(_ xs: [String]) -> [String] { xs.map { (t: String) -> String in String(t.drop { $0 != "、" }) } }
    let rest: [String] = unnumbered(Array(titles.dropFirst(3)))
    let restBefore: [String] = unnumbered(before.dropFirst(3).filter { !$0.contains("项目支出表") })
    #expect(rest == restBefore)
    // The text of T10's explanation is gone with its section.
    let projectText = try #require(plain.parts[2].blocks.compactMap { if case .paragraph(let p) = $0, p.contains("预算共安排项目支出") { p } else { nil } }.first)
    #expect(!doc.parts[2].blocks.contains(.paragraph(projectText)))
  }
}

/// One paragraph per 类 of 一般公共预算支出 with its share and change (`t5.class`), as Anhui's 2021 template explains
/// 一般公共预算拨款结构情况; an empty template (the other editions) prints none.
struct ClassChangeParagraphTests {
  @Test func eachClassIsExplainedWithItsChangeWhenTheEditionHasTheTemplate() throws {
    let doc = try EditionLayoutTests.demo(prose: {
      $0.replacingOccurrences(of: "t5.class: \"\"", with: "t5.class: \"{序号}.{名称}{金额}万元，占{占比}，{增减}。\"")
    }) { $0 }
    let plain = try EditionUnitTests.demo(TestSupport.forms, edition: "anhui-2024")
    func paragraphs(_ d: PublishedDocument) -> [String] { d.parts[2].blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } } }
    let t5 = try #require(plain.tables.first { $0.id == "T5" })
    let classes = t5.rows.filter { $0.kind == .subtotal && $0.level == 0 }.map { (t5.text($0.cells[1]), t5.text($0.cells[2])) }
    #expect(classes.count >= 3)
    let added = paragraphs(doc).filter { !paragraphs(plain).contains($0) }
    #expect(added.count == classes.count)
    for (i, (p, cls)) in zip(added, classes).enumerated() {
      #expect(p.hasPrefix("\(i + 1).\(cls.0)\(cls.1)万元，占"), "\(p)")
      #expect(p.contains("比2024年预算") || p.contains("与2024年预算持平"), "\(p)")
    }
    // They follow the structure heading, before the structure paragraph.
    let blocks = doc.parts[2].blocks
    let heading = try #require(blocks.firstIndex(of: .heading(level: 2, text: "（二）一般公共预算支出结构情况")))
    #expect(blocks[heading + 1] == .paragraph(added[0]))
  }
}

extension EditionLayoutTests {
  /// A header cell merged down two rows that needs three lines (the 2021 收入预算总表's 政府性基金预算拨款收入 beside
  /// 功能科目 / 科目编码, the demo department's figures)
  /// gives its last row a least height: LibreOffice grows it on the first page only, and clipped the cell to
  /// 政府性基金预算拨 wherever the header was repeated. Rows whose own cells set their height say nothing.
  @Test func aTallMergedHeaderCellHoldsItsRowsOpen() throws {
    let doc = try EditionUnitTests.demo(TestSupport.forms, edition: "anhui-2021")
    let t2 = try #require(doc.tables.first { $0.id == "T2" })
    let layout = TableLayout(t2)
    #expect(layout.headerRowCount == 2)
    var fit = DocxRenderer.TableFit(layout)
    // Figure columns four characters wide, as a department with long 类 names gets: 政府性基金预算拨款收入 (11 em)
    // needs three lines, the two header rows give two.
    for c in 0..<layout.columnCount where layout.columns[c].kind == .amount { fit.widths[c] = 4 * fit.fontSize * 10 + DocxRenderer.TableFit.padding }
    let heights = fit.headerRowHeights(layout)
    #expect(heights[0] == nil, "the first row's own cells set it")
    let line = Double(fit.fontSize) * 10 * 1.45
    #expect(heights[1] == Int((2 * line).rounded(.up)) + 2 * fit.verticalMargin, "two lines in the second row: three with the first")
    // Wide enough for every header in two lines: nothing said.
    for c in 0..<layout.columnCount where layout.columns[c].kind == .amount { fit.widths[c] = 6 * fit.fontSize * 10 + DocxRenderer.TableFit.padding }
    #expect(fit.headerRowHeights(layout).allSatisfy { $0 == nil })
  }

}
