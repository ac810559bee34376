import Foundation
import Testing
import ZIPFoundation
@testable import Renderers
@testable import YusuanCore

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
