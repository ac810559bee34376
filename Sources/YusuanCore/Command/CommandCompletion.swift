/// What the next word of a partly typed entry line is, by its command's declaration (for TAB completion).
public enum NextWord: Equatable, Sendable {
  /// One of these words: a command, or the second word of a group (资产 车辆, 资产 设备 …).
  case oneOf([String])
  /// A value of this argument.
  case value(ArgSpec)
  /// An option keyword (those not written yet).
  case keyword([String])
  /// Nothing can follow, or the line is not an entry line.
  case none

  public static func == (a: NextWord, b: NextWord) -> Bool {
    switch (a, b) {
    case (.oneOf(let x), .oneOf(let y)), (.keyword(let x), .keyword(let y)): return x == y
    case (.value(let x), .value(let y)): return x.id == y.id
    case (.none, .none): return true
    default: return false
    }
  }
}

extension CommandIndex {
  /// What comes after `typed` (the words before the cursor, complete): read as the parser reads a line, without
  /// checking the values. After 删除, the words that name a fact.
  public func next(after typed: String) -> NextWord {
    guard let line = try? Lexer.tokenize(typed), !line.tokens.isEmpty else { return .none }
    var words = line.tokens.map(\.text)[...]
    let removal = words.first == "删除"
    if removal { words.removeFirst() }
    guard let first = words.popFirst() else { return .oneOf(keywords) }
    guard var group = self[first] else { return .none }
    if group.count > 1 || group[0].sub != nil {
      guard let sub = words.popFirst() else { return .oneOf(group.compactMap(\.sub)) }
      group = group.filter { $0.sub == sub }
      guard !group.isEmpty else { return .none }
    }
    return group[0].next(after: Array(words), removal: removal)
  }
}

extension EntryCommand {
  /// What comes after these words (those after the command's own); `removal`: of a 删除 line.
  func next(after words: [String], removal: Bool = false) -> NextWord {
    var positional = (removal ? keyArgs.filter(\.isPositional) : positionalArgs)[...]
    let table = removal ? OptionTable(keyArgs.filter { !$0.isPositional }) : optionTable
    var typed: Set<String> = []
    var pending: ArgSpec? = nil
    for w in words {
      if pending != nil { pending = nil; continue }
      if let (o, keyword) = table.option(w, quoted: false, alias: optionAlias) {
        typed.insert(keyword)
        if case .flag = o.type {} else { pending = o }
        continue
      }
      // A list number may be left out: a word that is not a number is the argument after it.
      if !removal, let p = positional.first, case .ordinal = p.type, Int(AmountParser.normalizeWidth(w)) == nil { positional.removeFirst() }
      _ = positional.popFirst()
    }
    if let pending { return .value(pending) }
    if !removal, let p = positional.first, case .ordinal = p.type { positional.removeFirst() }
    if let p = positional.first { return .value(p) }
    let left = table.keywords.filter { !typed.contains($0) }
    return left.isEmpty ? .none : .keyword(left)
  }
}
