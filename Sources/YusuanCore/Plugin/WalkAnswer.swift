/// Why an answer is refused at its own prompt (the row is not built).
public struct WalkRefusal: Error, Equatable, Sendable {
  public var text: String
  /// The answer is not digits at a code question: the walk may take it as a name (行政运行 → 2010301).
  public var mayBeName: Bool = false
}

extension WalkField {
  /// An answer to this question as its line will carry it, or why it is refused: by the argument's declared type,
  /// read as a script line reads it, so the walk and scripts take the same values. A code is held to the level the
  /// argument is about (a 支出 line is a 项, 7 digits), which a script leaves to the rules.
  public func check(_ value: String, _ context: EntryContext) -> Result<String, WalkRefusal> {
    switch kind {
    case .amount:
      // The amount as stored goes into the entry line: `12 万元` and `2,287,000元` are one token of the entry
      // language (12, 228.7), and the confirmation shows what was kept.
      switch AmountParser.parse(value) {
      case .success(let a): return .success(a.scriptText)
      case .failure(let e): return .failure(WalkRefusal(text: e.message))
      }
    case .count:
      guard let n = ArgType.count(value) else { return .failure(WalkRefusal(text: "\(ArgType.countRange)，实际为“\(value)”。例如 2。")) }
      return .success(String(n))
    case .code(let system):
      let s = AmountParser.normalizeWidth(value)
      guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(WalkRefusal(text: "", mayBeName: true)) }
      if let p = CodeShape.problem(s, in: system) {
        return .failure(WalkRefusal(text: CodeShape.describe(p, code: s, system: system) + "。可输入名称片段后按 TAB 补全。"))
      }
      if let level = level, s.count != level { return .failure(WalkRefusal(text: Self.levelHint(system, level))) }
      return .success(s)
    case .choice(let options):
      if options.contains(value) { return .success(value) }
      if case .choice(let c)? = arg?.type, let w = c.map(value, context), options.contains(w) { return .success(w) }
      return .failure(WalkRefusal(text: "请从以下选择：\(options.joined(separator: "、"))。"))
    case .flag:
      if ["是", "否", "y", "n", "yes", "no"].contains(value.lowercased()) { return .success(value) }
      return .failure(WalkRefusal(text: "请回答“是”或“否”。"))
    case .text:
      return .success(value)
    }
  }

  /// The code level the argument is about (7 for a 支出 line), if it says.
  public var level: Int? {
    if case .code(_, let level, _)? = arg?.type { return level }
    return nil
  }

  static func levelHint(_ system: CodeSystem, _ level: Int) -> String {
    switch (system, level) {
    case (.function, 7): return "这里要项级科目（7位），例如 2010301 行政运行。"
    case (.economic, 5): return "这里要款级科目（5位），例如 30101 基本工资。"
    case (.function, 3): return "这里要类级科目（3位），例如 201 一般公共服务支出。"
    default: return "这里要\(level)位的科目编码。"
    }
  }
}
