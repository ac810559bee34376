import YusuanCore
/// A run of text poppler reports as one word: a CJK run without spaces, or a space-delimited token.
public struct PDFWord: Sendable, Equatable {
  public var text: String
  public var box: Box
}

/// A drawn straight line (a stroke, or a thin filled rectangle, as office programs draw table rules).
public struct Ruling: Sendable, Equatable {
  public enum Orientation: Sendable { case horizontal, vertical }
  public var orientation: Orientation
  /// The fixed coordinate: y of a horizontal rule, x of a vertical one.
  public var position: Double
  /// The extent along the rule: x0…x1 of a horizontal rule, y0…y1 of a vertical one.
  public var start: Double
  public var end: Double

  public init(_ orientation: Orientation, at position: Double, from start: Double, to end: Double) {
    self.orientation = orientation; self.position = position
    self.start = Swift.min(start, end); self.end = Swift.max(start, end)
  }

  public var length: Double { end - start }
}

/// One page: its size, its words and its rules, and its 1-based number in the document.
public struct PDFPage: Sendable {
  public var number: Int
  public var width: Double
  public var height: Double
  public var words: [PDFWord]
  public var rulings: [Ruling]
  /// Words the text layer holds but the page does not show (clipped away); left out of the reading.
  public var hiddenWords: [PDFWord] = []
  /// Words of slanted text across the page (a watermark, `Watermark`); left out of the reading.
  public var watermarkWords: [PDFWord] = []
  /// A page drawn as an image with (almost) no text layer: scanned, so its tables and prose cannot be read.
  public var imageOnly = false
  /// A page with text whose pictures cover most of it with no text over them (a table pasted as a picture under
  /// its typed title): what the pictures hold cannot be read, so the page counts as unread.
  public var pictured = false
  /// A page whose text layer is not text (`GarbledText`): its words are dropped, and it is as unread as a scan.
  public var garbled = false
  /// Quarter turns clockwise that set this page upright for reading (0 as printed; 1 or 3 for a page printed
  /// sideways, see `SidewaysPage`); its picture must be turned the same way.
  public var quarterTurns = 0
  /// Consecutive words of one poppler line whose second stands lower (+1) or higher (−1) than the first, counted
  /// over tall words only: which way sideways lines run.
  package var downwardSteps = 0

  public init(number: Int, width: Double, height: Double, words: [PDFWord], rulings: [Ruling] = []) {
    self.number = number; self.width = width; self.height = height; self.words = words; self.rulings = rulings
  }
}
