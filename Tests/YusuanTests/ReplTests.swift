import Foundation
import Testing

/// The REPL for real: without a terminal through a pipe, and on a terminal inside tmux (send-keys / capture-pane).
struct ReplPipeTests {
  /// Piping the demo into `yusuan repl W` gives the same workbook as `run`.
  @Test func pipedDemoEqualsRun() throws {
    let dir = TestSupport.repoRoot.appendingPathComponent("examples/demo-2025")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".ys") }.sorted()
    let script = try files.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    let args = ["--department", "示例区政府办公室（示例）", "--year", "2025"]
    let a = TestSupport.tempPath("run"), b = TestSupport.tempPath("repl")
    _ = try CLI.run(["new", a] + args)
    _ = try CLI.run(["new", b] + args)
    #expect(try CLI.run(["run", a] + files.map { dir.appendingPathComponent($0).path }).status == 0)
    let piped = try CLI.run(["repl", b], stdin: script)
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(piped.stdout.contains("已录入"))
    #expect(try CLI.run(["export", a]).stdout == (try CLI.run(["export", b]).stdout))
  }

  /// A bad line in piped input is reported with its line number; the other lines are kept, exit code 2.
  @Test func pipedBadLineIsReportedAndOthersKept() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "甲", "--year", "2025"])
    let r = try CLI.run(["repl", w], stdin: "职责 \"一\"\n支出 2010301 基本 12a\n任务 \"二\"\n")
    #expect(r.status == 2)
    #expect(r.stderr.contains("stdin:2:"))
    let export = try CLI.run(["export", w]).stdout
    #expect(export.contains("职责 1 \"一\""))
    #expect(export.contains("任务 1 \"二\""))
  }
}

/// Drives the real binary in a terminal (tmux): completion, refusal, `<`, undo, SIGKILL and resume.
/// A time limit, so a terminal that stops answering fails the test instead of holding up the whole run.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ReplTerminalTests {
  static var tmuxAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

  @Test(.enabled(if: tmuxAvailable)) func guidedWalkInATerminal() throws {
    let w = TestSupport.tempPath()
    #expect(try CLI.run(["new", w, "--department", "示例办", "--year", "2025", "--edition", "anhui-2024"]).status == 0)
    let t = try Tmux(command: [CLI.binary.path, "repl", w])
    defer { t.kill() }
    try t.waitFor("职责 [回车结束本表] ›", inLastLines: 1)  // the prompt itself: typing before it could race the editor's start
    t.type("goto 一般公共预算支出"); t.enter()
    try t.waitFor("科目编码 [回车结束本表]")
    t.type("支出 2010302 项目 267.66 上年 263.70"); t.enter()
    try t.waitFor("已录入：支出 2010302")
    // TAB completes a code from a Chinese name fragment (行政运行 under the 款 the department already uses).
    t.type("行政运"); t.key("Tab")
    try t.waitFor("2010301", inLastLines: 2)
    t.enter()
    try t.waitFor("基本/项目 [基本]")
    t.enter()
    // An invalid amount is refused at its own prompt and asked again.
    try t.waitFor("本年预算数（万元）")
    t.type("12a"); t.enter()
    try t.waitFor("不能识别的字符")
    t.type("212.89"); t.enter()
    try t.waitFor("上年预算数（万元）")
    // `<` steps back one prompt keeping what was typed (212.89 comes back for editing; Enter accepts it).
    t.type("<"); t.enter()
    try t.waitFor("本年预算数（万元）", after: "上年预算数（万元）")
    try t.waitFor("212.89", inLastLines: 1)
    t.enter()
    try t.waitFor("上年预算数（万元）", after: "本年预算数（万元）")
    t.type("252.41"); t.enter()
    try t.waitFor("增减原因")
    t.type("厉行节约"); t.enter()
    try t.waitFor("已录入：支出 2010301 基本 212.89 上年 252.41 原因 \"厉行节约\"")
    // undo reverts it, journaled; the direct command enters it again.
    t.type("undo"); t.enter()
    try t.waitFor("已撤销：支出 2010301")
    #expect(!(try CLI.run(["export", w]).stdout.contains("2010301")))
    t.type("支出 2010301 基本 212.89 上年 252.41 原因 \"厉行节约\""); t.enter()
    try t.waitFor("已录入：支出 2010301 基本 212.89", after: "已撤销")
    t.enter()  // end of the table: on to the next one
    try t.waitFor("── 第7/20张表 · 支出 · 基本支出（经济分类款级）")  // the header, not a note naming the table
    // Killed mid-walk: nothing accepted is lost, and reopening resumes at the right table.
    t.killProcess()
    let t2 = try Tmux(command: [CLI.binary.path, "repl", w])
    defer { t2.kill() }
    try t2.waitFor("继续：")
    try t2.waitFor("基本支出（经济分类款级）")
    t2.type("show T5"); t2.enter()
    try t2.waitFor("212.89")
    t2.type("quit"); t2.enter()
    try t2.waitFor("已保存")
    let export = try CLI.run(["export", w]).stdout
    #expect(export.contains("支出 2010301 基本 212.89 上年 252.41"))
    #expect(export.contains("原因 2010301 \"厉行节约\""))
    #expect(export.contains("支出 2010302 项目 267.66 上年 263.7"))
  }

  /// A workbook started from last year's offers last year's lines one by one, last year's figure as the default;
  /// 跳过 puts a line off, and a reopened walk offers only what is still unanswered.
  @Test(.enabled(if: tmuxAvailable)) func lastYearsLinesAreOfferedOneByOne() throws {
    let prior = TestSupport.tempPath("w2024"), w = TestSupport.tempPath("w2025")
    _ = try CLI.run(["new", prior, "--department", "示例办", "--year", "2024"])
    let script = "支出 2010301 基本 252.41\n支出 2010302 项目 263.70\n"
    #expect(try CLI.run(["run", prior, try CLI.writeTemp(script)]).status == 0)
    #expect(try CLI.run(["new", w, "--year", "2025", "--from", prior]).status == 0)
    let t = try Tmux(command: [CLI.binary.path, "repl", w])
    defer { t.kill() }
    try t.waitFor("职责 [回车结束本表] ›", inLastLines: 1)  // the prompt itself: typing before it could race the editor's start
    t.type("goto 一般公共预算支出"); t.enter()
    try t.waitFor("上年数待确认（本表还有 2 行）：2010301 行政运行（基本支出），上年 252.41 万元")
    try t.waitFor("本年预算数（万元） [252.41]", inLastLines: 1)
    t.type("260"); t.enter()
    try t.waitFor("上年预算数（万元） [252.41]", inLastLines: 1)
    t.enter()
    try t.waitFor("增减原因", inLastLines: 1)  // 7.59万元 more: beyond the edition's threshold
    t.type("人员增加"); t.enter()
    try t.waitFor("已录入：支出 2010301 基本 260 上年 252.41 原因 \"人员增加\"")
    try t.waitFor("上年数待确认（本表还有 1 行）：2010302 一般行政管理事务（项目支出），上年 263.70 万元")
    t.type("跳过"); t.enter()
    try t.waitFor("上年各行已处理完毕")
    try t.waitFor("科目编码 [回车结束本表]", inLastLines: 1)
    t.type("quit"); t.enter()
    try t.waitFor("已保存")
    let t2 = try Tmux(command: [CLI.binary.path, "repl", w])
    defer { t2.kill() }
    // Reopened where the officer stopped; the line put off is offered again, the answered one is not.
    try t2.waitFor("继续：第6/20张表 支出·一般公共预算支出（功能分类项级）")
    try t2.waitFor("上年数待确认（本表还有 1 行）：2010302")
    try t2.waitFor("本年预算数（万元） [263.7]", inLastLines: 1)
    // Answered by a full entry typed at the prompt instead: the walk sees the row is done and moves on.
    t2.type("支出 2010302 项目 263.7 上年 263.7"); t2.enter()
    try t2.waitFor("已录入：支出 2010302 项目 263.7 上年 263.7")
    try t2.waitFor("科目编码 [回车结束本表]", inLastLines: 1)
    t2.type("quit"); t2.enter()
    try t2.waitFor("已保存")
    let export = try CLI.run(["export", w]).stdout
    #expect(export.contains("支出 2010301 基本 260 上年 252.41"))
    #expect(export.contains("支出 2010302 项目 263.7 上年 263.7"))
  }

  /// The same entries typed in the REPL and applied with `run` give the same canonical script.
  @Test(.enabled(if: tmuxAvailable)) func typedEntriesEqualRun() throws {
    let entries = [
      "职责 \"负责区政府会议的准备工作。\"", "单位 \"示例办\" 机关", "收入 一般公共预算 100 上年 90",
      "支出 2010301 基本 60 上年 50 原因 \"人员增加\"", "经济 30101 60", "三公 接待 1 上年 1", "采购 无",
    ]
    let a = TestSupport.tempPath("typed"), b = TestSupport.tempPath("run")
    for w in [a, b] { _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"]) }
    let t = try Tmux(command: [CLI.binary.path, "repl", a])
    defer { t.kill() }
    try t.waitFor("职责 [回车结束本表] ›", inLastLines: 1)  // the prompt itself: typing before it could race the editor's start
    for e in entries { t.type(e); t.enter(); try t.waitFor("已录入：\(e.prefix(8))") }
    t.type("quit"); t.enter()
    try t.waitFor("已保存")
    _ = try CLI.run(["run", b, try CLI.writeTemp(entries.joined(separator: "\n"))])
    #expect(try CLI.run(["export", a]).stdout == (try CLI.run(["export", b]).stdout))
  }
}

/// A tmux session running one command: type, press keys, read the screen.
///
/// Each session has its own tmux server (`-L`), killed with the session, so no server outlives the test.
/// tmux is started with posix_spawn and reaped with waitpid, and its output is read from a file: when the client
/// forks a new server, Foundation's `Process` never saw the client exit (waitUntilExit hung with the client a
/// zombie), and a pipe would be held open by the daemonised server. Descriptors above 2 are closed in the child so
/// the server cannot hold other tests' pipes either, and the child starts with no signal blocked.
final class Tmux {
  let name = "yusuan-test-\(UUID().uuidString.prefix(8))"

  init(command: [String]) throws {
    var env = "env LANG=C.UTF-8 LC_ALL=C.UTF-8 YUSUAN_FORMS=\(TestSupport.repoRoot.appendingPathComponent("forms").path)"
    env += " TERM=xterm-256color"
    let cmd = "exec " + env + " " + command.map { "'\($0)'" }.joined(separator: " ")
    try tmux(["-f", Self.config, "new-session", "-d", "-s", name, "-x", "160", "-y", "50", cmd])
  }

  struct SpawnFailed: Error { let errno: Int32 }

  /// The pane stays on screen after the program exits (`quit` prints 已保存 and ends at once): without it the
  /// session closed before the test could read the last lines — a timeout seen about once in ten runs.
  static let config: String = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-test-tmux-\(UUID().uuidString).conf")
    try? "set-option -g remain-on-exit on\n".write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }()

  /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34+), which the Glibc module does not export.
  static let closeFrom3: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? =
    dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map {
      unsafeBitCast($0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }

  /// Runs `tmux -L <this session's server> args` and returns what it printed.
  @discardableResult
  func tmux(_ args: [String]) throws -> String {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).out").path
    defer { unlink(out) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    _ = Self.closeFrom3?(&actions, 3)
    let argv = (["/usr/bin/tmux", "-L", name] + args).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    // A clean signal state: the calling thread (a test worker) blocks most signals, and a tmux server that
    // inherits that mask never sees SIGCHLD — it neither reaps its pane nor exits on kill-server.
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attr, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for sig in [SIGCHLD, SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2, SIGWINCH, SIGALRM] { sigaddset(&defaults, sig) }
    posix_spawnattr_setsigdefault(&attr, &defaults)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attr, argv, environ)
    guard rc == 0 else { throw SpawnFailed(errno: rc) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
  }

  func type(_ text: String) { _ = try? tmux(["send-keys", "-t", name, "-l", text]) }
  func key(_ key: String) { _ = try? tmux(["send-keys", "-t", name, key]) }
  func enter() { key("Enter") }

  func screen() -> String { (try? tmux(["capture-pane", "-p", "-J", "-S", "-200", "-t", name])) ?? "" }

  /// Waits until `text` is on the screen (in the last lines, or after the last occurrence of `after`).
  func waitFor(_ text: String, inLastLines: Int? = nil, after: String? = nil, timeout: Double = 30) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      var s = screen()
      if let after, let r = s.range(of: after, options: .backwards) { s = String(s[r.upperBound...]) } else if after != nil { s = "" }
      if let n = inLastLines {
        s = s.split(separator: "\n", omittingEmptySubsequences: true).suffix(n).joined(separator: "\n")
      }
      if s.contains(text) { return }
      Thread.sleep(forTimeInterval: 0.1)
    }
    Issue.record("timed out waiting for “\(text)”; screen:\n\(screen())")
    throw TmuxTimeout()
  }

  struct TmuxTimeout: Error {}

  /// SIGKILL the program in the pane (not tmux): as a crash or a power cut would.
  func killProcess() {
    if let pid = Int32(((try? tmux(["display-message", "-p", "-t", name, "#{pane_pid}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)) {
      Foundation.kill(pid, SIGKILL)
    }
    Thread.sleep(forTimeInterval: 0.3)
    kill()
  }

  /// Ends the session and its server.
  func kill() {
    _ = try? tmux(["kill-server"])
    // A server that outlives its test would outlive the test run too (and hold CI open): make that a failure.
    let deadline = Date().addingTimeInterval(3)
    while Date() < deadline {
      if ((try? tmux(["list-sessions"])) ?? "").isEmpty { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    Issue.record("tmux server \(name) still runs after kill-server")
  }
}
