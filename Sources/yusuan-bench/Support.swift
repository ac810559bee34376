// Timing, statistics, child processes (with their own peak RSS via wait4) and a pseudo-terminal for the REPL.
import Foundation
#if canImport(Glibc)
  import Glibc
#endif

/// Monotonic nanoseconds.
@inline(__always) func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func ms(_ ns: UInt64) -> Double { Double(ns) / 1e6 }

/// Median / percentile of samples in milliseconds (nearest-rank).
struct Stats: Codable, Sendable {
  var n: Int
  var median: Double
  var p99: Double
  var min: Double
  var max: Double
  var mean: Double

  init(_ samples: [Double]) {
    let s = samples.sorted()
    n = s.count
    guard !s.isEmpty else { median = 0; p99 = 0; min = 0; max = 0; mean = 0; return }
    func pct(_ p: Double) -> Double { s[Swift.min(s.count - 1, Swift.max(0, Int((p * Double(s.count)).rounded(.up)) - 1))] }
    median = s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    p99 = pct(0.99)
    min = s.first!
    max = s.last!
    mean = s.reduce(0, +) / Double(s.count)
  }
}

func median(_ xs: [Double]) -> Double { Stats(xs).median }

/// A finished child process.
struct ChildResult: Sendable {
  var status: Int32
  var wallMs: Double
  var maxRSSKB: Int
  var userMs: Double
  var sysMs: Double
}

struct BenchFailure: Error, CustomStringConvertible {
  var description: String
  init(_ d: String) { description = d }
}

/// Runs `argv` with posix_spawn, stdout/stderr to files (or /dev/null), and waits with wait4 so the child's own
/// peak RSS (ru_maxrss, KB on Linux) and CPU times are known.
func runChild(_ argv: [String], stdout: String = "/dev/null", stderr: String = "/dev/null", env: [String: String] = [:]) throws -> ChildResult {
  var fa = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&fa)
  defer { posix_spawn_file_actions_destroy(&fa) }
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&fa, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  posix_spawn_file_actions_addopen(&fa, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  return try spawnAndWait(argv, fileActions: &fa, attr: nil, env: env)
}

private func environment(_ extra: [String: String]) -> [String] {
  var e = ProcessInfo.processInfo.environment
  for (k, v) in extra { e[k] = v }
  return e.map { "\($0.key)=\($0.value)" }
}

private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) throws -> R) rethrows -> R {
  let ptrs = strings.map { strdup($0) } + [nil]
  defer { for p in ptrs { free(p) } }
  return try body(ptrs)
}

func spawn(_ argv: [String], fileActions: inout posix_spawn_file_actions_t, attr: UnsafePointer<posix_spawnattr_t>?, env: [String: String]) throws -> pid_t {
  var pid: pid_t = 0
  let rc = withCStrings(argv) { a in
    withCStrings(environment(env)) { e in
      posix_spawn(&pid, argv[0], &fileActions, attr, a, e)
    }
  }
  guard rc == 0 else { throw BenchFailure("cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
  return pid
}

func waitChild(_ pid: pid_t, started: UInt64) -> ChildResult {
  var status: Int32 = 0
  var ru = rusage()
  while wait4(pid, &status, 0, &ru) < 0 && errno == EINTR {}
  let wall = ms(now() - started)
  let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  func t(_ tv: timeval) -> Double { Double(tv.tv_sec) * 1000 + Double(tv.tv_usec) / 1000 }
  return ChildResult(status: code, wallMs: wall, maxRSSKB: Int(ru.ru_maxrss), userMs: t(ru.ru_utime), sysMs: t(ru.ru_stime))
}

private func spawnAndWait(_ argv: [String], fileActions: inout posix_spawn_file_actions_t, attr: UnsafePointer<posix_spawnattr_t>?, env: [String: String])
  throws -> ChildResult
{
  let t0 = now()
  let pid = try spawn(argv, fileActions: &fileActions, attr: attr, env: env)
  return waitChild(pid, started: t0)
}

/// Time from spawning `argv` on a fresh pseudo-terminal until `marker` appears in its output; then sends `quit`
/// and reaps the child (killing it, by pid, if it does not leave within 5 s).
func timeToMarker(_ argv: [String], marker: String, timeoutMs: Double = 10_000) throws -> (ms: Double, output: String) {
  // posix_openpt & co. are not visible through Glibc's module map (they need _XOPEN_SOURCE); look them up in libc.
  typealias OpenPT = @convention(c) (Int32) -> Int32
  typealias PTOp = @convention(c) (Int32) -> Int32
  typealias PTSName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
  guard let h = dlopen(nil, RTLD_NOW), let o = dlsym(h, "posix_openpt"), let g = dlsym(h, "grantpt"), let u = dlsym(h, "unlockpt"),
    let p = dlsym(h, "ptsname")
  else { throw BenchFailure("posix_openpt not found in libc") }
  let master = unsafeBitCast(o, to: OpenPT.self)(O_RDWR | O_NOCTTY)
  guard master >= 0, unsafeBitCast(g, to: PTOp.self)(master) == 0, unsafeBitCast(u, to: PTOp.self)(master) == 0,
    let name = unsafeBitCast(p, to: PTSName.self)(master)
  else { throw BenchFailure("no pseudo-terminal") }
  let slave = String(cString: name)
  defer { close(master) }
  var ws = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
  _ = ioctl(master, UInt(TIOCSWINSZ), &ws)
  var fa = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&fa)
  defer { posix_spawn_file_actions_destroy(&fa) }
  // After setsid the first terminal opened becomes the controlling terminal.
  posix_spawn_file_actions_addopen(&fa, 0, slave, O_RDWR, 0)
  posix_spawn_file_actions_adddup2(&fa, 0, 1)
  posix_spawn_file_actions_adddup2(&fa, 0, 2)
  var attr = posix_spawnattr_t()
  posix_spawnattr_init(&attr)
  defer { posix_spawnattr_destroy(&attr) }
  posix_spawnattr_setflags(&attr, Int16(0x80) /* POSIX_SPAWN_SETSID (glibc) */)
  let t0 = now()
  let pid = try withUnsafePointer(to: &attr) {
    try spawn(argv, fileActions: &fa, attr: $0, env: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
  }
  var buffer: [UInt8] = []
  let needle = Array(marker.utf8)
  var elapsed: Double? = nil
  var chunk = [UInt8](repeating: 0, count: 65536)
  while elapsed == nil && ms(now() - t0) < timeoutMs {
    var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&p, 1, 20) > 0 else { continue }
    let n = read(master, &chunk, chunk.count)
    if n <= 0 { break }
    buffer.append(contentsOf: chunk[0..<n])
    // Answer a cursor-position query, should the line editor ask.
    if buffer.count >= 4 && buffer.suffix(4).elementsEqual([0x1b, 0x5b, 0x36, 0x6e]) { _ = write(master, "\u{1b}[1;1R", 6) }
    if buffer.count >= needle.count, contains(buffer, needle) { elapsed = ms(now() - t0) }
  }
  // Leave politely; drain output so the child never blocks on a full terminal.
  _ = write(master, "quit\r", 5)
  let leaveBy = now() + 5_000_000_000
  var status: Int32 = 0
  while now() < leaveBy {
    if waitpid(pid, &status, WNOHANG) == pid { break }
    var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    if poll(&p, 1, 10) > 0 { let n = read(master, &chunk, chunk.count); if n > 0 { buffer.append(contentsOf: chunk[0..<n]) } }
  }
  if waitpid(pid, &status, WNOHANG) == 0 { kill(pid, SIGKILL); waitpid(pid, &status, 0) }
  let text = String(decoding: buffer, as: UTF8.self)
  guard let elapsed else { throw BenchFailure("marker “\(marker)” not seen within \(Int(timeoutMs)) ms; output: \(text.prefix(400))") }
  return (elapsed, text)
}

private func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
  guard hay.count >= needle.count else { return false }
  var i = 0
  while i <= hay.count - needle.count {
    if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return true }
    i += 1
  }
  return false
}

/// Lines of the current process's /proc/self/status VmHWM, in KB (peak RSS).
func selfPeakRSSKB() -> Int {
  guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
  for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
  }
  return 0
}

/// A mutex-protected box for results gathered by concurrent workers.
final class Locked<T>: @unchecked Sendable {
  private var value: T
  private let lock = NSLock()
  init(_ v: T) { value = v }
  func with<R>(_ body: (inout T) -> R) -> R { lock.lock(); defer { lock.unlock() }; return body(&value) }
}
