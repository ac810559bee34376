import Workbench
import YusuanCore

/// What an accepted entry changed, in one line: the row's new subtotal and the table total.
enum Effect {
  /// The row an entry line writes (its code, source, item or name), as findings name it.
  static func row(_ line: String) -> String? {
    let words = line.split(separator: " ", maxSplits: 2).map(String.init)
    guard words.count > 1 else { return nil }
    var w = words[1]
    if w.hasPrefix("\""), let end = line.dropFirst(words[0].count + 2).firstIndex(of: "\"") {
      w = String(line[line.index(line.startIndex, offsetBy: words[0].count + 2)..<end])
    }
    return w
  }

  static func describe(_ line: String, wb: Workbench) -> String? {
    let words = line.split(separator: " ").map(String.init)
    guard let cmd = words.first else { return nil }
    let v = wb.view
    switch cmd {
    case "支出":
      guard words.count > 1 else { return nil }
      let cls = String(words[1].prefix(3))
      let c = v.functions.rows[cls]?.total ?? .zero
      return "类 \(cls) \(v.name(cls, .function) ?? "") 合计 \(c.wan) 万元；支出合计 \(v.functions.total.total.wan) 万元（基本 \(v.functions.total.basic.wan)，项目 \(v.functions.total.project.wan)）" + balance(v)
    case "经济":
      return "经济分类合计 \(v.economics.total.total.wan) 万元（人员经费 \(v.economics.total.personnel.wan)，公用经费 \(v.economics.total.publicUse.wan)）；一般公共预算基本支出 \(v.functions.total(of: .general).basic.wan) 万元"
    case "项目":
      return "项目合计 \(v.facts.projects.map(\.total).sum().wan) 万元；支出中的项目支出 \(v.functions.total.project.wan) 万元"
    case "收入":
      return "收入合计 \(v.facts.revenues.map(\.amount).sum().wan) 万元；支出合计 \(v.functions.total.total.wan) 万元"
    case "三公":
      return "“三公”经费合计 \(v.facts.threePublic.map(\.amount).sum().wan) 万元"
    default:
      return nil
    }
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
