import Foundation

/// Lines from a pipe or file: no line editor, no prompts; invalid UTF-8 is replaced, never a crash.
final class PlainInput: InputSource {
  let handle: FileHandle
  private var buffer = Data()
  private var atEnd = false

  init(handle: FileHandle) { self.handle = handle }

  func read(prompt: String, initialText: String?) -> InputEvent {
    while true {
      if let nl = buffer.firstIndex(of: 0x0A) {
        var lineData = buffer[buffer.startIndex..<nl]
        buffer = Data(buffer[buffer.index(after: nl)...])
        if lineData.last == 0x0D { lineData = lineData.dropLast() }
        return .line(String(decoding: lineData, as: UTF8.self))
      }
      if atEnd {
        if buffer.isEmpty { return .endOfInput }
        defer { buffer = Data() }
        return .line(String(decoding: buffer, as: UTF8.self))
      }
      let chunk = handle.availableData
      if chunk.isEmpty { atEnd = true } else { buffer.append(chunk) }
    }
  }

  func remember(_ line: String) {}
}
