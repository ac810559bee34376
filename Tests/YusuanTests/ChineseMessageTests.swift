import Foundation
import GRDB
import Testing
@testable import YusuanCore

/// Finds English prose in a message an officer sees. What the officer typed (the echoed line under `file:line:`,
/// text in “…”), file paths and names, options (`--format`), `yusuan …` commands and character codes are not
/// prose and are left out; what remains must have no English sentence, error word or library identifier.
enum EnglishText {
  static let words: Set<String> = [
    "error", "missing", "expected", "argument", "arguments", "unknown", "option", "invalid", "value", "unexpected",
    "usage", "help", "see", "information", "couldn", "could", "such", "file", "directory", "permission", "denied",
    "database", "unable", "sqlite", "domain", "decoding", "corrupted", "context", "debug", "description", "underlying",
    "operation", "failed", "cannot", "not", "the", "is", "for", "of", "to", "and", "was", "with", "while", "executing",
    "parser", "line", "column", "scanner", "found", "did", "you", "mean", "please", "provide", "one", "overview",
    "options", "subcommand", "subcommands", "show", "no", "or", "an", "be", "are", "at", "in", "on", "this",
  ]

  static let productNames: Set<String> = ["LibreOffice"]

  static func find(in text: String) -> [String] {
    var out: [String] = []
    for rawLine in text.split(separator: "\n") {
      // The echoed entry line and its caret line.
      if rawLine.range(of: #"^\s*\d* \| "#, options: .regularExpression) != nil { continue }
      var s = String(rawLine)
      for pattern in [
        #"“[^”]*”"#, #"「[^」]*」"#, #"〔[^〕]*〕"#, #"<U\+[0-9A-F]{4,6}>"#, #"U\+[0-9A-F]{4,6}"#,
        #"\S*/\S*"#, #"\S+\.(ys|csv|xlsx|xls|docx|pdf|txt|yusuan|md|json|html|yaml)\b"#,
        #"--?[A-Za-z][A-Za-z-]*"#, #"yusuan( [a-z]+)*"#, #"<[^>]*>"#,
      ] {
        s = s.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
      }
      let tokens = s.split { !($0.isASCII && $0.isLetter) && $0 != "'" }.map(String.init).filter { !$0.isEmpty }
      for t in tokens {
        let lower = t.lowercased().replacingOccurrences(of: "'", with: "")
        if words.contains(lower) { out.append(t); continue }
        // Library identifiers: DecodingError, NSXMLParserErrorDomain, dataCorrupted (not a product the officer
        // installs by name, LibreOffice).
        if t.range(of: #"[a-z][A-Z]"#, options: .regularExpression) != nil, !productNames.contains(t) { out.append(t) }
      }
    }
    return out
  }

  /// Has the text Chinese in it?
  static func hasChinese(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
}

/// Issue 14, defect 13: every message a user sees is Chinese, with the file and what to do.
struct ChineseMessageTests {
  /// swift-argument-parser's errors, by kind, each with the command's usage (in Chinese).
  @Test(arguments: [
    (["run", "w.yusuan"], "缺少参数：录入脚本"),
    (["bogus"], "不认识的子命令“bogus”"),
    (["new", "x.yusuan", "--year", "abc"], "“abc”不是 --year（年度）的有效值"),
    (["check", "--format", "xml", "w.yusuan"], "可选：text、json"),
    (["check", "w.yusuan", "--zzz"], "不认识的选项“--zzz”"),
    (["check", "w.yusuan", "--formt", "json"], "是否想用 --format"),
    (["check"], "缺少参数：工作簿"),
    (["new", "x.yusuan", "--year"], "选项 --year（年度）后缺少值"),
    (["compile", "w.yusuan", "--out", "o", "--draft=3"], "选项 --draft 不带值"),
    (["export", "w.yusuan", "extra"], "多余的参数：“extra”"),
    (["catalog", "import"], "缺少参数：目录文件"),
    (["catalog", "bogus"], "不认识的子命令“bogus”"),
    (["new", "x.yusuan", "--year", "1800", "--department", "甲"], "年度“1800”不合理"),
    (["--version"], "不认识的选项“--version”"),
  ])
  func argumentErrorsAreChineseWithUsage(args: [String], expected: String) throws {
    let r = try CLI.run(args)
    #expect(r.status == 2)
    #expect(r.stderr.contains(expected), "\(r.stderr)")
    #expect(r.stderr.contains("\n用法：yusuan"), "\(r.stderr)")
    #expect(EnglishText.find(in: r.stderr).isEmpty, "\(EnglishText.find(in: r.stderr)) in \(r.stderr)")
  }

  /// `yusuan help X` for no subcommand X is a usage error (exit 2) naming the subcommands, not the general help.
  @Test func helpForNoSuchSubcommandIsAnError() throws {
    let r = try CLI.run(["help", "bogus"])
    #expect(r.status == 2 && r.stderr.contains("没有子命令“bogus”") && r.stderr.contains("audit"), "\(r.status) \(r.stderr)")
    #expect(try CLI.run(["help", "audit"]).status == 0)
  }

  @Test(arguments: [[], ["new"], ["run"], ["check"], ["compile"], ["export"], ["repl"], ["import"], ["catalog"], ["catalog", "import"], ["audit"]])
  func helpIsChinese(sub: [String]) throws {
    let r = try CLI.run(sub + ["--help"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("用法："))
    #expect(EnglishText.find(in: r.stdout).isEmpty, "\(EnglishText.find(in: r.stdout)) in \(r.stdout)")
  }

  /// A fact changed by another program: a Chinese refusal naming the workbook, not `DecodingError.dataCorrupted`.
  @Test func aCorruptedFactIsNamedInChinese() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    _ = try CLI.run(["run", w, try CLI.writeTemp("支出 2010301 基本 10\n")])
    let db = try DatabaseQueue(path: w)
    try db.write { try $0.execute(sql: "UPDATE facts SET body = '{\"expenditure\": 12'") }
    try db.close()
    for args in [["check", w], ["export", w], ["run", w, try CLI.writeTemp("支出 2010302 基本 1\n")]] {
      let r = try CLI.run(args)
      #expect(r.status == 2)
      #expect(r.stderr.contains("工作簿“\(w)”中有已录入的内容损坏"), "\(r.stderr)")
      #expect(EnglishText.find(in: r.stderr).isEmpty, "\(r.stderr)")
    }
  }

  @Test func foreignErrorsAreDescribedInChinese() {
    for (code, words) in [(10, "读写磁盘出错"), (13, "磁盘已满"), (14, "无法打开工作簿文件"), (522, "读写磁盘出错")] {
      let text = ErrorText.describe(text: "无法读取工作簿“甲.yusuan”：SQLite error \(code): disk I/O error")
      #expect(text.hasPrefix("无法读取工作簿“甲.yusuan”：") && text.contains(words), "\(text)")
      #expect(EnglishText.find(in: text).isEmpty)
    }
    let missing = CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "/tmp/不存在.csv"])
    #expect(ErrorText.describe(missing) == "找不到文件“/tmp/不存在.csv”。请检查路径是否正确。")
    let corrupted = DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid JSON."))
    #expect(ErrorText.describe(corrupted) == "内容已损坏，不是有效的数据。")
    #expect(ErrorText.describe(POSIXError(.ENOSPC)) == "磁盘已满。")
    #expect(ErrorText.describe(text: "1:5: error: scanner: while scanning a simple key") == "YAML 格式有误（第1行第5列）：请检查缩进、冒号和引号。")
  }

  /// The damaged-XML finding of a .docx audit carried `Error Domain=NSXMLParserErrorDomain Code=…` as its actual value.
  @Test func damagedDocxFindingIsChinese() throws {
    let docx = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/audit/dongshan-2025-damaged-xml.docx").path
    let r = try CLI.run(["audit", docx, "--format", "json"])
    let findings = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    let damaged = try #require(findings.first { $0["rule"] as? String == "audit.read.damaged" })
    let actual = try #require(damaged["actual"] as? String)
    #expect(actual.contains("XML 在第"))
    #expect(EnglishText.find(in: actual).isEmpty, "\(actual)")
  }

  /// SQLite's reason without its code, after a Chinese lead, is said in Chinese too.
  @Test func sqliteReasonsWithoutACodeAreChinese() {
    #expect(ErrorText.describe(text: "无法读取工作簿“甲.yusuan”：no such table: facts") == "无法读取工作簿“甲.yusuan”：文件缺少工作簿应有的数据表：可能已损坏，或不是 yusuan 工作簿。")
    #expect(ErrorText.describe(text: "无法创建工作簿“甲.yusuan”：database or disk is full").hasSuffix("磁盘已满。请腾出空间后重试。"))
    #expect(EnglishText.find(in: ErrorText.describe(text: "无法读取工作簿“甲”：something else went wrong")).isEmpty)
  }

  /// A workbook whose edition this installation lacks is named, with what to do.
  @Test func aWorkbookWithAnUnknownEditionIsNamed() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    let db = try DatabaseQueue(path: w)
    try db.write { try $0.execute(sql: "UPDATE meta SET value = 'no-such-edition' WHERE key = 'edition'") }
    try db.close()
    let r = try CLI.run(["check", w])
    #expect(r.status == 2)
    #expect(r.stderr.contains("工作簿“\(w)”用的是版本“no-such-edition”"), "\(r.stderr)")
  }

  /// `new --from` a workbook of the same or a later year is refused before anything is created.
  @Test func newFromALaterYearLeavesNothing() throws {
    let prior = TestSupport.tempPath()
    _ = try CLI.run(["new", prior, "--department", "示例办", "--year", "2025"])
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-from-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let r = try CLI.run(["new", dir.appendingPathComponent("新.yusuan").path, "--year", "2025", "--from", prior])
    #expect(r.status == 2)
    #expect(r.stderr.contains("不早于要新建的2025年"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  /// A column mapping that cannot be read names the option it came from.
  @Test func aBadMappingNamesTheOption() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    let csv = try CLI.writeTemp("科目编码,基本支出\n2010301,1000\n", ext: "csv")
    let r = try CLI.run(["import", w, csv, "--as", "current", "--map", "code"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("--map：找不到映射“code”"), "\(r.stderr)")
  }

  /// Foundation's file errors (here: a file where a folder must be made) come out in Chinese.
  @Test func outputFolderErrorsAreChinese() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    _ = try CLI.run(["run", w, try CLI.writeTemp(TestSupport.consistent)])
    let file = try CLI.writeTemp("这是一个文件")
    let r = try CLI.run(["compile", w, "--out", file + "/输出", "--format", "md"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("无法创建输出目录"), "\(r.stderr)")
    #expect(EnglishText.find(in: r.stderr).isEmpty, "\(r.stderr)")
  }
}
