import YusuanCore

/// 一般公共预算“三公”经费 (T7): required even when zero, 购置 split from 运行, changes explained.
public struct ThreePublicPlugin: SectionPlugin {
  public init() {}
  public let id = "three-public"
  public let title = "“三公”经费"

  static let item = CommandSpec("三公", summary: "“三公”经费一项（或“三公 无”表示四项均为0）",
    syntax: "三公 因公出国（境）费|公务用车购置费|公务用车运行维护费|公务接待费 金额 [上年 金额] [原因 \"文字\"]",
    example: "三公 公务接待费 1.90 上年 2.00")
  public var commands: [CommandSpec] { [Self.item] }

  static var itemNames: [String] { ThreePublicItem.allCases.map(\.rawValue) }

  public func parse(_ command: CommandSpec, _ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> [FactEdit] {
    if args.peek()?.text == "无" {
      _ = args.next()
      try args.expectEnd()
      return ThreePublicItem.allCases.map { item in
        let prior = context.facts.threePublic.first { $0.item == item }?.prior
        return .set(.threePublic(ThreePublicFact(item: item, amount: .zero, prior: prior)))
      }
    }
    let item = try args.choice("“三公”经费项目", choices: Self.itemNames) { ThreePublicItem.named($0) }
    let amount = try args.amount(item.rawValue)
    let o = try args.options(["上年": .amount, "原因": .text])
    let kept = context.facts.threePublic.first { $0.item == item }?.prior
    var edits: [FactEdit] = [.set(.threePublic(ThreePublicFact(item: item, amount: amount, prior: o.amounts["上年"] ?? kept)))]
    if let r = try args.reason(o) { edits.append(.set(.reason(Reason(subject: item.rawValue, text: r)))) }
    return edits
  }

  public func removalKey(_ command: CommandSpec, _ args: inout ArgReader, _ context: EntryContext) throws(EntryError) -> String {
    let item = try args.choice("“三公”经费项目", choices: Self.itemNames) { ThreePublicItem.named($0) }
    try args.expectEnd()
    return Fact.threePublic(ThreePublicFact(item: item, amount: .zero)).key
  }

  public func export(_ facts: FactSet) -> [String] {
    facts.threePublic.map { "三公 \($0.item.rawValue) \($0.amount.scriptText)\(ScriptWriter.prior($0.prior))" }
  }

  public func check(_ view: BudgetView) throws -> [Diagnostic] {
    let facts = view.facts.threePublic
    guard !facts.isEmpty else {
      let econ = ThreePublicItem.allCases.flatMap { $0.economicCodes }.filter { !view.economics.amount($0).isZero }
      let evidence = econ.isEmpty ? "" : "基本支出中已安排 " + econ.map { "\($0) \(view.name($0, .economic) ?? "") \(view.economics.amount($0).wan)万元" }.joined(separator: "、") + "。"
      return [Diagnostic(rule: ThreePublicRuleID.threePublicMissing, table: TableID.t7.rawValue,
                         message: "尚未录入“三公”经费。“三公”经费表及其说明即使为零也必须公开（购置费与运行费分列）。\(evidence)请录入四项，例如：三公 公务接待费 1.90 上年 2.00；全部为零时：三公 无",
                         expected: "四项“三公”经费", actual: "无", plugin: id)]
    }
    var out: [Diagnostic] = []
    for item in ThreePublicItem.allCases where !facts.contains(where: { $0.item == item }) {
      out.append(Diagnostic(rule: ThreePublicRuleID.itemMissing, table: TableID.t7.rawValue, row: item.rawValue,
                            message: "“三公”经费缺少“\(item.rawValue)”，将按0公开。如确为0，请明确录入：三公 \(item.rawValue) 0", plugin: id))
    }
    for f in facts {
      // The basic-expenditure 款 that carries the item cannot exceed the item (项目支出 may add to it).
      let econ = f.item.economicCodes.map { view.economics.amount($0) }.sum()
      if econ > f.amount {
        out.append(Diagnostic(rule: ThreePublicRuleID.threePublicEconomic, table: TableID.t7.rawValue, row: f.item.rawValue, column: "本年预算",
                              message: "\(f.item.rawValue)为 \(f.amount.wan) 万元，而基本支出经济分类 \(f.item.economicCodes.joined(separator: "/")) 已安排 \(econ.wan) 万元，“三公”经费不应少于对应经济分类科目。",
                              expected: "≥ \(econ.wan)", actual: f.amount.wan, plugin: id))
      }
      if f.prior == nil {
        out.append(Diagnostic(rule: ThreePublicRuleID.priorMissing, table: TableID.t7.rawValue, row: f.item.rawValue, column: "上年预算",
                              message: "\(f.item.rawValue)缺少上年预算数，“三公”经费说明须说明比上年增减。请录入：三公 \(f.item.rawValue) \(f.amount.scriptText) 上年 金额", plugin: id))
      }
      out += ChangeRules.reasonChecks(subject: f.item.rawValue, label: f.item.rawValue, current: f.amount, prior: f.prior,
                                      reason: view.facts.reason(for: f.item.rawValue) ?? view.facts.reason(for: "三公"), view: view, table: TableID.t7.rawValue, plugin: id)
    }
    return out
  }
}
