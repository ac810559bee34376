import Foundation
import YusuanCore

/// Everything the command line writes goes through here, so that no failed write passes unseen (issue 14: an
/// `export` to a full disk left a truncated backup with exit 0, and a write error on stderr trapped).
///
/// Results go to stdout with write(2), unbuffered: each result is one or a few writes, every one checked, and
/// nothing is left in a buffer to fail after the program has decided its exit code. A failed write ends the
/// program with exit 2 and a Chinese message on stderr. Messages go to stderr the same way but their errors are
/// ignored: when stderr itself is gone there is nowhere left to tell (`FileHandle.write` would trap there).
enum Output {
  /// A closed pipe is an EPIPE error like any other failed write, not a silent SIGPIPE death mid-export.
  static func start() { signal(SIGPIPE, SIG_IGN) }

  /// Writes a result to stdout; a failed write exits 2. Control characters are shown as `<U+001B>`: whatever a
  /// workbook or a read document holds, nothing written here drives the terminal (issue 14: `ESC ] 8` made a link).
  static func out(_ text: String, terminator: String = "\n") {
    if let failure = write(CharacterNames.terminalSafe(text + terminator), to: STDOUT_FILENO) { fail(failure) }
  }

  /// Writes a message to stderr, control characters shown as in `out`; errors are ignored (see above).
  static func err(_ text: String) { _ = write(CharacterNames.terminalSafe(text), to: STDERR_FILENO) }

  /// Writes all of `text`, retrying short and interrupted writes; the errno of a failure, nil on success.
  private static func write(_ text: String, to fd: Int32) -> Int32? {
    var s = text
    return s.withUTF8 { bytes -> Int32? in
      var done = 0
      while done < bytes.count {
        let n = Foundation.write(fd, bytes.baseAddress! + done, bytes.count - done)
        if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { return n < 0 ? errno : EIO }
      }
      return nil
    }
  }

  private static func fail(_ code: Int32) -> Never {
    let why: String
    switch code {
    case ENOSPC: why = "磁盘已满"
    case EDQUOT: why = "超出磁盘配额"
    case EFBIG: why = "文件过大"
    case EPIPE: why = "接收输出的程序已关闭"
    case EBADF: why = "标准输出已关闭"
    case EIO: why = "输入输出错误"
    default: why = "系统错误码 \(code)"
    }
    err("错误：结果未能完整写出（\(why)），已写出的部分不完整，不能使用。请检查磁盘空间或输出位置后重试。\n")
    exit(2)
  }
}
