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
    guard let t = templates[key] else { return "【缺少模板 \(key)】" }
    return Self.substitute(t, values)
  }

  /// One pass over the template: each `{name}` with a value is replaced, any other brace text is kept as written.
  /// (A value is never scanned again, so a figure or reason containing braces is printed as entered.)
  public static func substitute(_ template: String, _ values: [String: String]) -> String {
    guard !values.isEmpty, template.utf8.contains(0x7B) else { return template }
    var out = ""
    out.reserveCapacity(template.utf8.count + 32)
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let afterOpen = rest.index(after: open)
      guard let close = rest[afterOpen...].firstIndex(of: "}") else {
        rest = rest[open...]
        break
      }
      if let value = values[String(rest[afterOpen..<close])] {
        out += value
      } else {
        out += rest[open...close]
      }
      rest = rest[rest.index(after: close)...]
    }
    out += rest
    return out
  }

  /// Keys every edition's prose.yaml must define: all the code asks for (`ProseKeys`).
  public static var requiredKeys: [String] { ProseKeys.all.map(\.key) }

  /// What is wrong with these templates for the code (nil when nothing): keys the code asks for that are missing,
  /// and keys the code never asks for (a misspelt key would otherwise be silently unused).
  public func problem() -> String? {
    let missing = Self.requiredKeys.filter { templates[$0] == nil }
    if !missing.isEmpty { return "缺少措辞：\(missing.joined(separator: "、"))。" }
    let known = Set(Self.requiredKeys)
    let unknown = templates.keys.filter { !known.contains($0) }.sorted()
    if !unknown.isEmpty { return "有程序不使用的措辞（是否拼写有误？）：\(unknown.joined(separator: "、"))。" }
    return nil
  }
}
