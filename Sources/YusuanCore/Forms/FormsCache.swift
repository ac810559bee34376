import Foundation

/// Parsed forms files, kept for the life of the process: a folder check or compile opens hundreds of workbooks of
/// the same edition, and parsing its YAML and the catalog CSV again for each was a tenth of the batch. An entry
/// is used only while its files have the same size and modification time, so a catalog imported or an edition
/// edited while the process runs (the REPL) is read again.
final class FormsCache: @unchecked Sendable {
  static let shared = FormsCache()

  private struct Entry {
    var stamps: [String]
    var value: any Sendable
  }

  private var entries: [String: Entry] = [:]
  private let lock = NSLock()

  /// The value loaded from `files`, loading it when absent or when any file changed since.
  func value<T: Sendable>(_ key: String, files: [URL], load: () throws -> T) throws -> T {
    let stamps = files.map(Self.stamp)
    lock.lock()
    if let e = entries[key], e.stamps == stamps, let v = e.value as? T {
      lock.unlock()
      return v
    }
    lock.unlock()
    let v = try load()
    lock.lock()
    entries[key] = Entry(stamps: stamps, value: v)
    lock.unlock()
    return v
  }

  /// Size and modification time of a file, or "-" when it does not exist.
  static func stamp(_ url: URL) -> String {
    var st = stat()
    guard stat(url.path, &st) == 0 else { return "-" }
    #if os(Linux)
      let mtime = st.st_mtim
    #else
      let mtime = st.st_mtimespec
    #endif
    return "\(st.st_size)/\(mtime.tv_sec).\(mtime.tv_nsec)"
  }
}
