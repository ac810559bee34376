#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor with plain `read(2)`: the mode for piped input and scripts.
///
/// No terminal handling at all. Lines end at `\n`; a `\r` before it is dropped (files saved on
/// Windows), a UTF-8 byte order mark at the very start is dropped, and the last line counts even
/// without a final newline. Bytes that are not UTF-8 (a file saved as GBK is the usual cause) are
/// replaced by U+FFFD and the line is marked `repaired`, so the caller can say so instead of crashing.
final class PlainLineReader {
  /// One read.
  enum Outcome: Equatable {
    case line(String, repaired: Bool)
    /// `read` was interrupted by a signal and `isInterrupted` said it was ours (Ctrl-C).
    case interrupted
    case endOfInput
  }

  let fileDescriptor: Int32
  private var buffer: [UInt8] = []
  private var consumed = 0
  private var reachedEnd = false
  private var atStartOfStream = true

  init(fileDescriptor: Int32) {
    self.fileDescriptor = fileDescriptor
  }

  /// The next line. `isInterrupted` is asked when `read` fails with EINTR: true ends the read
  /// with `.interrupted` (a partly typed terminal line is discarded by the terminal itself).
  func readLine(isInterrupted: () -> Bool = { false }) -> Outcome {
    while true {
      if let newline = buffer[consumed...].firstIndex(of: UInt8(ascii: "\n")) {
        let bytes = buffer[consumed..<newline]
        consumed = newline + 1
        compactIfWorthIt()
        return decode(bytes)
      }
      if reachedEnd {
        guard consumed < buffer.count else { return .endOfInput }
        let bytes = buffer[consumed...]
        consumed = buffer.count
        return decode(bytes)
      }
      switch fill() {
      case .read: continue
      case .interrupted: if isInterrupted() { return .interrupted }
      }
    }
  }

  private enum Fill { case read, interrupted }

  private func fill() -> Fill {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
    if count > 0 {
      buffer.append(contentsOf: chunk[0..<count])
    } else if count == 0 {
      reachedEnd = true
    } else if errno == EINTR {
      return .interrupted
    } else {
      reachedEnd = true  // An unreadable descriptor ends the input like EOF does.
    }
    return .read
  }

  private func decode(_ raw: ArraySlice<UInt8>) -> Outcome {
    var bytes = raw
    if atStartOfStream {
      atStartOfStream = false
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    }
    if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
    if let text = String(validating: bytes, as: UTF8.self) {
      return .line(text, repaired: false)
    }
    return .line(String(decoding: bytes, as: UTF8.self), repaired: true)
  }

  private func compactIfWorthIt() {
    if consumed > 65536, consumed * 2 > buffer.count {
      buffer.removeFirst(consumed)
      consumed = 0
    }
  }
}
