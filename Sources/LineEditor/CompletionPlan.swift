/// The arithmetic between a completer's answer and what libedit's readline emulation accepts.
///
/// libedit finds the word before the cursor itself (using `wordBreakCharacters`), deletes it
/// when it completes, and inserts `matches[0]`; `matches[1...]` are only listed (on a second
/// TAB). Its offsets count Unicode scalars (wide characters), the line buffer is UTF-8 and a
/// completer speaks in `Character`s. Everything here is pure, so it is tested without a terminal.
enum CompletionPlan {
  /// Characters that end a word: white space (including the ideographic space), the ASCII
  /// separators of the readline default, and the full-width punctuation of Chinese text.
  static let wordBreakCharacters =
    " \t\n\"'`<>=;|&{}()[],:" + "，、；：（）【】《》「」〈〉。！？“”‘’　"

  private static let breakSet: Set<Character> = Set(wordBreakCharacters)

  /// The character offset where the word that ends at `cursor` starts.
  static func wordStart(in line: String, cursor: Int) -> Int {
    let characters = Array(line)
    var start = min(max(cursor, 0), characters.count)
    while start > 0, !breakSet.contains(characters[start - 1]) { start -= 1 }
    return start
  }

  /// The longest common prefix, compared character by character (never splits a CJK character).
  static func commonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first.map(Array.init) else { return "" }
    for string in strings.dropFirst() {
      let other = Array(string)
      var count = 0
      while count < prefix.count, count < other.count, prefix[count] == other[count] { count += 1 }
      prefix.removeSubrange(count...)
    }
    return String(prefix)
  }

  /// Converts libedit's offset (Unicode scalars) into a `Character` offset of `line`.
  static func characterOffset(ofScalarOffset offset: Int, in line: String) -> Int {
    let scalars = line.unicodeScalars
    let clamped = min(max(offset, 0), scalars.count)
    let index = scalars.index(scalars.startIndex, offsetBy: clamped)
    return line[..<index].count
  }

  /// The line being completed, rebuilt from what libedit hands out reliably.
  ///
  /// `rl_line_buffer` cannot be trusted (it dangles once any line exceeded 1024 bytes), and
  /// libedit's `rl_copy_text` drops the line's last byte (it calls `strlcpy` with the length
  /// instead of the length + 1). What is exact: that copy minus its last character, and the word
  /// libedit passes to the completion function with its scalar offsets `start..<end`. The last
  /// character comes from the word when the word reaches the end of the line; otherwise it is
  /// guessed from its surviving bytes among the word break characters (the cursor is then after
  /// it or it is after the cursor), and is a space when nothing survived (an ASCII character).
  static func reconstructedLine(truncatedCopy: [UInt8], word: String, start: Int, end: Int, scalarCount: Int) -> String {
    guard scalarCount > 0 else { return "" }
    // The complete scalars of the copy, and the bytes of an incomplete last one.
    var complete: [Unicode.Scalar] = []
    var iterator = truncatedCopy.makeIterator()
    var decoder = UTF8()
    var consumed = 0
    decoding: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        complete.append(scalar)
        consumed += UTF8.width(scalar)
      case .emptyInput, .error:
        break decoding
      }
    }
    let partial = Array(truncatedCopy[min(consumed, truncatedCopy.count)...])
    var scalars = Array(complete.prefix(scalarCount))
    if scalars.count < scalarCount {  // The usual case; a libedit without the bug skips this.
      let guess = wordBreakCharacters.unicodeScalars.first { !partial.isEmpty && Array(String($0).utf8).starts(with: partial) }
      scalars.append(guess ?? " ")
    }
    // Overlay the exact word.
    let wordScalars = Array(word.unicodeScalars)
    let wordStart = min(max(start, 0), scalars.count)
    let wordEnd = min(wordStart + wordScalars.count, scalars.count)
    scalars.replaceSubrange(wordStart..<wordEnd, with: wordScalars.prefix(wordEnd - wordStart))
    var line = String.UnicodeScalarView()
    line.append(contentsOf: scalars)
    return String(line)
  }

  /// The matches array for libedit: `[insertion, listed…]`, or nil when there is nothing to offer.
  ///
  /// - `libeditStart`/`cursor`: the fragment libedit will delete, as character offsets.
  /// - One distinct replacement: `[replacement]`, which libedit inserts (plus the append character).
  /// - Several: the insertion is their common prefix when that extends the fragment (nothing is
  ///   lost), otherwise "" (the fragment stays as typed); the list shows every candidate once.
  /// - A completion starting after libedit's word keeps the text in between; one starting before
  ///   it can only use candidates that begin with the text in between (libedit cannot delete more).
  static func matches(line: String, cursor: Int, libeditStart: Int, completion: Completion) -> [String]? {
    let characters = Array(line)
    let cursor = min(max(cursor, 0), characters.count)
    let libeditStart = min(max(libeditStart, 0), cursor)
    let start = min(max(completion.start, 0), cursor)

    var replacements: [String] = []
    var listed: [String] = []
    if start >= libeditStart {
      let kept = String(characters[libeditStart..<start])
      for candidate in completion.candidates {
        replacements.append(kept + candidate.replacement)
        listed.append(candidate.shownText)
      }
    } else {
      let overlap = String(characters[start..<libeditStart])
      for candidate in completion.candidates where candidate.replacement.hasPrefix(overlap) {
        replacements.append(String(candidate.replacement.dropFirst(overlap.count)))
        listed.append(candidate.shownText)
      }
    }
    guard !replacements.isEmpty else { return nil }

    let distinct = unique(replacements)
    if distinct.count == 1 { return distinct }

    let fragment = String(characters[libeditStart..<cursor])
    let common = commonPrefix(distinct)
    let insertion = common.hasPrefix(fragment) && common != fragment ? common : ""
    return [insertion] + unique(listed)
  }

  /// Pads list entries so libedit's columns line up.
  ///
  /// libedit sizes its columns by `strlen` (bytes) and pads each entry with `maxBytes - bytes`
  /// spaces, so an entry takes `columns + maxBytes - bytes` columns. A CJK character is 3 bytes
  /// but 2 columns, so entries with more CJK come out narrower. Appending a no-break space
  /// (U+00A0: 2 bytes, 1 column) raises `bytes - columns` by one; making it equal for all
  /// entries makes them equally wide. (An ASCII space would change both by one: no help.)
  static func alignedForListing(_ entries: [String], columns: (String) -> Int) -> [String] {
    let surplus = entries.map { $0.utf8.count - columns($0) }
    guard let most = surplus.max() else { return entries }
    return zip(entries, surplus).map { entry, own in entry + String(repeating: "\u{A0}", count: most - own) }
  }

  private static func unique(_ strings: [String]) -> [String] {
    var seen = Set<String>()
    return strings.filter { seen.insert($0).inserted }
  }
}
