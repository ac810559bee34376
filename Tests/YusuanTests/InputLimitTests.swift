import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
@testable import LineEditor
@testable import Workbench
import YusuanCore

/// The file sizes the README states (issue 14, item 12 and "Done when"): every file a command reads is measured
/// before it is read, and one over its limit is refused at once with a Chinese message naming it and the limit,
/// exit 2, nothing changed. The files here are sparse (no disk used), one byte over each limit.
struct InputLimitTests {
  static func sparse(_ name: String, bytes: Int) throws -> String {
    let path = (TestSupport.tempPath("d") as NSString).deletingLastPathComponent + "/" + name
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let h = try #require(FileHandle(forWritingAtPath: path))
    try h.truncate(atOffset: UInt64(bytes))
    try h.close()
    return path
  }

  static func refused(_ args: [String], file: String, limit: String) throws {
    let clock = ContinuousClock(), start = clock.now
    let r = try CLI.run(args)
    #expect(r.status == 2, "\(args): \(r.stderr)")
    #expect(r.stderr.contains(file) && r.stderr.contains("上限 \(limit)"), "\(args): \(r.stderr)")
    #expect(clock.now - start < .seconds(5), "\(args)")
  }

  @Test func importOfACsvOrXlsxOver50MBIsRefusedUnread() throws {
    let w = TestSupport.tempPath()
    #expect(try CLI.run(["new", w, "--department", "示例办", "--year", "2025"]).status == 0)
    let before = try CLI.run(["export", w]).stdout
    for name in ["big.csv", "big.xlsx"] {
      let f = try Self.sparse(name, bytes: DocumentReader.Limits.file + 1)
      try Self.refused(["import", w, f], file: f, limit: "50 MB")
    }
    #expect(try CLI.run(["export", w]).stdout == before)
  }

  @Test func auditAndImportOfADocumentOver50MBIsRefusedUnread() throws {
    let w = TestSupport.tempPath()
    #expect(try CLI.run(["new", w, "--department", "示例办", "--year", "2025"]).status == 0)
    for name in ["big.txt", "big.docx", "big.pdf", "big.doc", "big.xls"] {
      let f = try Self.sparse(name, bytes: DocumentReader.Limits.file + 1)
      try Self.refused(["audit", f], file: name, limit: "50 MB")
      try Self.refused(["import", w, f], file: name, limit: "50 MB")
    }
    // At the limit itself the size is no reason to refuse (a text file of NULs is refused for what it holds).
    let f = try Self.sparse("limit.txt", bytes: DocumentReader.Limits.file)
    #expect(!(try CLI.run(["audit", f]).stderr.contains("上限")))
  }

  /// A file under the limit that is no table at all: its "header" (one line of a megabyte, or ten thousand columns)
  /// is quoted cut short, not whole (a 50 MB file of NULs gave a 400 MB message, each NUL named as <U+0000>).
  @Test func aHeaderThatIsNoHeaderIsQuotedCutShort() throws {
    let w = TestSupport.tempPath()
    #expect(try CLI.run(["new", w, "--department", "示例办", "--year", "2025"]).status == 0)
    let dir = (w as NSString).deletingLastPathComponent
    for (name, text) in [
      ("one-cell.csv", String(repeating: "\u{0}", count: 1_000_000) + "\n1,2\n"),
      ("many-columns.csv", (1...10_000).map { "列\($0)" }.joined(separator: ",") + "\n1,2\n"),
    ] {
      let f = dir + "/" + name
      try Data(text.utf8).write(to: URL(fileURLWithPath: f))
      let r = try CLI.run(["import", w, f])
      #expect(r.status == 2)
      #expect(r.stderr.contains("表头中没有科目编码列") && r.stderr.count < 3_000, "\(name): \(r.stderr.count) characters")
    }
  }

  @Test func aCatalogOver50MBIsRefusedUnread() throws {
    let f = try Self.sparse("big-catalog.csv", bytes: 50 * 1_048_576 + 1)
    try Self.refused(["catalog", "import", f, "--id", "never-\(UUID().uuidString)"], file: f, limit: "50 MB")
  }

  @Test func aScriptOver64MBIsRefusedUnread() throws {
    let w = TestSupport.tempPath()
    #expect(try CLI.run(["new", w, "--department", "示例办", "--year", "2025"]).status == 0)
    let f = try Self.sparse("big.ys", bytes: 64 * 1_048_576 + 1)
    try Self.refused(["run", w, f], file: f, limit: "64 MB")
  }

  @Test func sizesAreWrittenInMegabytes() {
    #expect(InputFileSize.megabytes(50 * 1_048_576) == "50 MB")
    #expect(InputFileSize.megabytes(50 * 1_048_576 + 1) == "50.1 MB")
    #expect(InputFileSize.megabytes(52_428_800 + 524_288) == "50.5 MB")
    #expect(InputFileSize.of("/nonexistent/x") == nil)
    #expect(InputFileSize.of("/tmp") == nil)
  }

  // MARK: Long lines (no limit on a line's length but the file's: they must cost time in proportion)

  /// A piped REPL read a line without a line end from its start again after every 64 KB: 5 MB took 30 s and
  /// 20 MB seven minutes. Lines of every length, line ends split across reads, all read back whole and in time.
  @Test func aLongLineIsReadOnce() throws {
    let long = String(repeating: "职", count: 3_000_000)  // 9 MB
    var text = long + "\r\n" + "b\n"
    for n in [1, 65_535, 65_536, 200_000, 3] { text += String(repeating: "x", count: n) + (n % 2 == 0 ? "\r\n" : "\r") }
    text += long
    let pipe = Pipe(), writer = pipe.fileHandleForWriting, data = Data(text.utf8)
    DispatchQueue.global().async {
      writer.write(data); try? writer.close()
    }
    let reader = PlainLineReader(fileDescriptor: pipe.fileHandleForReading.fileDescriptor)
    let clock = ContinuousClock(), start = clock.now
    var got: [String] = []
    while case .line(let s, _) = reader.readLine() { got.append(s) }
    #expect(clock.now - start < .seconds(5))
    #expect(got.count == 8)
    #expect(got == [long, "b"] + [1, 65_535, 65_536, 200_000, 3].map { String(repeating: "x", count: $0) } + [long])
  }

  /// The same through the binary: the piped REPL has a reader of its own (`PlainInput`), which searched a line from
  /// its start after every read as well. A 9 MB comment, lines that must be entered, and a short unknown command.
  @Test func aLongLineIsReadOnceByThePipedREPL() throws {
    let w = TestSupport.tempPath()
    #expect(try CLI.run(["new", w, "--department", "示例办", "--year", "2025"]).status == 0)
    let clock = ContinuousClock(), start = clock.now
    let r = try CLI.run(
      ["repl", w],
      stdin: "# " + String(repeating: "职", count: 3_000_000) + "\r职责 \"甲\"\r\n#" + String(repeating: "x", count: 70_000)
        + "\nxyz\n任务 \"乙\"")
    #expect(clock.now - start < .seconds(10))
    #expect(r.stderr.contains("stdin:4"), "\(r.stderr.prefix(300))")
    let export = try CLI.run(["export", w]).stdout
    #expect(export.contains("职责") && export.contains("\"甲\"") && export.contains("任务") && export.contains("\"乙\""), "\(export)")
  }

  /// An unknown command a megabyte long: the suggestion asked the word for each character of each keyword (1.8 s a
  /// MB in a release build).
  @Test func aLongUnknownCommandIsRefusedInTime() throws {
    let word = String(repeating: "甲", count: 1_000_000) + "职"
    let clock = ContinuousClock()
    var start = clock.now
    do { _ = try EntryParser.owner(of: Token(text: word, quoted: false, start: 0, end: word.count)); Issue.record("accepted") } catch {
      #expect(error.message.contains("是否想用：职责"))
    }
    #expect(clock.now - start < .seconds(1))
    // The whole line, lexer and message included.
    let wb = try TestSupport.workbook("")
    start = clock.now
    #expect(throws: ApplyError.self) { try wb.plan(TestSupport.lines(word), on: wb.facts, source: .script) }
    #expect(clock.now - start < .seconds(10))
  }
}
