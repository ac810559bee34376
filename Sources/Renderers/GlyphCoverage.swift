import Foundation

/// Rare characters (生僻字 of the CJK extensions, U+3400… and U+20000…) that no installed font can draw: LibreOffice
/// prints them as empty boxes in the PDF, silently. fontconfig (`fc-list :charset=…`) says which fonts have a glyph;
/// without fontconfig nothing can be said, and nothing is.
public enum GlyphCoverage {
  /// The distinct characters of `text` outside the common CJK block that no installed font covers, in text order.
  public static func missing(in text: String, fcList: String = "/usr/bin/fc-list") -> [Character] {
    guard FileManager.default.isExecutableFile(atPath: fcList) else { return [] }
    var seen = Set<UInt32>(), out: [Character] = []
    for ch in text {
      guard let v = ch.unicodeScalars.first?.value, isRare(v), seen.insert(v).inserted else { continue }
      if !covered(v, fcList: fcList) { out.append(ch) }
    }
    return out
  }

  /// CJK Extension A, the compatibility ideographs, and the supplementary planes' extensions (B onwards).
  static func isRare(_ v: UInt32) -> Bool {
    (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v) || (0x20000...0x3134F).contains(v)
  }

  static func covered(_ v: UInt32, fcList: String) -> Bool {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: fcList)
    p.arguments = [":charset=" + String(v, radix: 16), "family"]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return true }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return !data.allSatisfy { $0 == 0x0A || $0 == 0x20 }
  }

  /// The warning for an officer: which characters, and what to do.
  public static func warning(_ chars: [Character]) -> String {
    let list = chars.prefix(8).map { "“\($0)”（U+\(String($0.unicodeScalars.first!.value, radix: 16, uppercase: true))）" }.joined(separator: "、")
    return "本机没有任何字体包含这些生僻字：\(list)\(chars.count > 8 ? " 等" : "")。生成的 PDF 中它们会显示为方框。请核对是否必须使用这些字；如必须，请安装包含它们的字体后重新生成，或在 Word 文件中换用有这些字的字体。"
  }
}
