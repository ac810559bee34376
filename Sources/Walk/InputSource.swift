/// What the officer's terminal gives back for one prompt.
public enum InputEvent: Equatable, Sendable {
  case line(String)
  /// Ctrl-C: cancel the current input, not the session.
  case interrupted
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfInput
}

/// Where the walk's input comes from: the line editor on a terminal, plain lines from a pipe, or a test's answers.
/// The walk only asks it for the next line, so it runs the same under all three.
public protocol InputSource: AnyObject {
  func read(prompt: String, initialText: String?) -> InputEvent
  func remember(_ line: String)
}
