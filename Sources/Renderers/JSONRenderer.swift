// The document as JSON, for review tools, the finance bureau's checks and diffs between versions.
//
// Every cell is given as printed (amounts are strings with two decimals — never floats, which would
// turn 0.1 + 0.2 into 0.30000000000000004 in the reader's tool); keys sorted, pretty-printed, stable.
import Foundation
import YusuanCore

public enum JSONRenderer: DocumentRenderer {
  public static let fileExtension = "json"
  /// Bumped when the shape changes incompatibly.
  public static let formatVersion = 1

  public static func render(_ doc: PublishedDocument) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(JDocument(doc))
    data.append(0x0A)
    return data
  }

  struct JDocument: Encodable {
    let format = "yusuan-document"
    let formatVersion = JSONRenderer.formatVersion
    let title: String, department: String, year: Int, edition: String, draft: Bool
    let parts: [JPart]

    init(_ d: PublishedDocument) {
      title = d.title; department = d.department; year = d.year; edition = d.edition; draft = d.draft
      parts = d.parts.map(JPart.init)
    }

    enum CodingKeys: String, CodingKey { case format, formatVersion, title, department, year, edition, draft, parts }
  }

  struct JPart: Encodable {
    let title: String
    let blocks: [JBlock]
    init(_ p: Part) { title = p.title; blocks = p.blocks.map(JBlock.init) }
  }

  /// A block: `{"type": "heading", "level", "text"}`, `{"type": "paragraph", "text"}` or `{"type": "table", "table"}`.
  struct JBlock: Encodable {
    let block: Block
    init(_ b: Block) { block = b }

    enum Keys: String, CodingKey { case type, level, text, table }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: Keys.self)
      switch block {
      case .heading(let level, let text):
        try c.encode("heading", forKey: .type); try c.encode(level, forKey: .level); try c.encode(text, forKey: .text)
      case .paragraph(let text):
        try c.encode("paragraph", forKey: .type); try c.encode(text, forKey: .text)
      case .table(let t):
        try c.encode("table", forKey: .type); try c.encode(JTable(t), forKey: .table)
      }
    }
  }

  struct JTable: Encodable {
    let table: DocTable
    init(_ t: DocTable) { table = t }

    enum Keys: String, CodingKey { case id, label, title, unit, header, columns, rows, note, empty }

    struct JHeaderCell: Encodable { let text: String; let colSpan: Int; let rowSpan: Int }
    /// A column: its kind, relative width, and its heading with the merged header flattened (本年预算·合计).
    struct JColumn: Encodable { let kind: String; let width: Int; let heading: String }
    /// A row: its kind and level, and each cell's printed text (amounts "612.42", blank "").
    struct JRow: Encodable { let kind: String; let level: Int; let cells: [String] }

    func encode(to encoder: Encoder) throws {
      let layout = TableLayout(table)
      var c = encoder.container(keyedBy: Keys.self)
      try c.encode(table.id, forKey: .id)
      // Explicit nulls: a reader should see that the table has no label or note, not wonder about a missing key.
      if let label = table.label { try c.encode(label, forKey: .label) } else { try c.encodeNil(forKey: .label) }
      try c.encode(table.title, forKey: .title)
      try c.encode(table.unit, forKey: .unit)
      try c.encode(table.header.map { $0.map { JHeaderCell(text: $0.text, colSpan: $0.colSpan, rowSpan: $0.rowSpan) } }, forKey: .header)
      let headings = layout.flatHeadings
      try c.encode(layout.columns.enumerated().map { JColumn(kind: $0.element.kind.rawValue, width: $0.element.width, heading: headings[$0.offset]) }, forKey: .columns)
      try c.encode(table.rows.map { row in
        JRow(kind: row.kind.rawValue, level: row.level,
             cells: row.kind == .emptyMarker && row.cells.isEmpty ? [TableLayout.emptyMarkerText(row)] : row.cells.map(\.display))
      }, forKey: .rows)
      if let note = table.note { try c.encode(note, forKey: .note) } else { try c.encodeNil(forKey: .note) }
      try c.encode(table.isEmpty, forKey: .empty)
    }
  }
}
