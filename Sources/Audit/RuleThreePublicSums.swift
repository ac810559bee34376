import Reading
import YusuanCore

/// `audit.sum.three-public` (error): a “三公”经费 row whose 合计 is not 因公出国（境）费 + 公务用车购置及运行费 +
/// 公务接待费, or whose 公务用车 小计 is not 购置费 + 运行（维护）费. Columns are found by their names, so the
/// Anhui layout (years as rows) and the Shanghai one (with 机关运行经费 beside, which belongs to no sum) both work.
enum ThreePublicSumRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for t in c.document.tables(.threePublic) {
      let names = t.columns.map { NameKey.of($0) }
      func col(_ test: (String) -> Bool) -> Int? { names.indices.first { test(names[$0]) } }
      guard let total = col({ $0 == "合计" || $0.hasSuffix("经费合计") }),
        let overseas = col({ $0.contains("出国") }), let reception = col({ $0.contains("接待") })
      else { continue }
      let purchase = col { $0.contains("购置") && !$0.contains("运行") }
      let operation = col { ($0.contains("运行") || $0.contains("维护")) && !$0.contains("购置") && !$0.contains("机关运行") }
      let vehicles = col { $0 == "小计" || ($0.contains("购置") && $0.contains("运行")) }
      for row in t.rows {
        func v(_ k: Int?) -> Amount? { k.flatMap { t.value(row, $0).value } }
        let label = TableShape(t).label(of: row)
        guard let declared = v(total), !t.value(row, total).isBlank else { continue }
        // 公务用车: the 小计 when printed, else its parts.
        var car = v(vehicles)
        if let p = v(purchase), let o = v(operation) {
          if let sub = car, !(vehicles.map { t.value(row, $0).isBlank } ?? true), sub != p + o {
            out.append(
              c.at(
                t, row: label.isEmpty ? nil : label, column: t.columns[vehicles!], .sumThreePublic, .error,
                "\(t.ref)\(label.isEmpty ? "" : "「\(label)」")公务用车购置及运行费小计印 \(t.show(sub))，而购置费 \(t.show(p)) + 运行费 \(t.show(o)) = \(t.show(p + o))。",
                expected: t.show(p + o), actual: t.show(sub)))
          }
          if vehicles.map({ t.value(row, $0).isBlank }) ?? true { car = p + o }
        }
        guard let o = v(overseas), let r = v(reception), let cars = car else { continue }
        let sum = o + cars + r
        if sum != declared {
          out.append(
            c.at(
              t, row: label.isEmpty ? nil : label, column: t.columns[total], .sumThreePublic, .error,
              "\(t.ref)\(label.isEmpty ? "" : "「\(label)」")“三公”经费合计印 \(t.show(declared))，而因公出国（境）费 \(t.show(o)) + 公务用车购置及运行费 \(t.show(cars)) + 公务接待费 \(t.show(r)) = \(t.show(sum))。",
              expected: t.show(sum), actual: t.show(declared)))
        }
      }
    }
    return out
  }
}
