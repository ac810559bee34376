import Foundation
import Workbench
import YusuanCore

/// Reads entry scripts: UTF-8 text (a BOM is tolerated), one entry per line, lines ending as on any system.
enum ScriptFile {
  static let maxBytes = 64 * 1024 * 1024

  static func lines(of path: String) throws -> [Workbench.SourcedLine] {
    if let size = InputFileSize.of(path), size > maxBytes { throw tooLarge(path, size) }
    guard let data = FileManager.default.contents(atPath: path) else {
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
        throw CLIFailure.input("“\(path)”是目录，不是录入脚本。可写成 \(path)/*.ys")
      }
      throw CLIFailure.input("找不到或无法读取录入脚本“\(path)”。")
    }
    guard data.count <= maxBytes else { throw tooLarge(path, data.count) }
    guard let text = String(data: data, encoding: .utf8) else {
      let bad = firstInvalidUTF8Line(data)
      throw CLIFailure.input("\(path):\(bad): 错误：此行不是有效的 UTF-8 文本（可能是 GBK 编码）。请将脚本另存为 UTF-8 编码后重试。")
    }
    var out: [Workbench.SourcedLine] = []
    var n = 0
    for raw in text.fileLines {
      n += 1
      var s = String(raw)
      if n == 1, s.hasPrefix("\u{FEFF}") { s.removeFirst() }
      out.append(.init(text: s, file: path, line: n))
    }
    // A final line break ends the last line; it does not begin another (a one-line file is 共 1 行).
    if let last = out.last, last.text.isEmpty, text.utf8.last == 0x0A || text.utf8.last == 0x0D { out.removeLast() }
    return out
  }

  static func tooLarge(_ path: String, _ bytes: Int) -> CLIFailure {
    CLIFailure.input("录入脚本“\(path)”有 \(InputFileSize.megabytes(bytes))，超过上限 \(maxBytes / 1_048_576) MB，未录入任何内容。请把脚本分成几个文件，依次写在 run 命令中。")
  }

  /// The line of the first bytes that are not UTF-8, counting lines as `fileLines` does (LF, CRLF or CR).
  static func firstInvalidUTF8Line(_ data: Data) -> Int {
    var line = 1
    var start = data.startIndex
    for i in data.indices where data[i] == 0x0A || data[i] == 0x0D {
      if data[i] == 0x0D, i + 1 < data.endIndex, data[i + 1] == 0x0A { continue }  // CRLF ends at its LF
      if String(data: data[start..<i], encoding: .utf8) == nil { return line }
      line += 1
      start = i + 1
    }
    return line
  }
}
