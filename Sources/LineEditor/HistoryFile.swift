import Foundation

/// The history kept between sessions: a UTF-8 text file, one entry per line, oldest first.
///
/// Our own format rather than libedit's `write_history` (which escapes with vis(3) and adds a
/// `_HiStOrY_V2_` header), so the file stays readable and other tools can grep it. Accepted lines
/// are appended one by one (O_APPEND), so two sessions writing at once interleave but lose nothing.
/// History is a convenience: failures to read or write it are ignored.
struct HistoryFile {
  let path: String
  /// Entries kept; the file is rewritten to this many when it has grown to twice as many.
  let limit: Int

  /// The entries in the file, cleaned (see `cleaned`). Compacts an overgrown file.
  func load() -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    // Split the bytes, not the String: "\r\n" is one Character and would not match "\n".
    let lines = data.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    let entries = HistoryFile.cleaned(lines, limit: limit)
    if lines.count > 2 * limit { rewrite(entries) }
    return entries
  }

  /// Adds one entry at the end of the file, creating the file (mode 0600) and its folder if needed.
  func append(_ entry: String) {
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    let bytes = Array((entry + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  }

  /// Entries without blanks, carriage returns or consecutive duplicates, the last `limit` of them.
  static func cleaned(_ lines: [String], limit: Int) -> [String] {
    var entries: [String] = []
    for line in lines {
      let entry = normalized(line)
      if isBlank(entry) || entry == entries.last { continue }
      entries.append(entry)
    }
    return Array(entries.suffix(max(limit, 0)))
  }

  /// One history entry from a line: line breaks would split it in the file, so they become spaces.
  static func normalized(_ line: String) -> String {
    var entry = line
    if entry.hasSuffix("\r") { entry.removeLast() }
    return String(entry.map { $0.isNewline ? " " : $0 })
  }

  static func isBlank(_ entry: String) -> Bool {
    entry.allSatisfy { $0.isWhitespace }
  }

  private func rewrite(_ entries: [String]) {
    let text = entries.map { $0 + "\n" }.joined()
    try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
  }
}
