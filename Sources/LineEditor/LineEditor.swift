import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines for the REPL: line editing, history and TAB completion on a terminal (libedit),
/// plain lines from stdin otherwise.
///
/// Two modes, chosen once per editor:
/// - **Editor mode** when stdin and stdout are terminals (`isInteractive`) and a UTF-8 locale
///   exists: libedit's readline emulation, with CJK-aware cursor movement, history (↑/↓, kept in
///   `historyFile`), TAB completion from `completer` (a second TAB lists the candidates),
///   Ctrl-C → `.interrupted`, Ctrl-D on an empty line → `.endOfInput`.
/// - **Plain mode** otherwise (a pipe, a script, `yusuan < file`): lines are read with `read(2)`,
///   the prompt is not printed, so piped output stays clean. Exception: when a person is typing
///   (stdin is a terminal) but stdout is redirected, the prompt goes to stderr. `initialText` is
///   ignored; invalid UTF-8 is replaced (see `lastLineWasRepaired`).
///
/// Not thread-safe: libedit is one editor per process, so use editors from one thread, one
/// `readLine` at a time. Several editors may exist (each with its own completer and history);
/// the one reading owns libedit for that read.
public final class LineEditor {
  /// Whether stdin and stdout are both terminals. Never start line editing otherwise.
  public static var isInteractive: Bool {
    isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
  }

  /// The history file given to `init`, if any.
  public let historyFile: String?
  /// The history, oldest first: the file's entries followed by this session's.
  public private(set) var history: [String]
  /// True when the last plain-mode line contained bytes that are not UTF-8 (replaced by U+FFFD).
  /// A script saved as GBK is the usual cause; the caller may want to say so.
  public private(set) var lastLineWasRepaired = false

  private let completer: Completer?
  private let historyLimit: Int
  private let file: HistoryFile?
  private let usesEditor: Bool
  private let identity: Int

  nonisolated(unsafe) private static var editorsCreated = 0
  /// stdin is one stream: every plain-mode editor reads through the same buffer.
  nonisolated(unsafe) private static var standardInput = PlainLineReader(fileDescriptor: STDIN_FILENO)

  /// - Parameters:
  ///   - historyFile: where history is loaded from and appended to (nil: this session only).
  ///     The folder is created when the first line is added.
  ///   - completer: offers completions for TAB (nil: TAB does nothing).
  ///   - historyLimit: entries kept in memory and in the file.
  public init(historyFile: String?, completer: Completer?, historyLimit: Int = 1000) {
    self.historyFile = historyFile
    self.completer = completer
    self.historyLimit = max(historyLimit, 1)
    file = historyFile.map { HistoryFile(path: $0, limit: max(historyLimit, 1)) }
    history = file?.load() ?? []
    usesEditor = LineEditor.isInteractive && EditLineBridge.isReady
    LineEditor.editorsCreated += 1
    identity = LineEditor.editorsCreated
  }

  /// Reads one line.
  ///
  /// - Parameters:
  ///   - prompt: shown before the input; may contain CJK. A multi-line prompt is fine (the lines
  ///     before the last are printed first). Wrap escape sequences with `invisible(_:)`.
  ///   - default: returned instead of an empty (or all-blank) answer. The caller shows it in the
  ///     prompt, hledger style: `科目代码 [2010301]: `.
  ///   - initialText: put into the edit buffer, cursor at its end, as if typed: for going back
  ///     one prompt with `<` while keeping the earlier answer. Editor mode only.
  /// - Returns: the line without its newline, `.interrupted` after Ctrl-C, `.endOfInput` after
  ///   Ctrl-D on an empty line or at the end of piped input.
  public func readLine(prompt: String, default defaultAnswer: String? = nil, initialText: String? = nil) -> ReadResult {
    let result = usesEditor ? readEdited(prompt: prompt, initialText: initialText) : readPlain(prompt: prompt)
    if case .line(let text) = result, let defaultAnswer, HistoryFile.isBlank(text) {
      return .line(defaultAnswer)
    }
    return result
  }

  /// Adds an accepted line to the history (↑ recalls it) and appends it to the history file.
  /// Blank lines and a repeat of the previous entry are skipped. `readLine` does not add lines by
  /// itself: the caller knows which answers are worth recalling.
  public func add(history line: String) {
    let entry = HistoryFile.normalized(line)
    guard !HistoryFile.isBlank(entry), entry != history.last else { return }
    history.append(entry)
    if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
    file?.append(entry)
    if usesEditor { EditLineBridge.addHistory(entry, owner: identity) }
  }

  /// The character offset where the word before `cursor` starts, by the same rule libedit uses
  /// (white space, ASCII separators and full-width punctuation such as ，、；：（） end words).
  /// A completer usually answers `Completion(start: LineEditor.wordStart(in: line, cursor: cursor), …)`.
  public static func wordStart(in line: String, cursor: Int) -> Int {
    CompletionPlan.wordStart(in: line, cursor: cursor)
  }

  /// Marks terminal escape sequences (colours) in a prompt as taking no columns, so libedit puts
  /// the cursor in the right place: `LineEditor.invisible("\u{1B}[1m") + "科目" + LineEditor.invisible("\u{1B}[0m")`.
  public static func invisible(_ escapeSequence: String) -> String {
    "\u{01}" + escapeSequence + "\u{02}"
  }

  // MARK: - The two modes

  private func readEdited(prompt: String, initialText: String?) -> ReadResult {
    EditLineBridge.useHistory(of: identity, entries: history, limit: historyLimit)
    var lastLine = Substring(prompt)
    if let newline = prompt.lastIndex(where: { $0.isNewline }) {
      yle_print(String(prompt[...newline]), 0)
      lastLine = prompt[prompt.index(after: newline)...]
    }
    return EditLineBridge.readline(prompt: String(lastLine), initialText: initialText, completer: completer)
  }

  private func readPlain(prompt: String) -> ReadResult {
    let personTyping = isatty(STDIN_FILENO) == 1
    if personTyping {
      yle_print(prompt.filter { $0 != "\u{01}" && $0 != "\u{02}" }, 1)
      Interrupt.install()
    }
    defer { if personTyping { Interrupt.restore() } }
    switch LineEditor.standardInput.readLine(isInterrupted: { Interrupt.isPending }) {
    case .line(let text, let repaired):
      lastLineWasRepaired = repaired
      return .line(text)
    case .interrupted:
      yle_print("\n", 1)
      return .interrupted
    case .endOfInput:
      if personTyping { yle_print("\n", 1) }  // Ctrl-D leaves the cursor after the prompt.
      return .endOfInput
    }
  }
}
