import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Makes the character type locale UTF-8 before libedit starts.
///
/// Without it libedit silently drops CJK input and crashes on a CJK prompt. Only LC_CTYPE is
/// set: that is all libedit needs, and numbers or dates elsewhere in the program keep the C rules.
enum UTF8Locale {
  /// The user's locale when it is UTF-8, else the first UTF-8 fallback that exists. False when
  /// none does (then LineEditor reads plain lines instead of starting libedit).
  static func ensure() -> Bool {
    if setlocale(LC_CTYPE, "") != nil, codesetIsUTF8 { return true }
    for fallback in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "zh_CN.UTF-8"] {
      if setlocale(LC_CTYPE, fallback) != nil, codesetIsUTF8 { return true }
    }
    return false
  }

  static var codesetIsUTF8: Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).lowercased()
    return name == "utf-8" || name == "utf8"
  }
}
