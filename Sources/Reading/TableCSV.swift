import YusuanCore

/// A table as read, written as CSV (RFC 4180): the resolved column names, then the body rows. This is the form of
/// the reviewed expected readings under `Tests/Fixtures/readings/`, and what `audit --tables` writes so that a
/// reviewer can check the reading against the page.
public enum TableCSV {
  public static func csv(_ t: AuditTable) -> String {
    ([t.columns] + t.rows.map(\.cells)).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  /// One line per table in the shape of the expected readings' `tables.csv`: n, title, unit, pages, body rows, note.
  public static func index(_ doc: AuditDocument) -> String {
    var out = "n,title,unit,pages,body_rows,note\n"
    for t in doc.tables {
      let pages = Set(t.rows.compactMap { doc.spots[$0.line]?.page }).sorted().map(String.init).joined(separator: ";")
      out +=
        [String(t.index), t.title ?? "", t.unit?.rawValue ?? "", pages, String(t.rows.count), t.notes.joined(separator: " ")]
        .map(field).joined(separator: ",") + "\n"
    }
    return out
  }

  package static func field(_ s: String) -> String {
    let t = s.replacingOccurrences(of: "\n", with: "")
    guard t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" }) else { return t }
    return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Parses CSV written by `csv` (or any RFC 4180 file): rows of fields, quotes honoured.
  public static func parse(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = ""
    var quoted = false, afterQuote = false
    for ch in text {
      if quoted {
        if ch == "\"" { quoted = false; afterQuote = true } else { field.append(ch) }
        continue
      }
      switch ch {
      case "\"": if afterQuote { field.append("\"") }; quoted = true; afterQuote = false
      case ",": row.append(field); field = ""; afterQuote = false
      case "\n", "\r\n": row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
      default: field.append(ch); afterQuote = false
      }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
  }
}
