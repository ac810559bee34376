import Foundation
import GRDB
import Testing
@testable import YusuanStore

/// The workbook file on disk (issue 14): a file that is not a workbook is left byte for byte as it was.
struct WorkbookFileTests {
  /// The files of a folder with their bytes, to compare before and after a command.
  static func snapshot(_ dir: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
      out[name] = try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent(name))
    }
    return out
  }

  /// Files that are not workbooks, each alone in a folder of its own.
  static func foreignFiles() throws -> [(what: String, path: String)] {
    var out: [(String, String)] = []
    let empty = TestSupport.tempPath("empty")
    _ = FileManager.default.createFile(atPath: empty, contents: Data())
    out.append(("an empty file", empty))
    let text = TestSupport.tempPath("text")
    try Data("职责 \"甲\"\n".utf8).write(to: URL(fileURLWithPath: text))
    out.append(("a text file", text))
    // Another program's databases: a rollback-journal one, a WAL one, and one that borrowed yusuan's application id.
    let rollback = TestSupport.tempPath("other")
    try DatabaseQueue(path: rollback).write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
    out.append(("another program's database", rollback))
    let wal = TestSupport.tempPath("other-wal")
    do {
      let q = try DatabaseQueue(path: wal)
      try q.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
      try q.write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
      try q.close()
    }
    out.append(("another program's WAL database", wal))
    let borrowed = TestSupport.tempPath("borrowed-id")
    try DatabaseQueue(path: borrowed).write { try $0.execute(sql: "PRAGMA application_id = \(WorkbookStore.applicationID); CREATE TABLE t(x)") }
    out.append(("a database with yusuan's id but not its tables", borrowed))
    return out
  }

  /// Issue 14 (11): `run` on an empty file or another program's database switched it to WAL, bumped its change
  /// counter or created yusuan's tables, then said 未做任何改动. Every command now refuses it untouched.
  @Test func aFileThatIsNotAWorkbookIsRefusedUntouched() throws {
    let script = try CLI.writeTemp("职责 \"甲\"\n")
    for (what, path) in try Self.foreignFiles() {
      let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
      let before = try Self.snapshot(dir)
      for args in [["run", path, script], ["repl", path], ["check", path], ["export", path], ["compile", path, "--out", dir + "/out"]] {
        let r = try CLI.run(args, stdin: "职责 \"甲\"\n")
        #expect(r.status == 2, "\(what), \(args[0]): exit \(r.status)")
        #expect(r.stderr.contains("不是 yusuan 工作簿"), "\(what), \(args[0]): \(r.stderr)")
        #expect(try Self.snapshot(dir) == before, "\(what) was changed by \(args[0])")
      }
      // The library says the same, and leaves it alone too.
      #expect(throws: StoreError.notAWorkbook(path)) { try WorkbookStore.open(path: path) }
      #expect(try Self.snapshot(dir) == before, "\(what) was changed by WorkbookStore.open")
    }
  }

  /// A workbook whose first page is still only in its `-wal` (its writer was killed before the checkpoint) has no
  /// application id in the main file yet: the `-wal` beside it is looked into before the file is called foreign.
  @Test func aWorkbookWhoseHeaderIsStillInTheWALOpens() throws {
    let live = TestSupport.tempPath("live")
    let db = try DatabaseQueue(path: live, configuration: WorkbookStore.configuration())
    try WorkbookStore.migrator.migrate(db)
    try db.write { db in
      for (k, v) in [("department", "甲"), ("year", "2025"), ("edition", "anhui-2024"), ("catalog", "classification-2024")] {
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?)", arguments: [k, v])
      }
    }
    // Copy the files as a killed process would leave them: the main file and its -wal, not checkpointed.
    let copy = TestSupport.tempPath("killed")
    try FileManager.default.copyItem(atPath: live, toPath: copy)
    try FileManager.default.copyItem(atPath: live + "-wal", toPath: copy + "-wal")
    let header = try Data(contentsOf: URL(fileURLWithPath: copy)).prefix(72).suffix(4)
    #expect(header == Data([0, 0, 0, 0]), "the test needs a main file whose header has no application id yet")
    #expect(try WorkbookStore.open(path: copy, readonly: true).meta().department == "甲")
    #expect(try WorkbookStore.open(path: copy).meta().department == "甲")
  }
}
