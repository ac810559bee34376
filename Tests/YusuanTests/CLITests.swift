import Foundation
import Testing

/// The real binary, end to end: the command-line contract of DESIGN §7 (exit codes, stdout/stderr, JSON).
struct CLITests {
  /// A final line break ends the last line: a one-line script is 共 1 行, with or without it.
  @Test func aFinalLineBreakIsNoLine() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    for (k, text) in ["职责 1 \"负责统计工作。\"\n", "职责 1 \"负责统计工作。\"", "职责 1 \"负责统计工作。\"\r\n"].enumerated() {
      let script = w + "-\(k).ys"
      try Data(text.utf8).write(to: URL(fileURLWithPath: script))
      let r = try CLI.run(["run", w, script])
      #expect(r.stdout.contains("1 个脚本，共 1 行"), "\(text.debugDescription): \(r.stdout)")
    }
  }

  @Test func newRunCheckExportContract() throws {
    let w = TestSupport.tempPath()
    let new = try CLI.run(["new", w, "--department", "示例办", "--year", "2025", "--edition", "anhui-2024"])
    #expect(new.status == 0)
    #expect(new.stdout.contains("已创建工作簿"))
    // new refuses to overwrite.
    let again = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    #expect(again.status == 2)
    #expect(again.stderr.contains("已存在"))

    let script = try CLI.writeTemp(TestSupport.consistent)
    let run = try CLI.run(["run", w, script])
    #expect(run.status == 0, "\(run.stderr)")
    let check = try CLI.run(["check", w])
    #expect(check.status == 0, "\(check.stdout)")
    let json = try CLI.run(["check", w, "--format", "json"])
    #expect(json.status == 0)
    let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
    #expect(array != nil)
    #expect(array?.allSatisfy { $0["severity"] as? String != "error" } == true)

    let export = try CLI.run(["export", w, "--format", "script"])
    #expect(export.status == 0)
    let w2 = TestSupport.tempPath()
    _ = try CLI.run(["new", w2, "--department", "示例办", "--year", "2025", "--edition", "anhui-2024"])
    let rerun = try CLI.run(["run", w2, try CLI.writeTemp(export.stdout)])
    #expect(rerun.status == 0, "\(rerun.stderr)")
    #expect(try CLI.run(["export", w2, "--format", "script"]).stdout == export.stdout)
  }

  @Test func checkExitsOneWithJSONFindings() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    _ = try CLI.run(["run", w, try CLI.writeTemp("支出 210305 项目 20\n说明 T8 \"杜集区XX局没有政府性基金。\"")])
    let json = try CLI.run(["check", w, "--format", "json"])
    #expect(json.status == 1)
    let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let rules = array.compactMap { $0["rule"] as? String }
    #expect(rules.contains("code.malformed"))
    #expect(rules.contains("text.residue"))
    for d in array {
      for key in ["rule", "severity", "table", "row", "column", "message", "expected", "actual"] { #expect(d.keys.contains(key), "missing \(key)") }
    }
  }

  @Test func inputErrorsExitTwoWithFileLineColumn() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    let bad = try CLI.writeTemp("职责 \"好的\"\n支出 2010301 基本 -5\n")
    let r = try CLI.run(["run", w, bad])
    #expect(r.status == 2)
    #expect(r.stderr.contains("\(bad):2:"))
    #expect(r.stderr.contains("本次没有录入任何内容"))
    #expect(r.stdout.isEmpty)
    #expect(try CLI.run(["export", w]).stdout.contains("职责") == false)
    // Not UTF-8 (GBK bytes for 职责).
    let gbk = FileManager.default.temporaryDirectory.appendingPathComponent("gbk-\(UUID()).ys")
    try Data([0xD6, 0xB0, 0xD4, 0xF0, 0x20, 0x31, 0x0A]).write(to: gbk)
    let g = try CLI.run(["run", w, gbk.path])
    #expect(g.status == 2)
    #expect(g.stderr.contains("UTF-8"))
    // Missing workbook, unknown edition, bad option.
    #expect(try CLI.run(["check", "/nonexistent/x.yusuan"]).status == 2)
    #expect(try CLI.run(["new", TestSupport.tempPath(), "--department", "甲", "--year", "2025", "--edition", "nope"]).stderr.contains("没有版本"))
    #expect(try CLI.run(["check", w, "--format", "xml"]).status == 2)
    // A file that is not a workbook is refused untouched.
    let notWB = try CLI.writeTemp("hello")
    let n = try CLI.run(["check", notWB])
    #expect(n.status == 2)
    #expect(n.stderr.contains("不是 yusuan 工作簿"))
    #expect(try String(contentsOfFile: notWB, encoding: .utf8) == "hello")
  }

  /// SIGKILL in the middle of a long script leaves the workbook exactly as it was before that run. The kill lands
  /// inside the store's transaction, every entry of the script written and none committed: the binary says when it
  /// is there (CommitPause), so the test never depends on how fast the machine parses.
  @Test func killDuringRunLeavesWorkbookUnchanged() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    _ = try CLI.run(["run", w, try CLI.writeTemp(TestSupport.consistent)])
    let before = try CLI.run(["export", w]).stdout
    var long = ""
    for i in 0..<5_000 { long += "任务 \(i % 900 + 1) \"第\(i)条长脚本任务，用于测试中途终止。\"\n" }
    let script = try CLI.writeTemp(long)
    let marker = TestSupport.tempPath("commit-pause")
    let p = try CLI.start(["run", w, script], environment: ["YUSUAN_TEST_PAUSE_BEFORE_COMMIT": marker])
    let deadline = Date().addingTimeInterval(120)
    while !FileManager.default.fileExists(atPath: marker) && p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    let inTransaction = FileManager.default.fileExists(atPath: marker) && p.isRunning
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    #expect(inTransaction, "the run never reached its commit, or finished first; the test proves nothing")
    #expect(p.terminationReason == .uncaughtSignal)
    let after = try CLI.run(["export", w])
    #expect(after.status == 0)
    #expect(after.stdout == before)
    #expect(try CLI.run(["check", w]).status == 0)
  }
}

/// Runs the built `yusuan` binary.
enum CLI {
  static var binary: URL {
    let candidates = [
      TestSupport.repoRoot.appendingPathComponent(".build/debug/yusuan"),
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("yusuan"),
      Bundle.main.bundleURL.appendingPathComponent("yusuan"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }

  struct Result { var status: Int32; var stdout: String; var stderr: String }

  static func start(_ args: [String], environment: [String: String] = [:]) throws -> Process {
    let p = Process()
    p.executableURL = binary
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    env["YUSUAN_FORMS"] = TestSupport.repoRoot.appendingPathComponent("forms").path
    env.merge(environment) { _, given in given }
    p.environment = env
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    return p
  }

  static func run(_ args: [String], stdin: String? = nil, forms: String? = nil) throws -> Result {
    let p = Process()
    p.executableURL = binary
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    env["YUSUAN_FORMS"] = forms ?? TestSupport.repoRoot.appendingPathComponent("forms").path
    p.environment = env
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    let inPipe = Pipe()
    p.standardInput = inPipe
    try p.run()
    // A program that stops reading early must fail its test, not kill the test runner with SIGPIPE.
    _ = ignoreBrokenPipes
    if let stdin { try? inPipe.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
    try? inPipe.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }

  static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

  static func writeTemp(_ text: String, ext: String = "ys") throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-\(UUID().uuidString).\(ext)")
    try Data(text.utf8).write(to: url)
    return url.path
  }
}

/// The acceptance command on the 2021 seed: a JSON array, exit 1, the real defects by rule id.
struct SeedCLITests {
  @Test func dujiqu2021CheckJSON() throws {
    let w = TestSupport.tempPath()
    #expect(try CLI.run(["new", w, "--department", "杜集区政府办公室", "--year", "2021", "--edition", "anhui-2021"]).status == 0)
    let dir = TestSupport.repoRoot.appendingPathComponent("examples/dujiqu-2021")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".ys") }.sorted().map {
      dir.appendingPathComponent($0).path
    }
    let run = try CLI.run(["run", w] + files)
    #expect(run.status == 0, "\(run.stderr)")
    let check = try CLI.run(["check", w, "--format", "json"])
    #expect(check.status == 1)
    let array = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
    let rules = Set(array.compactMap { $0["rule"] as? String })
    for r in [
      "code.malformed", "code.misplaced", "name.mismatch", "three-public.missing", "text.residue", "assets.value-sum", "cross.revenue-expenditure-prior",
      "sum.declared",
    ] {
      #expect(rules.contains(r), "missing \(r)")
    }
  }
}

/// `yusuan catalog import`: an official catalog goes into forms/catalogs and a new workbook can use it.
struct CatalogCLITests {
  @Test func importThenUseInANewWorkbook() throws {
    // A private copy of forms/, so the test never writes into the repository.
    let forms = URL(fileURLWithPath: TestSupport.tempPath("forms")).deletingLastPathComponent().appendingPathComponent("forms")
    try FileManager.default.copyItem(at: TestSupport.repoRoot.appendingPathComponent("forms"), to: forms)
    let csv = try CLI.writeTemp("科目编码,科目名称\n201,一般公共服务支出\n20103,政府办公厅（室）及相关机构事务\n2010301,行政运行\n2010399,其他政府办公厅（室）及相关机构事务支出\n")
    let imp = try CLI.run(["catalog", "import", csv, "--id", "official-2025"], forms: forms.path)
    #expect(imp.status == 0, "\(imp.stderr)")
    #expect(imp.stdout.contains("支出功能分类 4 个"))
    #expect(FileManager.default.fileExists(atPath: forms.appendingPathComponent("catalogs/official-2025.csv").path))
    // Importing again under the same id needs --replace.
    #expect(try CLI.run(["catalog", "import", csv, "--id", "official-2025"], forms: forms.path).status == 2)
    // A file with a bad row is refused whole, naming the line.
    let bad = try CLI.writeTemp("科目编码,科目名称\n2010301,行政运行\n210305,专项\n")
    let r = try CLI.run(["catalog", "import", bad, "--id", "bad"], forms: forms.path)
    #expect(r.status == 2)
    #expect(r.stderr.contains(":3:"))
    #expect(!FileManager.default.fileExists(atPath: forms.appendingPathComponent("catalogs/bad.csv").path))

    let w = TestSupport.tempPath()
    #expect(try CLI.run(["new", w, "--department", "甲", "--year", "2025", "--catalog", "official-2025"], forms: forms.path).status == 0)
    _ = try CLI.run(["run", w, try CLI.writeTemp("支出 2010350 基本 1\n")], forms: forms.path)
    let check = try CLI.run(["check", w, "--format", "json"], forms: forms.path)
    // 2010350 is in the bundled catalog but not in this official one: unknown.
    #expect(check.stdout.contains("code.unknown"))
    #expect(check.stdout.contains("official-2025"))
  }
}

/// Issue 14 (4): a failed write is exit 2 with a Chinese message on stderr, or silence when stderr itself is
/// gone, never exit 0 and never a trap (`export > /dev/full` exited 0; a write error on stderr trapped, exit 132).
@Suite(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full (Linux)"))
struct WriteErrorTests {
  /// Runs the binary with stdout and/or stderr on /dev/full (every write fails with ENOSPC); the other to a pipe.
  static func run(_ args: [String], stdoutFull: Bool = true, stderrFull: Bool = false) throws -> CLI.Result {
    let p = Process()
    p.executableURL = CLI.binary
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    env["YUSUAN_FORMS"] = TestSupport.repoRoot.appendingPathComponent("forms").path
    p.environment = env
    let out = Pipe(), err = Pipe()
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    p.standardOutput = stdoutFull ? full : out
    p.standardError = stderrFull ? full : err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    try? out.fileHandleForWriting.close()
    try? err.fileHandleForWriting.close()
    let o = stdoutFull ? Data() : out.fileHandleForReading.readDataToEndOfFile()
    let e = stderrFull ? Data() : err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return CLI.Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }

  static func workbook() throws -> String {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    #expect(try CLI.run(["run", w, try CLI.writeTemp(TestSupport.consistent)]).status == 0)
    return w
  }

  @Test func exportAndCheckToAFullDiskExitTwo() throws {
    let w = try Self.workbook()
    for args in [["export", w], ["check", w, "--format", "json"], ["check", w], ["check", "--help"]] {
      let r = try Self.run(args)
      #expect(r.status == 2, "\(args): \(r.status)")
      #expect(r.stderr.contains("错误：结果未能完整写出（磁盘已满）"), "\(args): \(r.stderr)")
    }
    // A check with findings (exit 1) whose output is lost is exit 2 too.
    _ = try CLI.run(["run", w, try CLI.writeTemp("支出 210305 项目 20")])
    #expect(try Self.run(["check", w, "--format", "json"]).status == 2)
  }

  @Test func aFullStderrIsSilentNotATrap() throws {
    let w = try Self.workbook()
    // An input error whose message cannot be written: exit 2, no trap.
    #expect(try Self.run(["check", "/nonexistent/x.yusuan"], stdoutFull: false, stderrFull: true).status == 2)
    #expect(try Self.run(["run", w, try CLI.writeTemp("支出 2010301 基本 -5")], stdoutFull: false, stderrFull: true).status == 2)
    #expect(try Self.run(["check", w, "--format", "xml"], stdoutFull: false, stderrFull: true).status == 2)
    // Both gone: still exit 2.
    #expect(try Self.run(["export", w], stderrFull: true).status == 2)
    // Output that succeeds is unaffected by a full stderr.
    let ok = try Self.run(["export", w], stdoutFull: false, stderrFull: true)
    #expect(ok.status == 0)
    #expect(ok.stdout.contains("职责"))
  }
}
