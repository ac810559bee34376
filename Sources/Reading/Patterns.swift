import Foundation

/// Regular expressions compiled once per process. `String.range(of:options: .regularExpression)` compiles its
/// pattern on every call, and the readers ask the same few questions of every line: on a 26-page PDF that was an
/// eighth of the audit's time.
package final class Patterns: @unchecked Sendable {
  private static let shared = Patterns()
  private let lock = NSLock()
  private var compiled: [String: NSRegularExpression] = [:]

  package static func regex(_ pattern: String) -> NSRegularExpression {
    shared.lock.lock()
    defer { shared.lock.unlock() }
    if let r = shared.compiled[pattern] { return r }
    // Patterns are literals in this module; one that does not compile is a programming error caught by the tests.
    let r = try! NSRegularExpression(pattern: pattern)
    shared.compiled[pattern] = r
    return r
  }
}

extension StringProtocol {
  /// The first match of `pattern` (a cached regular expression), as `range(of:options: .regularExpression)` gives it.
  package func match(_ pattern: String) -> Range<String.Index>? {
    let s = String(self)
    let ns = s as NSString
    guard let m = Patterns.regex(pattern).firstMatch(in: s, range: NSRange(location: 0, length: ns.length)) else { return nil }
    guard let r = Range(m.range, in: s) else { return nil }
    // Map back onto self's indices (self may be a Substring).
    let lower = index(startIndex, offsetBy: s.distance(from: s.startIndex, to: r.lowerBound))
    let upper = index(lower, offsetBy: s.distance(from: r.lowerBound, to: r.upperBound))
    return lower..<upper
  }

  /// `self` with every match of `pattern` replaced by `template`.
  package func replacing(pattern: String, with template: String) -> String {
    let s = String(self)
    return Patterns.regex(pattern).stringByReplacingMatches(in: s, range: NSRange(location: 0, length: (s as NSString).length), withTemplate: template)
  }
}
