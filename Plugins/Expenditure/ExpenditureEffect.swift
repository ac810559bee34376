import YusuanCore

extension ExpenditurePlugin {
  /// A spending line: its 类's new total and the spending total (with how far it is from the revenue); an economic
  /// line: the 经济分类 total against the 一般公共预算 基本支出; a project: the projects' total against 项目支出.
  public func effect(of changes: [FactChange], in v: BudgetView) -> String? {
    for c in changes {
      switch c.fact {
      case .expenditure(let l)?:
        let cls = String(l.code.prefix(3))
        let total = v.functions.rows[cls]?.total ?? .zero
        return
          "类 \(cls) \(v.name(cls, .function) ?? "") 合计 \(total.wan) 万元；支出合计 \(v.functions.total.total.wan) 万元（基本 \(v.functions.total.basic.wan)，项目 \(v.functions.total.project.wan)）"
          + Self.balance(v)
      case .economic?:
        return
          "经济分类合计 \(v.economics.total.total.wan) 万元（人员经费 \(v.economics.total.personnel.wan)，公用经费 \(v.economics.total.publicUse.wan)）；一般公共预算基本支出 \(v.functions.total(of: .general).basic.wan) 万元"
      case .project?:
        return "项目合计 \(v.facts.projects.map(\.total).sum().wan) 万元；支出中的项目支出 \(v.functions.total.project.wan) 万元"
      default:
        continue
      }
    }
    return nil
  }

  /// How far the spending is from the revenue, while the spending is entered (instead of a 收支平衡 error each line).
  static func balance(_ v: BudgetView) -> String {
    let revenue = v.facts.revenues.map(\.amount).sum()
    guard !revenue.isZero else { return "" }
    let left = revenue - v.functions.total.total
    if left.isZero { return "；与收入合计相等" }
    return left > .zero ? "；收入还有 \(left.wan) 万元未安排支出" : "；超出收入 \((.zero - left).wan) 万元"
  }
}
