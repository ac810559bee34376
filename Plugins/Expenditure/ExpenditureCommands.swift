import YusuanCore

/// The entry commands of 支出 (lines, 上年 aggregates, reasons, 经济分类, 基本支出 split), each declared once.
extension ExpenditurePlugin {
  /// 支出: one line of 功能分类项 × 基本/项目 × source × unit.
  enum Line {
    static let code = Arg<String>.code("功能科目编码", .function, level: 7, key: true, prompt: "科目编码")
    static let kind = Arg<SpendingKind>.choice("支出类别", named: SpendingKind.named, key: true, prompt: "基本/项目")
    static let amount = Arg<Amount>.amount("金额", prompt: "本年预算数（万元）")
    static let source = Arg<FundSource?>.source(key: true, prompt: "资金来源")
    static let unit = Arg<String?>.option("单位", .text, key: true, placeholder: "\"预算单位\"")
    static let name = Arg<String?>.option("名称", .text, prompt: "科目名称（目录中没有此编码）", placeholder: "\"科目名称\"")
    static let prior = Arg<Amount?>.option("上年", .amount, prompt: "上年预算数（万元）")
    static let reason = Arg<String?>.reason()

    static let command = EntryCommand(
      "支出", summary: "一条支出（功能分类项级 × 基本/项目）",
      example: "支出 2010301 基本 212.89 上年 252.41 原因 \"厉行节约\"",
      args: [code, kind, amount, source, unit, name, prior, reason],
      build: { a, c in
        var line = ExpenditureLine(
          code: a[code], kind: a[kind], source: a[source] ?? .general, unit: ownUnit(a[unit], c),
          amount: a[amount], prior: a[prior], name: a[name])
        // A correction that omits 上年 keeps the prior already entered (e.g. carried from last year's workbook).
        if line.prior == nil, case .expenditure(let old) = c.facts[Fact.expenditure(line).key] { line.prior = old.prior }
        return [.set(.expenditure(line))] + reason.edits(a, subject: line.code)
      },
      key: { a, c in
        Fact.expenditure(ExpenditureLine(code: a[code], kind: a[kind], source: a[source] ?? .general, unit: ownUnit(a[unit], c), amount: .zero)).key
      },
      export: { f in
        f.expenditures.map { l in
          [
            code.bind(l.code), kind.bind(l.kind), amount.bind(l.amount), source.bind(l.source == .general ? nil : l.source),
            unit.bind(l.unit), name.bind(l.name), prior.bind(l.prior),
          ]
        }
      })
  }

  /// 上年: a prior-year figure known only as an aggregate.
  enum Prior {
    static let subject = Arg<String>.choice("对象", subjectChoice(named: namedSubjects), key: true, placeholder: "类/款编码|合计|基本支出|项目支出")
    static let amount = Arg<Amount>.amount("上年预算数")

    static let command = EntryCommand(
      "上年", summary: "只知汇总数的上年预算数", example: "上年 201 477.55",
      args: [subject, amount],
      build: { a, _ in [.set(.prior(AggregatePrior(subject: a[subject], amount: a[amount])))] },
      key: { a, _ in Fact.prior(AggregatePrior(subject: a[subject], amount: .zero)).key },
      export: { f in f.priors.map { [subject.bind($0.subject), amount.bind($0.amount)] } })
  }

  /// 原因: the reason for a change (of a code, a total, a source, a 三公 item …).
  enum Why {
    static let subject = Arg<String>.choice("对象", reasonChoice, key: true)
    static let text = Arg<String>.text("原因内容", trimmed: true, prompt: "增减原因", placeholder: "\"文字\"")

    static let command = EntryCommand(
      "原因", summary: "增减变化的原因", example: "原因 2010301 \"厉行节约，压减一般性支出\"",
      args: [subject, text],
      build: { a, _ in [.set(.reason(Reason(subject: a[subject], text: a[text])))] },
      key: { a, _ in Fact.reason(Reason(subject: a[subject], text: "")).key },
      export: { f in f.reasons.map { [subject.bind($0.subject), text.bind($0.text)] } })
  }

  /// 经济: 基本支出 by 经济分类 款.
  enum Economic {
    static let code = Arg<String>.code("经济分类科目编码", .economic, level: 5, key: true, prompt: "经济分类科目编码")
    static let amount = Arg<Amount>.amount("金额", prompt: "金额（万元）")
    static let personnel = Arg<Bool>.flag(EconomicCategory.personnel.rawValue)
    static let publicUse = Arg<Bool>.flag(EconomicCategory.publicUse.rawValue)
    static let unit = Arg<String?>.option("单位", .text, key: true)
    static let name = Arg<String?>.option("名称", .text)
    static let prior = Arg<Amount?>.option("上年", .amount, prompt: "上年预算数（万元）")

    static let command = EntryCommand(
      "经济", summary: "基本支出按经济分类款级", example: "经济 30101 67.53",
      args: [code, amount, personnel, publicUse, unit, name, prior],
      build: { (a, c) throws(EntryError) in
        if a[personnel] && a[publicUse] { throw a.fail("“人员经费”与“公用经费”只能选一个。") }
        let category: EconomicCategory? = a[personnel] ? .personnel : a[publicUse] ? .publicUse : nil
        var line = EconomicLine(code: a[code], unit: ownUnit(a[unit], c), amount: a[amount], prior: a[prior], name: a[name], category: category)
        if line.prior == nil, case .economic(let old) = c.facts[Fact.economic(line).key] { line.prior = old.prior }
        return [.set(.economic(line))]
      },
      key: { a, c in Fact.economic(EconomicLine(code: a[code], unit: ownUnit(a[unit], c), amount: .zero)).key },
      export: { f in
        f.economics.map { e in
          [
            code.bind(e.code), amount.bind(e.amount), personnel.bind(e.category == .personnel), publicUse.bind(e.category == .publicUse),
            unit.bind(e.unit), name.bind(e.name), prior.bind(e.prior),
          ]
        }
      })
  }

  /// 基本支出: a 功能分类 类's 基本支出 split into 人员经费 and 公用经费 (收支总表 by 类, Shanghai 单位预算).
  enum BasicSplitCommand {
    static let code = Arg<String>.code("功能分类类级编码", .function, level: 3, exact: true, key: true)
    static let bothNeeded = "须写明人员经费和公用经费两项（没有的写 0）。"
    static let personnel = Arg<Amount>.required("人员经费", .amount, missing: bothNeeded)
    static let publicUse = Arg<Amount>.required("公用经费", .amount, missing: bothNeeded)

    static let command = EntryCommand(
      "基本支出", summary: "一个功能分类类的基本支出中的人员经费与公用经费（收支总表按类分列时）",
      example: "基本支出 208 人员经费 394.84 公用经费 26.54",
      args: [code, personnel, publicUse],
      build: { a, _ in [.set(.basicSplit(BasicSplit(code: a[code], personnel: a[personnel], publicUse: a[publicUse])))] },
      key: { a, _ in Fact.basicSplit(BasicSplit(code: a[code], personnel: .zero, publicUse: .zero)).key },
      export: { f in f.basicSplits.map { [code.bind($0.code), personnel.bind($0.personnel), publicUse.bind($0.publicUse)] } })
  }

  static let namedSubjects = ["合计", "基本支出", "项目支出"]
  static let reasonNamed = namedSubjects + ["收入", "三公", "机关运行经费"] + ThreePublicItem.allCases.map(\.rawValue) + FundSource.allCases.map(\.rawValue)

  /// A code (digits, as typed) or one of the named totals.
  static func subjectChoice(named: [String], also: @escaping @Sendable (String) -> String? = { _ in nil }) -> Choice {
    Choice(
      values: { _ in named },
      map: { w, _ in
        if named.contains(w) { return w }
        if let other = also(w) { return other }
        let s = AmountParser.normalizeWidth(w)
        return !s.isEmpty && s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) ? s : nil
      }, described: "科目编码，或 \(named.joined(separator: "、"))")
  }

  /// What a reason may be for: a code, a total, a fund (by any of its names), a 三公 item (by its short name too).
  static let reasonChoice = subjectChoice(named: reasonNamed) { w in
    ThreePublicItem.named(w)?.rawValue ?? (reasonNamed.contains(w) ? nil : FundSource.named(w)?.rawValue)
  }

  /// The department's own name means 本级 (nil), so the same line typed either way has one key.
  static func ownUnit(_ typed: String?, _ context: EntryContext) -> String? {
    guard let t = typed?.trimmingBlanks(), !t.isEmpty, t != context.meta.department, t != "本级" else { return nil }
    return t
  }
}
