// The document as JSON, for review tools, the finance bureau's checks and diffs between versions.
//
// Every cell is given as printed (amounts are strings with two decimals — never floats, which would
// turn 0.1 + 0.2 into 0.30000000000000004 in the reader's tool); keys sorted, pretty-printed, stable.
// Written directly rather than through JSONEncoder, which took a tenth of a folder compile; the layout is the one
// JSONEncoder's `.prettyPrinted, .sortedKeys` gives (two-space indent, `"key" : value`).
import Foundation
import YusuanCore

public enum JSONRenderer: DocumentRenderer {
  public static let fileExtension = "json"
  /// Bumped when the shape changes incompatibly.
  public static let formatVersion = 1

  public static func render(_ doc: PublishedDocument) throws -> Data {
    var out = ""
    out.reserveCapacity(256 * 1024)
    document(doc).write(to: &out, indent: 0)
    out += "\n"
    return Data(out.utf8)
  }

  static func document(_ d: PublishedDocument) -> JSONValue {
    .object(
      [
        ("format", .string("yusuan-document")), ("formatVersion", .int(formatVersion)),
        ("title", .string(d.title)), ("department", .string(d.department)), ("year", .int(d.year)),
        ("edition", .string(d.edition)), ("draft", .bool(d.draft)),
        ("parts", .array(d.parts.map { p in .object([("title", .string(p.title)), ("blocks", .array(p.blocks.map(block)))]) })),
      ] + (d.cover.map { [("cover", JSONValue.array($0.map(JSONValue.string)))] } ?? [])
        + (d.contents.map { c in
          [
            (
              "contents",
              JSONValue.object([
                ("title", .string(c.title)),
                (
                  "lines",
                  .array(
                    c.lines.map {
                      .object([("level", .int($0.level)), ("text", .string($0.text))])
                    })
                ),
              ])
            )
          ]
        } ?? []))
  }

  /// A block: `{"type": "heading", "level", "text"}`, `{"type": "paragraph", "text"}` or `{"type": "table", "table"}`.
  static func block(_ b: Block) -> JSONValue {
    switch b {
    case .heading(let level, let text): return .object([("type", .string("heading")), ("level", .int(level)), ("text", .string(text))])
    case .paragraph(let text): return .object([("type", .string("paragraph")), ("text", .string(text))])
    case .table(let t): return .object([("type", .string("table")), ("table", table(t))])
    }
  }

  /// A table: header cells as entered (with spans), each column's kind, relative width and flattened heading
  /// (本年预算·合计), each row's kind, level and printed cells (amounts "612.42", blank ""). A missing label or note
  /// is an explicit null: a reader should see that the table has none, not wonder about a missing key.
  static func table(_ t: DocTable) -> JSONValue {
    let layout = TableLayout(t)
    let headings = layout.flatHeadings
    // 编制部门 (only when the edition prints it, so other documents' JSON keeps its shape).
    let preparer: [(String, JSONValue)] = t.preparer.map { [("preparer", .string($0))] } ?? []
    return .object(
      preparer + [
        ("id", .string(t.id)),
        ("label", t.label.map(JSONValue.string) ?? .null),
        ("title", .string(t.title)),
        ("unit", .string(t.unit)),
        (
          "header",
          .array(
            t.header.map { row in
              .array(row.map { .object([("text", .string($0.text)), ("colSpan", .int($0.colSpan)), ("rowSpan", .int($0.rowSpan))]) })
            })
        ),
        (
          "columns",
          .array(
            layout.columns.enumerated().map {
              .object([("kind", .string($0.element.kind.rawValue)), ("width", .int($0.element.width)), ("heading", .string(headings[$0.offset]))])
            })
        ),
        (
          "rows",
          .array(
            t.rows.map { row in
              let cells = row.kind == .emptyMarker && row.cells.isEmpty ? [TableLayout.emptyMarkerText(row)] : row.cells.map(t.text)
              return .object([("kind", .string(row.kind.rawValue)), ("level", .int(row.level)), ("cells", .array(cells.map(JSONValue.string)))])
            })
        ),
        ("note", t.note.map(JSONValue.string) ?? .null),
      ]
        + (t.merges.map { ms in
          [
            (
              "merges",
              JSONValue.array(
                ms.map {
                  .object([("row", .int($0.row)), ("col", .int($0.col)), ("rowSpan", .int($0.rowSpan)), ("colSpan", .int($0.colSpan))])
                })
            )
          ]
        } ?? []) + [
          ("empty", .bool(t.isEmpty))
        ])
  }
}

/// A JSON value and its pretty-printed text with sorted keys.
indirect enum JSONValue {
  case string(String), int(Int), bool(Bool), null
  case array([JSONValue])
  case object([(String, JSONValue)])

  func write(to out: inout String, indent: Int) {
    switch self {
    case .string(let s): Self.quote(s, into: &out)
    case .int(let i): out += String(i)
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    case .array(let items):
      guard !items.isEmpty else { out += "[]"; return }
      out += "[\n"
      for (i, item) in items.enumerated() {
        Self.pad(&out, indent + 1)
        item.write(to: &out, indent: indent + 1)
        out += i == items.count - 1 ? "\n" : ",\n"
      }
      Self.pad(&out, indent)
      out += "]"
    case .object(let fields):
      guard !fields.isEmpty else { out += "{}"; return }
      out += "{\n"
      let sorted = fields.sorted { $0.0 < $1.0 }
      for (i, (key, value)) in sorted.enumerated() {
        Self.pad(&out, indent + 1)
        Self.quote(key, into: &out)
        out += " : "
        value.write(to: &out, indent: indent + 1)
        out += i == sorted.count - 1 ? "\n" : ",\n"
      }
      Self.pad(&out, indent)
      out += "}"
    }
  }

  static let pads = (0..<16).map { String(repeating: "  ", count: $0) }

  static func pad(_ out: inout String, _ level: Int) {
    out += level < pads.count ? pads[level] : String(repeating: "  ", count: level)
  }

  /// A JSON string literal appended in place; text with nothing to escape (nearly all) is copied as it is.
  static func quote(_ s: String, into out: inout String) {
    if s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      out += DiagnosticRenderer.q(s)
    } else {
      out += "\""
      out += s
      out += "\""
    }
  }
}
