import Foundation
#if canImport(CoreFoundation)
  import CoreFoundation
#endif
import YusuanCore

/// Turns the bytes of a text document into a string. Documents copied from government websites are usually UTF-8,
/// but files saved by older Windows tools are GBK/GB18030; both are read, and the choice is reported.
package enum TextDecoding {
  /// GB18030 (a superset of GBK and GB2312), when this Foundation supports it.
  package static var gb18030: String.Encoding? {
    let raw = CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue))
    let enc = String.Encoding(rawValue: raw)
    return "测试".data(using: enc) != nil ? enc : nil
  }

  /// The decoded text and, when it was not UTF-8, an info diagnostic saying how it was read.
  package static func decode(_ data: Data, name: String) throws -> (String, [Diagnostic]) {
    guard !data.isEmpty else { throw AuditReadError("文件“\(name)”是空的（0 字节），没有可审读的内容。") }
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      guard let s = String(data: data, encoding: .utf16) else { throw AuditReadError("文件“\(name)”标明为 UTF-16 编码，但内容无法按 UTF-16 解码（文件可能已损坏）。") }
      return (try checked(s, name: name), [info("文件为 UTF-16 编码，已按 UTF-16 读取。")])
    }
    if let s = String(data: bytes, encoding: .utf8) { return (try checked(s, name: name), []) }
    guard let gb = gb18030 else {
      throw AuditReadError("文件“\(name)”不是 UTF-8 编码，而本机的 Foundation 不支持 GB18030/GBK 解码。请用记事本或 WPS 另存为“UTF-8”后再审读。")
    }
    guard let s = String(data: bytes, encoding: gb) else {
      throw AuditReadError("文件“\(name)”既不是 UTF-8 也不是 GB18030/GBK 编码的文本（可能是二进制文件或已损坏）。请提供 .txt（UTF-8）、.docx 或 .pdf 格式的公开文件。")
    }
    return (try checked(s, name: name), [info("文件不是 UTF-8 编码，已按 GB18030（GBK）读取。建议另存为 UTF-8。")])
  }

  /// Refuses text that is really binary: NUL bytes or many control characters.
  package static func checked(_ s: String, name: String) throws -> String {
    var control = 0, total = 0
    for u in s.unicodeScalars {
      total += 1
      if u.value == 0 { throw AuditReadError("文件“\(name)”含有空字节，不是文本文件（可能是二进制文件或已损坏）。请提供 .txt（UTF-8）、.docx 或 .pdf 格式的公开文件。") }
      if u.value < 0x20 && u != "\n" && u != "\r" && u != "\t" && u != "\u{0C}" { control += 1 }
      if u.value == 0xFFFD { control += 1 }
    }
    if total > 0 && control * 20 > total {
      throw AuditReadError("文件“\(name)”中不可显示的控制字符过多，不像文本文件（可能是二进制文件或已损坏）。")
    }
    if s.trimmingBlanks().isEmpty { throw AuditReadError("文件“\(name)”只有空白，没有可审读的内容。") }
    return s
  }

  package static func info(_ m: String) -> Diagnostic {
    Diagnostic(rule: AuditRuleID.readEncoding, severity: .info, table: "文件", message: m)
  }
}
