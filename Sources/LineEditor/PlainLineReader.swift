#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from a file descriptor with plain `read(2)`: the mode for piped input and scripts.
///
/// No terminal handling at all. Lines end at `\n`, `\r\n` (files saved on Windows) or a lone `\r`
/// (old Mac files), a UTF-8 byte order mark at the very start is dropped, and the last line counts even
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
  /// The last line ended with `\r` at the end of the buffer: a `\n` read next belongs to it (CRLF).
  private var lineFeedMayFollow = false
  /// How far past `consumed` the buffer is known to hold no line end: a long line read in many chunks is searched
  /// once, not again from its start after every chunk (a 20 MB line without a line end took 7 minutes).
  private var searched = 0

  init(fileDescriptor: Int32) {
    self.fileDescriptor = fileDescriptor
  }

  /// The next line. `isInterrupted` is asked when `read` fails with EINTR: true ends the read
  /// with `.interrupted` (a partly typed terminal line is discarded by the terminal itself).
  func readLine(isInterrupted: () -> Bool = { false }) -> Outcome {
    let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    while true {
      if lineFeedMayFollow, consumed < buffer.count || reachedEnd {
        if consumed < buffer.count, buffer[consumed] == lf { consumed += 1 }
        lineFeedMayFollow = false
      }
      if let end = buffer[max(consumed, searched)...].firstIndex(where: { $0 == lf || $0 == cr }) {
        let bytes = buffer[consumed..<end]
        consumed = end + 1
        searched = consumed
        if buffer[end] == cr {
          if consumed < buffer.count { if buffer[consumed] == lf { consumed += 1 } } else { lineFeedMayFollow = true }
        }
        compactIfWorthIt()
        return decode(bytes)
      }
      searched = buffer.count
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
    if let text = String(validating: bytes, as: UTF8.self) {
      return .line(text, repaired: false)
    }
    return .line(String(decoding: bytes, as: UTF8.self), repaired: true)
  }

  private func compactIfWorthIt() {
    if consumed > 65536, consumed * 2 > buffer.count {
      buffer.removeFirst(consumed)
      searched = max(searched - consumed, 0)
      consumed = 0
    }
  }
}
