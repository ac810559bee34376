/// Names the characters an officer cannot see, so that a message about them says which one and where.
///
/// Issue 14: a zero-width space in an amount was echoed as `字符“​”` (nothing visible between the quotes), and
/// control characters (NUL, BEL, ESC) in quoted text reached the Markdown output and the terminal, where
/// `ESC ] 8` made a live hyperlink. Entry refuses both kinds (`Lexer`); every message that quotes typed text shows
/// them as `<U+200B>` (`visible`), and `describe` names one (`不可见字符 U+200B（零宽空格）`).
public enum CharacterNames {
  /// A control character (Unicode Cc: C0, DEL, C1) other than the tab: it prints nothing and may drive the terminal.
  public static func isControl(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return (v < 0x20 && v != 0x09) || (0x7F...0x9F).contains(v)
  }

  /// An invisible formatting character (Unicode Cf: zero-width spaces and joiners, the soft hyphen, direction marks
  /// and overrides) or a line or paragraph separator (U+2028, U+2029): it prints nothing, yet makes two names that
  /// look alike differ. The byte order mark U+FEFF is one too (entry treats it as a blank).
  public static func isInvisible(_ s: Unicode.Scalar) -> Bool {
    // Fast path: ASCII, Latin-1 letters and the CJK ideographs have none.
    let v = s.value
    if v < 0xAD || (0x3400...0x9FFF).contains(v) { return false }
    switch s.properties.generalCategory {
    case .format, .lineSeparator, .paragraphSeparator: return true
    default: return false
    }
  }

  /// A space other than the ASCII space and the ideographic space: visible only as a gap, hard to tell from a blank.
  public static func isUnusualSpace(_ s: Unicode.Scalar) -> Bool {
    s.properties.generalCategory == .spaceSeparator && s != " " && s != "\u{3000}"
  }

  /// Whether a message must not show the scalar as it is.
  public static func needsNaming(_ s: Unicode.Scalar) -> Bool {
    isControl(s) || isInvisible(s) || isUnusualSpace(s) || s == "\t"
  }

  /// `U+200B`.
  public static func code(_ s: Unicode.Scalar) -> String {
    let hex = String(s.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// The Chinese name of a character officers meet by accident (pasted from the web, Word, a terminal), if known.
  public static func name(_ s: Unicode.Scalar) -> String? {
    switch s.value {
    case 0x00: return "空字符 NUL"
    case 0x07: return "响铃符 BEL"
    case 0x08: return "退格符 BS"
    case 0x09: return "制表符 Tab"
    case 0x0A: return "换行符 LF"
    case 0x0B: return "垂直制表符 VT"
    case 0x0C: return "换页符 FF"
    case 0x0D: return "回车符 CR"
    case 0x1B: return "转义符 ESC，可用来控制终端"
    case 0x7F: return "删除符 DEL"
    case 0x85: return "下一行符 NEL"
    case 0x9B: return "控制序列引导符 CSI，可用来控制终端"
    case 0x00A0: return "不换行空格"
    case 0x00AD: return "软连字符"
    case 0x034F: return "组合用字素连接符"
    case 0x061C: return "阿拉伯文字母标记"
    case 0x115F, 0x1160, 0x3164, 0xFFA0: return "朝鲜文填充符"
    case 0x180E: return "蒙古文元音分隔符"
    case 0x2000...0x2006, 0x2008, 0x200A, 0x205F, 0x1680: return "特殊空格"
    case 0x2007: return "数字空格"
    case 0x2009: return "窄空格"
    case 0x200B: return "零宽空格"
    case 0x200C: return "零宽非连接符"
    case 0x200D: return "零宽连接符"
    case 0x200E: return "从左到右标记"
    case 0x200F: return "从右到左标记"
    case 0x2028: return "行分隔符"
    case 0x2029: return "段分隔符"
    case 0x202A...0x202E: return "文字方向控制符"
    case 0x202F: return "窄不换行空格"
    case 0x2060: return "词连接符"
    case 0x2061...0x2064: return "不可见数学符号"
    case 0x2066...0x2069: return "文字方向隔离符"
    case 0xFE00...0xFE0F: return "异体字选择符"
    case 0xFEFF: return "零宽不换行空格（字节顺序标记 BOM）"
    case 0xFFF9...0xFFFB: return "行间注释符"
    case 0xFFFD: return "替换符（文字编码出错的痕迹）"
    case 0x20E3: return "组合用键帽符号"
    case 0xE0000...0xE007F: return "标签字符"
    default: return nil
    }
  }

  /// What kind of character it is, for a message: 控制字符, 不可见字符, 特殊空格, or nil for an ordinary one.
  public static func kind(_ s: Unicode.Scalar) -> String? {
    if isControl(s) { return "控制字符" }
    if isInvisible(s) { return "不可见字符" }
    if isUnusualSpace(s) || s == "\t" { return "特殊空格" }
    return nil
  }

  /// `不可见字符 U+200B（零宽空格）`, `控制字符 U+001B（转义符 ESC…）`; an ordinary character in quotes (`“a”`); a character
  /// built of several scalars (a digit with a keycap, `５⃣`) in quotes with its parts named.
  public static func describe(_ c: Character) -> String {
    let scalars = Array(c.unicodeScalars)
    if scalars.count == 1, let s = scalars.first, let k = kind(s) {
      return "\(k) \(code(s))" + (name(s).map { "（\($0)）" } ?? "")
    }
    if scalars.count > 1 {
      let parts = scalars.map { s in code(s) + (name(s).map { "（\($0)）" } ?? (needsNaming(s) ? "" : "“\(s)”")) }.joined(separator: "、")
      return "“\(visible(String(c)))”（由 \(parts) 组成）"
    }
    return "“\(c)”"
  }

  /// The text with every character `needsNaming` shown as `<U+200B>`, so that echoing typed text in a message
  /// shows what is there and never sends a control sequence to the terminal.
  /// Line breaks are kept: messages are several lines, and a typed line has none.
  public static func visible(_ s: String) -> String {
    func shown(_ u: Unicode.Scalar) -> Bool { u == "\n" || !needsNaming(u) }
    guard !s.unicodeScalars.allSatisfy(shown) else { return s }
    var out = ""
    for u in s.unicodeScalars {
      if shown(u) { out.unicodeScalars.append(u) } else { out += "<\(code(u))>" }
    }
    return out
  }

  /// The text with every control character except line break and tab shown as `<U+001B>`: what a terminal may
  /// safely be sent, whatever a workbook or a document holds.
  public static func terminalSafe(_ s: String) -> String {
    // Fast path on bytes: C0 controls, DEL, and the UTF-8 lead byte of C1 controls (U+0080–U+009F are C2 80–C2 9F).
    guard s.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 }) else { return s }
    guard s.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" }) else { return s }
    var out = ""
    for u in s.unicodeScalars {
      if isControl(u) && u != "\n" { out += "<\(code(u))>" } else { out.unicodeScalars.append(u) }
    }
    return out
  }

  /// The first character of `s` that entry refuses (a control or invisible character; a tab and the blanks entry
  /// separates words with are allowed), with its character offset.
  public static func firstRefused(in s: String, allowing allowed: Set<Unicode.Scalar> = ["\t", "\r", "\u{FEFF}"]) -> (offset: Int, character: Character)? {
    guard s.unicodeScalars.contains(where: { (isControl($0) || isInvisible($0)) && !allowed.contains($0) }) else { return nil }
    for (i, c) in s.enumerated() where c.unicodeScalars.contains(where: { (isControl($0) || isInvisible($0)) && !allowed.contains($0) }) {
      return (i, c)
    }
    return nil
  }

  /// The refused scalar inside a character found by `firstRefused` (a zero-width joiner can join its neighbours into
  /// one character).
  public static func refusedScalar(in c: Character, allowing allowed: Set<Unicode.Scalar> = ["\t", "\r", "\u{FEFF}"]) -> Unicode.Scalar? {
    c.unicodeScalars.first { (isControl($0) || isInvisible($0)) && !allowed.contains($0) }
  }

  /// The message for text that carries a refused character: what it is, why it cannot be entered, what to do.
  public static func refusal(_ s: Unicode.Scalar, in place: String = "这里") -> String {
    let named = "\(kind(s) ?? "字符") \(code(s))" + (name(s).map { "（\($0)）" } ?? "")
    if isControl(s) {
      return "\(place)有\(named)。控制字符不能录入：它们看不见，却会原样进入公开文件和终端输出（例如把文字变成链接、清屏）。"
        + "多半是从终端或其他程序复制时带入的；请删除该字符后重新输入。"
    }
    return "\(place)有\(named)。不可见字符不能录入：它看不见，却会让看起来相同的名称、编码、金额对不上。"
      + "多半是从网页或文档复制时带入的；请删除该字符（在编辑器中打开“显示不可见字符”可以看到它）后重新输入。"
  }
}
