/// What one call to `LineEditor.readLine` produced.
public enum ReadResult: Equatable, Sendable {
  /// A line, without its line terminator (and without a trailing carriage return).
  case line(String)
  /// The user pressed Ctrl-C: the input so far is discarded; the caller usually asks again.
  case interrupted
  /// Ctrl-D on an empty line, or the end of piped input: the caller should finish.
  case endOfInput
}
