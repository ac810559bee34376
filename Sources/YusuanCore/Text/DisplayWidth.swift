/// Terminal display width of text: CJK ideographs and full-width forms take two columns.
///
/// Carets under script errors and aligned table columns depend on it (hledger's WideString does the same).
public enum DisplayWidth {
  public static func of(_ s: some StringProtocol) -> Int {
    s.unicodeScalars.reduce(0) { $0 + width(of: $1) }
  }

  /// The same for a `String`, without generic dispatch, and printable ASCII (codes, figures) counted by bytes:
  /// the renderers measure every cell to size columns.
  public static func of(_ s: String) -> Int {
    if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
    var w = 0
    for u in s.unicodeScalars { w += width(of: u) }
    return w
  }

  public static func width(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v == 0 { return 0 }
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
    // Combining marks and zero-width characters.
    if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFEFF || (0xFE00...0xFE0F).contains(v) { return 0 }
    if isWide(v) { return 2 }
    return 1
  }

  static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// Pads `s` with spaces on the right to `width` display columns.
  public static func padRight(_ s: String, to width: Int) -> String {
    let w = of(s)
    return w >= width ? s : s + String(repeating: " ", count: width - w)
  }

  /// Pads `s` with spaces on the left to `width` display columns (numbers right-aligned).
  public static func padLeft(_ s: String, to width: Int) -> String {
    let w = of(s)
    return w >= width ? s : String(repeating: " ", count: width - w) + s
  }
}
