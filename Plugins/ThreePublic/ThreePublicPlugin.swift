import YusuanCore

/// 一般公共预算“三公”经费 (T7): required even when zero, 购置 split from 运行, changes explained.
public struct ThreePublicPlugin: SectionPlugin {
  public init() {}
  public let id = "three-public"
  public let title = "“三公”经费"

  public var commands: [EntryCommand] { [Line.command] }

  static var itemNames: [String] { ThreePublicItem.allCases.map(\.rawValue) }

  /// 三公: one of the four items (or `三公 无`: all four are zero this year).
  enum Line {
    static let item = Arg<ThreePublicItem>.choice("“三公”经费项目", named: ThreePublicItem.named, key: true, prompt: "项目")
    static let amount = Arg<Amount>.amount("金额", prompt: "本年预算数（万元）")
    static let prior = Arg<Amount?>.option("上年", .amount, prompt: "上年预算数（万元）")
    static let reason = Arg<String?>.reason()

    /// `三公 无` writes the four items as zero, each keeping its prior-year figure.
    static let none = EmptyForm(
      section: nil,
      build: { c in
        .success(
          ThreePublicItem.allCases.map { item in
            .set(.threePublic(ThreePublicFact(item: item, amount: .zero, prior: c.facts.threePublic.first { $0.item == item }?.prior)))
          })
      }, exported: { _ in false })

    static let command = EntryCommand(
      "三公", summary: "“三公”经费一项（或“三公 无”表示四项均为0）", example: "三公 公务接待费 1.90 上年 2.00",
      args: [item, amount, prior, reason], empty: none,
      build: { a, c in
        let kept = c.facts.threePublic.first { $0.item == a[item] }?.prior
        return [.set(.threePublic(ThreePublicFact(item: a[item], amount: a[amount], prior: a[prior] ?? kept)))] + reason.edits(a, subject: a[item].rawValue)
      },
      key: { a, _ in Fact.threePublic(ThreePublicFact(item: a[item], amount: .zero)).key },
      export: { f in f.threePublic.map { [item.bind($0.item), amount.bind($0.amount), prior.bind($0.prior)] } })
  }

  /// A 三公 line: the four items' total.
  public func effect(of changes: [FactChange], in v: BudgetView) -> String? {
    guard changes.contains(where: { if case .threePublic? = $0.fact { true } else { false } }) else { return nil }
    return "“三公”经费合计 \(v.facts.threePublic.map(\.amount).sum().wan) 万元"
  }

  public func check(_ view: BudgetView) throws -> [Diagnostic] {
    let facts = view.facts.threePublic
    guard !facts.isEmpty else {
      let econ = ThreePublicItem.allCases.flatMap { $0.economicCodes }.filter { !view.economics.amount($0).isZero }
      let evidence =
        econ.isEmpty ? "" : "基本支出中已安排 " + econ.map { "\($0) \(view.name($0, .economic) ?? "") \(view.economics.amount($0).wan)万元" }.joined(separator: "、") + "。"
      return [
        Diagnostic(
          rule: ThreePublicRuleID.threePublicMissing, table: TableID.t7.rawValue,
          message: "尚未录入“三公”经费。“三公”经费表及其说明即使为零也必须公开（购置费与运行费分列）。\(evidence)请录入四项，例如：三公 公务接待费 1.90 上年 2.00；全部为零时：三公 无",
          expected: "四项“三公”经费", actual: "无", plugin: id)
      ]
    }
    var out: [Diagnostic] = []
    for item in ThreePublicItem.allCases where !facts.contains(where: { $0.item == item }) {
      out.append(
        Diagnostic(
          rule: ThreePublicRuleID.itemMissing, table: TableID.t7.rawValue, row: item.rawValue,
          message: "“三公”经费缺少“\(item.rawValue)”，将按0公开。如确为0，请明确录入：三公 \(item.rawValue) 0", plugin: id))
    }
    for f in facts {
      // The basic-expenditure 款 that carries the item cannot exceed the item (项目支出 may add to it).
      let econ = f.item.economicCodes.map { view.economics.amount($0) }.sum()
      if econ > f.amount {
        out.append(
          Diagnostic(
            rule: ThreePublicRuleID.threePublicEconomic, table: TableID.t7.rawValue, row: f.item.rawValue, column: "本年预算",
            message: "\(f.item.rawValue)为 \(f.amount.wan) 万元，而基本支出经济分类 \(f.item.economicCodes.joined(separator: "/")) 已安排 \(econ.wan) 万元，“三公”经费不应少于对应经济分类科目。",
            expected: "≥ \(econ.wan)", actual: f.amount.wan, plugin: id))
      }
      if f.prior == nil {
        out.append(
          Diagnostic(
            rule: ThreePublicRuleID.priorMissing, table: TableID.t7.rawValue, row: f.item.rawValue, column: "上年预算",
            message: "\(f.item.rawValue)缺少上年预算数，“三公”经费说明须说明比上年增减。请录入：三公 \(f.item.rawValue) \(f.amount.scriptText) 上年 金额", plugin: id))
      }
      out += ChangeRules.reasonChecks(
        subject: f.item.rawValue, label: f.item.rawValue, current: f.amount, prior: f.prior,
        reason: view.facts.reason(for: f.item.rawValue) ?? view.facts.reason(for: "三公"), view: view, table: TableID.t7.rawValue, plugin: id)
    }
    return out
  }
}
