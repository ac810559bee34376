/// Normalises names for comparison: full-width and half-width parentheses, blanks and quotes are treated alike,
/// so `因公出国(境)费` and `因公出国（境）费` are the same name.
public enum NameKey {
  public static func of(_ s: String) -> String {
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
