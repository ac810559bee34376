import Yams

/// Keys an edition file holds that no field reads. YAML decoding skips them, so a misspelt key (`unit:` for
/// `units:`, `titel:`) would silently print the default: the edition's author is told instead. The keys a decoded
/// value knows are those it writes back when encoded; a key absent there, at the same place, is unknown.
enum UnknownKeys {
  struct Key: Equatable {
    var path: String
    var key: String
    var line: Int
    /// The keys known at that place, for the message.
    var known: [String]
  }

  /// `siblings`: the keys the other elements of the same list know (an optional field one element leaves out is
  /// still a known key there, worth naming).
  static func find(source: Node, known: Node, path: String = "", siblings: [String] = []) -> [Key] {
    switch (source, known) {
    case (.mapping(let s), .mapping(let k)):
      var knownKeys = Array(k.keys.compactMap(\.string))
      for key in siblings where !knownKeys.contains(key) { knownKeys.append(key) }
      var out: [Key] = []
      for (key, value) in s {
        guard let name = key.string, name != "<<" else { continue }
        let here = path.isEmpty ? name : path + "." + name
        if let counterpart = k[key] {
          out += find(source: value, known: counterpart, path: here)
        } else if !value.isNullScalar {
          out.append(Key(path: path, key: name, line: key.mark.map { $0.line } ?? 0, known: knownKeys))
        }
      }
      return out
    case (.sequence(let s), .sequence(let k)):
      var keys: [String] = []
      for case .mapping(let m) in k { for key in m.keys.compactMap(\.string) where !keys.contains(key) { keys.append(key) } }
      return zip(s, k).enumerated().flatMap { find(source: $0.element.0, known: $0.element.1, path: "\(path)[\($0.offset + 1)]", siblings: keys) }
    default:
      return []
    }
  }

  /// The unknown keys of `yaml`, decoded as `value`.
  static func find<T: Encodable>(in yaml: String, decodedAs value: T) throws -> [Key] {
    guard let source = try Yams.compose(yaml: yaml), let known = try Yams.compose(yaml: try YAMLEncoder().encode(value)) else { return [] }
    return find(source: source, known: known)
  }

  /// One line per unknown key, in Chinese.
  static func describe(_ keys: [Key]) -> String {
    keys.map { k in
      let place = k.path.isEmpty ? "顶层" : "“\(k.path)”中"
      return "第\(k.line)行：\(place)的键“\(k.key)”不是已知的键，会被忽略（可能拼写有误；此处已知的键：\(k.known.joined(separator: "、"))）。"
    }.joined(separator: "\n")
  }
}

private extension Node {
  /// `key:` with nothing after it, or `~`/`null`: a key left empty says nothing, so it is not held against the file.
  var isNullScalar: Bool {
    guard case .scalar(let s) = self else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(s.string) && s.style == .plain
  }
}
