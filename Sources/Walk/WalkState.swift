import YusuanCore

/// Where the walk stands, as a test (or a caller) sees it: the table, the question, the answers of the row so far,
/// the row of last year on offer. Two walks in the same state ask the same next question.
public struct WalkState: Equatable, Sendable {
  /// The id of the current table's step (`expenditure.lines`).
  public var step: String
  /// The question being asked (its prompt), nil on a table that only asks to go on.
  public var question: String?
  public var answers: [String]
  /// The key of last year's row on offer, if any.
  public var offered: String?
  /// The id of the furthest step reached: the tables before it count as entered.
  public var furthest: String
}

extension ReplSession {
  public var state: WalkState {
    WalkState(step: step.id, question: currentField?.prompt, answers: answers, offered: offered?.key, furthest: steps[furthest].id)
  }

  /// Whether the session has ended (quit, or the input ran out).
  public var hasEnded: Bool { quit }
}
