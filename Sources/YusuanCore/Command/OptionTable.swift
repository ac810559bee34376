/// A command's options by the words that start them: each keyword, and for amounts by source `金额` and every
/// source's name. Made once per command (a line is read against it), and for a 删除 line from its key options.
struct OptionTable: Sendable {
  let options: [ArgSpec]
  let byKeyword: [String: ArgSpec]
  /// The amounts-by-source option, if the command has one.
  let funds: ArgSpec?

  init(_ options: [ArgSpec]) {
    self.options = options
    var m: [String: ArgSpec] = [:]
    for o in options { m[o.keyword!] = o }
    let funds = options.first { $0.type.isFunds }
    if let funds { for s in FundSource.allCases where m[s.rawValue] == nil { m[s.rawValue] = funds } }
    byKeyword = m
    self.funds = funds
  }

  /// The option a word starts, and the keyword it stands for: itself, or what an officer's word means (a source's
  /// other name, `alias`).
  func option(_ word: String, quoted: Bool, alias: (@Sendable (String) -> String?)?) -> (spec: ArgSpec, keyword: String)? {
    if let o = byKeyword[word] { return (o, word) }
    guard !quoted else { return nil }
    if funds != nil, let s = FundSource.named(word), let o = byKeyword[s.rawValue] { return (o, s.rawValue) }
    if let a = alias?(word), let o = byKeyword[a] { return (o, a) }
    return nil
  }

  /// The keywords, in the order the options are declared.
  var keywords: [String] {
    byKeyword.keys.sorted { a, b in
      (options.firstIndex { $0.id == byKeyword[a]!.id } ?? 0, a) < (options.firstIndex { $0.id == byKeyword[b]!.id } ?? 0, b)
    }
  }
}

extension ArgType {
  var isFunds: Bool { if case .funds = self { true } else { false } }
}
