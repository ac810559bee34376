import Foundation
import ZIPFoundation

/// Opens the bytes of a .docx or .xlsx as a zip archive that cannot trap on a crafted file.
///
/// ZIPFoundation 0.9.20's in-memory archive (`Archive(data:)`) traps when an offset read from the file points past
/// its end: `MemoryFile.readData` builds a range from a negative length (found by `scripts/fuzz.sh`; upstream
/// weichsel/ZIPFoundation pull request 394, not released). Its file-backed archive reads nothing there, and the
/// archive is refused or the entry is missing. So the bytes are read through a file: written to a temporary file,
/// opened, and the name removed at once (the open archive keeps reading the file until it is released).
enum ZipBytes {
  /// The temporary copy could not be written (no space, no writable temporary folder).
  struct TemporaryFileFailure: Error, CustomStringConvertible {
    var name: String
    var description: String { "无法写入临时文件，文件“\(name)”未能读取。请检查磁盘空间和临时目录（TMPDIR）的写入权限后重试。" }
  }

  /// The archive, or nil when the bytes are not a zip archive ZIPFoundation can open.
  static func archive(_ data: Data, name: String) throws -> Archive? {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-zip-\(UUID().uuidString).zip")
    guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
      throw TemporaryFileFailure(name: name)
    }
    defer { unlink(url.path) }
    return try? Archive(url: url, accessMode: .read)
  }
}
