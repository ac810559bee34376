import Foundation
import GRDB
import YusuanCore
#if canImport(Glibc)
  import Glibc
  private func posixOpen(_ path: String, _ flags: Int32) -> Int32 { Glibc.open(path, flags) }
#elseif canImport(Darwin)
  import Darwin
  private func posixOpen(_ path: String, _ flags: Int32) -> Int32 { Darwin.open(path, flags) }
#endif

/// One workbook = one SQLite file per department-year.
///
/// The facts table holds the current facts by key; the journal holds every accepted entry as typed (time, source,
/// where it came from) with the before/after image of each fact it changed, so any entry can be undone exactly.
/// Every batch is one transaction, committed with `synchronous = FULL` before the call returns: a killed process
/// leaves the workbook as it was before the batch. WAL mode lets `check` and `export` read while a REPL writes.
public final class WorkbookStore: Sendable {
  public let path: String
  let db: DatabaseQueue

  /// Identifies a yusuan workbook among SQLite files ('YSUA').
  static let applicationID: Int32 = 0x5953_5541
  public static let schemaVersion = 1

  init(path: String, db: DatabaseQueue) { self.path = path; self.db = db }

  static func configuration(readonly: Bool = false) -> Configuration {
    var c = Configuration()
    c.readonly = readonly
    // A second writer waits this long for the first to finish, then gets a clear message.
    c.busyMode = .timeout(5)
    c.prepareDatabase { db in
      if !readonly {
        try db.execute(sql: "PRAGMA journal_mode = WAL")
        try db.execute(sql: "PRAGMA synchronous = FULL")
      }
    }
    return c
  }

  static var migrator: DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1") { db in
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
      try db.create(table: "meta") { t in
        t.column("key", .text).primaryKey()
        t.column("value", .text).notNull()
      }
      try db.create(table: "facts") { t in
        t.column("key", .text).primaryKey()
        t.column("body", .text).notNull()
      }
      try db.create(table: "journal") { t in
        t.autoIncrementedPrimaryKey("seq")
        t.column("at", .text).notNull()
        t.column("source", .text).notNull()
        t.column("location", .text).notNull()
        t.column("command", .text).notNull()
        t.column("changes", .text).notNull()
        t.column("undoes", .integer)
      }
    }
    return m
  }

  /// Creates a new workbook file, all or nothing; refuses to overwrite an existing one.
  ///
  /// The workbook is built under a hidden temporary name in the same folder (`.NAME.new-PID`): schema, meta, then
  /// whatever `build` enters into it (last year's facts for `new --from`). Only a finished workbook, checkpointed
  /// and closed so that no `-wal` or `-shm` belongs to it, is linked into place under its real name (a hard link,
  /// so a file that appeared meanwhile is never overwritten). A kill or a full disk before that leaves no file under
  /// the real name, so a retry does not meet 已存在; what a killed attempt left is removed by the next one.
  public static func create(path: String, meta: WorkbookMeta, build: (WorkbookStore) throws -> Void = { _ in }) throws -> WorkbookStore {
    if exists(path) { throw StoreError.exists(path) }
    let dir = folder(of: path)
    guard FileManager.default.isWritableFile(atPath: dir) else { throw StoreError.cannotCreate(path, "目录不存在或不可写") }
    removeAbandonedTemporaries(of: path)
    let temp = temporaryName(of: path, pid: getpid())
    removeWithCompanions(temp)
    do {
      let db = try DatabaseQueue(path: temp, configuration: configuration())
      do {
        try migrator.migrate(db)
        try db.write { db in
          let values: [(String, String)] = [
            ("department", meta.department), ("year", String(meta.year)), ("edition", meta.edition),
            ("catalog", meta.catalog), ("created", iso(Date())),
          ]
          for (k, v) in values { try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?)", arguments: [k, v]) }
        }
        try build(WorkbookStore(path: temp, db: db))
        // Everything into the main file; closing the last connection then deletes the -wal and -shm.
        _ = try db.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try db.close()
      } catch {
        try? db.close()
        throw error
      }
      guard syncFile(temp) else { throw StoreError.cannotCreate(path, "磁盘已满，未创建任何文件；请腾出空间后重试") }
      try linkIntoPlace(temp, path)
      syncFolder(dir)
    } catch {
      removeWithCompanions(temp)
      if let e = error as? StoreError { throw e }
      if let e = error as? DatabaseError {
        switch e.resultCode {
        case .SQLITE_FULL: throw StoreError.cannotCreate(path, "磁盘已满，未创建任何文件；请腾出空间后重试")
        case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_READONLY: throw StoreError.cannotCreate(path, "无法写入所在的文件夹（\(e.resultCode.rawValue)），未创建任何文件")
        default: throw StoreError.cannotCreate(path, e.message ?? String(describing: e))
        }
      }
      throw error
    }
    return try open(path: path)
  }

  /// Whether anything, even a dangling link, has this name.
  static func exists(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0
  }

  /// The hidden name a `new` in process `pid` builds `path` under, beside it.
  static func temporaryName(of path: String, pid: Int32) -> String {
    let url = URL(fileURLWithPath: path)
    return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).new-\(pid)").path
  }

  /// Temporaries of earlier attempts at `path` whose process is gone (killed mid-way), with their -wal and -shm.
  static func removeAbandonedTemporaries(of path: String) {
    let dir = folder(of: path)
    let prefix = "." + URL(fileURLWithPath: path).lastPathComponent + ".new-"
    for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasPrefix(prefix) {
      guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0 else { continue }
      if kill(pid, 0) == 0 || errno == EPERM { continue }
      removeWithCompanions(URL(fileURLWithPath: dir).appendingPathComponent(name).path)
    }
  }

  static func removeWithCompanions(_ path: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
  }

  /// Gives the finished file its real name without ever replacing another: link(2) fails when the name is taken.
  /// Where hard links are not supported, a rename after a last look.
  static func linkIntoPlace(_ temp: String, _ path: String) throws {
    if link(temp, path) == 0 {
      unlink(temp)
      return
    }
    let err = errno
    if err == EEXIST { throw StoreError.exists(path) }
    guard err == EPERM || err == EXDEV || err == ENOTSUP || err == EOPNOTSUPP || err == EMLINK else {
      throw StoreError.cannotCreate(path, "无法在所在的文件夹中写入（\(String(cString: strerror(err)))），未创建任何文件")
    }
    if exists(path) { throw StoreError.exists(path) }
    guard rename(temp, path) == 0 else {
      throw StoreError.cannotCreate(path, "无法在所在的文件夹中写入（\(String(cString: strerror(errno)))），未创建任何文件")
    }
  }

  /// The finished file's bytes on disk before it gets its name.
  static func syncFile(_ path: String) -> Bool {
    let fd = posixOpen(path, O_RDONLY)
    guard fd >= 0 else { return true }
    defer { close(fd) }
    return fsync(fd) == 0 || errno != ENOSPC
  }

  /// The new name on disk (a power cut after `new` reports success must not lose the file).
  static func syncFolder(_ dir: String) {
    let fd = posixOpen(dir, O_RDONLY)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }

  /// Opens an existing workbook, migrating an older schema; a file that is not a workbook is refused untouched.
  ///
  /// The file is identified before anything can change it: its header must be SQLite's with yusuan's application id,
  /// and a connection that cannot write must find yusuan's own tables. Only then is it opened for writing (which
  /// switches on WAL and may migrate). An empty file, a text file or another program's database stays byte for byte.
  public static func open(path: String, readonly: Bool = false) throws -> WorkbookStore {
    guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path) }
    // A `new` killed between linking the workbook into place and removing its temporary name leaves that name (the
    // same finished file) behind: the next command to open the workbook removes it, as the next `new` would.
    if access(folder(of: path), W_OK) == 0 { removeAbandonedTemporaries(of: path) }
    do {
      try identifyHeader(path)
      let probe = try readOnlyQueue(path)
      try identifyTables(probe, path: path)
      if readonly { return WorkbookStore(path: path, db: probe) }
      try probe.close()
      guard access(path, W_OK) == 0, access(folder(of: path), W_OK) == 0 else { throw StoreError.readonly(path) }
      let db = try DatabaseQueue(path: path, configuration: configuration())
      let applied = try db.read { try migrator.appliedIdentifiers($0) }
      if applied.contains(where: { !migrator.migrations.contains($0) }) { throw StoreError.newerSchema(path) }
      try migrator.migrate(db)
      return WorkbookStore(path: path, db: db)
    } catch let e as StoreError {
      throw e
    } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB || e.resultCode == .SQLITE_CORRUPT {
      throw StoreError.notAWorkbook(path)
    } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
      throw StoreError.busy(path)
    } catch {
      throw StoreError.unreadable(path, String(describing: error))
    }
  }

  /// The first 100 bytes of an SQLite file: the magic string, and the application id at offset 68.
  /// A file that is empty, shorter or not SQLite is refused without SQLite ever opening it (opening an empty file
  /// for writing would turn it into a database). An SQLite file with another application id is refused too, unless
  /// a non-empty `-wal` beside it may hold a newer first page (a workbook whose creator was killed before the
  /// checkpoint); the read-only look at its tables then decides.
  static func identifyHeader(_ path: String) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.unreadable(path, "没有读取权限") }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 100)) ?? Data()
    guard header.count == 100, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else { throw StoreError.notAWorkbook(path) }
    let id = header[header.startIndex + 68..<header.startIndex + 72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    if Int32(bitPattern: id) == applicationID { return }
    let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
    guard walSize > 0 else { throw StoreError.notAWorkbook(path) }
  }

  /// A connection that cannot write. A WAL workbook is read through a shared-memory file (`-shm`) beside it, which
  /// cannot be created in a folder yusuan may not write to: there the file is opened immutable instead (no writer can
  /// be at work in such a folder, since a writer needs to create its `-wal` there). Refused in Chinese when a `-wal`
  /// beside it still holds entries not yet merged into the file, which an immutable reading would not see.
  static func readOnlyQueue(_ path: String) throws -> DatabaseQueue {
    do {
      let db = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
      // The first read is what needs the -shm.
      _ = try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
      return db
    } catch let e as DatabaseError where e.resultCode != .SQLITE_NOTADB && e.resultCode != .SQLITE_CORRUPT && access(folder(of: path), W_OK) != 0 {
      let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
      guard walSize == 0 else { throw StoreError.unmergedInReadonlyFolder(path) }
      let db = try DatabaseQueue(path: immutableURI(path), configuration: configuration(readonly: true))
      _ = try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
      return db
    }
  }

  /// `file:` URI of a path with `immutable=1`: SQLite reads it without locks, `-wal` or `-shm`.
  static func immutableURI(_ path: String) -> String {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    var encoded = ""
    for ch in absolute.unicodeScalars {
      switch ch {
      case "%": encoded += "%25"
      case "?": encoded += "%3F"
      case "#": encoded += "%23"
      default: encoded.unicodeScalars.append(ch)
      }
    }
    return "file://" + encoded + "?immutable=1"
  }

  static func folder(of path: String) -> String {
    let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
    return dir.isEmpty ? "." : dir
  }

  /// yusuan's tables, seen through a connection that cannot write: the application id, the migrations GRDB records
  /// and `meta`, `facts`, `journal`. A database that has yusuan's id but not its tables is not given them.
  static func identifyTables(_ db: DatabaseQueue, path: String) throws {
    let ok = try db.read { db -> Bool in
      guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == applicationID else { return false }
      let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
      return tables.isSuperset(of: ["grdb_migrations", "meta", "facts", "journal"])
    }
    guard ok else { throw StoreError.notAWorkbook(path) }
  }

  public func meta() throws -> WorkbookMeta {
    try wrap {
      try db.read { db in
        let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM meta")
        var m: [String: String] = [:]
        for r in rows { m[r["key"]] = r["value"] }
        guard let d = m["department"], let y = m["year"].flatMap(Int.init), let e = m["edition"], let c = m["catalog"] else {
          throw StoreError.notAWorkbook(path)
        }
        return WorkbookMeta(department: d, year: y, edition: e, catalog: c)
      }
    }
  }

  /// A session setting kept in the workbook (e.g. where the guided walk stopped); nil when unset.
  public func setting(_ key: String) throws -> String? {
    try wrap { try db.read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = ?", arguments: ["setting." + key]) } }
  }

  public func setSetting(_ key: String, _ value: String) throws {
    try wrap {
      try db.write {
        try $0.execute(
          sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: ["setting." + key, value])
      }
    }
  }

  public func loadFacts() throws -> FactSet {
    try wrap { try db.read { try Self.facts(in: $0) } }
  }

  /// The head and the facts as of one moment (one read transaction), so a writer catching up never pairs the
  /// facts of one moment with the head of another.
  public func snapshot() throws -> (head: Int64, facts: FactSet) {
    try wrap { try db.read { (try Self.head(in: $0), try Self.facts(in: $0)) } }
  }

  static func facts(in db: Database) throws -> FactSet {
    let decoder = JSONDecoder()
    let bodies = try String.fetchAll(db, sql: "SELECT body FROM facts ORDER BY key")
    // The fast decoder first; JSONDecoder for anything it does not take, with JSONDecoder's error if that fails too.
    return FactSet(
      try bodies.map { body in
        if let fact = try? StoredJSON.decode(Fact.self, from: body) { return fact }
        return try decoder.decode(Fact.self, from: Data(body.utf8))
      })
  }

  static func head(in db: Database) throws -> Int64 {
    try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM journal") ?? 0
  }

  /// The sequence number of the last journal entry (0 for a new workbook).
  public func head() throws -> Int64 {
    try wrap { try db.read { try Self.head(in: $0) } }
  }

  /// Writes a batch of accepted entries and their fact changes in one durable transaction; returns the new head.
  ///
  /// The write lock is taken first (BEGIN IMMEDIATE), waiting up to 5 s for another writer's batch to finish, as
  /// the README promises; past that, `.busy`. Once it is held nobody else can write, so a batch prepared against
  /// an older state can be brought up to date without racing again: when another process wrote since
  /// `expectedHead`, `catchUp` gets the facts as they now stand and returns the entries to write instead (it may
  /// throw to refuse; nothing is then written). Without `catchUp` that case fails with `.concurrentChange`.
  @discardableResult
  public func commit(_ entries: [JournalEntry], expectedHead: Int64, catchUp: ((FactSet) throws -> [JournalEntry])? = nil) throws -> Int64 {
    try wrap {
      try db.writeWithoutTransaction { db in
        var newHead: Int64 = 0
        try db.inTransaction(.immediate) {
          var batch = entries
          let head = try Self.head(in: db)
          if head != expectedHead {
            guard let catchUp else { throw StoreError.concurrentChange }
            batch = try catchUp(try Self.facts(in: db))
          }
          try Self.write(batch, in: db)
          CommitPause.holdIfAsked()
          newHead = try Self.head(in: db)
          return .commit
        }
        return newHead
      }
    }
  }

  static func write(_ entries: [JournalEntry], in db: Database) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let at = Self.iso(Date())
    for entry in entries {
      for c in entry.changes {
        if let after = c.after {
          let body = String(decoding: try encoder.encode(after), as: UTF8.self)
          try db.execute(sql: "INSERT INTO facts(key, body) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET body = excluded.body", arguments: [c.key, body])
        } else {
          try db.execute(sql: "DELETE FROM facts WHERE key = ?", arguments: [c.key])
        }
      }
      let changes = String(decoding: try encoder.encode(entry.changes), as: UTF8.self)
      try db.execute(
        sql: "INSERT INTO journal(at, source, location, command, changes, undoes) VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [at, entry.source.rawValue, entry.location, entry.command, changes, entry.undoes])
    }
  }

  /// The journal, oldest first.
  public func journal() throws -> [JournalRecord] {
    try wrap {
      try db.read { db in
        let decoder = JSONDecoder()
        return try Row.fetchAll(db, sql: "SELECT seq, at, source, location, command, changes, undoes FROM journal ORDER BY seq").map { r in
          JournalRecord(
            seq: r["seq"], at: r["at"], source: EntrySource(rawValue: r["source"]) ?? .script, location: r["location"],
            command: r["command"], changes: try decoder.decode([FactChange].self, from: Data((r["changes"] as String).utf8)),
            undoes: r["undoes"])
        }
      }
    }
  }

  static func iso(_ d: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return f.string(from: d)
  }

  /// Turns SQLite's errors into messages an officer can act on.
  func wrap<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as StoreError { throw e } catch let e as DatabaseError {
      switch e.resultCode {
      case .SQLITE_BUSY, .SQLITE_LOCKED: throw StoreError.busy(path)
      case .SQLITE_FULL: throw StoreError.diskFull(path)
      case .SQLITE_READONLY: throw StoreError.readonly(path)
      case .SQLITE_CORRUPT, .SQLITE_NOTADB: throw StoreError.notAWorkbook(path)
      default: throw StoreError.unreadable(path, e.message ?? String(describing: e))
      }
    }
  }
}

/// Where an entry came from.
public enum EntrySource: String, Sendable, Codable {
  case repl, script, `import`, undo
}

/// An accepted entry as it will be journaled.
public struct JournalEntry: Sendable {
  public var source: EntrySource
  /// `file:line`, or `repl`.
  public var location: String
  /// The command as typed.
  public var command: String
  public var changes: [FactChange]
  /// For an undo: the journal entry it reverts.
  public var undoes: Int64?
  public init(source: EntrySource, location: String, command: String, changes: [FactChange], undoes: Int64? = nil) {
    self.source = source; self.location = location; self.command = command; self.changes = changes; self.undoes = undoes
  }
}

public struct JournalRecord: Sendable {
  public var seq: Int64
  public var at: String
  public var source: EntrySource
  public var location: String
  public var command: String
  public var changes: [FactChange]
  public var undoes: Int64?
}

public enum StoreError: Error, Equatable, CustomStringConvertible {
  case exists(String)
  case missing(String)
  case cannotCreate(String, String)
  case notAWorkbook(String)
  case newerSchema(String)
  case busy(String)
  case diskFull(String)
  case readonly(String)
  case unreadable(String, String)
  case unmergedInReadonlyFolder(String)
  case concurrentChange

  /// A failure that may pass (another writer's lock, a full disk): the piped REPL reports the line and goes on.
  public var mayPass: Bool {
    switch self {
    case .busy, .diskFull, .concurrentChange: return true
    default: return false
    }
  }

  public var description: String {
    switch self {
    case .exists(let p): return "工作簿“\(p)”已存在，不会覆盖。如要继续录入，请用 yusuan run 或 yusuan repl；如要重建，请先移走原文件。"
    case .missing(let p): return "找不到工作簿“\(p)”。请先用 yusuan new \(p) --department 部门名称 --year 年度 创建。"
    case .cannotCreate(let p, let why): return "无法创建工作簿“\(p)”：\(why)"
    case .notAWorkbook(let p): return "“\(p)”不是 yusuan 工作簿（或文件已损坏），未做任何改动。"
    case .newerSchema(let p): return "工作簿“\(p)”由更新版本的 yusuan 创建，请升级 yusuan 后再打开。"
    case .busy(let p): return "工作簿“\(p)”正被另一个程序写入，等待5秒后仍未释放。请稍后重试（之前已录入的内容不受影响）。"
    case .diskFull(let p): return "磁盘已满，无法写入工作簿“\(p)”。本次录入未生效，原有内容完好；请腾出空间后重试。"
    case .readonly(let p): return "工作簿“\(p)”或它所在的文件夹是只读的，无法写入。可以用 yusuan check、yusuan export 查看它；如要录入，请把它复制到可写的文件夹，或请管理员开放写权限。"
    case .unmergedInReadonlyFolder(let p):
      return "工作簿“\(p)”所在的文件夹是只读的，而旁边的“\(p)-wal”中还有尚未并入工作簿的录入，在这里无法完整读取。请把工作簿连同同名的 -wal 文件一起复制到可写的文件夹后再打开（不会丢失内容）。"
    case .unreadable(let p, let why): return "无法读取工作簿“\(p)”：\(why)"
    case .concurrentChange: return "工作簿在录入期间被另一个程序修改，本次录入未生效。请重试（之前已录入的内容不受影响）。"
    }
  }
}
