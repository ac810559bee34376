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
  ///
  /// Sections say what a sentence says only when a figure is there (a zero part is not listed, a single source
  /// is said plainly):
  /// - `{#名}…{/名}`: printed when 名 has a value that is not empty and not zero (`0`, `0.00`, `0.00%`);
  /// - `{^名}…{/名}`: printed when 名 has no value, an empty one or zero;
  /// - `{#名=值}…{/名}`, `{^名=值}…{/名}`: printed when 名's value is (is not) 值, e.g. `{#来源个数=1}`;
  /// - `{|}` inside a section: what follows it is printed instead when the section's condition fails.
  /// Sections nest. An unclosed section is kept as written (`problem()` refuses such a template).
  public static func substitute(_ template: String, _ values: [String: String]) -> String {
    guard template.utf8.contains(0x7B) else { return template }
    var out = ""
    out.reserveCapacity(template.utf8.count + 32)
    render(template[...], values, into: &out)
    return out
  }

  static func render(_ template: Substring, _ values: [String: String], into out: inout String) {
    var rest = template
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let afterOpen = rest.index(after: open)
      guard let close = rest[afterOpen...].firstIndex(of: "}") else {
        rest = rest[open...]
        break
      }
      let tag = rest[afterOpen..<close]
      if let section = Section(tag), let (body, end) = sectionBody(rest[rest.index(after: close)...], name: section.name) {
        let (then, otherwise) = branches(body)
        render(section.holds(values) ? then : otherwise, values, into: &out)
        rest = rest[end...]
        continue
      }
      if let value = values[String(tag)] {
        out += value
      } else {
        out += rest[open...close]
      }
      rest = rest[rest.index(after: close)...]
    }
    out += rest
  }

  /// `#名`, `^名`, `#名=值`, `^名=值`: a section's opening tag.
  struct Section {
    var name: Substring, value: Substring?, inverted: Bool
    init?(_ tag: Substring) {
      guard let first = tag.first, first == "#" || first == "^", tag.count > 1 else { return nil }
      inverted = first == "^"
      let body = tag.dropFirst()
      if let eq = body.firstIndex(of: "=") {
        name = body[..<eq]; value = body[body.index(after: eq)...]
      } else {
        name = body; value = nil
      }
      guard !name.isEmpty else { return nil }
    }

    func holds(_ values: [String: String]) -> Bool {
      let v = values[String(name)]
      let yes = value.map { v == String($0) } ?? v.map { !ProseTemplates.isNothing($0) } ?? false
      return yes != inverted
    }
  }

  /// A value that says nothing: empty, or a figure that is zero (0, 0.00, 0.00%, 0万).
  public static func isNothing(_ value: String) -> Bool {
    let v = value.trimmingBlanks()
    return v.isEmpty || (v.contains("0") && v.allSatisfy { "0.,%".contains($0) })
  }

  /// The text of a section up to its `{/名}` (nested sections of the same name counted) and the index after it.
  static func sectionBody(_ s: Substring, name: Substring) -> (Substring, Substring.Index)? {
    var depth = 0, i = s.startIndex
    while let open = s[i...].firstIndex(of: "{") {
      guard let close = s[open...].firstIndex(of: "}") else { return nil }
      let tag = s[s.index(after: open)..<close]
      if tag == "/" + name {
        if depth == 0 { return (s[..<open], s.index(after: close)) }
        depth -= 1
      } else if let inner = Section(tag), inner.name == name {
        depth += 1
      }
      i = s.index(after: close)
    }
    return nil
  }

  /// A section's body split at its own `{|}` (not one of a section inside it).
  static func branches(_ body: Substring) -> (Substring, Substring) {
    var depth = 0, i = body.startIndex
    while let open = body[i...].firstIndex(of: "{") {
      guard let close = body[open...].firstIndex(of: "}") else { break }
      let tag = body[body.index(after: open)..<close]
      if Section(tag) != nil {
        depth += 1
      } else if tag.hasPrefix("/") && tag.count > 1 {
        depth -= 1
      } else if tag == "|" && depth == 0 {
        return (body[..<open], body[body.index(after: close)...])
      }
      i = body.index(after: close)
    }
    return (body, body[body.endIndex...])
  }

  /// The names a template uses: its placeholders and the names its sections test.
  public static func names(in template: String) -> [String] {
    template.matches(of: /\{([^{}\s]+)\}/).compactMap { m -> String? in
      let tag = m.output.1
      if tag == "|" { return nil }
      if let s = Section(tag) { return String(s.name) }
      if tag.hasPrefix("/") { return nil }
      return String(tag)
    }
  }

  /// What is wrong with a template's sections, or nil: an opening tag without its `{/名}`, a closing one without
  /// its opening, or a `{|}` outside any section.
  public static func sectionProblem(_ template: String) -> String? {
    var open: [Substring] = []
    for m in template.matches(of: /\{([^{}\s]+)\}/) {
      let tag = m.output.1
      if let s = Section(tag) { open.append(s.name); continue }
      if tag == "|" {
        if open.isEmpty { return "{|} 不在任何 {#…}…{/…} 之内" }
        continue
      }
      if tag.hasPrefix("/"), tag.count > 1 {
        let name = tag.dropFirst()
        guard open.last == name else { return "{/\(name)} 没有对应的 {#\(name)} 或 {^\(name)}" }
        open.removeLast()
      }
    }
    return open.last.map { "{#\($0)} 没有对应的 {/\($0)}" }
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
    for key in templates.keys.sorted() {
      if let p = Self.sectionProblem(templates[key]!) { return "措辞 \(key) 的条件段落不完整：\(p)。" }
    }
    return nil
  }
}
