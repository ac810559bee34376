/// Why a figure changed from last year, entered once and reused by every sentence that states the change.
public struct Reason: Hashable, Sendable, Codable {
  public var subject: String
  public var text: String
  public init(subject: String, text: String) { self.subject = subject; self.text = text }
}
