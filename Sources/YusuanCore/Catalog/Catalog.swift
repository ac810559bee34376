/// One row of a classification catalog, with where it came from.
public struct CatalogEntry: Hashable, Sendable, Codable {
  public var code: String
  public var name: String
  public var system: CodeSystem
  /// `high` / `medium` / `low` for the bundled reference catalog; `official` for an imported one.
  public var confidence: String

  public init(code: String, name: String, system: CodeSystem, confidence: String) {
    self.code = code; self.name = name; self.system = system; self.confidence = confidence
  }

  public var level: Int { code.count == 3 ? 1 : code.count == 5 ? 2 : 3 }
}

/// A classification catalog: the 政府收支分类科目 of one year, as far as it is known.
///
/// Incomplete by nature (DESIGN §2): a code missing here is *unknown* (a warning with suggestions),
/// never *invalid*; only a code's shape can make it invalid.
public struct Catalog: Sendable {
  public let id: String
  public private(set) var entries: [String: CatalogEntry] = [:]
  private var byNameKey: [String: [CatalogEntry]] = [:]

  public init(id: String, entries: [CatalogEntry]) {
    self.id = id
    for e in entries { add(e) }
  }

  mutating func add(_ e: CatalogEntry) {
    entries[key(e.code, e.system)] = e
    byNameKey[NameKey.of(e.name), default: []].append(e)
  }

  private func key(_ code: String, _ system: CodeSystem) -> String { system.rawValue + ":" + code }

  public func entry(_ code: String, _ system: CodeSystem) -> CatalogEntry? { entries[key(code, system)] }

  public func name(_ code: String, _ system: CodeSystem) -> String? { entry(code, system)?.name }

  public var count: Int { entries.count }

  /// Names a code carried before the catalog's year (210 医疗卫生与计划生育支出, now 卫生健康支出), from
  /// `forms/catalogs/former-names.csv`: a document that prints one is out of date, not wrong about the code.
  public private(set) var formerNames: [String: [String]] = [:]

  public mutating func addFormerName(_ former: String, code: String, system: CodeSystem) {
    formerNames[key(code, system), default: []].append(NameKey.of(former))
  }

  /// Whether `name` is a name `code` carried before.
  public func isFormerName(_ name: String, of code: String, _ system: CodeSystem) -> Bool {
    formerNames[key(code, system)]?.contains(NameKey.of(name)) ?? false
  }

  /// The code whose former name `name` is, among codes of `length` digits (a fixed row that prints only a name).
  public func code(formerlyNamed name: String, length: Int, _ system: CodeSystem) -> String? {
    let k = NameKey.of(name), prefix = system.rawValue + ":"
    return formerNames.first { $0.key.hasPrefix(prefix) && $0.key.count == prefix.count + length && $0.value.contains(k) }
      .map { String($0.key.dropFirst(prefix.count)) }
  }

  /// Entries whose name is exactly `name` (after normalising brackets and blanks).
  public func entries(named name: String, in system: CodeSystem) -> [CatalogEntry] {
    (byNameKey[NameKey.of(name)] ?? []).filter { $0.system == system }.sorted { $0.code < $1.code }
  }

  /// Did-you-mean candidates for an unknown code: near codes (one digit changed, swapped, missing or extra),
  /// then codes whose name matches `name`, best first, at most `limit`.
  public func suggestions(for code: String, name: String?, in system: CodeSystem, limit: Int = 3) -> [CatalogEntry] {
    var out: [CatalogEntry] = []
    func push(_ e: CatalogEntry) { if !out.contains(e) { out.append(e) } }
    if let name, !name.isEmpty {
      for e in entries(named: name, in: system) { push(e) }
    }
    let candidates = entries.values.filter { $0.system == system && system.levelLengths.contains($0.code.count) }
    let near = candidates.filter { Self.isNear(code, $0.code) }.sorted {
      ($0.code.count == code.count ? 0 : 1, $0.code) < ($1.code.count == code.count ? 0 : 1, $1.code)
    }
    for e in near { push(e) }
    if let name, !name.isEmpty, out.count < limit {
      let key = NameKey.of(name)
      let partial = candidates.filter { NameKey.of($0.name).contains(key) || (key.count >= 2 && key.contains(NameKey.of($0.name)) && $0.name.count >= 3) }
        .sorted { $0.code < $1.code }
      for e in partial { push(e) }
    }
    return Array(out.prefix(limit))
  }

  /// Codes within one typing slip of each other: one substitution, one adjacent swap, one insertion or deletion.
  static func isNear(_ a: String, _ b: String) -> Bool {
    let x = Array(a), y = Array(b)
    if x == y { return false }
    if x.count == y.count {
      let diffs = zip(x, y).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
      if diffs.count == 1 { return true }
      if diffs.count == 2, diffs[1] == diffs[0] + 1, x[diffs[0]] == y[diffs[1]], x[diffs[1]] == y[diffs[0]] { return true }
      return false
    }
    let (short, long) = x.count < y.count ? (x, y) : (y, x)
    guard long.count - short.count == 1 else { return false }
    for i in 0...short.count {
      var l = long
      l.remove(at: i)
      if l == short { return true }
    }
    return false
  }

  /// Completion candidates: codes starting with `prefix`, or names containing it.
  public func complete(_ fragment: String, in system: CodeSystem) -> [CatalogEntry] {
    let key = NameKey.of(fragment)
    return entries.values.filter { $0.system == system && ($0.code.hasPrefix(fragment) || NameKey.of($0.name).contains(key)) }
      .sorted { $0.code < $1.code }
  }
}
