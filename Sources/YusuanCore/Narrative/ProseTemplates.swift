import Foundation
import Yams

/// The wording of generated prose, as data (`forms/editions/ID/prose.yaml`): a template per sentence, with
/// `{name}` placeholders that the compile stage fills with figures. A province's wording is a new file, not new code.
public struct ProseTemplates: Sendable, Equatable {
  public var templates: [String: String]

  public init(templates: [String: String]) { self.templates = templates }

  public static func load(yaml: String) throws -> ProseTemplates {
    let decoded = try YAMLDecoder().decode([String: String].self, from: yaml)
    return ProseTemplates(templates: decoded)
  }

  /// Fills the template `key` with `values`. A missing template or placeholder is a bug in the forms,
  /// shown in the output as 【缺少模板 key】 so it can never pass unnoticed (and `compile` refuses residue-like output).
  public func fill(_ key: String, _ values: [String: String] = [:]) -> String {
    guard var t = templates[key] else { return "【缺少模板 \(key)】" }
    for (k, v) in values { t = t.replacingOccurrences(of: "{\(k)}", with: v) }
    return t
  }

  /// Keys every edition's prose.yaml must define (checked by a test).
  public static let requiredKeys = [
    "change.increase", "change.decrease", "change.same", "change.new", "change.stopped", "change.unknown", "change.reason",
    "shares.note",
  ]
}
