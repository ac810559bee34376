import Foundation
import GRDB
import Testing
@testable import Workbench
@testable import YusuanStore

/// Several writers on one workbook (issue 14 items 6 and 14): they wait for each other as the README promises
/// (up to 5 s) instead of giving up; a piped REPL reports every line it could not enter, goes on, and ends with
/// its summary.
struct ConcurrentWriterTests {
  /// Two piped REPLs and repeated `run`s on one workbook at once: before, a writer gave up after 3 retries with
  /// 工作簿在录入期间被另一个程序修改 and a piped REPL dropped the rest of its input without a line number.
  @Test func twoPipedREPLsAndRunsOnOneWorkbookAllGetIn() throws {
    let w = TestSupport.tempPath()
    #expect(try CLI.run(["new", w, "--department", "示例办", "--year", "2025"]).status == 0)
    let a = (1...300).map { "任务 \"甲\($0)\"" }.joined(separator: "\n") + "\n"
    let b = (1...300).map { "职责 \"乙\($0)\"" }.joined(separator: "\n") + "\n"
    let script = try CLI.writeTemp((1...200).map { "支出 20103\(String(format: "%02d", $0 % 50 + 1)) 基本 \($0)" }.joined(separator: "\n"))
    let results = Results()
    let group = DispatchGroup()
    for (name, input) in [("a", a), ("b", b)] {
      DispatchQueue.global().async(group: group) {
        let r = Result { try CLI.run(["repl", w], stdin: input) }
        results.add(name, r)
      }
    }
    DispatchQueue.global().async(group: group) {
      for i in 0..<6 { results.add("run\(i)", Result { try CLI.run(["run", w, script]) }) }
    }
    group.wait()
    for (name, result) in results.all {
      let r = try result.get()
      #expect(r.status == 0, "\(name): \(r.stderr)")
      #expect(!r.stderr.contains("另一个程序"), "\(name): \(r.stderr)")
    }
    #expect(try results.all.first { $0.0 == "a" }!.1.get().stdout.contains("已录入 300 条（共读入 300 行）"))
    let wb = try Workbench.open(path: w, forms: TestSupport.forms, readonly: true)
    #expect(wb.facts.tasks.count == 300)
    #expect(wb.facts.duties.count == 300)
    #expect(try wb.store.journal().count == 300 + 300 + 6 * 200)
  }

  /// A writer holding the workbook past 5 s: the line that waited is reported (`stdin:1`), the next lines are
  /// entered once the lock is free, and the session ends with its summary. Before, the REPL stopped at the first
  /// such error with neither a line number nor a summary.
  @Test func aPipedREPLReportsALineThatWaitedTooLongAndGoesOn() throws {
    let w = TestSupport.tempPath()
    #expect(try CLI.run(["new", w, "--department", "示例办", "--year", "2025"]).status == 0)
    let holder = try DatabaseQueue(path: w)
    let locked = DispatchSemaphore(value: 0)
    let released = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      try? holder.inTransaction(.immediate) { db in
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('probe', 'x')")
        locked.signal()
        Thread.sleep(forTimeInterval: 6.5)
        return .rollback
      }
      released.signal()
    }
    locked.wait()
    let start = Date()
    let r = try CLI.run(["repl", w], stdin: "职责 \"甲\"\n职责 \"乙\"\n职责 \"丙\"\n")
    released.wait()
    #expect(r.status == 2)
    #expect(r.stderr.contains("stdin:1: 错误：本行未录入"), "\(r.stderr)")
    #expect(r.stderr.contains("等待5秒后仍未释放"), "\(r.stderr)")
    #expect(!r.stderr.contains("stdin:2"), "\(r.stderr)")
    #expect(r.stdout.contains("已录入 2 条（共读入 3 行，1 行未录入）"), "\(r.stdout)")
    #expect(Date().timeIntervalSince(start) < 12, "each line waits at most 5 s")
    let wb = try Workbench.open(path: w, forms: TestSupport.forms, readonly: true)
    #expect(wb.facts.duties.map(\.text) == ["乙", "丙"])
  }

  /// `run` waits at most 5 s for another writer (bounded), then says that nothing of the run was entered.
  @Test func aRunThatCannotGetTheLockSaysNothingWasEntered() throws {
    let w = TestSupport.tempPath()
    #expect(try CLI.run(["new", w, "--department", "示例办", "--year", "2025"]).status == 0)
    let holder = try DatabaseQueue(path: w)
    try holder.inTransaction(.immediate) { db in
      try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('probe', 'x')")
      let start = Date()
      let r = try CLI.run(["run", w, try CLI.writeTemp("职责 \"甲\"\n职责 \"乙\"\n")])
      let waited = Date().timeIntervalSince(start)
      #expect(r.status == 2)
      #expect(r.stderr.contains("等待5秒后仍未释放"), "\(r.stderr)")
      #expect(r.stderr.contains("本次运行的内容均未录入"), "\(r.stderr)")
      #expect(waited >= 4.5 && waited < 9, "waited \(waited) s")
      return .rollback
    }
    #expect(try Workbench.open(path: w, forms: TestSupport.forms, readonly: true).facts.duties.isEmpty)
  }

  /// In the library: two workbenches on one file take turns; each reads its lines against the other's entries
  /// (an appended 职责 follows the other's; a 删除 sees what the other added or removed).
  @Test func twoWorkbenchesTakeTurnsOnOneFile() throws {
    let a = try TestSupport.workbook("")
    let b = try Workbench.open(path: a.store.path, forms: TestSupport.forms)
    for i in 1...20 {
      try a.apply(TestSupport.lines("职责 \"甲\(i)\""), source: .script)
      try b.apply(TestSupport.lines("职责 \"乙\(i)\""), source: .script)
    }
    let fresh = try Workbench.open(path: a.store.path, forms: TestSupport.forms)
    #expect(fresh.facts.duties.map(\.ordinal) == Array(1...40))
    #expect(b.facts == fresh.facts)
    try a.apply(TestSupport.lines("删除 职责 40"), source: .script)
    #expect(throws: ApplyError.self) { try b.apply(TestSupport.lines("删除 职责 40\n职责 \"丙\""), source: .script) }
    #expect(try Workbench.open(path: a.store.path, forms: TestSupport.forms).facts.duties.count == 39)
  }

  /// A batch prepared against an older state is brought up to date under the write lock: the catch-up sees the
  /// other writer's facts, and what it refuses leaves nothing written.
  @Test func aStaleCommitCatchesUpUnderTheLock() throws {
    let a = try TestSupport.workbook("职责 \"甲\"")
    let stale = try a.store.head()
    try a.apply(TestSupport.lines("职责 \"乙\""), source: .script)
    let entry = JournalEntry(source: .script, location: "x:1", command: "任务 \"丙\"", changes: [])
    var seen: [String] = []
    let head = try a.store.commit([entry], expectedHead: stale) { current in
      seen = current.duties.map(\.text)
      return [entry]
    }
    #expect(seen == ["甲", "乙"])
    #expect(head == stale + 2)
    struct Refused: Error {}
    #expect(throws: Refused.self) { try a.store.commit([entry], expectedHead: stale) { _ in throw Refused() } }
    #expect(try a.store.head() == head)
  }
}

/// A full disk (issue 14 item 14): the piped REPL reported nothing per line and no summary. On a small tmpfs, when
/// the tests run as root and may mount one; skipped otherwise.
@Suite(.enabled(if: DiskFull.canMount, "needs root and mount(8) for a small tmpfs"))
struct DiskFullREPLTests {
  @Test func aPipedREPLOnAFullDiskReportsEveryLineAndItsSummary() throws {
    try DiskFull.withSmallDisk { dir in
      let w = dir + "/w.yusuan"
      #expect(try CLI.run(["new", w, "--department", "示例办", "--year", "2025"]).status == 0)
      #expect(try CLI.run(["run", w, try CLI.writeTemp("职责 \"甲\"\n")]).status == 0)
      let before = try CLI.run(["export", w]).stdout
      // A reader keeps the -wal and -shm in place (they need space to be made), then the disk is filled.
      let reader = try DatabaseQueue(
        path: w,
        configuration: {
          var c = Configuration(); c.readonly = true; return c
        }())
      _ = try reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM facts") }
      try DiskFull.fill(dir)
      // Long (about 6 KB, more than a page of the database), within the 2000 characters a 职责 may have.
      let long = String(repeating: "很长的职责文字。", count: 249)
      let r = try CLI.run(["repl", w], stdin: (1...3).map { "职责 \"\(long)\($0)\"" }.joined(separator: "\n") + "\n")
      #expect(r.status == 2)
      for n in 1...3 { #expect(r.stderr.contains("stdin:\(n): 错误：本行未录入"), "line \(n): \(r.stderr)") }
      #expect(r.stderr.contains("磁盘已满"), "\(r.stderr)")
      #expect(r.stdout.contains("已录入 0 条（共读入 3 行，3 行未录入）"), "\(r.stdout)")
      try reader.close()
      try FileManager.default.removeItem(atPath: dir + "/filler")
      #expect(try CLI.run(["export", w]).stdout == before)
      #expect(try CLI.run(["check", w]).status != 2)
    }
  }
}

enum DiskFull {
  static let canMount =
    getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")
    && {
      let dir = NSTemporaryDirectory() + "yusuan-mount-probe-\(UUID().uuidString)"
      try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(atPath: dir) }
      guard shell("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir]) == 0 else { return false }
      _ = shell("/bin/umount", [dir])
      return true
    }()

  @discardableResult
  static func shell(_ tool: String, _ args: [String]) -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return -1 }
    p.waitUntilExit()
    return p.terminationStatus
  }

  /// A 2 MB tmpfs for the body, unmounted afterwards.
  static func withSmallDisk(_ body: (String) throws -> Void) throws {
    let dir = NSTemporaryDirectory() + "yusuan-full-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try #require(shell("/bin/mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", dir]) == 0)
    defer { shell("/bin/umount", ["-l", dir]); try? FileManager.default.removeItem(atPath: dir) }
    try body(dir)
  }

  /// Fills the disk under `dir` until a write fails.
  static func fill(_ dir: String) throws {
    let fd = open(dir + "/filler", O_WRONLY | O_CREAT, 0o644)
    try #require(fd >= 0)
    defer { close(fd) }
    let block = [UInt8](repeating: 0, count: 4096)
    while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
    var small: UInt8 = 0
    while write(fd, &small, 1) > 0 {}
  }
}

/// Results collected from several threads.
final class Results: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [(String, Result<CLI.Result, Error>)] = []
  func add(_ name: String, _ r: Result<CLI.Result, Error>) { lock.lock(); items.append((name, r)); lock.unlock() }
  var all: [(String, Result<CLI.Result, Error>)] { lock.lock(); defer { lock.unlock() }; return items }
}
