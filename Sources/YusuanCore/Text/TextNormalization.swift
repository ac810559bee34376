/// Normalises names for comparison: full-width and half-width parentheses, blanks and quotes are treated alike,
/// so `因公出国(境)费` and `因公出国（境）费` are the same name.
public enum NameKey {
  public static func of(_ s: String) -> String {
    // Fast path: most names have nothing to normalise (ASCII blanks, quotes, brackets; U+3000, U+00A0, “”‘’).
    if !s.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x22 || $0 == 0x27 || $0 == 0x28 || $0 == 0x29 || $0 == 0xC2 })
      && !s.unicodeScalars.contains(where: { $0 == "\u{3000}" || $0 == "“" || $0 == "”" || $0 == "‘" || $0 == "’" })
    {
      return s
    }
    var out = ""
    for ch in s {
      switch ch {
      case "(": out.append("（")
      case ")": out.append("）")
      case " ", "\t", "\u{3000}", "\u{00A0}": continue
      case "\"", "“", "”", "'", "‘", "’": continue
      default: out.append(ch)
      }
    }
    return out
  }
}

extension String {
  /// The lines of a text file saved on any system: `\n` (Unix), `\r\n` (Windows) and a lone `\r` (old Mac) each
  /// end a line. Split by bytes: `"\r\n"` is one Character, so `split(separator: "\n")` never sees it. Like
  /// `split(omittingEmptySubsequences: false)`, a final line break leaves an empty last line.
  public var fileLines: [Substring] {
    var out: [Substring] = []
    let u = utf8
    var start = u.startIndex, i = u.startIndex
    while i != u.endIndex {
      let b = u[i]
      guard b == 0x0A || b == 0x0D else { i = u.index(after: i); continue }
      out.append(self[start..<i])
      i = u.index(after: i)
      if b == 0x0D, i != u.endIndex, u[i] == 0x0A { i = u.index(after: i) }
      start = i
    }
    out.append(self[start...])
    return out
  }
}
