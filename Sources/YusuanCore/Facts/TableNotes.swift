// What the officer declares about a table or a section rather than a figure: empty on purpose, or a note under it.

/// A section the officer declares empty on purpose (采购 无), so "missing" and "none" differ.
public struct EmptySection: Hashable, Sendable, Codable {
  public var section: String
  public init(section: String) { self.section = section }
}

/// A note printed under a table (why it is empty), overriding the edition's wording.
public struct TableNote: Hashable, Sendable, Codable {
  public var table: String
  public var text: String
  public init(table: String, text: String) { self.table = table; self.text = text }
}
