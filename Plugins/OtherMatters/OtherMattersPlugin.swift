import YusuanCore

/// 其他重要事项: 机关运行经费, and the notes printed under tables (why a table is empty).
public struct OtherMattersPlugin: SectionPlugin {
  public init() {}
  public let id = "other-matters"
  public let title = "其他重要事项"

  public var commands: [EntryCommand] { [OperatingCostLine.command, Note.command] }

  /// 机关运行经费: this year's 财政拨款 budget for running the offices.
  enum OperatingCostLine {
    static let amount = Arg<Amount>.amount("机关运行经费", prompt: "本年预算数（万元）")
    static let prior = Arg<Amount?>.option("上年", .amount, prompt: "上年预算数（万元）")
    static let reason = Arg<String?>.reason()

    static let command = EntryCommand(
      "机关运行经费", summary: "机关运行经费财政拨款预算", example: "机关运行经费 39.96 上年 41.11 原因 \"厉行节约\"",
      args: [amount, prior, reason],
      build: { a, c in
        [.set(.operatingCost(OperatingCost(amount: a[amount], prior: a[prior] ?? c.facts.operatingCost?.prior)))] + reason.edits(a, subject: "机关运行经费")
      },
      key: { _, _ in Fact.operatingCost(OperatingCost(amount: .zero)).key },
      export: { f in f.operatingCost.map { [[amount.bind($0.amount), prior.bind($0.prior)]] } ?? [] })
  }

  /// 说明: the note under a table (why it is empty), instead of the edition's wording.
  enum Note {
    /// A standard table id (T1…T14) that the edition prints.
    static let table = Arg<String>.choice(
      "表号",
      Choice(
        values: { $0.edition.tables.map(\.id.rawValue) },
        map: { w, c in
          TableID.typed(w).flatMap { id in c.edition.tables.contains { $0.id == id } ? id.rawValue : nil }
        }), key: true, placeholder: "表号")
    static let text = Arg<String>.text("说明文字", placeholder: "\"文字\"")

    static let command = EntryCommand(
      "说明", summary: "表格下方的说明（覆盖版本默认措辞）",
      example: "说明 T8 \"本部门没有政府性基金预算拨款收入，也没有政府性基金预算支出，故本表无数据。\"",
      args: [table, text],
      build: { a, _ in [.set(.tableNote(TableNote(table: a[table], text: a[text])))] },
      key: { a, _ in Fact.tableNote(TableNote(table: a[table], text: "")).key },
      export: { f in f.tableNotes.map { [table.bind($0.table), text.bind($0.text)] } })
  }

  public func check(_ view: BudgetView) throws -> [Diagnostic] {
    var out: [Diagnostic] = []
    let f = view.facts
    // 机关运行经费 is reported by 行政单位 (and 参公 units); a department of 事业单位 only has none.
    let administrative = f.units.isEmpty || f.units.contains { $0.nature == "机关" || $0.nature == "参公事业" }
    if let c = f.operatingCost {
      let publicUse = view.facts.economics.isEmpty ? declaredPublicUse(view) : view.economics.total.publicUse
      // Entered to the 万元 hundredth (as the 三公 table prints it), it is compared with the 公用经费 shown so: 213.28
      // is not more than 2,132,756.12 元.
      if let publicUse, c.amount > (c.amount.isExactInWan ? publicUse.rounded(toDecimals: 2, of: .wan) : publicUse) {
        out.append(
          Diagnostic(
            rule: OtherMattersRuleID.exceedsPublic, table: "其他重要事项", row: "机关运行经费",
            message: "机关运行经费 \(c.amount.wan) 万元，超过基本支出中的公用经费 \(publicUse.wan) 万元。机关运行经费是行政单位基本支出中的公用经费，一般不应超过公用经费，请核对。",
            expected: "≤ \(publicUse.wan)", actual: c.amount.wan, plugin: id))
      }
      // The edition's glossary may say the two are one (机关运行经费是指各部门的公用经费): printed different, the
      // document would contradict itself.
      if let publicUse, c.amount.rounded(toDecimals: 2, of: .wan) != publicUse.rounded(toDecimals: 2, of: .wan),
        let entry = view.edition.glossary.first(where: { OperatingCostDefinition.isPublicUse($0.term + "：" + $0.text) })
      {
        out.append(
          Diagnostic(
            rule: OtherMattersRuleID.glossaryContradiction, table: "其他重要事项", row: "机关运行经费",
            message: "本模板的名词解释说“\(entry.text.prefix(16))…”，而机关运行经费 \(c.amount.wan) 万元与公用经费 \(publicUse.wan) 万元不同，印出后文件自相矛盾。请核对。",
            expected: publicUse.wan, actual: c.amount.wan, plugin: id))
      }
      if c.prior == nil {
        out.append(
          Diagnostic(
            rule: OtherMattersRuleID.priorMissing, table: "其他重要事项", row: "机关运行经费",
            message: "机关运行经费缺少上年预算数，说明中须比较增减。请录入：机关运行经费 \(c.amount.scriptText) 上年 金额", plugin: id))
      }
      out += ChangeRules.reasonChecks(
        subject: "机关运行经费", label: "机关运行经费", current: c.amount, prior: c.prior,
        reason: f.reason(for: "机关运行经费"), view: view, table: "其他重要事项", plugin: id)
    } else if administrative {
      out.append(
        Diagnostic(
          rule: OtherMattersRuleID.operatingCostMissing, table: "其他重要事项", row: "机关运行经费",
          message: "尚未录入机关运行经费。行政单位须公开机关运行经费财政拨款预算及其增减。请用：机关运行经费 金额 上年 金额", plugin: id))
    }
    for n in f.tableNotes {
      out += TextRules.residue(n.text, words: view.edition.rules.residue, table: n.table, row: "说明", plugin: id)
      if TableID(rawValue: n.table).flatMap(view.edition.table) == nil {
        out.append(
          Diagnostic(
            rule: OtherMattersRuleID.noteTableUnknown, table: n.table, row: "说明",
            message: "版本“\(view.edition.id)”没有表 \(n.table)，该说明不会印出。", plugin: id))
      }
    }
    return out
  }

  /// 公用经费 as printed (核对 T6 公用经费), when 经济分类 lines were not entered.
  func declaredPublicUse(_ view: BudgetView) -> Amount? {
    view.facts.declared.first { $0.table == TableID.t6.rawValue && $0.row == "公用经费" }?.values["合计"]
  }
}
