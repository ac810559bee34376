import YusuanCore

/// 支出: expenditure lines (功能分类 项 × 基本/项目 × source × unit), 基本支出 by 经济分类 and its split by 类,
/// projects, prior-year aggregates and reasons. T2, T3, T5, T6, T8, T9 and T10 derive from these facts.
public struct ExpenditurePlugin: SectionPlugin {
  public init() {}
  public let id = "expenditure"
  public let title = "支出"

  static let line = CommandSpec("支出", summary: "一条支出（功能分类项级 × 基本/项目）",
    syntax: "支出 功能科目编码 基本|项目 金额 [来源 资金来源] [单位 \"预算单位\"] [名称 \"科目名称\"] [上年 金额] [原因 \"文字\"]",
    example: "支出 2010301 基本 212.89 上年 252.41 原因 \"厉行节约\"")
  static let prior = CommandSpec("上年", summary: "只知汇总数的上年预算数", syntax: "上年 类/款编码|合计|基本支出|项目支出 金额", example: "上年 201 477.55")
  static let reason = CommandSpec("原因", summary: "增减变化的原因", syntax: "原因 对象 \"文字\"", example: "原因 2010301 \"厉行节约，压减一般性支出\"")
  static let economic = CommandSpec("经济", summary: "基本支出按经济分类款级",
    syntax: "经济 经济分类款级编码 金额 [人员经费|公用经费] [单位 \"…\"] [名称 \"…\"] [上年 金额]", example: "经济 30101 67.53")
  static let project = CommandSpec("项目", summary: "项目支出表的一行",
    syntax: "项目 \"项目名称\" 类型 项目类型 [科目 功能科目编码] [单位 \"…\"] 金额 金额 [上年 金额] [绩效管理]",
    example: "项目 \"调研活动经费\" 类型 日常运转类 科目 2010302 金额 74 绩效管理")

  static let basicSplit = CommandSpec("基本支出", summary: "一个功能分类类的基本支出中的人员经费与公用经费（收支总表按类分列时）",
    syntax: "基本支出 类级编码 人员经费 金额 公用经费 金额", example: "基本支出 208 人员经费 394.84 公用经费 26.54")

  public var commands: [CommandSpec] { [Self.line, Self.prior, Self.reason, Self.economic, Self.basicSplit, Self.project] }

  static let namedSubjects = ["合计", "基本支出", "项目支出"]

  public func parse(_ command: CommandSpec, _ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> [FactEdit] {
    switch command.keyword {
    case "支出":
      let code = try args.code("功能科目编码")
      let kind = try args.choice("支出类别", choices: ["基本", "项目"]) { SpendingKind.named($0) }
      let amount = try args.amount("\(kind.fullName)金额")
      let o = try args.options(["来源": .source, "单位": .text, "名称": .text, "上年": .amount, "原因": .text])
      let unit = Self.unit(o.texts["单位"], context)
      var line = ExpenditureLine(code: code, kind: kind, source: o.sources["来源"] ?? .general, unit: unit, amount: amount, prior: o.amounts["上年"], name: o.texts["名称"])
      // A correction that omits 上年 keeps the prior already entered (e.g. carried from last year's workbook).
      if line.prior == nil, case .expenditure(let old) = context.facts[Fact.expenditure(line).key] { line.prior = old.prior }
      var edits: [FactEdit] = [.set(.expenditure(line))]
      if let r = try args.reason(o) { edits.append(.set(.reason(Reason(subject: code, text: r)))) }
      return edits
    case "上年":
      let subject = try Self.subject(&args, allowNamed: Self.namedSubjects)
      let amount = try args.amount("上年预算数")
      try args.expectEnd()
      return [.set(.prior(AggregatePrior(subject: subject, amount: amount)))]
    case "原因":
      let subject = try Self.reasonSubject(&args)
      let text = try args.text("原因内容").trimmingBlanks()
      guard !text.isEmpty else { throw args.fail("原因内容不能为空。") }
      try args.expectEnd()
      return [.set(.reason(Reason(subject: subject, text: text)))]
    case "经济":
      let code = try args.code("经济分类科目编码")
      let amount = try args.amount("金额")
      let o = try args.options(["人员经费": .flag, "公用经费": .flag, "单位": .text, "名称": .text, "上年": .amount])
      if o.flags.count > 1 { throw args.fail("“人员经费”与“公用经费”只能选一个。") }
      let category: EconomicCategory? = o.flags.contains("人员经费") ? .personnel : o.flags.contains("公用经费") ? .publicUse : nil
      var line = EconomicLine(code: code, unit: Self.unit(o.texts["单位"], context), amount: amount, prior: o.amounts["上年"], name: o.texts["名称"], category: category)
      if line.prior == nil, case .economic(let old) = context.facts[Fact.economic(line).key] { line.prior = old.prior }
      return [.set(.economic(line))]
    case "基本支出":
      let code = try Self.classCode(&args)
      let o = try args.options(["人员经费": .amount, "公用经费": .amount])
      guard let personnel = o.amounts["人员经费"], let publicUse = o.amounts["公用经费"] else {
        throw args.fail("须写明人员经费和公用经费两项（没有的写 0）。")
      }
      return [.set(.basicSplit(BasicSplit(code: code, personnel: personnel, publicUse: publicUse)))]
    default:
      let name = try args.text("项目名称").trimmingBlanks()
      guard !name.isEmpty else { throw args.fail("项目名称不能为空。") }
      let (amounts, o) = try args.fundAmounts(options: ["类型": .text, "科目": .code, "单位": .text, "上年": .amount, "绩效管理": .flag, "待确认": .flag])
      guard let type = o.texts["类型"] else { throw args.fail("缺少项目类型：类型 \(context.edition.projectTypes.first ?? "日常运转类")。") }
      // The edition's types are the ones its 项目支出表 prints (issue 14: free text was accepted).
      let types = context.edition.projectTypes
      if !types.isEmpty && !types.contains(type) {
        throw args.fail("“\(type)”不是本模板的项目类型。可选：\(types.joined(separator: "、"))。", at: o.tokens["类型"])
      }
      guard !amounts.isEmpty else { throw args.fail("缺少项目金额：金额 74，或按资金来源写 一般公共预算 50 单位资金 24。") }
      let unit = Self.unit(o.texts["单位"], context)
      let existing: Project? = if case .project(let p) = context.facts[Fact.project(Project(ordinal: 0, name: name, type: type, unit: unit, amounts: [:])).key] { p } else { nil }
      let ordinal = existing?.ordinal ?? context.facts.nextOrdinal(in: "项目")
      var project = Project(ordinal: ordinal, name: name, type: type, unit: unit, code: o.texts["科目"], amounts: amounts,
                            prior: o.amounts["上年"] ?? existing?.prior, performanceManaged: o.flags.contains("绩效管理"))
      if o.flags.contains("待确认") { project.carried = true }
      return [.set(.project(project))]
    }
  }

  /// A 功能分类 类 code (3 digits).
  static func classCode(_ args: inout ArgReader) throws(EntryError) -> String {
    let token = args.peek()
    let code = try args.code("功能分类类级编码")
    guard code.count == 3 else { throw args.fail("基本支出按功能分类的类（3位编码，如 201）分列，“\(code)”不是类级编码。", at: token) }
    return code
  }

  /// The department's own name means 本级 (nil), so the same line typed either way has one key.
  static func unit(_ typed: String?, _ context: EntryContext) -> String? {
    guard let t = typed?.trimmingBlanks(), !t.isEmpty, t != context.meta.department, t != "本级" else { return nil }
    return t
  }

  static func subject(_ args: inout ArgReader, allowNamed: [String]) throws(EntryError) -> String {
    guard let t = args.next() else { throw args.fail("缺少对象：科目编码，或 \(allowNamed.joined(separator: "、"))。") }
    if allowNamed.contains(t.text) { return t.text }
    let s = AmountParser.normalizeWidth(t.text)
    guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      throw args.fail("“\(t.text)”不是科目编码，也不是 \(allowNamed.joined(separator: "、"))。", at: t)
    }
    return s
  }

  static let reasonNamed = namedSubjects + ["收入", "三公", "机关运行经费"] + ThreePublicItem.allCases.map(\.rawValue) + FundSource.allCases.map(\.rawValue)

  static func reasonSubject(_ args: inout ArgReader) throws(EntryError) -> String {
    if let t = args.peek(), let item = ThreePublicItem.named(t.text) { _ = args.next(); return item.rawValue }
    if let t = args.peek(), !reasonNamed.contains(t.text), let source = FundSource.named(t.text) { _ = args.next(); return source.rawValue }
    return try subject(&args, allowNamed: reasonNamed)
  }

  public func removalKey(_ command: CommandSpec, _ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> String {
    switch command.keyword {
    case "支出":
      let code = try args.code("功能科目编码")
      let kind = try args.choice("支出类别", choices: ["基本", "项目"]) { SpendingKind.named($0) }
      let o = try args.options(["来源": .source, "单位": .text])
      return Fact.expenditure(ExpenditureLine(code: code, kind: kind, source: o.sources["来源"] ?? .general, unit: Self.unit(o.texts["单位"], context), amount: .zero)).key
    case "上年":
      let s = try Self.subject(&args, allowNamed: Self.namedSubjects)
      try args.expectEnd()
      return Fact.prior(AggregatePrior(subject: s, amount: .zero)).key
    case "原因":
      let s = try Self.reasonSubject(&args)
      try args.expectEnd()
      return Fact.reason(Reason(subject: s, text: "")).key
    case "经济":
      let code = try args.code("经济分类科目编码")
      let o = try args.options(["单位": .text])
      return Fact.economic(EconomicLine(code: code, unit: Self.unit(o.texts["单位"], context), amount: .zero)).key
    case "基本支出":
      let code = try Self.classCode(&args)
      try args.expectEnd()
      return Fact.basicSplit(BasicSplit(code: code, personnel: .zero, publicUse: .zero)).key
    default:
      let name = try args.text("项目名称")
      let o = try args.options(["单位": .text])
      return Fact.project(Project(ordinal: 0, name: name, type: "", unit: Self.unit(o.texts["单位"], context), amounts: [:])).key
    }
  }

  public func export(_ facts: FactSet) -> [String] {
    var out: [String] = []
    for l in facts.expenditures {
      var s = "支出 \(l.code) \(l.kind.rawValue) \(l.amount.scriptText)"
      if l.source != .general { s += " 来源 \(l.source.rawValue)" }
      if let u = l.unit { s += " 单位 \(ScriptWriter.q(u))" }
      if let n = l.name { s += " 名称 \(ScriptWriter.q(n))" }
      s += ScriptWriter.prior(l.prior)
      out.append(s)
    }
    out += facts.priors.map { "上年 \($0.subject) \($0.amount.scriptText)" }
    out += facts.reasons.map { "原因 \($0.subject) \(ScriptWriter.q($0.text))" }
    for e in facts.economics {
      var s = "经济 \(e.code) \(e.amount.scriptText)"
      if let c = e.category { s += " \(c.rawValue)" }
      if let u = e.unit { s += " 单位 \(ScriptWriter.q(u))" }
      if let n = e.name { s += " 名称 \(ScriptWriter.q(n))" }
      s += ScriptWriter.prior(e.prior)
      out.append(s)
    }
    out += facts.basicSplits.map { "基本支出 \($0.code) 人员经费 \($0.personnel.scriptText) 公用经费 \($0.publicUse.scriptText)" }
    for p in facts.projects {
      var s = "项目 \(ScriptWriter.q(p.name)) 类型 \(ScriptWriter.q(p.type))"
      if let c = p.code { s += " 科目 \(c)" }
      if let u = p.unit { s += " 单位 \(ScriptWriter.q(u))" }
      s += " " + ScriptWriter.amounts(p.amounts) + ScriptWriter.prior(p.prior)
      if p.performanceManaged { s += " 绩效管理" }
      if p.carried == true { s += " 待确认" }
      out.append(s)
    }
    return out
  }

  public func check(_ view: BudgetView) throws -> [Diagnostic] {
    ExpenditureRules(view: view, plugin: id).all()
  }
}
