/// The answer of a completer: which part of the line to replace, and with what.
///
/// A completer is asked `(line, cursorCharacterOffset)` and answers with the character offset
/// where the fragment being completed starts and the candidates for it. A candidate's
/// `replacement` is what goes into the line, its `display` what the list shows, so a code can be
/// completed from its name: for the fragment `行政运`, the candidate
/// `Candidate("2010301", display: "2010301 行政运行")` replaces `行政运` with `2010301`.
///
/// Offsets count `Character`s of the line, not bytes.
public struct Completion: Equatable, Sendable {
  /// One possible completion.
  public struct Candidate: Equatable, Sendable {
    /// The text that replaces the fragment.
    public var replacement: String
    /// The text shown when several candidates are listed (the replacement when nil).
    public var display: String?

    public init(_ replacement: String, display: String? = nil) {
      self.replacement = replacement
      self.display = display
    }

    /// What the candidate list shows.
    public var shownText: String { display ?? replacement }
  }

  /// Character offset of the first character replaced. Usually `LineEditor.wordStart(in:cursor:)`;
  /// it may be later than that (the text between is kept) or earlier (then only candidates that
  /// begin with the text between are used, see `CompletionPlan`).
  public var start: Int
  public var candidates: [Candidate]
  /// Whether a single, complete match is followed by a space (the readline convention).
  public var appendsSpace: Bool

  public init(start: Int, candidates: [Candidate], appendsSpace: Bool = true) {
    self.start = start
    self.candidates = candidates
    self.appendsSpace = appendsSpace
  }

  /// Candidates whose replacement is also what the list shows.
  public init(start: Int, replacements: [String], appendsSpace: Bool = true) {
    self.init(start: start, candidates: replacements.map { Candidate($0) }, appendsSpace: appendsSpace)
  }

  /// Nothing to offer.
  public static let none = Completion(start: 0, candidates: [])
}

/// A completer: `(line, cursorCharacterOffset) -> Completion`. Called on the thread that reads,
/// while the user waits, so it should be quick.
public typealias Completer = @Sendable (_ line: String, _ cursorCharacterOffset: Int) -> Completion
