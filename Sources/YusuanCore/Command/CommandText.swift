/// The text of a command made from its declaration: the canonical lines of its facts (export) and its syntax (help).
extension EntryCommand {
  /// The canonical script lines of this command's facts: `X 无` first when the section is empty, then one line a fact.
  public func export(_ facts: FactSet) -> [String] {
    (empty?.exported(facts) == true ? ["\(words) 无"] : []) + self.facts(facts).map(line)
  }

  /// One line from argument values: positional arguments in order, then the options in declared order; an
  /// argument without a value is not written.
  public func line(_ bindings: [ArgBinding?]) -> String {
    var byID: [String: ArgValue] = [:]
    for b in bindings { if let b, let v = b.value { byID[b.id] = v } }
    var parts = [words]
    for p in args {
      guard let v = byID[p.id] else { continue }
      let text = Self.render(v, p.type)
      switch (p.keyword, v) {
      case (let k?, .flag): parts.append(k)
      case (_, .funds): parts.append(text)
      case (let k?, _): parts.append("\(k) \(text)")
      case (nil, _): parts.append(text)
      }
    }
    return parts.joined(separator: " ")
  }

  /// A value as a script writes it.
  public static func render(_ v: ArgValue, _ type: ArgType) -> String {
    switch (v, type) {
    case (.word(let w), .text(_, let bare, _)): return bare ? ScriptWriter.word(w) : ScriptWriter.q(w)
    case (.word(let w), .choice(let c)): return c.quoted ? ScriptWriter.q(w) : w
    case (.word(let w), _): return w
    case (.amount(let a), _): return a.scriptText
    case (.number(let n), _): return String(n)
    case (.funds(let m), _): return ScriptWriter.amounts(m)
    case (.flag, _): return ""
    }
  }

  /// The command's syntax for help: `支出 功能科目编码 基本|项目 金额 [来源 资金来源] …`, and `| 采购 无` when the
  /// section may be declared empty. The edition's words (project types, tables) are listed with `context`.
  public func syntax(_ context: EntryContext? = nil) -> String {
    syntax(of: args, context) + (empty == nil ? "" : " | \(words) 无")
  }

  /// Help for the command, all from its declaration: what it is for, how it is written, how one is removed, and
  /// an example.
  public func help(_ context: EntryContext? = nil) -> String {
    "\(words)：\(summary)\n  写法：\(syntax(context))\n  删除：删除 \(removalSyntax(context))\n  示例：\(example)"
  }

  /// What a `删除` line writes after 删除.
  public func removalSyntax(_ context: EntryContext? = nil) -> String {
    keyArgs.isEmpty
      ? words
      : syntax(
        of: keyArgs.map {
          var p = $0; p.required = p.required || p.isPositional; return p
        }, context)
  }

  func syntax(of specs: [ArgSpec], _ context: EntryContext?) -> String {
    var parts = [words]
    for p in specs {
      let value = placeholder(p, context)
      let text: String
      switch (p.keyword, p.type) {
      case (_, .flag): text = value
      case (_, .funds): text = "金额 \(value)"
      case (let k?, _): text = "\(k) \(value)"
      case (nil, _): text = value
      }
      parts.append(p.required ? text : "[\(text)]")
    }
    return parts.joined(separator: " ")
  }
}
