/// A text layer that is not text: a font embedded without its map to Unicode makes pdftotext give private-use
/// characters, replacement characters, control codes, or the font's own codes as ASCII symbols (`!"#$&'*`), where
/// the page shows Chinese. Such a page is as unread as
/// a scanned one; reading its "words" would report nonsense figures and missing tables.
package enum GarbledText {
  /// Garbled when at least 30% of 20 or more characters are private-use, U+FFFD, control codes, or ASCII symbols
  /// that budget text does not use (the figures' `, . % ( ) -` and the dates' `/ :` are not counted).
  package static func isGarbled(_ words: [PDFWord]) -> Bool {
    var total = 0, bad = 0
    for w in words {
      for s in w.text.unicodeScalars {
        total += 1
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0xE000...0xF8FF, 0xFFFD, 0xF0000...0x10FFFF: bad += 1
        case 0x21...0x7E where "!\"#$&'*+<=>?@[\\]^_`{|}~".unicodeScalars.contains(s): bad += 1
        default: break
        }
      }
    }
    return total >= 20 && bad * 10 >= total * 3
  }
}
