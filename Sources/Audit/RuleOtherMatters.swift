import Foundation
import YusuanCore

/// 其他重要事项 checked against each other and the tables:
/// - `audit.prose.operating-cost` (warning): 机关运行经费 larger than 公用经费 (it is part of it).
/// - `audit.prose.performance-amount` (error): the 绩效目标管理 paragraph's project count or amount differs from the
///   项目支出绩效目标表 printed (1个项目…60万元 against a 74万元 target table).
/// - `audit.prose.performance-contradiction` (warning): 无绩效项目 in one place, 设置绩效目标 in another.
/// - `audit.prose.economic-class` (warning): 公用经费 listing 对个人和家庭的补助 items (303), or 人员经费 listing 302 items.
enum OtherMattersRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    operatingCost(c) + performance(c) + economicLists(c)
  }

  static func operatingCost(_ c: AuditContext) -> [Diagnostic] {
    guard let op = c.scanned.lazy.compactMap({ sp in sp.amounts.first { $0.subject.contains("机关运行经费") }.map { (sp, $0) } }).first else { return [] }
    var publicCost = c.scanned.lazy.compactMap { $0.amounts.first { NameKey.of($0.subject) == "公用经费" } }.first?.amount
    if publicCost == nil { publicCost = DocumentFacts(c).figures(for: "公用经费")?.first }
    guard let pub = publicCost, op.1.amount > pub else { return [] }
    return [c.at(op.0.paragraph, "audit.prose.operating-cost", .warning,
      "机关运行经费 \(op.1.amount.wan)万元大于公用经费 \(pub.wan)万元。机关运行经费是公用经费的一部分，不应更大；请核对。",
      expected: "≤ \(pub.wan)", actual: op.1.amount.wan)]
  }

  static func performance(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let targets = c.document.tables(.performance)
    if !targets.isEmpty, let sp = c.scanned.first(where: { $0.paragraph.text.contains("绩效目标管理") && $0.paragraph.text.contains("个项目") }) {
      var total = Amount.zero
      for t in targets {
        for row in t.rows {
          if let i = row.cells.firstIndex(where: { NameKey.of($0).contains("年度资金总额") }),
             let v = row.cells.dropFirst(i + 1).first(where: { !$0.isEmpty }),
             case .success(let a) = AmountParser.parse(v, defaultUnit: .wan) { total += a; break }
        }
      }
      let stated = sp.amounts.map(\.amount).sum()
      let ns = sp.paragraph.text as NSString
      let m = try! NSRegularExpression(pattern: #"(\d+)\s*个项目"#).firstMatch(in: sp.paragraph.text, range: NSRange(location: 0, length: ns.length))
      let count = m.flatMap { Int(ns.substring(with: $0.range(at: 1))) }
      if !total.isZero && stated != total {
        out.append(c.at(sp.paragraph, "audit.prose.performance-amount", .error,
          "绩效目标设置情况说涉及资金 \(stated.wan)万元，而所附 \(targets.count) 张项目支出绩效目标表的年度资金总额合计 \(total.wan)万元。",
          expected: total.wan, actual: stated.wan))
      }
      if let count, count != targets.count {
        out.append(c.at(sp.paragraph, "audit.prose.performance-amount", .warning,
          "绩效目标设置情况说 \(count) 个项目实行绩效目标管理，而文中有 \(targets.count) 张项目支出绩效目标表。", expected: "\(targets.count)", actual: "\(count)"))
      }
    }
    let none = c.document.prose.first { $0.text.range(of: #"(无|没有)(绩效项目|项目实行绩效|实行绩效目标管理的项目)"#, options: .regularExpression) != nil }
    let some = c.document.prose.first { $0.text.contains("绩效目标") && $0.text.range(of: #"按规定设置[^。]*绩效目标|实行了绩效目标管理"#, options: .regularExpression) != nil && !$0.text.contains("0个项目") }
    if let none, let some {
      out.append(c.at(some, "audit.prose.performance-contradiction", .warning,
        "第\(none.index)段说「\(AuditContext.quote(none.text, 20))」，本段却说「\(AuditContext.quote(some.text, 30))」：是否有绩效目标管理的项目，前后矛盾。",
        expected: "前后一致", actual: "矛盾"))
    }
    return out
  }

  static func economicLists(_ c: AuditContext) -> [Diagnostic] {
    guard let catalog = c.catalog else { return [] }
    var out: [Diagnostic] = []
    for p in c.document.prose {
      for (kind, wrongPrefixes) in [("公用经费", ["301", "303"]), ("人员经费", ["302"])] {
        guard let r = p.text.range(of: kind), let inc = p.text.range(of: "包括", range: r.upperBound..<p.text.endIndex) else { continue }
        var list = String(p.text[inc.upperBound...])
        list = list.trimmingCharacters(in: CharacterSet(charactersIn: "：: "))
        if let end = list.firstIndex(where: { "。；;".contains($0) }) { list = String(list[..<end]) }
        let items = list.split(whereSeparator: { "、，,".contains($0) }).map { String($0).replacingOccurrences(of: "等", with: "").trimmingBlanks() }
        let wrong = items.compactMap { item -> String? in
          guard let e = catalog.entries(named: item, in: .economic).first, wrongPrefixes.contains(where: { e.code.hasPrefix($0) }) else { return nil }
          return "\(item)（\(e.code)）"
        }
        if !wrong.isEmpty {
          out.append(c.at(p, "audit.prose.economic-class", .warning,
            "\(kind)的明细中列了不属于\(kind)的科目：\(wrong.joined(separator: "、"))。\(kind == "公用经费" ? "对个人和家庭的补助（303）和工资福利支出（301）属于人员经费。" : "商品和服务支出（302）属于公用经费。")",
            expected: "不含 \(wrongPrefixes.joined(separator: "/")) 类", actual: wrong.joined(separator: "、")))
        }
      }
    }
    return out
  }
}
