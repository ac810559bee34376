import Foundation
import Walk

/// Lines from a pipe or file: no line editor, no prompts; invalid UTF-8 is replaced, never a crash.
/// Lines end at LF, CRLF or a lone CR (files saved on Unix, Windows or an old Mac).
final class PlainInput: InputSource {
  let handle: FileHandle
  private var buffer = Data()
  private var atEnd = false
  /// The last line ended with CR at the end of the buffer: an LF read next belongs to it (CRLF).
  private var lineFeedMayFollow = false
  /// How many bytes at the start of the buffer are known to hold no line end: a long line read in many chunks is
  /// searched once, not again from its start after every chunk (a 20 MB line without a line end took 7 minutes).
  private var searched = 0

  init(handle: FileHandle) { self.handle = handle }

  func read(prompt: String, initialText: String?) -> InputEvent {
    while true {
      if lineFeedMayFollow, !buffer.isEmpty || atEnd {
        if buffer.first == 0x0A { buffer = Data(buffer.dropFirst()); searched = 0 }
        lineFeedMayFollow = false
      }
      if let end = buffer[buffer.index(buffer.startIndex, offsetBy: min(searched, buffer.count))...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
        searched = 0
        let lineData = buffer[buffer.startIndex..<end]
        var rest = buffer[buffer.index(after: end)...]
        if buffer[end] == 0x0D {
          if rest.isEmpty { lineFeedMayFollow = true } else if rest.first == 0x0A { rest = rest.dropFirst() }
        }
        buffer = Data(rest)
        return .line(String(decoding: lineData, as: UTF8.self))
      }
      searched = buffer.count
      if atEnd {
        if buffer.isEmpty { return .endOfInput }
        defer { buffer = Data(); searched = 0 }
        return .line(String(decoding: buffer, as: UTF8.self))
      }
      let chunk = handle.availableData
      if chunk.isEmpty { atEnd = true } else { buffer.append(chunk) }
    }
  }

  func remember(_ line: String) {}
}
