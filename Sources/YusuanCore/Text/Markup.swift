/// Escaping for XML and HTML text and attribute values, in one place for every writer of markup (the docx,
/// xlsx and HTML renderers and the audit's HTML report). Characters XML 1.0 forbids (most C0 controls) are
/// dropped: a stray control character typed into a description must not make Word refuse the whole file.
public enum Markup {
  public static func escape(_ s: String) -> String {
    // Fast path: most cells are figures and plain Chinese text with nothing to escape.
    if !s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 < 0x20 || $0 == 0xEF }) { return s }
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default:
        if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  public static func isAllowed(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v == 0x9 || v == 0xA || v == 0xD { return true }
    if v < 0x20 { return false }
    if v == 0xFFFE || v == 0xFFFF { return false }
    return true
  }
}
