import Foundation
import GRDB
import Testing
@testable import Workbench
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

  /// Runs the binary as a user who may read the workbook's folder but not write to it: as `nobody` through
  /// `setpriv` when the tests run as root (root writes anywhere), else after taking away the folder's write bit.
  static func runInReadOnlyFolder(_ dir: String, _ args: [String]) throws -> CLI.Result {
    let p = Process()
    if getuid() == 0 {
      p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path] + args
    } else {
      p.executableURL = CLI.binary
      p.arguments = args
    }
    var env = ProcessInfo.processInfo.environment
    env["YUSUAN_FORMS"] = TestSupport.repoRoot.appendingPathComponent("forms").path
    p.environment = env
    p.currentDirectoryURL = URL(fileURLWithPath: "/")
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    if getuid() != 0 { try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir) }
    defer { if getuid() != 0 { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir) } }
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return CLI.Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }

  /// Issue 14 (10): in a folder the user may not write to, a WAL workbook could not even be checked (no `-shm`
  /// could be made; the message was SQLite's English). Reading works there; writing is refused in Chinese.
  @Test(.enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "as root, needs setpriv to drop to nobody"))
  func aWorkbookInAReadOnlyFolderCanBeReadButNotWritten() throws {
    let w = TestSupport.tempPath()
    let dir = URL(fileURLWithPath: w).deletingLastPathComponent().path
    #expect(try CLI.run(["new", w, "--department", "示例办", "--year", "2025"]).status == 0)
    #expect(try CLI.run(["run", w, try CLI.writeTemp(TestSupport.consistent)]).status == 0)
    let export = try CLI.run(["export", w]).stdout
    let check = try CLI.run(["check", w]).stdout
    // Those reads leave an empty -wal and a -shm, as read-only connections do; a copied or archived workbook has none.
    #expect(((try? FileManager.default.attributesOfItem(atPath: w + "-wal")[.size] as? Int) ?? 0) == 0)
    try? FileManager.default.removeItem(atPath: w + "-wal")
    try? FileManager.default.removeItem(atPath: w + "-shm")
    if getuid() == 0 { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir) }
    let before = try Self.snapshot(dir)
    #expect(before.keys.sorted() == ["w.yusuan"])

    let e = try Self.runInReadOnlyFolder(dir, ["export", w])
    #expect(e.status == 0, "\(e.stderr)")
    #expect(e.stdout == export)
    let c = try Self.runInReadOnlyFolder(dir, ["check", w])
    #expect(c.status == 0, "\(c.stderr)")
    #expect(c.stdout == check)
    let j = try Self.runInReadOnlyFolder(dir, ["check", w, "--format", "json"])
    #expect(j.status == 0, "\(j.stderr)")
    // Writing is refused in Chinese, naming the file and what to do.
    let r = try Self.runInReadOnlyFolder(dir, ["run", w, try CLI.writeTemp("职责 \"乙\"\n")])
    #expect(r.status == 2)
    #expect(r.stderr.contains("只读"), "\(r.stderr)")
    #expect(r.stderr.contains(w))
    #expect(!r.stderr.contains("SQLite") && !r.stderr.contains("readonly"), "\(r.stderr)")
    #expect(try Self.snapshot(dir) == before)

    // A -wal with entries not merged into the file cannot be read immutable: a Chinese message, not stale figures.
    let live = try DatabaseQueue(path: w, configuration: WorkbookStore.configuration())
    try live.write { try $0.execute(sql: "INSERT INTO meta(key, value) VALUES ('probe', 'x')") }
    try FileManager.default.removeItem(atPath: w + "-shm")
    let u = try Self.runInReadOnlyFolder(dir, ["check", w])
    #expect(u.status == 2)
    #expect(u.stderr.contains("-wal"), "\(u.stderr)")
    #expect(!u.stderr.contains("SQLite"), "\(u.stderr)")
    try live.close()
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

/// `new` and `new --from` all or nothing (issue 14 item 9): the workbook is built under a temporary name and
/// linked into place finished; a failure or a kill leaves no file under its name, no -wal or -shm, and a retry
/// does not meet 已存在.
struct NewWorkbookAtomicityTests {
  static func files(_ dir: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }

  /// A carry-over that fails after the new workbook was started left `w.yusuan-wal` and `w.yusuan-shm` behind
  /// (a stale -wal could even be replayed into the next file of that name).
  @Test func aFailedNewFromLeavesNothingAndARetryWorks() throws {
    let prior = try TestSupport.workbook(TestSupport.consistent, year: 2025)
    let dir = URL(fileURLWithPath: TestSupport.tempPath()).deletingLastPathComponent().path
    let w = dir + "/w.yusuan"
    // Last year's workbook is of the same year: refused after the new workbook was begun.
    let r = try CLI.run(["new", w, "--year", "2025", "--from", prior.store.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("不早于"), "\(r.stderr)")
    let left = try Self.files(dir)
    #expect(left == [], "left behind: \(left)")
    let ok = try CLI.run(["new", w, "--year", "2026", "--from", prior.store.path])
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(try Self.files(dir) == ["w.yusuan"])
    #expect(try CLI.run(["export", w]).stdout.contains("职责 1 \"负责区政府会议的准备工作。\""))
  }

  /// In the library: whatever stops the build of a new workbook, its name stays free and the folder clean.
  @Test func aNewWorkbookWhosePreparationFailsLeavesNoFile() throws {
    let w = TestSupport.tempPath()
    let dir = URL(fileURLWithPath: w).deletingLastPathComponent().path
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try Workbench.create(path: w, department: "甲", year: 2025, editionID: "anhui-2024", forms: TestSupport.forms) { temp in
        try temp.apply(TestSupport.lines("职责 \"甲\""), source: .script)
        throw Stop()
      }
    }
    #expect(try Self.files(dir) == [])
    let wb = try Workbench.create(path: w, department: "甲", year: 2025, editionID: "anhui-2024", forms: TestSupport.forms) { temp in
      try temp.apply(TestSupport.lines("职责 \"甲\""), source: .script)
    }
    #expect(wb.facts.duties.map(\.text) == ["甲"])
    #expect(try Self.files(dir).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") } == ["w.yusuan"])
    #expect(throws: StoreError.exists(w)) { try WorkbookStore.create(path: w, meta: wb.meta) }
  }

  /// SIGKILL at spread-out moments of `new --from` (a prior of 400 lines) and of plain `new`: afterwards the
  /// workbook is either absent, and a retry makes it, or complete, exactly as an uninterrupted run makes it.
  @Test func killedNewIsAbsentOrComplete() throws {
    var script = TestSupport.consistent + "\n"
    for i in 0..<400 { script += "任务 \"第\(i)条任务，用于测试中途终止。\"\n" }
    let prior = try TestSupport.workbook(script, year: 2025)
    let reference = TestSupport.tempPath("reference")
    let started = Date()
    #expect(try CLI.run(["new", reference, "--year", "2026", "--from", prior.store.path]).status == 0)
    let duration = Date().timeIntervalSince(started)
    let expected = try CLI.run(["export", reference]).stdout
    var absent = 0, complete = 0
    for trial in 0..<24 {
      let dir = URL(fileURLWithPath: TestSupport.tempPath()).deletingLastPathComponent().path
      let w = dir + "/w.yusuan"
      let from = trial % 3 != 2
      let args = from ? ["new", w, "--year", "2026", "--from", prior.store.path] : ["new", w, "--department", "示例办", "--year", "2026"]
      let p = try CLI.start(args)
      Thread.sleep(forTimeInterval: duration * Double(trial % 8 + 1) / 8)
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      if FileManager.default.fileExists(atPath: w) {
        complete += 1
      } else {
        absent += 1
        let retry = try CLI.run(args)
        #expect(retry.status == 0, "trial \(trial): \(retry.stderr)")
      }
      let export = try CLI.run(["export", w])
      #expect(export.status == 0, "trial \(trial): \(export.stderr)")
      if from {
        #expect(export.stdout == expected, "trial \(trial): the workbook is not what new --from makes")
      } else {
        #expect(export.stdout.hasPrefix("# 示例办 2026年部门预算"), "trial \(trial)")
      }
      let files = try Self.files(dir)
      #expect(files.allSatisfy { !$0.hasPrefix(".") }, "trial \(trial): temporaries left: \(files)")
    }
    #expect(absent > 0, "no kill landed before the end; the test proves little (complete \(complete))")
  }
}
