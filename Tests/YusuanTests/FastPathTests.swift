import Foundation
import Testing
import ZIPFoundation
@testable import Renderers
@testable import YusuanCore
@testable import YusuanStore

/// The shortcuts taken for speed (bureau mode compiles a thousand departments) give the same results as the
/// general code: the zip writer, template filling, escaping and width fast paths, and the forms cache.
struct FastPathTests {
  @Test func zipWriterEntriesReadBackWithTheirBytes() throws {
    var zip = ZipWriter()
    let big = String(repeating: "<w:t>科目 2010301 行政运行 612.42</w:t>", count: 20_000)
    zip.add("word/document.xml", big)
    zip.add("empty.xml", "")
    zip.add("附件/说明.txt", "中文文件名")
    let data = try zip.archive()
    let archive = try Archive(data: data, accessMode: .read)
    var read: [String: Data] = [:]
    for entry in archive {
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }  // ZIPFoundation verifies each CRC-32
      read[entry.path] = bytes
      #expect(entry.fileAttributes[.modificationDate] as? Date == ZipWriter.fixedDate)
    }
    #expect(read["word/document.xml"] == Data(big.utf8))
    #expect(read["empty.xml"] == Data())
    #expect(read["附件/说明.txt"] == Data("中文文件名".utf8))
    #expect(data.count < big.utf8.count / 10, "the XML is deflated")
    #expect(try zip.archive() == data, "same entries, same bytes")
  }

  @Test func templatesFillInOnePass() {
    let values = ["金额": "612.42", "原因": "用于{金额}的说明"]
    #expect(ProseTemplates.substitute("支出{金额}万元，{原因}。", values) == "支出612.42万元，用于{金额}的说明。")
    #expect(ProseTemplates.substitute("{未知}与{金额}", values) == "{未知}与612.42")
    #expect(ProseTemplates.substitute("未闭合 {金额", values) == "未闭合 {金额")
    #expect(ProseTemplates.substitute("无占位符", values) == "无占位符")
    #expect(ProseTemplates.substitute("{金额}{金额}", values) == "612.42612.42")
  }

  @Test func markdownEscapingMatchesTheCharacterRules() {
    #expect(MarkdownRenderer.inline("一般公共预算·合计——“三公”经费") == "一般公共预算·合计——“三公”经费")
    #expect(MarkdownRenderer.inline("a|b*c_d") == "a\\|b\\*c\\_d")
    #expect(MarkdownRenderer.inline("第一行\u{2028}第二行\r\n第三行\u{85}完") == "第一行 第二行 第三行 完")
    #expect(MarkdownRenderer.cell("　全角空格　") == "全角空格")
    #expect(MarkdownRenderer.cell(" 612.42 ") == "612.42")
    #expect(MarkdownRenderer.cell("") == "")
  }

  @Test func jsonStringsEscapeOnlyWhatMustBe() {
    #expect(DiagnosticRenderer.q("行政运行 612.42") == "\"行政运行 612.42\"")
    #expect(DiagnosticRenderer.q("引号\"与\\反斜杠\n换行\u{1}") == "\"引号\\\"与\\\\反斜杠\\n换行\\u0001\"")
  }

  @Test func displayWidthOfStringEqualsTheGeneralCount() {
    for s in ["2010301", "行政运行", "", "a\tb", "（一）1,234.56万元", "🙂x", "e\u{301}"] {
      #expect(DisplayWidth.of(s) == DisplayWidth.of(Substring(s)), "\(s)")
    }
    #expect(DisplayWidth.of("行政运行2010301") == 15)
  }

  @Test func byteSearchFindsExactText() {
    #expect("本表无数据，XX局".containsBytes("XX局"))
    #expect(!"本表无数据".containsBytes("XX局"))
    #expect("abc".containsBytes(""))
    #expect(!"".containsBytes("a"))
  }

  /// A catalog edited while the process runs (the REPL's `catalog import`) is read again, not served stale.
  @Test func formsCacheRereadsAChangedFile() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-forms-\(UUID().uuidString)")
    let catalogs = root.appendingPathComponent("catalogs")
    try FileManager.default.createDirectory(at: catalogs, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let file = catalogs.appendingPathComponent("test.csv")
    let header = "code,name,level,parent,kind,confidence\n"
    try (header + "201,一般公共服务支出,1,,func,high\n").write(to: file, atomically: true, encoding: .utf8)
    let forms = FormsLibrary(root: root)
    #expect(try forms.catalog("test").entry("201", .function)?.name == "一般公共服务支出")
    #expect(try forms.catalog("test").entry("205", .function) == nil)
    try (header + "201,一般公共服务支出,1,,func,high\n205,教育支出,1,,func,high\n").write(to: file, atomically: true, encoding: .utf8)
    #expect(try forms.catalog("test").entry("205", .function)?.name == "教育支出")
  }
}

/// Facts read back by the store's own JSON decoder equal what JSONDecoder reads, for every fact of the demo and
/// the two seeds and for text with every kind of escape.
struct StoredJSONTests {
  static func allFacts() throws -> [Fact] {
    var facts: [Fact] = []
    for (dir, edition, year) in [("demo-2025", "anhui-2024", 2025), ("dujiqu-2021", "anhui-2021", 2021), ("dujiqu-2024", "anhui-2024", 2024)] {
      let folder = TestSupport.repoRoot.appendingPathComponent("examples").appendingPathComponent(dir)
      let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".ys") }.sorted()
      let script = try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
      facts += try TestSupport.workbook(script, year: year, edition: edition).facts.all
    }
    facts.append(.duty(ListItem(ordinal: 1, text: "引号\"反斜杠\\斜杠/换行\n制表\t回车\r控制\u{1}\u{1F}表情🙂组合e\u{301}")))
    return facts
  }

  @Test func decodesWhatJSONEncoderWrote() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let facts = try Self.allFacts()
    #expect(facts.count > 200)
    for fact in facts {
      let body = String(decoding: try encoder.encode(fact), as: UTF8.self)
      let fast = try StoredJSON.decode(Fact.self, from: body)
      #expect(fast == fact, "\(body)")
      #expect(fast == (try JSONDecoder().decode(Fact.self, from: Data(body.utf8))))
    }
  }

  @Test func refusesWhatIsNotJSON() {
    for bad in [
      "", "{", "{\"duty\":", "{\"duty\":{\"_0\":{\"ordinal\":1,\"text\":\"a\"}}} x", "{\"duty\":{\"_0\":{\"ordinal\":\"1\",\"text\":\"a\"}}}",
      "{\"duty\":{\"_0\":{\"ordinal\":1,\"text\":\"\\ud83d\"}}}", "{\"duty\":{\"_0\":{\"ordinal\":1,\"text\":\"a\u{1}\"}}}", "[1,]", "tru",
    ] {
      #expect(throws: (any Error).self, "\(bad)") { try StoredJSON.decode(Fact.self, from: bad) }
    }
  }

  @Test func unicodeEscapesAndSurrogatePairs() throws {
    let body = #"{"duty":{"_0":{"ordinal":2,"text":"\u884c\u653f\u8fd0\u884c \ud83d\ude42 \/ \b\f"}}}"#
    #expect(try StoredJSON.decode(Fact.self, from: body) == .duty(ListItem(ordinal: 2, text: "行政运行 🙂 / \u{8}\u{C}")))
  }
}

/// Output files written without a per-file fsync (bureau mode) still appear whole under their final name.
struct OutputFileTests {
  @Test func writesThroughATemporaryFileAndReportsFailures() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("公开.md")
    try OutputFile.write(Data("旧".utf8), to: url, durable: false)
    try OutputFile.write(Data("新内容".utf8), to: url, durable: false)
    #expect(try Data(contentsOf: url) == Data("新内容".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["公开.md"], "no temporary file left")
    OutputFile.flush(dir)
    let missing = dir.appendingPathComponent("无此目录/公开.md")
    #expect(throws: RendererError.self) { try OutputFile.write(Data("x".utf8), to: missing, durable: false) }
    #expect(throws: RendererError.self) { try OutputFile.write(Data("x".utf8), to: missing, durable: true) }
  }
}

/// Typed views are recomputed only for the kind an edit touched, and copies keep the views of their own state.
struct ViewCacheTests {
  @Test func anEditRefreshesOnlyItsKindAndCopiesKeepTheirs() {
    let line = { (code: String, fen: Int64) in Fact.expenditure(ExpenditureLine(code: code, kind: .basic, amount: Amount(fen: fen))) }
    var facts = FactSet([line("2010301", 100), line("2010302", 200)])
    #expect(facts.expenditures.map(\.code) == ["2010301", "2010302"])
    let before = facts
    facts.apply(.set(.indicator(Indicator(project: "甲", ordinal: 1, level1: "产出指标", level2: "数量指标", level3: "次数", value: "4"))))
    #expect(facts.expenditures.map(\.amount.fen) == [100, 200])
    #expect(facts.indicators.count == 1)
    facts.apply(.set(line("2010301", 150)))
    facts.apply(.set(.expenditure(ExpenditureLine(code: "2010301", kind: .project, amount: Amount(fen: 7)))))
    #expect(facts.expenditures.map(\.amount.fen) == [150, 7, 200], "基本 before 项目 within a code")
    #expect(before.expenditures.map(\.amount.fen) == [100, 200], "the copy taken before the edits is unchanged")
    #expect(before.indicators.isEmpty)
    facts.apply(.remove(key: line("2010302", 0).key))
    #expect(facts.expenditures.map(\.code) == ["2010301", "2010301"])
  }

  @Test func sourcesAndKindsHashByCase() {
    var m: [FundSource: Int] = [:]
    for (i, s) in FundSource.allCases.enumerated() { m[s] = i }
    #expect(FundSource.allCases.map { m[$0] } == Array(0..<FundSource.allCases.count).map { Optional($0) })
    #expect(Set(SpendingKind.allCases).count == 2 && SpendingKind.basic != SpendingKind.project)
    #expect(SpendingKind.allCases.sorted { $0.order < $1.order }.map(\.rawValue) == SpendingKind.allCases.map(\.rawValue).sorted())
  }
}
