import Foundation
import Testing

/// Issue 14: the bad-input corpus (`Tests/Fixtures/bad-input/`, see its README). Every case goes through the real
/// binary and must be refused cleanly: exit 2, no signal, a Chinese message that says where (the file and line,
/// or the option), no English in it, nothing half-applied, under 10 seconds.
///
/// The cases run in parallel, a few processes per core (most of a case's time is process start and waiting).
struct BadInputCorpusTests {
  static let root = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/bad-input")

  struct Case: Sendable, CustomStringConvertible {
    var category: String
    var url: URL
    var name: String { url.lastPathComponent }
    var description: String { "\(category)/\(name)" }
  }

  /// Every file under a category folder (hidden files, the README and the generator excepted).
  static func cases() throws -> [Case] {
    let fm = FileManager.default
    var out: [Case] = []
    for category in try fm.contentsOfDirectory(atPath: root.path).sorted() {
      let dir = root.appendingPathComponent(category)
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else { continue }
      for name in try fm.contentsOfDirectory(atPath: dir.path).sorted() where !name.hasPrefix(".") {
        out.append(Case(category: category, url: dir.appendingPathComponent(name)))
      }
    }
    return out
  }

  /// What one run of the binary gave.
  struct Outcome: Sendable {
    var status: Int32
    var signalled: Bool
    var timedOut: Bool
    var stdout: String
    var stderr: String
    var seconds: Double
  }

  /// Runs the binary with output to files (no pipe to fill), stdin closed, killed after `limit` seconds.
  static func run(_ args: [String], in dir: URL, forms: String, limit: Double = 30) throws -> Outcome {
    let p = Process()
    p.executableURL = CLI.binary
    p.arguments = args
    p.currentDirectoryURL = dir
    var env = ProcessInfo.processInfo.environment
    env["YUSUAN_FORMS"] = forms
    p.environment = env
    let out = dir.appendingPathComponent(".stdout"), err = dir.appendingPathComponent(".stderr")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
    p.standardOutput = outHandle
    p.standardError = errHandle
    p.standardInput = FileHandle.nullDevice
    let done = DispatchSemaphore(value: 0)
    p.terminationHandler = { _ in done.signal() }
    let start = Date()
    try p.run()
    var timedOut = false
    if done.wait(timeout: .now() + limit) == .timedOut {
      timedOut = true
      p.terminate()
      done.wait()
    }
    try? outHandle.close(); try? errHandle.close()
    let seconds = Date().timeIntervalSince(start)
    let o = (try? Data(contentsOf: out)) ?? Data(), e = (try? Data(contentsOf: err)) ?? Data()
    try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err)
    return Outcome(
      status: p.terminationStatus, signalled: p.terminationReason == .uncaughtSignal, timedOut: timedOut,
      stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self), seconds: seconds)
  }

  /// The shared starting point: a workbook with facts (so a half-applied case shows in its export) and a copy of
  /// forms/ for `catalog import` to write into if it ever wrongly accepted a case.
  struct Setup: Sendable {
    var dir: URL
    var workbook: URL
    var export: String
    var forms: String
    var repoForms: String
  }

  static func setup() throws -> Setup {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-bad-input-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let repoForms = TestSupport.repoRoot.appendingPathComponent("forms").path
    let w = dir.appendingPathComponent("base.yusuan")
    #expect(try run(["new", w.path, "--department", "示例办", "--year", "2025"], in: dir, forms: repoForms).status == 0)
    let script = dir.appendingPathComponent("base.ys")
    try Data(
      """
      单位 "示例办" 机关
      支出 2010301 基本 60 上年 60
      项目 "调研活动经费" 类型 日常运转类 科目 2010302 金额 40 绩效管理
      """.utf8
    ).write(to: script)
    #expect(try run(["run", w.path, script.path], in: dir, forms: repoForms).status == 0)
    let export = try run(["export", w.path], in: dir, forms: repoForms).stdout
    #expect(export.contains("支出 2010301"))
    let forms = dir.appendingPathComponent("forms")
    try FileManager.default.copyItem(atPath: repoForms, toPath: forms.path)
    return Setup(dir: dir, workbook: w, export: export, forms: forms.path, repoForms: repoForms)
  }

  /// The command a case runs, and what its message must name: the line of a script (`# expect: line N` in its
  /// first line), the option or word of a command line (`# expect: 2 TOKEN`), otherwise the file's name.
  struct Plan {
    var args: [String]
    var forms: String
    var mustName: String
    var usesWorkbook = true
    /// A copy of the case that must come out byte for byte the same (the workbook cases).
    var untouched: URL?
  }

  static func plan(_ c: Case, workbook w: String, work: URL, setup: Setup) throws -> Plan {
    let path = c.url.path
    switch c.category {
    case "amounts", "codes", "text", "scripts":
      let head = String(decoding: try Data(contentsOf: c.url).prefix(400).filter { $0 != 0 }, as: UTF8.self)
      let line = head.range(of: #"expect: line (\d+)"#, options: .regularExpression).map { head[$0].split(separator: " ").last.map(String.init) ?? "" }
      return Plan(args: ["run", w, path], forms: setup.repoForms, mustName: line.map { "\(path):\($0):" } ?? "\(path):")
    case "csv", "xlsx":
      return Plan(args: ["import", w, path, "--as", "current"], forms: setup.repoForms, mustName: c.name)
    case "docx", "pdf", "txt":
      if c.name.contains("-import-") { return Plan(args: ["import", w, path], forms: setup.repoForms, mustName: c.name) }
      return Plan(args: ["audit", path], forms: setup.repoForms, mustName: c.name, usesWorkbook: false)
    case "catalogs":
      return Plan(args: ["catalog", "import", path, "--id", "bad-input-corpus"], forms: setup.forms, mustName: c.name, usesWorkbook: false)
    case "workbooks":
      let copy = work.appendingPathComponent(c.name)
      try FileManager.default.copyItem(at: c.url, to: copy)
      return Plan(args: ["check", copy.path], forms: setup.repoForms, mustName: c.name, usesWorkbook: false, untouched: copy)
    case "cmdline":
      let lines = String(decoding: try Data(contentsOf: c.url), as: UTF8.self).split(separator: "\n").map(String.init)
      let tmp = work.appendingPathComponent("tmp").path
      func fill(_ s: String) -> String {
        s.replacingOccurrences(of: "{W}", with: w).replacingOccurrences(of: "{TMP}", with: tmp).replacingOccurrences(of: "{CASES}", with: root.path)
      }
      let expect = lines.first { $0.hasPrefix("# expect: ") }.map { $0.dropFirst("# expect: ".count).split(separator: " ", maxSplits: 1) } ?? []
      let args = lines.first { !$0.hasPrefix("#") }.map { $0.split(separator: " ").map { fill(String($0)) } } ?? []
      return Plan(args: args, forms: setup.repoForms, mustName: expect.count > 1 ? fill(String(expect[1])) : "")
    default:
      throw CorpusError(description: "unknown category \(c.category)")
    }
  }

  struct CorpusError: Error, CustomStringConvertible { var description: String }

  /// Runs one case in its own folder and returns what was wrong with it (empty when it was refused cleanly).
  static func check(_ c: Case, setup: Setup) -> [String] {
    do {
      let work = setup.dir.appendingPathComponent("case-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: work.appendingPathComponent("tmp"), withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: work) }
      let w = work.appendingPathComponent("w.yusuan")
      try FileManager.default.copyItem(at: setup.workbook, to: w)
      let before = try Data(contentsOf: w)
      let plan = try plan(c, workbook: w.path, work: work, setup: setup)
      let untouchedBefore = try plan.untouched.map { try Data(contentsOf: $0) }
      let r = try run(plan.args, in: work, forms: plan.forms)
      var problems: [String] = []
      if r.timedOut { problems.append("hangs (killed after 30 s)") }
      if r.signalled { problems.append("crashed (signal \(r.status))") } else if r.status != 2 { problems.append("exit \(r.status), expected 2") }
      if r.seconds > 10 { problems.append(String(format: "took %.1f s", r.seconds)) }
      if !EnglishText.hasChinese(r.stderr) { problems.append("no Chinese message") }
      let english = EnglishText.find(in: r.stderr)
      if !english.isEmpty { problems.append("English in the message: \(english.prefix(8).joined(separator: " "))") }
      if !plan.mustName.isEmpty && !r.stderr.contains(plan.mustName) { problems.append("the message does not name \(plan.mustName)") }
      // Nothing half-applied: the workbook exports as before, nothing was created for a command line, a damaged
      // workbook is untouched, no catalog was written. The export is compared whenever the workbook's file changed
      // or a -wal beside it holds anything (committed entries may wait there); the same bytes and no -wal export
      // the same by construction, and skipping that export halves the corpus's time.
      let wal = (try? FileManager.default.attributesOfItem(atPath: w.path + "-wal")[.size] as? Int) ?? nil
      if plan.usesWorkbook, try Data(contentsOf: w) != before || (wal ?? 0) > 0 {
        let export = try run(["export", w.path], in: work, forms: setup.repoForms)
        if export.stdout != setup.export { problems.append("half-applied: the workbook's export changed") }
      }
      if c.category == "cmdline" {
        let made = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("tmp").path)
        if !made.isEmpty { problems.append("left files behind: \(made.joined(separator: ", "))") }
      }
      if let u = plan.untouched, let b = untouchedBefore, (try? Data(contentsOf: u)) != b { problems.append("changed the workbook it refused") }
      if c.category == "catalogs", FileManager.default.fileExists(atPath: setup.forms + "/catalogs/bad-input-corpus.csv") {
        problems.append("wrote a catalog")
      }
      return problems.map { $0 + (r.stderr.isEmpty ? "" : "\n    stderr: " + r.stderr.prefix(600).replacingOccurrences(of: "\n", with: "\n    ")) }
    } catch {
      return ["could not run: \(error)"]
    }
  }

  /// Collects the problems of all cases from several worker threads.
  final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private(set) var problems: [(Case, [String])] = []
    let cases: [Case]
    init(_ cases: [Case]) { self.cases = cases }
    func take() -> Case? {
      lock.withLock {
        defer { next += 1 }; return next < cases.count ? cases[next] : nil
      }
    }
    func record(_ c: Case, _ p: [String]) { lock.withLock { problems.append((c, p)) } }
  }

  /// The PDF cases need poppler's pdftotext (as the other PDF tests do); without it they are left out, and said so.
  static var hasPdftotext: Bool {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin"]
    return path.contains { FileManager.default.isExecutableFile(atPath: $0 + "/pdftotext") }
  }

  @Test func everyCaseIsRefusedCleanly() async throws {
    var all = try Self.cases()
    #expect(all.count >= 400)
    if !Self.hasPdftotext {
      print("bad-input corpus: pdftotext not installed, the \(all.filter { $0.category == "pdf" }.count) PDF cases are skipped")
      all.removeAll { $0.category == "pdf" }
    }
    let setup = try Self.setup()
    defer { try? FileManager.default.removeItem(at: setup.dir) }
    // No case may write into the repository (a -wal beside a fixture, an output folder).
    func files() -> Set<String> { Set(FileManager.default.enumerator(atPath: Self.root.path)?.compactMap { $0 as? String } ?? []) }
    let before = files()
    let results = Results(all)
    let workers = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
    let started = Date()
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
      let group = DispatchGroup()
      for _ in 0..<workers {
        group.enter()
        Thread.detachNewThread {
          while let c = results.take() { results.record(c, Self.check(c, setup: setup)) }
          group.leave()
        }
      }
      group.notify(queue: .global()) { done.resume() }
    }
    let byCategory = Dictionary(grouping: all, by: \.category).mapValues(\.count)
    print(
      "bad-input corpus: \(all.count) cases in \(String(format: "%.1f", Date().timeIntervalSince(started))) s — "
        + byCategory.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    let written = files().subtracting(before)
    #expect(written.isEmpty, "cases wrote into Tests/Fixtures/bad-input: \(written.sorted().prefix(10))")
    for (c, problems) in results.problems.sorted(by: { $0.0.description < $1.0.description }) where !problems.isEmpty {
      Issue.record(Comment(rawValue: "\(c): \(problems.joined(separator: "; "))"))
    }
  }
}
