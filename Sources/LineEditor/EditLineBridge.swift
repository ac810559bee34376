import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Everything that talks to libedit's readline emulation.
///
/// libedit keeps one editor per process in C globals and calls back through plain C function
/// pointers, which cannot capture context. So the state those callbacks need (the completer of
/// the editor that is reading, the text to pre-insert) is global too, marked
/// `nonisolated(unsafe)`. That is sound because libedit is single-threaded: the callbacks run only
/// inside `readline()`, on the thread that called it, and `LineEditor.readLine` is the only caller
/// and is documented as one-thread-at-a-time (a terminal has one cursor anyway).
enum EditLineBridge {
  /// The completer of the editor that is reading now.
  nonisolated(unsafe) static var completer: Completer?
  /// Text to put into the edit buffer before the user types, as Unicode scalars, fed to libedit
  /// by `readCharacter` as if typed (libedit's `rl_insert_text` in a pre-input hook is wiped by
  /// the line reset at the start of `el_gets`).
  nonisolated(unsafe) static var pendingInput: [UInt32] = []
  nonisolated(unsafe) static var pendingIndex = 0
  /// A byte read while decoding UTF-8 that turned out to start the next character.
  nonisolated(unsafe) static var pushedBack: UInt8?
  /// Which editor's history libedit holds (editors share the one libedit history list).
  nonisolated(unsafe) static var historyOwner: Int?

  /// One-time setup: UTF-8 locale, callbacks, word breaks. False when no UTF-8 locale exists.
  static let isReady: Bool = {
    guard UTF8Locale.ensure() else { return false }
    // libedit keeps these pointers: allocated once, never freed.
    let name = CommandLine.arguments.first.map { String($0.split(separator: "/").last ?? "") } ?? ""
    yle_set_readline_name(strdup(name.isEmpty ? "lineeditor" : name))
    yle_set_word_break_characters(strdup(CompletionPlan.wordBreakCharacters))
    yle_set_attempted_completion_function(attemptedCompletion)
    yle_set_getc_function(readCharacter)
    using_history()
    _ = rl_initialize()
    return true
  }()

  /// Makes libedit's history list the given editor's.
  static func useHistory(of owner: Int, entries: [String], limit: Int) {
    guard historyOwner != owner else { return }
    clear_history()
    stifle_history(Int32(clamping: limit))
    for entry in entries { _ = add_history(entry) }
    historyOwner = owner
  }

  static func addHistory(_ entry: String, owner: Int) {
    if historyOwner == owner { _ = add_history(entry) }
  }

  /// One line through libedit. `prompt` must be a single line.
  static func readline(prompt: String, initialText: String?, completer: Completer?) -> ReadResult {
    self.completer = completer
    pendingInput = (initialText ?? "").unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? 0x20 : $0.value }
    pendingIndex = 0
    Interrupt.install()
    let raw = CEditLine.readline(prompt)
    Interrupt.restore()
    pendingInput = []
    self.completer = nil
    defer { free(raw) }
    if Interrupt.isPending {
      // libedit leaves the cursor on the abandoned line; mark it like a shell does.
      yle_print("^C\n", 0)
      return .interrupted
    }
    guard let raw else {
      yle_print("\n", 0)  // Ctrl-D leaves the cursor after the prompt.
      return .endOfInput
    }
    return .line(String(cString: raw))
  }

  /// libedit's input function: one Unicode scalar per call, -1 for end of input (or Ctrl-C).
  ///
  /// Replacing libedit's own reader lets us pre-insert text and end the read on Ctrl-C; the
  /// price is decoding UTF-8 here (libedit takes the return value as a wide character).
  static let readCharacter: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { stream in
    if pendingIndex < pendingInput.count {
      defer { pendingIndex += 1 }
      return Int32(bitPattern: pendingInput[pendingIndex])
    }
    let descriptor = stream.map { fileno($0) } ?? STDIN_FILENO
    guard let first = nextByte(descriptor) else { return -1 }
    let length: Int
    switch first {
    case 0x00...0x7F: return Int32(first)
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return 0xFFFD
    }
    var bytes = [first]
    while bytes.count < length {
      guard let next = nextByte(descriptor) else { return 0xFFFD }
      guard next & 0xC0 == 0x80 else {
        pushedBack = next
        return 0xFFFD
      }
      bytes.append(next)
    }
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return Int32(bitPattern: scalar.value) }
    return 0xFFFD
  }

  /// One byte from the terminal, nil at end of input or when Ctrl-C interrupted the read.
  private static func nextByte(_ descriptor: Int32) -> UInt8? {
    if let byte = pushedBack {
      pushedBack = nil
      return byte
    }
    var byte: UInt8 = 0
    while true {
      let count = read(descriptor, &byte, 1)
      if count == 1 { return byte }
      if count < 0, errno == EINTR, !Interrupt.isPending { continue }
      return nil
    }
  }

  /// libedit's completion hook: ask the completer, translate its answer (see `CompletionPlan`).
  static let attemptedCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = {
    word, start, end in
    yle_set_attempted_completion_over(1)  // a miss must not fall back to file names
    guard let completer else { return nil }
    let line = currentLine(word: word.map { String(cString: $0) } ?? "", start: Int(start), end: Int(end))
    let cursor = CompletionPlan.characterOffset(ofScalarOffset: Int(end), in: line)
    let wordStart = CompletionPlan.characterOffset(ofScalarOffset: Int(start), in: line)
    let completion = completer(line, cursor)
    yle_set_completion_append_character(completion.appendsSpace ? 0x20 : 0)
    guard var matches = CompletionPlan.matches(line: line, cursor: cursor, libeditStart: wordStart, completion: completion)
    else { return nil }
    if matches.count > 2 {
      matches[1...] = ArraySlice(CompletionPlan.alignedForListing(Array(matches[1...]), columns: terminalColumns))
    }
    // libedit frees the array and its strings with free().
    let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (matches.count + 1)
    guard let memory = malloc(size) else { return nil }
    let array = memory.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: matches.count + 1)
    for (index, match) in matches.enumerated() { array[index] = strdup(match) }
    array[matches.count] = nil
    return array
  }

  /// The line being edited (see `CompletionPlan.reconstructedLine` for why not `rl_line_buffer`).
  private static func currentLine(word: String, start: Int, end: Int) -> String {
    let scalarCount = Int(yle_line_length())
    guard scalarCount > 0, let copy = rl_copy_text(0, Int32(clamping: scalarCount * 4)) else { return "" }
    defer { free(copy) }
    let bytes = Array(UnsafeRawBufferPointer(start: copy, count: strlen(copy)))
    return CompletionPlan.reconstructedLine(truncatedCopy: bytes, word: word, start: start, end: end, scalarCount: scalarCount)
  }

  /// Terminal columns of a string, by wcwidth (2 for CJK); control characters count 0.
  static func terminalColumns(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + max(0, Int(wcwidth(wchar_t(bitPattern: $1.value)))) }
  }
}
