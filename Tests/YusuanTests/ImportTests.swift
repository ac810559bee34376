import Foundation
import Testing
@testable import Renderers
@testable import Audit
@testable import Reading
@testable import Import

/// `yusuan import`: a published document's tables as facts, all or nothing, with every unplaced figure reported.
struct ImportTests {
  static let seed2021 = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/seeds/001_d4b356eb47825e97.txt").path
  static let seed2024 = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/seeds/000_626f1369946c4733.txt").path

  static func json(_ s: String) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [[String: Any]])
  }

  /// The 2021 seed imported as this year's figures: its codes as printed, and `check` then reports the same
  /// table-level code defects as `audit` reads in the document.
  @Test func seed2021AsCurrentReproducesTheTablesAndTheirDefects() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "杜集区政府办公室", "--year", "2021", "--edition", "anhui-2021"])
    let r = try CLI.run(["import", w, Self.seed2021, "--as", "current"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("未导入"))  // the units table: reported, not dropped
    let export = try CLI.run(["export", w]).stdout
    for printed in [
      "支出 2010301 基本 165.3", "支出 2050505 基本 19.27 名称 \"机关事业单位基本养老保险缴费支出\"", "经济 30110 10.12 名称 \"城镇职工基本医疗保险缴费\"",
      "项目 \"调研活动经费\" 类型 \"日常运转类\" 单位 \"杜集区政府办\" 金额 101.9", "收入 一般公共预算 525.85", "采购 无", "购买服务 无",
      "核对 T2 11 名称 \"行政事业单位医疗\" 合计 14.81", "核对 T3 210305 名称 \"专项业务及机关事务管理\" 合计 20",
      "核对 T5 208 名称 \"社会保障和就业支出\" 合计 20.78", "说明 T8 \"杜集区XX局没有政府性基金预算拨款收入",
    ] {
      #expect(export.contains(printed), "export lacks: \(printed)")
    }
    let check = try Self.json(try CLI.run(["check", w, "--format", "json"]).stdout)
    let audit = try Self.json(try CLI.run(["audit", Self.seed2021, "--format", "json"]).stdout)
    let checkMalformed = Set(check.filter { $0["rule"] as? String == "code.malformed" }.compactMap { $0["row"] as? String })
    let auditMalformed = Set(audit.filter { $0["rule"] as? String == "audit.code.malformed" }.compactMap { $0["actual"] as? String })
    #expect(checkMalformed == ["11", "2", "210305"])
    #expect(checkMalformed == auditMalformed)
    #expect(check.contains { $0["rule"] as? String == "code.misplaced" && $0["row"] as? String == "2050505" })
    #expect(audit.contains { $0["rule"] as? String == "audit.code.misplaced" })
    #expect(check.contains { $0["rule"] as? String == "text.residue" && $0["table"] as? String == "T8" })
    #expect(check.contains { $0["rule"] as? String == "sum.declared" && $0["row"] as? String == "208" })
  }

  /// As last year's figures (the default): this year's amounts stay, last year's go into the prior column.
  @Test func seed2021AsPriorFillsThePriorColumn() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "杜集区政府办公室", "--year", "2022", "--edition", "anhui-2021"])
    _ = try CLI.run(["run", w, try CLI.writeTemp("支出 2010301 基本 170")])
    let r = try CLI.run(["import", w, Self.seed2021])
    #expect(r.status == 0, "\(r.stderr)")
    let export = try CLI.run(["export", w]).stdout
    #expect(export.contains("支出 2010301 基本 170 名称 \"行政运行\" 上年 165.3"))
    #expect(export.contains("支出 2010302 项目 0 名称 \"一般行政管理事务\" 上年 272.6"))
    #expect(export.contains("项目 \"调研活动经费\" 类型 \"日常运转类\" 单位 \"杜集区政府办\" 金额 0 上年 101.9 待确认"))
    #expect(export.contains("上年 合计 525.85"))
  }

  /// A document without tables (the 2024 seed's tables were an attachment) is refused, nothing written.
  @Test func documentWithoutTablesIsRefused() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "杜集区政府办", "--year", "2025"])
    let r = try CLI.run(["import", w, Self.seed2024])
    #expect(r.status == 2)
    #expect(r.stderr.contains("没有找到可导入的预算表"))
    #expect(try CLI.run(["import", w, "/nonexistent.txt"]).status == 2)
    #expect(try CLI.run(["import", w, Self.seed2021, "--as", "next"]).status == 2)
    #expect(!(try CLI.run(["export", w]).stdout.contains("支出")))
  }
}

/// The budget system's CSV export through a column mapping (built in, a file in forms/, or on the command line).
struct CSVImportTests {
  @Test func builtInMappingInYuanWithSubtotalsSkipped() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    let csv = """
      功能科目编码,功能科目名称,基本支出,项目支出,资金来源,单位名称
      201,一般公共服务支出,"2,128,900.00",2676600,一般公共预算,
      2010301,行政运行,"2,128,900.00",,一般公共预算,
      2010302,一般行政管理事务,,2676600,一般公共预算,
      2080505,机关事业单位基本养老保险缴费支出,98000.50,,财政专户管理资金,示例中心
      """
    let r = try CLI.run(["import", w, try CLI.writeTemp(csv, ext: "csv"), "--as", "current"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("不是项级科目"))
    let export = try CLI.run(["export", w]).stdout
    #expect(export.contains("支出 2010301 基本 212.89 名称 \"行政运行\""))
    #expect(export.contains("支出 2010302 项目 267.66 名称 \"一般行政管理事务\""))
    #expect(export.contains("支出 2080505 基本 98000.50元 来源 财政专户管理资金 单位 \"示例中心\""))
  }

  @Test func inlineMappingAndErrorsWithLines() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    let csv = "科目,类型,万元\n2010301,基本,212.89\n2010302,项目,abc\n"
    let path = try CLI.writeTemp(csv, ext: "csv")
    let bad = try CLI.run(["import", w, path, "--as", "current", "--map", "code=科目,kind=类型,total=万元,money=万元"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains(":3:"))
    #expect(bad.stderr.contains("没有导入任何内容"))
    #expect(!(try CLI.run(["export", w]).stdout.contains("2010301")))
    let good = try CLI.writeTemp("科目,类型,万元\n2010301,基本,212.89\n", ext: "csv")
    #expect(try CLI.run(["import", w, good, "--as", "current", "--map", "code=科目,kind=类型,total=万元,money=万元"]).status == 0)
    #expect(try CLI.run(["export", w]).stdout.contains("支出 2010301 基本 212.89"))
    #expect(try CLI.run(["import", w, good, "--map", "nosuch"]).stderr.contains("找不到映射"))
    let notExcel = try CLI.writeTemp("not a zip", ext: "xlsx")
    let r = try CLI.run(["import", w, notExcel])
    #expect(r.status == 2)
    #expect(r.stderr.contains("无法作为 Excel"))
  }
}

/// An .xlsx export (title and unit rows above the header, shared strings, numbers) imports like the CSV.
struct XlsxImportTests {
  @Test func xlsxWithTitleRows() throws {
    var zip = ZipWriter()
    zip.add(
      "[Content_Types].xml",
      #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#
    )
    zip.add(
      "xl/sharedStrings.xml",
      #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>2025年支出预算明细</t></si><si><t>科目编码</t></si><si><t>科目名称</t></si><si><t>基本支出</t></si><si><t>项目支出</t></si><si><t>行政运行</t></si></sst>"#
    )
    zip.add(
      "xl/worksheets/sheet1.xml",
      #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c><c r="D2" t="s"><v>4</v></c></row><row r="3"><c r="A3"><v>2010301</v></c><c r="B3" t="s"><v>5</v></c><c r="C3"><v>2128900</v></c></row><row r="4"><c r="A4"><v>2010302</v></c><c r="D4"><v>2676600.5</v></c></row></sheetData></worksheet>"#
    )
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-\(UUID().uuidString).xlsx")
    try zip.archive().write(to: url)
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    let r = try CLI.run(["import", w, url.path, "--as", "current"])
    #expect(r.status == 0, "\(r.stderr)")
    let export = try CLI.run(["export", w]).stdout
    #expect(export.contains("支出 2010301 基本 212.89 名称 \"行政运行\""))
    #expect(export.contains("支出 2010302 项目 2676600.50元"))
  }
}

/// Issue 14 (2): every index and size read from an .xlsx is bounded; a crafted file is refused cleanly and quickly,
/// naming the cell (a shared-string index of −1 and a 20-letter column crashed; `ZZZZZZZ999999999` ate 16.9 GB).
struct CraftedXlsxTests {
  static func xlsx(sheet cells: String, shared: [String] = ["科目编码"]) throws -> Data {
    var zip = ZipWriter()
    zip.add(
      "xl/sharedStrings.xml",
      #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + shared.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>")
    zip.add(
      "xl/worksheets/sheet1.xml",
      #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        + cells + "</sheetData></worksheet>")
    return try zip.archive()
  }

  /// The message of the refusal, failing the test if the file was accepted.
  static func refusal(_ data: Data) -> String {
    do {
      let rows = try XlsxRows.rows(data, name: "crafted.xlsx")
      Issue.record("accepted \(rows.count) rows")
      return ""
    } catch { return "\(error)" }
  }

  @Test func cellReferencesWithinExcelsLimits() {
    #expect(XlsxRows.cell("A1")! == (0, 1))
    #expect(XlsxRows.cell("C12")! == (2, 12))
    #expect(XlsxRows.cell("XFD1048576")! == (16_383, 1_048_576))
    for bad in ["XFE1", "A1048577", "A0", "ZZZZZZZ999999999", String(repeating: "A", count: 20) + "1", "1A", "A", "a1", "A1B", ""] {
      #expect(XlsxRows.cell(bad) == nil, "\(bad)")
    }
  }

  @Test func sharedStringIndexOutOfRange() throws {
    for index in ["-1", "1", "9223372036854775807", "x"] {
      let m = Self.refusal(try Self.xlsx(sheet: #"<row r="1"><c r="B1" t="s"><v>\#(index)</v></c></row>"#))
      #expect(m.contains("单元格“B1”引用的共享字符串“\(index)”不存在"), "\(m)")
    }
  }

  @Test func referenceBeyondExcelIsRefusedQuickly() throws {
    let clock = ContinuousClock()
    let start = clock.now
    for ref in ["ZZZZZZZ999999999", String(repeating: "Z", count: 20) + "1", "XFE1", "A1048577"] {
      let m = Self.refusal(try Self.xlsx(sheet: #"<row r="1"><c r="\#(ref)"><v>1</v></c></row>"#))
      #expect(m.contains("单元格“\(ref)”的位置超出 Excel 的范围"), "\(m)")
    }
    #expect(clock.now - start < .seconds(2))
    // The last column Excel has is fine.
    #expect(try XlsxRows.rows(try Self.xlsx(sheet: #"<row r="1"><c r="XFD1"><v>1</v></c></row>"#), name: "x").first?.count == 16_384)
  }

  @Test func tooManyCellsAndTooLargeParts() throws {
    // 200 rows padded to column XFD: 3.3 million cells from a file of a few KB.
    let wide = (1...200).map { #"<row r="\#($0)"><c r="XFD\#($0)"><v>1</v></c></row>"# }.joined()
    #expect(Self.refusal(try Self.xlsx(sheet: wide)).contains("单元格过多"))
    // A sheet that inflates past the part limit (a zip bomb) is refused before it is parsed.
    let bomb = String(repeating: " ", count: XlsxRows.maxPartBytes + 1)
    #expect(Self.refusal(try Self.xlsx(sheet: bomb)).contains("解压后超过 64 MB"))
  }

  /// The real binary: exit 2, a Chinese message naming the cell, nothing imported, within seconds.
  @Test func importRefusesACraftedFile() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    for (sheet, cell) in [
      (#"<row r="1"><c r="A1" t="s"><v>-1</v></c></row>"#, "A1"), (#"<row r="1"><c r="ZZZZZZZ999999999"><v>1</v></c></row>"#, "ZZZZZZZ999999999"),
    ] {
      let url = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-\(UUID().uuidString).xlsx")
      try Self.xlsx(sheet: sheet).write(to: url)
      let r = try CLI.run(["import", w, url.path, "--as", "current"])
      #expect(r.status == 2, "\(r.stderr)")
      #expect(r.stderr.contains("“\(cell)”"), "\(r.stderr)")
    }
    #expect(!(try CLI.run(["export", w]).stdout.contains("支出")))
  }
}
