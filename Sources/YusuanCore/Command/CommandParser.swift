/// Reading a line by its command's declaration: positional arguments in order, then options in any order, each at
/// most once; every refusal names what was expected, where, with the command's example.
extension EntryCommand {
  /// The fact edits of a line; `args` stands after the command's words.
  public func edits(_ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> [FactEdit] {
    if let empty, args.peek()?.text == "无" {
      let none = args.next()
      try args.expectEnd()
      switch empty.build(context) {
      case .success(let edits): return edits
      case .failure(let e): throw args.fail(e.message, at: none)
      }
    }
    let values = try read(&args, context, removal: false)
    var edits = try build(values, context)
    // Entering something in a section withdraws an earlier 无 for it.
    if let key = empty?.key, context.facts[key] != nil { edits.append(.remove(key: key)) }
    return edits
  }

  /// The key of the fact a `删除` line names; `args` stands after the command's words.
  public func removalKey(_ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> String {
    if let key = empty?.key, args.peek()?.text == "无" {
      _ = args.next()
      try args.expectEnd()
      return key
    }
    let values = try read(&args, context, removal: true)
    return try key(values, context)
  }

  /// The values of a line (`removal`: only the key arguments, each required).
  func read(_ args: inout ArgReader, _ context: EntryContext, removal: Bool) throws(EntryError) -> ArgValues {
    let positionals = removal ? keyArgs.filter(\.isPositional) : positionalArgs
    let table = removal ? OptionTable(keyArgs.filter { !$0.isPositional }) : optionTable
    var values = ArgValues(reader: args)
    for p in positionals {
      if case .ordinal = p.type, !removal {
        // A list number is optional: a bare word that reads as a whole number (signed or not) is taken as one.
        guard let t = args.peek(), !t.quoted, Int(AmountParser.normalizeWidth(t.text)) != nil else { continue }
      }
      guard var t = args.next() else { throw args.fail(p.type.missing(p.name, option: nil, context: context)) }
      if case .amount = p.type { t = args.withUnit(t) }
      switch p.type.read(t, what: p.name, option: false, context: context, lenient: removal) {
      case .success(let v): values.set(p, v, at: t)
      case .failure(let e): throw args.fail(e.message, at: t)
      }
    }
    if table.options.isEmpty {
      try args.expectEnd()
    } else {
      try readOptions(table, &args, &values, context)
    }
    for p in table.options where p.required && values.values[p.id] == nil {
      throw args.fail(p.missing ?? "缺少\(p.name)：\(p.keyword ?? "") \(placeholder(p, context))。")
    }
    return values
  }

  /// `keyword value` pairs in any order; each keyword at most once. Amounts by source are written `金额 X` (一般公共
  /// 预算) or `来源名 X`, the names officers use for a source taken too.
  private func readOptions(_ table: OptionTable, _ args: inout ArgReader, _ values: inout ArgValues, _ context: EntryContext) throws(EntryError) {
    var seen: Set<String> = []
    var amounts: [FundSource: Amount] = [:]
    var generalWritten = false
    while let t = args.next() {
      guard let (spec, word) = table.option(t.text, quoted: t.quoted, alias: optionAlias) else {
        throw args.fail("无法识别“\(t.text)”。这里可以写：\(table.byKeyword.keys.sorted().joined(separator: "、"))。", at: t)
      }
      guard seen.insert(word).inserted else { throw args.fail("“\(t.text)”重复出现。", at: t) }
      if case .flag = spec.type {
        values.set(spec, .flag, at: t)
        continue
      }
      guard var v = args.next() else { throw args.fail(spec.type.missing(spec.name, option: t.text, context: context), at: t) }
      if case .amount = spec.type { v = args.withUnit(v) }
      if case .funds = spec.type {
        v = args.withUnit(v)
        let source = word == "金额" ? FundSource.general : FundSource(rawValue: word)!
        // 金额 is the 一般公共预算 amount: both on one line would give that fund twice.
        if source == .general {
          if generalWritten {
            let general = FundSource.general.rawValue
            throw args.fail("“金额”就是一般公共预算的金额，与“\(general)”是同一资金来源，只能写一次。请只写其中一个，例如：金额 5，或 \(general) 5。", at: t)
          }
          generalWritten = true
        }
        switch ArgType.amount.read(v, what: word, option: true, context: context) {
        case .success(let a): amounts[source] = a.amount
        case .failure(let e): throw args.fail(e.message, at: v)
        }
        values.set(spec, .funds(amounts), at: t)
        continue
      }
      switch spec.type.read(v, what: t.text, option: true, context: context) {
      case .success(let value): values.set(spec, value, at: v)
      case .failure(let e): throw args.fail(e.message, at: v)
      }
    }
  }

  /// How help writes an argument's value.
  func placeholder(_ p: ArgSpec, _ context: EntryContext?) -> String {
    if let given = p.placeholder { return given }
    switch p.type {
    case .code: return p.name
    case .amount, .funds: return "金额"
    case .text(_, let bare, _): return bare ? p.name : "\"\(p.name)\""
    case .count: return "数量"
    case .ordinal: return "序号"
    case .flag: return p.keyword ?? p.name
    case .choice(let c):
      let values = c.fixed ?? context.map(c.values) ?? []
      return values.isEmpty || values.count > 6 ? (c.quoted ? "\"\(p.name)\"" : p.name) : values.joined(separator: "|")
    }
  }
}
