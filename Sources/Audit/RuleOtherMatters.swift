import Foundation
import Reading
import YusuanCore

/// 其他重要事项 checked against each other and the tables:
/// - `audit.prose.operating-cost` (warning): 机关运行经费 larger than 公用经费 (it is part of it), or different from it
///   when the document's own glossary defines it as the 公用经费. 公用经费 is the prose's, else the tables' (derived as
///   302 + 310 of the 基本支出 economic table when no column prints it).
/// - `audit.prose.performance-amount` (error): the 绩效目标管理 paragraph's project count or amount differs from the
///   项目支出绩效目标表 printed (1个项目…60万元 against a 74万元 target table).
/// - `audit.prose.performance-contradiction` (warning): 无绩效项目 in one place, 设置绩效目标 in another.
/// - `audit.prose.economic-class` (warning): 公用经费 listing items of the 人员经费 classes (301, 303:
///   `EconomicCategory.personnelClasses`), or 人员经费 listing items of any other class (302 商品和服务支出 …).
/// - `audit.prose.vehicle-category`: the vehicles held are not broken down by category (warning: 其中车辆17辆 with no
///   主要领导干部用车、机要通信用车…), or the categories do not add up to the total (error).
/// - `audit.prose.vehicle-purchase` (warning): a purchase of 公务用车 stated without the number of vehicles, or with a
///   number and a cost that contradict each other (安排购置公务用车，购置费0万元).
enum OtherMattersRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    operatingCost(c) + performance(c) + economicLists(c) + vehicles(c)
  }

  static func vehicles(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for p in c.document.prose {
      let text = p.text
      // 共有车辆2辆，其中：主要领导干部用车1辆、机要通信用车1辆 / 其中车辆17辆，价值450.14万元
      if let held = firstInt(text, #"车辆\s*(\d+)\s*辆"#), held > 0 {
        let parts = allInts(text, #"[\p{Han}（）()]{2,12}?用车\s*(\d+)\s*辆"#).filter { !$0.label.contains("购置") }
        // 共有车辆1辆，为一般公务用车 (均为/全部为): one category named for all of them is a breakdown.
        let allOneKind = text.match(#"车辆\s*\d+\s*辆\s*[，,]?\s*(?:均|全部|都)?(?:为|是)[\p{Han}（）()]{2,12}?用车"#) != nil
        if parts.isEmpty && !allOneKind {
          out.append(
            c.at(
              p, .proseVehicleCategory, .warning,
              "车辆\(held)辆没有按类别列出。国有资产占用情况应写明其中主要领导干部用车、机要通信用车、应急保障用车、执法执勤用车、特种专业技术用车等各几辆。",
              expected: "按类别列出", actual: "车辆\(held)辆"))
        } else if !parts.isEmpty, parts.map(\.value).reduce(0, +) != held {
          out.append(
            c.at(
              p, .proseVehicleCategory, .error,
              "各类用车合计 \(parts.map(\.value).reduce(0, +)) 辆（\(parts.map { "\($0.label)\($0.value)辆" }.joined(separator: "、"))），与共有车辆 \(held) 辆不符。",
              expected: "\(held)", actual: "\(parts.map(\.value).reduce(0, +))"))
        }
      }
      // 预算安排购置公务用车，购置费0万元 (the template's 购置公务用车X辆 with the number deleted)
      if let r = text.match(#"安排购置公务用车(\d*)\s*辆?[^。；]*?购置费\s*([0-9.,，]+)\s*万元"#) {
        let clause = String(text[r])
        let count = firstInt(clause, #"公务用车(\d+)"#)
        let cost = firstAmount(clause, #"购置费\s*([0-9.,]+)\s*万元"#)
        if count == nil {
          out.append(
            c.at(
              p, .proseVehiclePurchase, .warning,
              "「\(clause)」没有写购置几辆\(cost.map { $0.isZero ? "，购置费又为0：若未安排购置，应写“未安排购置公务用车”" : "" } ?? "")。",
              expected: "购置公务用车N辆", actual: clause))
        } else if let count, let cost, (count == 0) != cost.isZero {
          out.append(
            c.at(
              p, .proseVehiclePurchase, .warning,
              "购置公务用车\(count)辆，购置费却为\(cost.wan)万元，两者矛盾。", expected: count == 0 ? "0.00" : "大于0", actual: cost.wan))
        }
      }
    }
    return out
  }

  static func firstInt(_ text: String, _ pattern: String) -> Int? {
    let re = Patterns.regex(pattern)
    let ns = text as NSString
    guard let m = re.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)), m.range(at: 1).location != NSNotFound else { return nil }
    return Int(ns.substring(with: m.range(at: 1)))
  }

  static func allInts(_ text: String, _ pattern: String) -> [(label: String, value: Int)] {
    let re = Patterns.regex(pattern)
    let ns = text as NSString
    return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
      guard let v = Int(ns.substring(with: m.range(at: 1))) else { return nil }
      let whole = ns.substring(with: m.range)
      let label = whole.components(separatedBy: CharacterSet.decimalDigits).first ?? whole
      return (label.replacingOccurrences(of: "其中", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "：:、，, ")), v)
    }
  }

  static func firstAmount(_ text: String, _ pattern: String) -> Amount? {
    let re = Patterns.regex(pattern)
    let ns = text as NSString
    guard let m = re.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
    if case .success(let a) = AmountParser.parse(ns.substring(with: m.range(at: 1)), defaultUnit: .wan) { return a }
    return nil
  }

  static func operatingCost(_ c: AuditContext) -> [Diagnostic] {
    guard let op = c.scanned.lazy.compactMap({ sp in sp.amounts.first { $0.subject.contains("机关运行经费") }.map { (sp, $0) } }).first else { return [] }
    var publicCost = c.scanned.lazy.compactMap { $0.amounts.first { NameKey.of($0.subject) == "公用经费" } }.first?.amount
    if publicCost == nil { publicCost = DocumentFacts(c).figures(for: "公用经费")?.first }
    guard let pub = publicCost.map({ $0.rounded(toDecimals: op.1.decimals, of: op.1.unit) }) else { return [] }
    let m = MoneyWords(unit: op.1.unit)
    // The document's own glossary may define 机关运行经费 as the 公用经费 (机关运行经费是指各部门的公用经费): then the
    // two are one figure.
    if op.1.amount != pub,
      let glossary = c.document.paragraphs.first(where: { $0.isGlossary && OperatingCostDefinition.isPublicUse($0.text) })
    {
      return [
        c.at(
          op.0.paragraph, .proseOperatingCost, .warning,
          "机关运行经费 \(m(op.1.amount))\(m.word)与公用经费 \(m(pub))\(m.word)不同，而本文件名词解释（第\(glossary.index)段）说机关运行经费就是公用经费；相差 \(m((op.1.amount - pub).magnitude))，没有说明。请核对。",
          expected: m(pub), actual: m(op.1.amount))
      ]
    }
    guard op.1.amount > pub else { return [] }
    return [
      c.at(
        op.0.paragraph, .proseOperatingCost, .warning,
        "机关运行经费 \(m(op.1.amount))\(m.word)大于公用经费 \(m(pub))\(m.word)。机关运行经费是公用经费的一部分，不应更大；请核对。",
        expected: "≤ \(m(pub))", actual: m(op.1.amount))
    ]
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
            case .success(let a) = AmountParser.parse(v, defaultUnit: .wan)
          {
            total += a; break
          }
        }
      }
      // 涉及资金168.00万元，其中：一般公共预算168.00万元 states a total and its parts; the seeds list only the parts
      // (涉及一般公共预算当年财政拨款60万元、政府性基金…0万元…).
      let split = (sp.paragraph.text as NSString).range(of: "其中").location
      let before = split == NSNotFound ? [] : sp.amounts.filter { NSMaxRange($0.range) <= split }
      let stated = before.isEmpty ? sp.amounts.map(\.amount).sum() : before.map(\.amount).sum()
      let count = firstInt(sp.paragraph.text, #"(\d+)\s*个项目"#)
      let m = c.money(in: sp)
      if !total.isZero && stated != total {
        out.append(
          c.at(
            sp.paragraph, .prosePerformanceAmount, .error,
            "绩效目标设置情况说涉及资金 \(m(stated))\(m.word)，而所附 \(targets.count) 张项目支出绩效目标表的年度资金总额合计 \(m(total))\(m.word)。",
            expected: m(total), actual: m(stated)))
      }
      if let count, count != targets.count {
        out.append(
          c.at(
            sp.paragraph, .prosePerformanceAmount, .warning,
            "绩效目标设置情况说 \(count) 个项目实行绩效目标管理，而文中有 \(targets.count) 张项目支出绩效目标表。", expected: "\(targets.count)", actual: "\(count)"))
      }
    }
    let none = c.document.prose.first { $0.text.match(#"(无|没有)(绩效项目|项目实行绩效|实行绩效目标管理的项目)"#) != nil }
    let some = c.document.prose.first { $0.text.contains("绩效目标") && $0.text.match(#"按规定设置[^。]*绩效目标|实行了绩效目标管理"#) != nil && !$0.text.contains("0个项目") }
    if let none, let some {
      out.append(
        c.at(
          some, .prosePerformanceContradiction, .warning,
          "第\(none.index)段说「\(AuditContext.quote(none.text, 20))」，本段却说「\(AuditContext.quote(some.text, 30))」：是否有绩效目标管理的项目，前后矛盾。",
          expected: "前后一致", actual: "矛盾"))
    }
    return out
  }

  /// 商品和服务支出 items that provinces count as 人员经费 by their own rules: 委托业务费 paying staff hired outside
  /// the 编制 (广西 lists it among 人员经费), 工会经费, 福利费, and 其他交通费用 (公务交通补贴). Listing them there is a
  /// province's convention, not an error.
  static let personnelByConvention: Set<String> = ["30227", "30228", "30229", "30239"]

  static func economicLists(_ c: AuditContext) -> [Diagnostic] {
    guard let catalog = c.catalog else { return [] }
    var out: [Diagnostic] = []
    for p in c.document.prose {
      for category in [EconomicCategory.publicUse, .personnel] {
        let kind = category.rawValue
        guard let r = p.text.range(of: kind), let inc = p.text.range(of: "包括", range: r.upperBound..<p.text.endIndex) else { continue }
        var list = String(p.text[inc.upperBound...])
        list = list.trimmingCharacters(in: CharacterSet(charactersIn: "：: "))
        if let end = list.firstIndex(where: { "。；;".contains($0) }) { list = String(list[..<end]) }
        let items = list.split(whereSeparator: { "、，,".contains($0) }).map { String($0).replacingOccurrences(of: "等", with: "").trimmingBlanks() }
        let wrong = items.compactMap { item -> String? in
          guard let e = catalog.entries(named: item, in: .economic).first, EconomicCategory.default(for: e.code) != category,
            category == .publicUse || !personnelByConvention.contains(e.code)
          else { return nil }
          return "\(item)（\(e.code)）"
        }
        if !wrong.isEmpty {
          out.append(
            c.at(
              p, .proseEconomicClass, .warning,
              "\(kind)的明细中列了不属于\(kind)的科目：\(wrong.joined(separator: "、"))。\(category == .publicUse ? "对个人和家庭的补助（303）和工资福利支出（301）属于人员经费。" : "商品和服务支出（302）等其他经济分类属于公用经费。")",
              expected: "\(category == .publicUse ? "不含" : "只含") \(EconomicCategory.personnelClasses.joined(separator: "/")) 类",
              actual: wrong.joined(separator: "、")))
        }
      }
    }
    return out
  }
}
