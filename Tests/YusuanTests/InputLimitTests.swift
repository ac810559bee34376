import Foundation
import Testing
@testable import Audit
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
    for name in ["big.txt", "big.docx", "big.pdf"] {
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
    for (name, text) in [("one-cell.csv", String(repeating: "\u{0}", count: 1_000_000) + "\n1,2\n"),
                         ("many-columns.csv", (1...10_000).map { "列\($0)" }.joined(separator: ",") + "\n1,2\n")] {
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
}
