import Workbench
import YusuanCore

/// TAB completion: commands, codes by prefix or by name fragment (行政运 → 2010301), project names, units,
/// edition ids and the choices of the current prompt.
struct ReplCompletion {
  let catalog: Catalog
  let facts: () -> FactSet
  let editions: [String]
  /// The current prompt's field, if the walk is asking one.
  let field: () -> WalkField?

  /// Candidates replacing `word` (the text before the cursor since the last break).
  func candidates(line: String, word: String) -> [String] {
    let before = String(line.dropLast(word.count)).trimmingBlanks()
    if before.isEmpty, let f = field() {
      let hits = fieldCandidates(f, word)
      if !hits.isEmpty { return hits }
    }
    if before.isEmpty {
      return (SectionRegistry.keywords + MetaCommand.names.filter { $0.count > 1 && $0.first!.isASCII == word.first?.isASCII ?? true })
        .filter { $0.hasPrefix(word) }
    }
    return codes(word, system: before.hasPrefix("经济") ? .economic : .function) + names(word) + editions.filter { $0.hasPrefix(word) }
  }

  func fieldCandidates(_ f: WalkField, _ word: String) -> [String] {
    switch f.kind {
    case .code(let s): return codes(word, system: s)
    case .choice(let options): return options.filter { $0.hasPrefix(word) || (!word.isEmpty && $0.contains(word)) }
    case .text: return names(word)
    default: return []
    }
  }

  /// Codes whose number starts with `word`, or whose name contains it (items at the usual entry level first).
  func codes(_ word: String, system: CodeSystem) -> [String] {
    guard !word.isEmpty else { return [] }
    let level = system == .function ? 7 : 5
    let hits = catalog.complete(word, in: system)
    let preferred = hits.filter { $0.code.count == level }
    return (preferred.isEmpty ? hits : preferred).prefix(40).map(\.code)
  }

  func names(_ word: String) -> [String] {
    guard !word.isEmpty else { return [] }
    let f = facts()
    let pool = f.projects.map(\.name) + f.units.map(\.name) + f.goals.map(\.project)
    var seen = Set<String>()
    return pool.filter { ($0.hasPrefix(word) || $0.contains(word)) && seen.insert($0).inserted }
  }
}
