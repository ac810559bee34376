/// What a section carries from last year's workbook into the new year's (`yusuan new --from`): its facts for the new
/// year — last year's amounts as the prior-year figures, this year's at zero — and how the officer is told, one
/// counted phrase each (职责13条, 项目5个（待确认）). Reasons, printed figures, goals and plans are not carried.
public struct CarriedFacts: Sendable {
  public var facts: [Fact]
  public var summary: [String]
  public init(facts: [Fact] = [], summary: [String] = []) { self.facts = facts; self.summary = summary }
}
