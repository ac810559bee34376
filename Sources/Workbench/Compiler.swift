import Foundation
import YusuanCore

/// Builds the publishable document from the facts: 第一部分 from the profile, 第二部分 the edition's tables in
/// its order, 第三部分 one explanation per table then 其他重要事项, 第四部分 the glossary terms the document uses.
/// Plugins write the content; this only puts it in the edition's order and numbers the headings.
public struct Compiler {
  public let context: CompileContext

  public init(view: BudgetView, prose: ProseTemplates, headers: TableHeaders) { context = CompileContext(view: view, prose: prose, headers: headers) }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  public func document(draft: Bool) throws -> PublishedDocument {
    let c = context
    let edition = c.view.edition
    var overview: [Block] = [], tables: [String: DocTable] = [:], explanations: [String: [Block]] = [:]
    for plugin in SectionRegistry.plugins {
      do {
        overview += try plugin.overview(c)
        for t in try plugin.tables(c) { tables[t.id] = t }
        for e in try plugin.explanations(c) { explanations[e.key, default: []] += e.blocks }
      } catch {
        throw Failure(description: "“\(plugin.title)”部分（\(plugin.id)）未能生成：\(ErrorText.describe(error))文件未生成；请报告此问题。")
      }
    }
    func partTitle(_ i: Int) -> String {
      let t = i < edition.partTitles.count ? edition.partTitles[i] : ""
      return ProseTemplates.substitute(t, c.standardValues)
    }

    let printed = edition.tables.sorted { $0.number < $1.number }
    var part2: [Block] = []
    for spec in printed {
      guard let t = tables[spec.id.rawValue] else { throw Failure(description: "版本“\(edition.id)”要求的表 \(spec.id)（\(spec.name)）没有插件生成。") }
      try Self.checkHeader(t)
      part2.append(.table(t))
    }

    var part3: [Block] = []
    var n = 0
    for spec in printed {
      guard let blocks = explanations[spec.id.rawValue] else { continue }
      n += 1
      part3.append(.heading(level: 1, text: c.fill("heading.numbered", number: n, ["标题": c.fill("explain.title", ["表名": spec.name])])))
      part3 += blocks
    }
    n += 1
    part3.append(.heading(level: 1, text: c.fill("heading.numbered", number: n, ["标题": c.fill("other.title")])))
    var m = 0
    for item in edition.otherMatters {
      guard let blocks = explanations[item.key] else { continue }
      m += 1
      part3.append(.heading(level: 2, text: c.fill("heading.sub", number: m, ["标题": item.title])))
      part3 += blocks
    }

    let parts = [Part(title: partTitle(0), blocks: overview), Part(title: partTitle(1), blocks: part2), Part(title: partTitle(2), blocks: part3)]
    if !draft { try Self.refuseStatusWording(parts, c) }
    let used = Self.text(of: parts)
    let terms = edition.glossary.filter { used.containsBytes(NameKey.of($0.term).replacingOccurrences(of: "“", with: "").replacingOccurrences(of: "”", with: "")) || used.containsBytes($0.term) }
    let glossary = terms.enumerated().map { Block.paragraph(c.fill("glossary.entry", number: $0.offset + 1, ["术语": $0.element.term, "解释": $0.element.text])) }
    return PublishedDocument(title: c.fill("document.title"), department: c.department, year: c.year, edition: edition.id, draft: draft,
                             parts: parts + [Part(title: partTitle(3), blocks: glossary)])
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
