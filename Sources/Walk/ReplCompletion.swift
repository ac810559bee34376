import Workbench
import YusuanCore

/// TAB completion: commands, codes by prefix or by name fragment (行政运 → 2010301) from the catalog and from the
/// codes this workbook and last year's use, project names, units, edition ids and the choices of the current prompt.
/// On a typed entry line, what the command's declaration says comes next: its words, an option's keyword, a code
/// of the argument's system, a choice's words, a name.
public struct ReplCompletion {
  let codeBook: () -> CodeBook
  let facts: () -> FactSet
  let editions: [String]
  /// The workbook's entry context (the edition's choices).
  let context: () -> EntryContext
  /// The current prompt's field and the answers given so far in its row, if the walk is asking one.
  let field: () -> (field: WalkField, answers: [String])?

  /// Candidates replacing `word` (the text before the cursor since the last break).
  public func candidates(line: String, word: String) -> [String] {
    let before = String(line.dropLast(word.count)).trimmingBlanks()
    if before.isEmpty, let (f, answers) = field() {
      let hits = fieldCandidates(f, answers, word)
      // At a question, TAB offers its answers; the commands only when the question has none to offer.
      if !hits.isEmpty { return hits }
    }
    if before.isEmpty {
      return (SectionRegistry.keywords + MetaCommand.names.filter { $0.count > 1 && $0.first!.isASCII == word.first?.isASCII ?? true })
        .filter { $0.hasPrefix(word) }
    }
    switch SectionRegistry.index.next(after: before) {
    case .oneOf(let words), .keyword(let words): return words.filter { $0.hasPrefix(word) }
    case .value(let arg): return values(arg, word)
    case .none: return codes(word, system: before.hasPrefix("经济") ? .economic : .function) + names(word) + editions.filter { $0.hasPrefix(word) }
    }
  }

  /// Values of a declared argument starting with (or, for names, containing) `word`.
  func values(_ arg: ArgSpec, _ word: String) -> [String] {
    switch arg.type {
    case .code(let system, _, _): return codes(word, system: system)
    case .choice(let c): return c.values(context()).filter { $0.hasPrefix(word) || (!word.isEmpty && $0.contains(word)) }
    case .text: return names(word)
    default: return []
    }
  }

  func fieldCandidates(_ f: WalkField, _ answers: [String], _ word: String) -> [String] {
    switch f.kind {
    case .code(let s): return codes(word, system: s)
    case .choice(let options): return options.filter { $0.hasPrefix(word) || (!word.isEmpty && $0.contains(word)) }
    case .flag: return ["是", "否"].filter { $0.hasPrefix(word) }
    case .text:
      let options = f.options(facts(), answers).filter { $0.hasPrefix(word) || (!word.isEmpty && $0.contains(word)) }
      return options.isEmpty ? names(word) : options
    default: return []
    }
  }

  /// Codes whose number starts with `word`, or whose name contains it: items at the usual entry level first, and
  /// among several of the same name (行政运行 exists under many 款) those under a 款 the department already uses.
  func codes(_ word: String, system: CodeSystem) -> [String] {
    let book = codeBook()
    let level = system == .function ? 7 : 5
    if word.isEmpty {
      // Nothing typed yet: the codes this workbook and last year's use, else the 类 to start from.
      let used = book.used.filter { $0.system == system && $0.code.count == level }.map(\.code)
      return used.isEmpty ? book.catalog.complete("", in: system).filter { $0.code.count == 3 }.map(\.code) : Array(Set(used)).sorted()
    }
    let hits = book.complete(word, in: system)
    var preferred = hits.filter { $0.code.count == level }
    if preferred.isEmpty { preferred = hits }
    let used = Set(book.used.filter { $0.system == system }.map { String($0.code.prefix(level == 7 ? 5 : 3)) })
    let inUse = preferred.filter { used.contains(String($0.code.prefix(level == 7 ? 5 : 3))) }
    if !inUse.isEmpty && !word.allSatisfy(\.isNumber) { preferred = inUse }
    return preferred.prefix(40).map(\.code)
  }

  /// How a candidate is listed after a second TAB: a code with its name and 款, so same-named items can be told apart.
  public func display(_ candidate: String) -> String? {
    guard candidate.allSatisfy(\.isNumber) else { return nil }
    let book = codeBook()
    for system in [CodeSystem.function, .economic] {
      if let name = book.name(candidate, system) {
        let kuan = candidate.count == 7 ? book.name(String(candidate.prefix(5)), system).map { "（\($0)）" } ?? "" : ""
        return "\(candidate) \(name)\(kuan)"
      }
    }
    return nil
  }

  func names(_ word: String) -> [String] {
    guard !word.isEmpty else { return [] }
    let f = facts()
    let pool = f.projects.map(\.name) + f.units.map(\.name) + f.goals.map(\.project)
    var seen = Set<String>()
    return pool.filter { ($0.hasPrefix(word) || $0.contains(word)) && seen.insert($0).inserted }
  }
}
