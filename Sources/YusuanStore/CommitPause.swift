import Foundation

/// A test's handshake with a running `yusuan`: with `YUSUAN_TEST_PAUSE_BEFORE_COMMIT=FILE` in its environment, the
/// store creates FILE once a batch is written inside its transaction, not yet committed, and waits there (up to a
/// minute). A test kills the process at that moment exactly — the one where a half-written batch could be seen —
/// instead of sleeping a guessed time first (which, on a fast machine, may land after the commit or long before
/// it). Unset, as it always is outside the tests, it costs one look-up per process.
enum CommitPause {
  static let marker: String? = ProcessInfo.processInfo.environment["YUSUAN_TEST_PAUSE_BEFORE_COMMIT"]

  static func holdIfAsked() {
    guard let marker, FileManager.default.createFile(atPath: marker, contents: nil) else { return }
    Thread.sleep(forTimeInterval: 60)
  }
}
