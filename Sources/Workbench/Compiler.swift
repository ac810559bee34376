import Foundation
import YusuanCore

/// Builds the publishable document from the facts: 第一部分 from the profile, 第二部分 the edition's tables in
/// its order, 第三部分 one explanation per table then 其他重要事项, 第四部分 the glossary terms the document uses.
/// Plugins write the content; this only puts it in the edition's order and numbers the headings.
public struct Compiler {
  public let context: CompileContext
  /// The sections that write the document, in the registry's order.
  public let plugins: [any SectionPlugin]

  public init(view: BudgetView, prose: ProseTemplates, headers: TableHeaders, plugins: [any SectionPlugin] = SectionRegistry.plugins) {
    context = CompileContext(view: view, prose: prose, headers: headers)
    self.plugins = plugins
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  public func document(draft: Bool) throws -> PublishedDocument {
    let c = context
    let edition = c.view.edition
    var overview: [Block] = [], tables: [String: DocTable] = [:], explanations: [String: [Block]] = [:]
    for plugin in plugins {
      do {
        overview += try plugin.overview(c)
        for t in try plugin.tables(c) { tables[t.id] = t }
        for e in try plugin.explanations(c) { explanations[e.key, default: []] += e.blocks }
      } catch {
        throw Failure(description: "“\(plugin.title)”部分（\(plugin.id)）未能生成：\(ErrorText.describe(error))文件未生成；请报告此问题。")
      }
    }
    let titles = edition.partTitles ?? []
    func partTitle(_ i: Int) -> String {
      let t = i < titles.count ? titles[i] : ""
      return ProseTemplates.substitute(t, c.standardValues)
    }

    let printed = edition.tables.sorted { $0.number < $1.number }
    var part2: [Block] = []
    for spec in printed {
      guard let t = tables[spec.id.rawValue] else { throw Failure(description: "版本“\(edition.id)”要求的表 \(spec.id)（\(spec.name)）没有插件生成。") }
      try Self.checkHeader(t)
      part2.append(.table(t))
    }
    if let layout = edition.parts {
      let document = laidOut(layout, overview: overview, tables: part2, explanations: explanations, draft: draft)
      if !draft { try Self.refuseStatusWording(document.parts, c) }
      return document
    }

    let part3 = explanationBlocks(explanations)

    // In the document's order, a summary's reason is said at its first place (SaidOnce).
    let parts = SaidOnce.resolve([
      Part(title: partTitle(0), blocks: overview), Part(title: partTitle(1), blocks: part2), Part(title: partTitle(2), blocks: part3),
    ])
    if !draft { try Self.refuseStatusWording(parts, c) }
    return PublishedDocument(
      title: c.fill("document.title"), department: c.department, year: c.year, edition: edition.id, draft: draft,
      parts: parts + [Part(title: partTitle(3), blocks: glossary(used: Self.text(of: parts)))])
  }

  /// 情况说明: one numbered section per printed table that has an explanation, in the edition's order, titled by
  /// the table's `explain` or else `explain.title` (a table whose `explain` is empty has no section), then
  /// 其他重要事项 with its items as numbered subsections.
  func explanationBlocks(_ explanations: [String: [Block]]) -> [Block] {
    let c = context
    let edition = c.view.edition
    var out: [Block] = []
    var n = 0
    for spec in edition.tables.sorted(by: { $0.number < $1.number }) {
      guard let blocks = explanations[spec.id.rawValue], spec.explain?.isEmpty != true else { continue }
      let title =
        spec.explain.map { ProseTemplates.substitute($0, c.standardValues.merging(["表名": spec.name]) { _, v in v }) }
        ?? c.fill("explain.title", ["表名": spec.name])
      n += 1
      out.append(.heading(level: 1, text: c.fill("heading.numbered", number: n, ["标题": title])))
      out += blocks
    }
    out.append(.heading(level: 1, text: c.fill("heading.numbered", number: n + 1, ["标题": c.fill("other.title")])))
    var m = 0
    for item in edition.otherMatters {
      guard let blocks = explanations[item.key] else { continue }
      m += 1
      out.append(.heading(level: 2, text: c.fill("heading.sub", number: m, ["标题": item.title])))
      out += blocks
    }
    return out
  }

  /// 名词解释: the edition's terms that `used` (the document's text) uses.
  func glossary(used: String) -> [Block] {
    let c = context
    let terms = c.view.edition.glossary.filter {
      used.containsBytes(NameKey.of($0.term).replacingOccurrences(of: "“", with: "").replacingOccurrences(of: "”", with: "")) || used.containsBytes($0.term)
    }
    return terms.enumerated().map { Block.paragraph(c.fill("glossary.entry", number: $0.offset + 1, ["术语": $0.element.term, "解释": $0.element.text])) }
  }

  /// The document in the edition's own parts (`parts:`), with its cover and contents when it has them. Blocks
  /// whose template is empty (a heading an edition does not print) are left out.
  func laidOut(_ layout: [PartSpec], overview: [Block], tables: [Block], explanations: [String: [Block]], draft: Bool) -> PublishedDocument {
    let c = context
    let edition = c.view.edition
    let printed = edition.tables.sorted { $0.number < $1.number }
    func numberedSections(_ keys: [(String, String)]) -> [Block] {
      var out: [Block] = [], n = 0
      for (key, title) in keys {
        guard let blocks = explanations[key] else { continue }
        n += 1
        out.append(.heading(level: 1, text: c.fill("heading.numbered", number: n, ["标题": title])))
        out += blocks
      }
      return out
    }
    var parts: [Part] = []
    var glossaryAt: [Int] = []
    for spec in layout {
      var blocks: [Block] = []
      for word in spec.show {
        switch PartContent(word) {
        case .overview: blocks += overview
        case .tables: blocks += tables
        case .explanations: blocks += explanationBlocks(explanations)
        case .matters: blocks += numberedSections(edition.otherMatters.map { ($0.key, ProseTemplates.substitute($0.title, c.standardValues)) })
        case .glossary: glossaryAt.append(parts.count)
        case .section(let key): blocks += explanations[key] ?? []
        case nil: break
        }
      }
      blocks = blocks.filter {
        switch $0 {
        case .heading(_, let t), .paragraph(let t): return !t.isEmpty
        case .table: return true
        }
      }
      parts.append(Part(title: ProseTemplates.substitute(spec.title, c.standardValues), blocks: blocks))
    }
    parts = SaidOnce.resolve(parts)
    let used = Self.text(of: parts)
    for i in glossaryAt { parts[i].blocks += glossary(used: used) }
    var contents: Contents?
    if let spec = edition.contents {
      var lines: [Contents.Line] = []
      for (i, part) in layout.enumerated() {
        let entry = ProseTemplates.substitute(part.entry ?? part.title, c.standardValues)
        lines.append(
          .init(
            level: 1,
            text: ProseTemplates.substitute(
              spec.part, c.standardValues.merging(["中文序号": Wording.chineseNumber(i + 1), "序号": String(i + 1), "条目": entry]) { _, v in v })))
        if part.show.contains("tables") {
          for t in printed {
            lines.append(
              .init(level: 2, text: ProseTemplates.substitute(spec.table, c.standardValues.merging(["序号": String(t.number), "表名": t.name]) { _, v in v })))
          }
        }
      }
      contents = Contents(title: spec.title, lines: lines)
    }
    return PublishedDocument(
      title: c.fill("document.title"), department: c.department, year: c.year, edition: edition.id, draft: draft, parts: parts,
      cover: edition.cover.map { $0.map { ProseTemplates.substitute($0, c.standardValues) } }, contents: contents)
  }

  /// A publishable document never says that a figure was not entered (`change.unknown`: 2024年预算数未录入): the
  /// prose that would need it is named, and the officer enters the figure or compiles a draft.
  static func refuseStatusWording(_ parts: [Part], _ c: CompileContext) throws {
    let status = c.prose.fill("change.unknown", c.view.edition.priorYear.values(priorYear: c.view.meta.priorYear))
    guard !status.isEmpty else { return }
    var needing: [String] = []
    for p in parts {
      for case .paragraph(let t) in p.blocks where t.contains(status) {
        for sentence in t.components(separatedBy: status).dropLast() {
          // The clause that names the figure: from the last full stop or semicolon before the status words.
          let start = sentence.lastIndex { "。；".contains($0) }.map { sentence.index(after: $0) } ?? sentence.startIndex
          needing.append(String(sentence[start...]).trimmingCharacters(in: CharacterSet(charactersIn: "，, ")))
        }
      }
    }
    guard !needing.isEmpty else { return }
    let listed = needing.prefix(8).map { "「\($0)」" }.joined(separator: "\n  ") + (needing.count > 8 ? "\n  等 \(needing.count) 处" : "")
    throw Failure(description: "正式文件不能写“\(status)”。以下说明需要上年数，请先录入（或加 --draft 生成草稿）：\n  \(listed)")
  }

  /// A header from forms must cover exactly the table's columns, or the printed table would be misaligned.
  static func checkHeader(_ t: DocTable) throws {
    let n = TableHeaders.columnCount(t.header)
    guard n == t.columns.count else {
      throw Failure(description: "表头与表不符：\(t.id)（\(t.title)）的表头有 \(n) 列，表有 \(t.columns.count) 列。请检查 forms/tables.yaml 或版本目录中的 tables.yaml。")
    }
  }

  /// All text of the parts (headings, paragraphs, table titles, headers and cells), to find the terms used.
  static func text(of parts: [Part]) -> String {
    var s = ""
    for p in parts {
      for b in p.blocks {
        switch b {
        case .heading(_, let t), .paragraph(let t): s += t
        case .table(let t):
          s += t.title + t.header.flatMap { $0.map(\.text) }.joined() + t.rows.flatMap { $0.cells.map(t.text) }.joined()
        }
      }
    }
    return s
  }
}
