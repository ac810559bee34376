import Foundation
import Yams

/// Column headers of the standard tables, as data: `forms/tables.yaml`, overlaid by the edition's `tables.yaml`.
/// Plugins decide what goes in each column; the words over the columns belong to the edition.
public struct TableHeaders: Sendable, Equatable {
  public var headers: [String: [[HeaderCell]]]

  public init(headers: [String: [[HeaderCell]]]) { self.headers = headers }

  /// One cell as written in YAML: plain text, or {text, cols, rows}.
  struct CellSpec: Decodable {
    var cell: HeaderCell
    enum Keys: String, CodingKey { case text, cols, rows }
    init(from decoder: Decoder) throws {
      if let s = try? decoder.singleValueContainer().decode(String.self) { cell = HeaderCell(s); return }
      let c = try decoder.container(keyedBy: Keys.self)
      cell = HeaderCell(
        try c.decode(String.self, forKey: .text), colSpan: try c.decodeIfPresent(Int.self, forKey: .cols) ?? 1,
        rowSpan: try c.decodeIfPresent(Int.self, forKey: .rows) ?? 1)
    }
  }

  static func parse(_ yaml: String) throws -> [String: [[HeaderCell]]] {
    try YAMLDecoder().decode([String: [[CellSpec]]].self, from: yaml).mapValues { $0.map { $0.map(\.cell) } }
  }

  /// The number of leaf columns a header covers (the widest row once row spans are placed).
  public static func columnCount(_ header: [[HeaderCell]]) -> Int {
    var occupied: [Int: Int] = [:]  // row → columns taken by spans from above
    var width = 0
    for (r, row) in header.enumerated() {
      let here = row.map(\.colSpan).reduce(0, +) + (occupied[r] ?? 0)
      width = max(width, here)
      for cell in row where cell.rowSpan > 1 {
        for dr in 1..<cell.rowSpan { occupied[r + dr, default: 0] += cell.colSpan }
      }
    }
    return width
  }
}

extension FormsLibrary {
  /// The headers for an edition: the standard ones with the edition's overrides.
  public func tableHeaders(_ editionID: String) throws -> TableHeaders {
    func load(_ url: URL) throws -> [String: [[HeaderCell]]] {
      guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else { return [:] }
      do { return try TableHeaders.parse(text) } catch { throw LoadError(description: "表头文件 \(url.path) 格式有误：\(ErrorText.describe(error))") }
    }
    let common = root.appendingPathComponent("tables.yaml")
    let own = root.appendingPathComponent("editions").appendingPathComponent(editionID).appendingPathComponent("tables.yaml")
    return try FormsCache.shared.value("headers:" + own.path, files: [common, own]) {
      var headers = try load(common)
      headers.merge(try load(own)) { _, edition in edition }
      return TableHeaders(headers: headers)
    }
  }
}
