import Foundation

/// Errors from other libraries (Foundation's file errors, `DecodingError`, SQLite through GRDB, Yams, ZIPFoundation)
/// described in Chinese: what went wrong, in words an officer can act on.
///
/// Issue 14: their English descriptions reached the officer (`The file “x” couldn’t be opened…`,
/// `DecodingError.dataCorrupted…`, `SQLite error 14`). The project's own errors are Chinese already and pass through.
public enum ErrorText {
  /// The error in Chinese. The project's own errors (a description in Chinese) are kept as they are.
  public static func describe(_ error: Error) -> String {
    if let d = error as? DecodingError { return decoding(d) }
    let ns = error as NSError
    if ns.domain == NSCocoaErrorDomain, let text = cocoa(ns) { return text }
    if ns.domain == NSPOSIXErrorDomain { return posix(Int32(ns.code)) }
    let typeName = String(describing: type(of: error))
    if typeName.contains("Archive") { return "压缩包（.docx、.xlsx 都是 ZIP 压缩包）已损坏或被截断，无法解压。" }
    return describe(text: "\(error)")
  }

  /// Text from another library's error (kept as a string by the code that caught it, perhaps after a Chinese
  /// lead such as `无法读取工作簿“x”：`), in Chinese. Foreign descriptions are recognised first (they may quote a
  /// Chinese file name); text with Chinese in it is then ours.
  public static func describe(text: String) -> String {
    if let r = text.range(of: #"SQLite error \d+"#, options: .regularExpression), let code = Int(text[r].split(separator: " ").last ?? "") {
      return String(text[..<r.lowerBound]) + sqlite(code)
    }
    if let r = text.range(of: #"\d+:\d+: error"#, options: .regularExpression) { return String(text[..<r.lowerBound]) + yaml(String(text[r.lowerBound...])) }
    // A Chinese lead and a foreign reason after its last colon (`无法读取工作簿“x”：no such table: facts`).
    if let colon = text.range(of: "：", options: .backwards), !hasChinese(text[colon.upperBound...]),
      text[colon.upperBound...].range(of: #"[A-Za-z]+ [A-Za-z]+"#, options: .regularExpression) != nil
    {
      return String(text[..<colon.upperBound]) + sqliteMessage(String(text[colon.upperBound...]))
    }
    if hasChinese(Substring(text)) { return text }
    return "未能完成（内部错误，没有更具体的说明）。请检查文件是否完整、磁盘是否已满、是否有读写权限；仍不能解决时请报告此问题，并附上所用的命令和文件。"
  }

  // MARK: DecodingError

  static func decoding(_ e: DecodingError) -> String {
    func path(_ c: DecodingError.Context) -> String {
      let p = c.codingPath.map { $0.intValue.map { "第\($0 + 1)项" } ?? $0.stringValue }.joined(separator: ".")
      return p.isEmpty ? "" : "（位置：\(p)）"
    }
    switch e {
    case .keyNotFound(let key, let c): return "缺少字段“\(key.stringValue)”\(path(c))。"
    case .typeMismatch(_, let c): return "字段的类型不对\(path(c))。"
    case .valueNotFound(_, let c): return "字段没有值\(path(c))。"
    case .dataCorrupted(let c): return "内容已损坏，不是有效的数据\(path(c))。"
    @unknown default: return "内容无法读取。"
    }
  }

  // MARK: Foundation

  static func cocoa(_ e: NSError) -> String? {
    let file = (e.userInfo[NSFilePathErrorKey] as? String).map { "“\($0)”" } ?? ""
    switch CocoaError.Code(rawValue: e.code) {
    case .fileNoSuchFile, .fileReadNoSuchFile: return "找不到文件\(file)。请检查路径是否正确。"
    case .fileReadNoPermission: return "没有读取文件\(file)的权限。"
    case .fileWriteNoPermission: return "没有写入\(file)的权限。请换一个可写的位置，或检查目录权限。"
    case .fileWriteOutOfSpace: return "磁盘已满，无法写入\(file)。请腾出空间后重试。"
    case .fileWriteVolumeReadOnly: return "\(file)所在的磁盘是只读的，无法写入。"
    case .fileWriteFileExists: return "文件\(file)已存在。"
    case .fileReadCorruptFile: return "文件\(file)已损坏或格式不对。"
    case .fileReadInapplicableStringEncoding, .fileWriteInapplicableStringEncoding: return "文件\(file)的文字编码不对，请另存为 UTF-8。"
    case .fileReadTooLarge: return "文件\(file)过大，无法读取。"
    case .fileLocking: return "文件\(file)被另一个程序锁定。请稍后重试。"
    case .fileReadInvalidFileName, .fileWriteInvalidFileName: return "文件名\(file)无效。"
    case .fileReadUnknown, .fileWriteUnknown:
      if let under = e.userInfo[NSUnderlyingErrorKey] as? NSError, under.domain == NSPOSIXErrorDomain {
        return posix(Int32(under.code)) + (file.isEmpty ? "" : "（\(file)）")
      }
      return "读写文件\(file)时出错。请检查磁盘空间和读写权限。"
    default:
      if let under = e.userInfo[NSUnderlyingErrorKey] as? NSError, under.domain == NSPOSIXErrorDomain {
        return posix(Int32(under.code)) + (file.isEmpty ? "" : "（\(file)）")
      }
      return nil
    }
  }

  /// An operating-system error number.
  public static func posix(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "文件或目录不存在。"
    case EACCES, EPERM: return "没有访问权限。"
    case ENOSPC: return "磁盘已满。"
    case EDQUOT: return "超出磁盘配额。"
    case EROFS: return "所在的磁盘是只读的。"
    case EISDIR: return "这是一个目录，不是文件。"
    case ENOTDIR: return "路径中的某一级不是目录。"
    case EEXIST: return "文件已存在。"
    case ENAMETOOLONG: return "文件名或路径过长。"
    case EMFILE, ENFILE: return "同时打开的文件过多。"
    case EIO: return "读写磁盘出错。"
    case EFBIG: return "文件过大。"
    case ELOOP: return "路径中的符号链接循环。"
    case EBUSY: return "文件正被占用。"
    default: return "系统错误（错误号 \(code)）。"
    }
  }

  // MARK: SQLite (through GRDB)

  static func hasChinese(_ s: Substring) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

  /// SQLite's own message (without its code), by the words SQLite uses.
  static func sqliteMessage(_ text: String) -> String {
    let table: [(String, Int)] = [
      ("database is locked", 5), ("out of memory", 7), ("readonly database", 8), ("disk I/O error", 10),
      ("malformed", 11), ("database or disk is full", 13), ("unable to open", 14), ("not a database", 26),
    ]
    if let hit = table.first(where: { text.contains($0.0) }) { return sqlite(hit.1) }
    if text.contains("no such table") || text.contains("no such column") { return "文件缺少工作簿应有的数据表：可能已损坏，或不是 yusuan 工作簿。" }
    return "（原因无法识别）请检查文件是否完整、磁盘是否已满、是否有读写权限。"
  }

  /// A SQLite result code (extended codes by their primary code) in words.
  public static func sqlite(_ code: Int) -> String {
    switch code & 0xFF {
    case 5, 6: return "工作簿正被另一个程序使用。请稍后重试。"
    case 7: return "内存不足。"
    case 8: return "工作簿或其所在目录是只读的，无法写入。"
    case 10: return "读写磁盘出错（可能是磁盘故障、已满，或文件所在的网络磁盘断开）。请检查磁盘后重试。"
    case 11, 26: return "文件已损坏，或不是 yusuan 工作簿。"
    case 13: return "磁盘已满。请腾出空间后重试。"
    case 14: return "无法打开工作簿文件：文件或其所在目录不可访问（只读目录中，工作簿旁的临时文件 -wal、-shm 无法创建）。请检查目录的读写权限，或把工作簿复制到可写的目录。"
    case 15: return "工作簿的文件锁出错（网络磁盘上常见）。请把工作簿复制到本机磁盘后重试。"
    case 23: return "没有访问工作簿的权限。"
    default: return "工作簿文件读写出错（数据库错误码 \(code)）。请检查文件是否完整、磁盘是否已满。"
    }
  }

  // MARK: YAML

  static func yaml(_ text: String) -> String {
    if let r = text.range(of: #"^(\d+):(\d+)"#, options: .regularExpression) {
      let parts = text[r].split(separator: ":")
      return "YAML 格式有误（第\(parts[0])行第\(parts[1])列）：请检查缩进、冒号和引号。"
    }
    return "YAML 格式有误：请检查缩进、冒号和引号。"
  }
}
