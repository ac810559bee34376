import Foundation
import Reading
import YusuanCore

/// Wording that belongs to another document (DocumentProfile):
/// - `audit.text.document-kind` (warning): a 单位预算 that speaks of 本部门 or 部门预算, or counts 下属N家机关和N家
///   事业单位 as the 部门 template does (copied from the 部门预算; the term 部门预算支出经济分类 excepted).
/// - `audit.text.unit-count` (warning): 下属N家预算单位 while the units listed are 不单列预算.
/// - `audit.text.unit-unnamed` (info): a 单位预算 paying for a 事业单位 its 机构设置 never mentions.
/// - `audit.text.level` (warning): a 区级 document that names 市级 budgets or departments (or any other pair):
///   `市级预算主管部门` in a 区级 document is template residue; so is a glossary of a 区 department that speaks of
///   市财政.
/// - `audit.prose.change-year` (warning): a change compared with a year other than the previous one
///   (与2025年预算相比 in a 2026 document).
/// - `audit.prose.change-basis` (warning): one figure compared with last year under two bases (比2024年预算执行数…
///   and 比2024年预算…): the reader cannot tell which last-year figure the changes are against.
enum DocumentWordingRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    kind(c) + level(c) + years(c) + bases(c) + units(c) + unnamedUnit(c)
  }

  /// A 单位预算 whose tables pay for a 事业单位 (事业运行, the …50 项; 事业单位离退休 2080502; 事业单位医疗 2101102) while
  /// its 机构设置 speaks of no 事业单位: the reader cannot tell whose costs these are. A note, not an error.
  static func unnamedUnit(_ c: AuditContext) -> [Diagnostic] {
    guard c.profile.kind == .unit else { return [] }
    let setup = c.document.paragraphs.filter { ($0.part ?? "").contains("机构设置") || ($0.section ?? "").contains("机构设置") }
    guard !setup.isEmpty, !setup.contains(where: { $0.text.contains("事业单位") || $0.text.contains("不单列预算") }) else { return [] }
    var seen: [String] = []
    for t in c.document.tables where t.kind.isFunctionCoded {
      let shape = TableShape(t)
      guard let cc = shape.codeColumn, let col = shape.amountColumns.first else { continue }
      for row in t.rows {
        let code = row.cell(cc)
        guard code.count == 7, code.hasSuffix("50") || code == "2080502" || code == "2101102",
          let v = t.value(row, col).value, !v.isZero, !seen.contains(code)
        else { continue }
        seen.append(code)
      }
    }
    guard let first = seen.first, let p = setup.last else { return [] }
    return [
      c.at(
        p, .textUnitUnnamed, .info,
        "表中有事业单位的支出（\(seen.prefix(3).joined(separator: "、"))\(seen.count > 3 ? " 等" : "")），而单位机构设置中没有说到任何事业单位：请写明这些支出属于哪个事业单位（如“下属××中心，不单列预算”）。",
        expected: "写明事业单位", actual: first)
    ]
  }

  /// 包括本部以及下属N家预算单位, then a list of the units where a 下属 unit is 不单列预算: a unit without a budget of
  /// its own is no 预算单位, so the count and the list disagree (the 部门预算 is the 本部's alone).
  static func units(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let prose = c.document.prose
    for (i, p) in prose.enumerated() {
      guard let m = p.text.firstMatch(of: /下属\s*(\d+)\s*家预算单位/), let n = Int(m.output.1), n > 0 else { continue }
      // The numbered items right after it: the 本部 or 机关 item is the department itself.
      var rest = prose.dropFirst(i + 1)
      // …具体包括： may stand on its own line before the items.
      if let intro = rest.first, Heuristics.listLevel(intro.text) == nil, intro.text.hasSuffix("：") || intro.text.hasSuffix(":") { rest = rest.dropFirst() }
      let items = rest.prefix { Heuristics.listLevel($0.text) != nil && $0.part == p.part && $0.section == p.section }
      let units = items.filter { item in
        let head = String(item.text.prefix(16))
        return !head.contains("本部") && !head.contains("机关")
      }
      let unbudgeted = units.filter { $0.text.contains("不单列预算") }
      guard let first = unbudgeted.first, units.count - unbudgeted.count < n else { continue }
      out.append(
        c.at(
          p, .textUnitCount, .warning,
          "这里说“下属\(n)家预算单位”，而所列下属单位中「\(AuditContext.quote(first.text, 24))」不单列预算，单列预算的下属单位只有 \(units.count - unbudgeted.count) 家：不单列预算的单位不是预算单位，家数前后不符。",
          expected: "\(units.count - unbudgeted.count)", actual: "\(n)"))
    }
    return out
  }

  static func kind(_ c: AuditContext) -> [Diagnostic] {
    guard c.profile.kind == .unit else { return [] }
    var out: [Diagnostic] = []
    for p in c.document.prose {
      let text = p.text.replacingOccurrences(of: "部门预算支出经济分类", with: "").replacingOccurrences(of: "部门预算经济分类", with: "")
      // 下属N家机关和N家事业单位: the 部门 template counts the department's units (Shanghai's 机关运行经费 sentence);
      // a unit's template speaks of the unit alone.
      guard let r = text.match(#"本部门|部门预算|下属\d+家(机关|行政单位)和\d+家(参公)?事业单位"#) else { continue }
      let counts = text[r].hasPrefix("下属")
      out.append(
        c.at(
          p, .textDocumentKind, .warning,
          counts
            ? "本文件是单位预算，这里却写“\(text[r])”：这是部门预算模板按下属单位计数的写法，单位预算只写本单位，多半是从部门预算照搬的。"
            : "本文件是单位预算，这里却写“\(text[r])”：多半是从部门预算照搬的，请改为“本单位”“单位预算”。",
          expected: counts ? "本单位" : "单位", actual: String(text[r])))
    }
    return out
  }

  static func level(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    // The glossary defines this department's money: 指市财政当年拨付的资金 in a 区 department's glossary is the
    // template of another level.
    if let tier = c.profile.tier {
      for p in c.document.paragraphs where p.isGlossary {
        guard let r = p.text.match(#"(?<![本同上下])([省市区县])(级)?财政"#), p.text[r].first != tier else { continue }
        out.append(
          c.at(
            p, .textLevel, .warning,
            "本部门是\(tier)级单位，名词解释却写“\(p.text[r])”：多半是其他层级模板的残留，应为“\(tier)财政”或“本级财政”。",
            expected: "\(tier)财政", actual: String(p.text[r])))
      }
    }
    guard let level = c.profile.level else { return out }
    // Only the template's own phrases: a 区 may well spend 市级财政拨款 (a transfer), but it has no 市级预算主管部门.
    let re = #"(省级|市级|区级|县级)(预算主管部门|部门预算|单位预算|预算单位)"#
    for p in c.document.paragraphs where !p.isHeading || p.index > 4 {
      guard let r = p.text.match(re), !p.text[r].hasPrefix(level) else { continue }
      out.append(
        c.at(
          p, .textLevel, .warning,
          "本文件是\(level)预算，这里却写“\(p.text[r])”：层级不符，多半是模板残留。", expected: level, actual: String(p.text[r])))
    }
    return out
  }

  static func years(_ c: AuditContext) -> [Diagnostic] {
    guard let year = c.profile.year else { return [] }
    var out: [Diagnostic] = []
    for sp in c.scanned {
      // A base labelled as another comparison (比2019年（疫情前）) is one the writer chose, not a wrong 同比.
      let wrong = sp.changes.filter { $0.priorYear != 0 && $0.priorYear != year - 1 && !$0.basis.contains("（") && !$0.basis.contains("(") }
      guard let first = wrong.first else { continue }
      out.append(
        c.at(
          sp.paragraph, .proseChangeYear, .warning,
          "本文件是\(year)年预算，「\(first.excerpt)」却与\(first.priorYear)年比较；同比应与\(year - 1)年比较。", expected: "\(year - 1)年", actual: "\(first.priorYear)年"))
    }
    return out
  }

  /// Bases named the same when one only adds 数 or 度 (预算/预算数): different only when 执行 is on one side.
  static func executed(_ basis: String) -> Bool { basis.contains("执行") || basis.contains("决算") }

  static func bases(_ c: AuditContext) -> [Diagnostic] {
    // Per section: the same current figure compared under both an executed and a budgeted basis.
    var out: [Diagnostic] = []
    let groups = Dictionary(grouping: c.scanned, by: { "\($0.paragraph.part ?? "")|\($0.paragraph.section ?? "")" })
    for (_, sps) in groups {
      let changes = sps.flatMap { sp in sp.changes.map { (sp, $0) } }.filter { $0.1.current != nil && $0.1.direction != 0 }
      for (sp, ch) in changes where executed(ch.basis) {
        let m = c.money(in: sp)
        guard let other = changes.first(where: { !executed($0.1.basis) && $0.1.current?.amount == ch.current?.amount && $0.1.priorYear == ch.priorYear }) else {
          continue
        }
        out.append(
          c.at(
            sp.paragraph, .proseChangeBasis, .warning,
            "同一数字 \(m(ch.current!.amount))\(m.word)，「\(ch.excerpt)」与「\(other.1.excerpt)」分别和\(ch.priorYear)年的两个口径（\(ch.basis)、\(other.1.basis.isEmpty ? "预算" : other.1.basis)）比较，增减额也不同（\(m(ch.delta)) 与 \(m(other.1.delta))）。请统一比较口径并说明。",
            expected: "同一口径", actual: "\(ch.basis) / \(other.1.basis.isEmpty ? "预算" : other.1.basis)"))
        return out
      }
    }
    return out
  }
}
