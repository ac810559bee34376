import YusuanCore

extension ExpenditurePlugin {
  /// 项目: a row of 项目支出表.
  enum ProjectLine {
    static let name = Arg<String>.text("项目名称", trimmed: true, key: true, prompt: "项目名称")
    /// The edition's types are the ones its 项目支出表 prints (issue 14: free text was accepted).
    static let type = Arg<String>.required(
      "类型",
      .choice(
        Choice(
          values: { $0.edition.projectTypes },
          map: { w, c in
            let types = c.edition.projectTypes
            return types.isEmpty || types.contains(w) ? w : nil
          }, quoted: true, noun: "本模板的项目类型")), name: "项目类型", prompt: "项目类型")
    static let code = Arg<String?>.option("科目", .code(.function, level: 7, exact: false), name: "功能科目编码", prompt: "功能科目编码", placeholder: "功能科目编码")
    static let unit = Arg<String?>.option("单位", .text, key: true)
    static let funds = Arg<[FundSource: Amount]>.funds(missing: "缺少项目金额：金额 74，或按资金来源写 一般公共预算 50 单位资金 24。")
    static let prior = Arg<Amount?>.option("上年", .amount, prompt: "上年预算数（万元）")
    static let managed = Arg<Bool>.flag("绩效管理", prompt: "是否实行绩效管理（是/否）")
    /// Carried from last year's workbook, this year's figure still to be confirmed.
    static let carried = Arg<Bool>.flag("待确认")

    static let command = EntryCommand(
      "项目", summary: "项目支出表的一行",
      example: "项目 \"调研活动经费\" 类型 日常运转类 科目 2010302 金额 74 绩效管理",
      args: [name, type, code, unit, funds, prior, managed, carried],
      build: { a, c in
        let own = ownUnit(a[unit], c)
        let existing: Project? = if case .project(let p) = c.facts[key(a[name], own)] { p } else { nil }
        var project = Project(
          ordinal: existing?.ordinal ?? c.facts.nextOrdinal(in: "项目"), name: a[name], type: a[type], unit: own,
          code: a[code], amounts: a[funds], prior: a[prior] ?? existing?.prior, performanceManaged: a[managed])
        if a[carried] { project.carried = true }
        return [.set(.project(project))]
      },
      key: { a, c in key(a[name], ownUnit(a[unit], c)) },
      export: { f in
        f.projects.map { p in
          [
            name.bind(p.name), type.bind(p.type), code.bind(p.code), unit.bind(p.unit), funds.bind(p.amounts), prior.bind(p.prior),
            managed.bind(p.performanceManaged), carried.bind(p.carried == true),
          ]
        }
      })

    static func key(_ name: String, _ unit: String?) -> String {
      Fact.project(Project(ordinal: 0, name: name, type: "", unit: unit, amounts: [:])).key
    }
  }
}
