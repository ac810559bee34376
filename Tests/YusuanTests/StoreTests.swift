import Foundation
import GRDB
import Testing
@testable import Workbench
@testable import YusuanCore
@testable import YusuanStore

/// The workbook file: journaled, durable, safe with two processes, refusing what is not a workbook.
struct StoreTests {
  @Test func everyAcceptedEntryIsJournaledWithSourceAndCommand() throws {
    let wb = try TestSupport.workbook("职责 \"甲\"\n\n# 注释\n支出 2010301 基本 10 原因 \"增人\"")
    let journal = try wb.store.journal()
    #expect(journal.map(\.command) == ["职责 \"甲\"", "支出 2010301 基本 10 原因 \"增人\""])
    #expect(journal.map(\.location) == ["test.ys:1", "test.ys:4"])
    #expect(journal.allSatisfy { $0.source == .script })
    #expect(journal[1].changes.map(\.key) == ["支出|2010301|基本|一般公共预算|", "原因|2010301"])
    #expect(journal[1].changes.allSatisfy { $0.before == nil })
  }

  @Test func reopenedWorkbookHasTheSameFacts() throws {
    let wb = try TestSupport.workbook(TestSupport.consistent)
    let reopened = try Workbench.open(path: wb.store.path, forms: TestSupport.forms)
    #expect(reopened.facts == wb.facts)
    #expect(reopened.meta == wb.meta)
  }

  /// Two workbenches on one file, as two processes would be: the second sees the first's entry and keeps both.
  @Test func aStaleWriterReloadsInsteadOfOverwriting() throws {
    let a = try TestSupport.workbook("")
    let b = try Workbench.open(path: a.store.path, forms: TestSupport.forms)
    try a.apply(TestSupport.lines("职责 \"来自甲\""), source: .script)
    try b.apply(TestSupport.lines("任务 \"来自乙\""), source: .script)
    let fresh = try Workbench.open(path: a.store.path, forms: TestSupport.forms)
    #expect(fresh.facts.duties.map(\.text) == ["来自甲"])
    #expect(fresh.facts.tasks.map(\.text) == ["来自乙"])
    #expect(try fresh.store.journal().count == 2)
  }

  @Test func commitRefusesAStaleHead() throws {
    let wb = try TestSupport.workbook("职责 \"甲\"")
    #expect(throws: StoreError.concurrentChange) {
      try wb.store.commit([JournalEntry(source: .script, location: "x", command: "x", changes: [])], expectedHead: 0)
    }
  }

  /// While another connection holds the write lock: readers still read; a writer waits, then gets a clear message.
  @Test func readersReadAndWritersWaitWhileTheWorkbookIsLocked() throws {
    let wb = try TestSupport.workbook("职责 \"甲\"")
    let holder = try DatabaseQueue(path: wb.store.path)
    try holder.inTransaction(.immediate) { db in
      try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('probe', 'x')")
      let reader = try Workbench.open(path: wb.store.path, forms: TestSupport.forms, readonly: true)
      #expect(reader.facts.duties.map(\.text) == ["甲"])
      let start = Date()
      #expect(throws: StoreError.busy(wb.store.path)) {
        try wb.apply(TestSupport.lines("职责 \"乙\""), source: .script)
      }
      #expect(Date().timeIntervalSince(start) >= 4)
      return .rollback
    }
    #expect(try Workbench.open(path: wb.store.path, forms: TestSupport.forms).facts.duties.map(\.text) == ["甲"])
  }

  @Test func refusesFilesThatAreNotWorkbooks() throws {
    let path = TestSupport.tempPath("plain")
    try Data("这不是工作簿".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: StoreError.notAWorkbook(path)) { try WorkbookStore.open(path: path) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "这不是工作簿")
    // A SQLite file of another program.
    let other = TestSupport.tempPath("other")
    try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t(x)") }
    #expect(throws: StoreError.notAWorkbook(other)) { try WorkbookStore.open(path: other) }
    #expect(throws: StoreError.missing("/nonexistent/w.yusuan")) { try WorkbookStore.open(path: "/nonexistent/w.yusuan") }
  }

  @Test func refusesAWorkbookFromANewerVersion() throws {
    let wb = try TestSupport.workbook("")
    try DatabaseQueue(path: wb.store.path).write { try $0.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99')") }
    #expect(throws: StoreError.newerSchema(wb.store.path)) { try WorkbookStore.open(path: wb.store.path) }
  }
}
