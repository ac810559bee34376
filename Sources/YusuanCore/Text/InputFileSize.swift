import Foundation

/// The size of an input file, asked before it is read: a file over a command's limit is refused without reading a
/// byte of it (reading first and measuring after would take the memory the limit is there to protect).
public enum InputFileSize {
  /// The size in bytes, or nil when it cannot be known (no such file, not readable, not a regular file: the read
  /// that follows then says what is wrong).
  public static func of(_ path: String) -> Int? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      attributes[.type] as? FileAttributeType == .typeRegular,
      let size = attributes[.size] as? NSNumber
    else { return nil }
    return size.intValue
  }

  /// "12.3 MB" style, for messages; rounded up, so that a file over a limit never reads as the limit itself.
  public static func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes * 10 + 1_048_575) / 1_048_576
    return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
  }
}
