/// Normalises names for comparison: full-width and half-width parentheses, blanks and quotes are treated alike,
/// so `因公出国(境)费` and `因公出国（境）费` are the same name.
public enum NameKey {
  public static func of(_ s: String) -> String {
    // Fast path: most names have nothing to normalise (ASCII blanks, quotes, brackets; U+3000, U+00A0, “”‘’).
    if !s.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x22 || $0 == 0x27 || $0 == 0x28 || $0 == 0x29 || $0 == 0xC2 })
      && !s.unicodeScalars.contains(where: { $0 == "\u{3000}" || $0 == "“" || $0 == "”" || $0 == "‘" || $0 == "’" }) {
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
