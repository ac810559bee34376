import YusuanCore

/// A page whose text is printed turned a quarter (a wide table set across a portrait page, or a landscape page
/// whose drawing was turned instead of the page): poppler reports such words as displayed, each a tall narrow box,
/// so rows would read as columns. The page is turned upright — words, hidden words and rules — before any table is
/// looked for, and remembers the turn so a report can show its picture the same way up.
package enum SidewaysPage {
  /// Turned when most words of three or more characters (upright, any such word is wider than tall) stand taller
  /// than wide; a few vertical words (a stamp, a side note) leave the page as it is.
  static func isSideways(_ page: PDFPage) -> Bool {
    let long = page.words.filter { $0.text.count >= 3 }
    guard long.count >= 8 else { return false }
    let tall = long.filter { $0.box.height > 1.2 * $0.box.width }.count
    return tall * 10 >= long.count * 7
  }

  /// The page set upright. Lines running down the page (`downwardSteps`, learned from consecutive glyphs and
  /// consecutive words of one line) mean it was turned clockwise to print, so it is turned back three quarters; lines running up, one.
  package static func upright(_ page: PDFPage) -> PDFPage {
    guard page.quarterTurns == 0, isSideways(page) else { return page }
    let turn = QuarterTurn(clockwise: page.downwardSteps >= 0 ? 3 : 1, width: page.width, height: page.height)
    let size = turn.turnedSize
    var turned = PDFPage(
      number: page.number, width: size.width, height: size.height,
      words: page.words.map { PDFWord(text: $0.text, box: turn.box($0.box)) }, rulings: page.rulings.map(turn.ruling))
    turned.hiddenWords = page.hiddenWords.map { PDFWord(text: $0.text, box: turn.box($0.box)) }
    turned.watermarkWords = page.watermarkWords.map { PDFWord(text: $0.text, box: turn.box($0.box)) }
    turned.imageOnly = page.imageOnly
    turned.pictured = page.pictured
    turned.garbled = page.garbled
    turned.quarterTurns = turn.turns
    return turned
  }
}
