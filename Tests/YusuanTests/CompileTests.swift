import Foundation
import Testing
@testable import Renderers
@testable import Workbench
@testable import YusuanCore

/// `yusuan compile`: refuses with errors, drafts with 草稿, all formats, same bytes twice, PDF through LibreOffice.
struct CompileTests {
  static func demoWorkbook() throws -> String {
    let w = TestSupport.tempPath("demo")
    _ = try CLI.run(["new", w, "--department", "示例区政府办公室（示例）", "--year", "2025", "--edition", "anhui-2024"])
    let dir = TestSupport.repoRoot.appendingPathComponent("examples/demo-2025")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".ys") }.sorted().map {
      dir.appendingPathComponent($0).path
    }
    let r = try CLI.run(["run", w] + files)
    #expect(r.status == 0, "\(r.stderr)")
    return w
  }

  @Test func refusesWhileErrorsRemainAndDraftsWhenAsked() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "甲", "--year", "2025"])
    _ = try CLI.run(["run", w, try CLI.writeTemp("支出 2010301 基本 10")])
    let out = URL(fileURLWithPath: TestSupport.tempPath()).deletingLastPathComponent().appendingPathComponent("out").path
    let refused = try CLI.run(["compile", w, "--out", out, "--format", "md"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("--draft"))
    #expect(!FileManager.default.fileExists(atPath: out))
    let draft = try CLI.run(["compile", w, "--out", out, "--format", "md,html", "--draft"])
    #expect(draft.status == 0, "\(draft.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out)
    #expect(files.count == 2)
    let md = try String(contentsOfFile: out + "/" + files.first { $0.hasSuffix(".md") }!, encoding: .utf8)
    #expect(md.contains("草稿"))
    #expect(try CLI.run(["compile", w, "--out", out, "--format", "rtf", "--draft"]).status == 2)
  }

  /// All formats from the demo; compiling twice gives the same bytes (fixed timestamps in the zip containers).
  @Test func demoCompilesToEveryFormatDeterministically() throws {
    let w = try Self.demoWorkbook()
    let base = URL(fileURLWithPath: TestSupport.tempPath()).deletingLastPathComponent()
    let a = base.appendingPathComponent("a").path, b = base.appendingPathComponent("b").path
    for out in [a, b] {
      let r = try CLI.run(["compile", w, "--out", out, "--format", "docx,xlsx,html,md,json"])
      #expect(r.status == 0, "\(r.stderr)")
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: a).sorted()
    #expect(files.map { ($0 as NSString).pathExtension }.sorted() == ["docx", "html", "json", "md", "xlsx"])
    for f in files {
      #expect(FileManager.default.contents(atPath: a + "/" + f) == FileManager.default.contents(atPath: b + "/" + f), "\(f) differs between runs")
    }
  }

  /// The generated prose states what the arithmetic gives, where the published 2024 document got it wrong.
  @Test func dujiqu2024ProseIsArithmeticallyRight() throws {
    let dir = TestSupport.repoRoot.appendingPathComponent("examples/dujiqu-2024")
    let wb = try ExampleTests.workbook("dujiqu-2024", department: "杜集区政府办", year: 2024, edition: "anhui-2024")
    _ = dir
    let doc = try wb.compile(draft: true)
    let text = Compiler.text(of: doc.parts)
    let expected = [
      "卫生健康支出15.90万元，占2.60%",  // printed 2.59% to force 100%
      "（因四舍五入，分项占比之和与100%可能存在尾差）",  // 79.45+10.14+2.60+7.82 = 100.01
      "行政单位离退休（项）2024年预算20.96万元，比2023年预算减少2.44万元，下降10.43%",  // printed 10.45%
      "其他社会保障和就业支出（项）2024年预算0.52万元，比2023年预算减少0.24万元，下降31.58%",  // printed 31.55%
      "行政单位医疗（项）2024年预算10.45万元，比2023年预算减少0.14万元，下降1.32%",  // printed 1.35%
      "住房公积金（项）2024年预算27.36万元，比2023年预算减少0.32万元，下降1.16%",  // printed 1.15%
      "购房补贴（项）2024年预算11.40万元，比2023年预算减少0.13万元，下降1.13%",  // printed 1.15%
      "一般行政管理事务（项）2024年预算267.66万元，比2023年预算增加3.96万元，增长1.50%",  // printed 1.5%
      "专项业务及机关事务管理（项）2024年预算6.00万元，比2023年预算减少4.00万元，下降40.00%",  // printed 40%
      "提租补贴（项）2024年预算9.13万元，为新增项目，主要用于根据要求发放补贴",  // printed 增长100%
      "公务员医疗补助（项）2024年预算5.45万元，与2023年预算持平",  // printed 相比无变化
      "机关运行经费财政拨款预算39.96万元，比2023年预算减少1.15万元，下降2.80%",
    ]
    for e in expected { #expect(text.contains(e), "missing: \(e)") }
    #expect(!text.contains("增长100"))
    #expect(!text.contains("【缺少模板"))
    // 三公 is explained even though the seed had none: all zero, stated.
    #expect(text.contains("“三公”经费预算0.00万元"))
  }

  /// The docx and the xlsx convert to PDF with LibreOffice, and the PDF text has the right figures.
  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice") && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
      "需要 LibreOffice 与 pdftotext（.ci/run 会安装）"))
  func demoPDFHasTheFigures() throws {
    let w = try Self.demoWorkbook()
    let out = URL(fileURLWithPath: TestSupport.tempPath()).deletingLastPathComponent().appendingPathComponent("pdf")
    let r = try CLI.run(["compile", w, "--out", out.path, "--format", "docx,xlsx,pdf"])
    #expect(r.status == 0, "\(r.stderr)")
    let pdf = try #require(try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasSuffix(".pdf") })
    let text = try RendererTests.pdfText(out.appendingPathComponent(pdf))
    for figure in ["732.28", "478.28", "254.00", "一般公共预算支出表", "2010301", "“三公”经费"] {
      #expect(text.contains(figure), "PDF text lacks \(figure)")
    }
    // The PDF says it is Chinese (screen readers and search engines read /Lang), not en-US.
    let bytes = try Data(contentsOf: out.appendingPathComponent(pdf))
    #expect(bytes.range(of: Data("/Lang(zh-CN)".utf8)) != nil)
    // The Excel attachment converts too.
    let xlsx = try #require(try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasSuffix(".xlsx") })
    let xpdf = try PDFConverter.convert(out.appendingPathComponent(xlsx), outputDirectory: out.appendingPathComponent("xlsx-pdf"))
    #expect(try RendererTests.pdfText(xpdf).contains("732.28"))
  }

  /// Issue 11 (done-when): LibreOffice converts every output of the demo without a word about it. What it prints
  /// otherwise — its progress line, and its launcher's note that Java is not installed, printed for an empty text
  /// file alike — is routine (PDFConverter.isRoutine), and shown here not to be about the document.
  @Test(.enabled(if: PDFConverter.findSoffice() != nil, "需要 LibreOffice（.ci/run 会安装）"))
  func libreOfficeConvertsEveryOutputWithoutAWarning() throws {
    let w = try Self.demoWorkbook()
    let out = URL(fileURLWithPath: TestSupport.tempPath()).deletingLastPathComponent().appendingPathComponent("lo")
    let r = try CLI.run(["compile", w, "--out", out.path, "--format", "docx,xlsx,html,md,json,datapackage"])
    #expect(r.status == 0, "\(r.stderr)")
    let fm = FileManager.default
    var inputs = try fm.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }.map { out.appendingPathComponent($0) }
    let package = try #require(inputs.first { $0.lastPathComponent.hasSuffix("-数据包") })
    inputs.removeAll { $0 == package }
    inputs += [package.appendingPathComponent("datapackage.json"), package.appendingPathComponent("t5.csv")]
    #expect(inputs.count == 7)
    for input in inputs {
      let (pdf, log) = try PDFConverter.convertWithLog(input, outputDirectory: out.appendingPathComponent("pdf-" + input.pathExtension))
      #expect(fm.fileExists(atPath: pdf.path))
      #expect(PDFConverter.documentMessages(log).isEmpty, "\(input.lastPathComponent): \(log)")
    }
    // The routine lines are LibreOffice's own: an empty text file gets them too.
    let empty = out.appendingPathComponent("empty.txt")
    try Data().write(to: empty)
    let (_, log) = try PDFConverter.convertWithLog(empty, outputDirectory: out.appendingPathComponent("pdf-empty"))
    #expect(PDFConverter.documentMessages(log).isEmpty && !log.isEmpty)
    #expect(
      PDFConverter.documentMessages("Warning: failed to launch javaldx - java may not function correctly\nError: source file could not be loaded") == [
        "Error: source file could not be loaded"
      ])
  }
}

/// DESIGN §4: figures entered in 元 are shown so that every printed total is the sum of its printed parts.
struct DisplayRoundingTests {
  static let wan2 = MoneyFormat(unit: .wan, decimals: 2, grouping: false)

  @Test func largestRemainderKeepsTheTotal() {
    // 0.333 + 0.333 + 0.334 万元 = 1.000: shown 0.33 + 0.33 + 0.34.
    let shown = DisplayRounding.allocate([Amount(fen: 333_000), Amount(fen: 333_000), Amount(fen: 334_000)], Self.wan2)
    #expect(shown == [33, 33, 34])
    // Three lines of 0.005 万元: each rounds to 0.01 alone (0.03), but the total 0.015 shows as 0.02.
    #expect(DisplayRounding.allocate(Array(repeating: Amount(fen: 5_000), count: 3), Self.wan2).reduce(0, +) == 2)
  }

  @Test func printedTotalsEqualPrintedParts() throws {
    // Three lines of 50元 (0.005万元) each: alone each shows 0.01, but together they are 0.015 → 0.02.
    let lines = ["2010301 基本 1234567.89元", "2010302 基本 2345678.55元", "2010305 基本 50元", "2080505 基本 50元", "2101101 基本 50元"]
    let script = lines.map { "支出 \($0)" }.joined(separator: "\n") + "\n收入 一般公共预算 3580396.44元\n经济 30101 3580396.44元"
    let wb = try TestSupport.workbook(script)
    // 123.456789 → 123.46 and 234.567855 → 234.57 take two of the three spare hundredths, one 50元 line the third:
    // the other two 50元 lines show 0.00 instead of their own 0.01.
    #expect(wb.check().contains { $0.rule == "display.rounding" && $0.severity == .info && $0.actual == "2" })
    let t5 = try #require(try wb.compile(draft: true).tables.first { $0.id == "T5" })
    func value(_ c: Cell) -> Int64 { if case .amount(let a) = c { return a.roundedWanCents }; return 0 }
    let items = t5.rows.filter { $0.kind == .detail }.map { value($0.cells[2]) }
    let total5 = t5.rows.first { $0.kind == .total }.map { value($0.cells[2]) }
    #expect(items.reduce(0, +) == total5)
    #expect(total5 == 35804)  // 358.0396444 万元 → 358.04
    let classes = t5.rows.filter { $0.kind == .subtotal && $0.level == 0 }.map { value($0.cells[2]) }
    #expect(classes.reduce(0, +) == total5)
  }
}

/// Issue 14 (5): numbering in Chinese is total: 100 or more 职责 or 任务 crashed compile (`digits[n / 10]`).
struct ChineseNumberTests {
  @Test(arguments: [
    (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九"), (100, "一百"), (101, "一百零一"),
    (110, "一百一十"), (111, "一百一十一"), (999, "九百九十九"), (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"),
    (10_000, "一万"), (10_001, "一万零一"), (10_100, "一万零一百"), (100_000, "十万"), (100_010, "十万零一十"),
    (210_000_000, "二亿一千万"), (100_000_001, "一亿零一"), (0, "零"), (-3, "负三"),
  ])
  func reads(n: Int, text: String) {
    #expect(Wording.chineseNumber(n) == text)
  }

  @Test func extremesDoNotTrap() {
    #expect(Wording.chineseNumber(.max).hasPrefix("九百二十二亿亿"))
    #expect(Wording.chineseNumber(.min).hasPrefix("负九百二十二亿亿"))
  }

  @Test func compileWithOneHundredAndTwentyDuties() throws {
    let duties = (1...120).map { "职责 \"第\($0)项职责。\"" } + (1...101).map { "任务 \"第\($0)项任务。\"" }
    let wb = try TestSupport.workbook(TestSupport.consistent + "\n" + duties.joined(separator: "\n"))
    let doc = try wb.compile(draft: true)
    let text = doc.parts.flatMap(\.blocks).compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
    #expect(text.contains("（一百）第99项职责。"))  // the consistent script's own 职责 is the first
    #expect(text.contains("（一百二十一）第120项职责。"))
    #expect(text.contains("（一百零二）第101项任务。"))
  }
}
