import YusuanCore
import Foundation

/// What a page draws, as far as reading needs it: the rules, and where glyphs were actually painted.
package struct SVGPage: Sendable {
  package var rulings: [Ruling] = []
  /// Origins (x, baseline y) of the glyphs cairo painted. Text the PDF clips away is not painted, though
  /// pdftotext still reports it (WPS prints overflowing spreadsheet rows twice, clipped on one page).
  package var glyphs: [(x: Double, y: Double)] = []
  /// Raster images drawn on the page (a scanned page is one image and no text).
  package var images = 0
  /// Where those images are drawn, when cairo gave their size and placement (a table pasted as a picture).
  package var imageBoxes: [Box] = []

  /// Consecutive glyphs painted one under the other (+1) or one above the other (−1), as text printed sideways
  /// is: which way its lines run, where poppler's words alone cannot tell (a line of one word).
  package var downwardSteps: Int {
    zip(glyphs, glyphs.dropFirst()).reduce(0) { n, pair in
      let (a, b) = pair
      guard abs(a.x - b.x) < 0.5 else { return n }
      let dy = b.y - a.y
      return dy > 0 && dy <= 30 ? n + 1 : dy < 0 && dy >= -30 ? n - 1 : n
    }
  }
}

/// Finds the ruling lines of each page in the SVG that `pdftocairo -svg` writes. Office programs draw table rules
/// either as stroked straight paths (LibreOffice: `M x y L x y` with a `transform` matrix) or as thin filled
/// rectangles (WPS). Glyphs live in `<defs>` and are skipped; curves, white strokes and white fills are ignored.
/// Cairo writes each element's transform on the element itself, so no `<g>` transform stack is kept.
package enum SVGRulings {
  /// Rules and glyph origins per page, indexed from 0; a file without `<page>` elements is one page.
  package static func pages(_ data: Data) -> [SVGPage] {
    let bytes = [UInt8](data)
    var pages: [SVGPage] = [SVGPage()]
    var sawPage = false
    var imageSizes: [String: (w: Double, h: Double)] = [:]
    var i = 0
    let n = bytes.count
    let cursor = ByteCursor(bytes: bytes)
    func starts(_ s: StaticString, at k: Int) -> Bool { cursor.starts(s, at: k) }
    func find(_ s: StaticString, from k: Int) -> Int {
      var j = k
      while j < n { if bytes[j] == UInt8(ascii: "<"), starts(s, at: j) { return j }; j += 1 }
      return n
    }
    while i < n {
      guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
      if starts("<defs", at: i) {
        let end = find("</defs>", from: i)
        // The images' sizes, kept for where a <use> places them; glyph outlines are skipped.
        var k = i
        while k < end {
          if bytes[k] == UInt8(ascii: "<"), starts("<image ", at: k) {
            var e = k
            while e < end && bytes[e] != UInt8(ascii: ">") { e += 1 }
            let tag = bytes[k..<e]
            if let id = value("id", in: tag), let w = value("width", in: tag).flatMap(number), let h = value("height", in: tag).flatMap(number) {
              imageSizes[String(decoding: id, as: UTF8.self)] = (w, h)
            }
            k = e
          }
          k += 1
        }
        i = end
      } else if starts("<page>", at: i) || starts("<page ", at: i) {
        if sawPage { pages.append(SVGPage()) }
        sawPage = true
        i += 5
      } else if starts("<path ", at: i) {
        var e = i
        while e < n && bytes[e] != UInt8(ascii: ">") { e += 1 }
        let tag = bytes[i..<e]
        // Glyph outlines live in <defs>; a path here with a curve is no rule: skip it before decoding any text.
        if let d = value("d", in: tag), !d.contains(UInt8(ascii: "C")) {
          pages[pages.count - 1].rulings += rulings(
            d: String(decoding: d, as: UTF8.self),
            style: value("style", in: tag).map { String(decoding: $0, as: UTF8.self) } ?? "",
            transform: value("transform", in: tag).map { String(decoding: $0, as: UTF8.self) })
        }
        i = e
      } else if starts("<use ", at: i) {
        var e = i
        while e < n && bytes[e] != UInt8(ascii: ">") { e += 1 }
        let tag = bytes[i..<e]
        if let href = value("xlink:href", in: tag), href.starts(with: Array("#image".utf8)) {
          pages[pages.count - 1].images += 1
          if let size = imageSizes[String(decoding: href.dropFirst(), as: UTF8.self)],
            let m = value("transform", in: tag).flatMap({ matrix(String(decoding: $0, as: UTF8.self)) })
          {
            // The unit square of the image scaled by the matrix: its width and height on the page from its origin.
            let w = abs(m[0]) * size.w + abs(m[2]) * size.h, h = abs(m[1]) * size.w + abs(m[3]) * size.h
            let x0 = m[4] + min(0, m[0] * size.w) + min(0, m[2] * size.h), y0 = m[5] + min(0, m[1] * size.w) + min(0, m[3] * size.h)
            pages[pages.count - 1].imageBoxes.append(Box(x0: x0, y0: y0, x1: x0 + w, y1: y0 + h))
          }
        } else if let x = value("x", in: tag).flatMap(number), let y = value("y", in: tag).flatMap(number) {
          pages[pages.count - 1].glyphs.append((x, y))
        }
        i = e
      } else {
        i += 1
      }
    }
    return pages
  }

  /// The bytes of attribute `name` in a tag (` name="…"`), without decoding the tag.
  package static func value(_ name: StaticString, in tag: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
    let key = name.withUTF8Buffer { Array($0) }
    var k = tag.startIndex
    let end = tag.endIndex
    while k + key.count + 2 < end {
      if tag[k] == UInt8(ascii: " "), tag[(k + 1)...].starts(with: key), tag[k + 1 + key.count] == UInt8(ascii: "="),
        tag[k + 2 + key.count] == UInt8(ascii: "\"")
      {
        let start = k + 3 + key.count
        guard let close = tag[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return tag[start..<close]
      }
      k += 1
    }
    return nil
  }

  package static func number(_ bytes: ArraySlice<UInt8>) -> Double? { Double(String(decoding: bytes, as: UTF8.self)) }

  static func attribute(_ name: String, in tag: String) -> String? {
    guard let r = tag.range(of: " \(name)=\"") else { return nil }
    guard let end = tag[r.upperBound...].firstIndex(of: "\"") else { return nil }
    return String(tag[r.upperBound..<end])
  }

  /// A style value such as `stroke:rgb(0%,0%,0%)` → `rgb(0%,0%,0%)`.
  static func styleValue(_ key: String, in style: String) -> String? {
    for part in style.split(separator: ";") {
      let kv = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      if kv.count == 2 && kv[0] == key { return kv[1] }
    }
    return nil
  }

  static func isWhite(_ color: String?) -> Bool {
    guard let c = color else { return false }
    return c == "rgb(100%,100%,100%)" || c.lowercased() == "#ffffff" || c == "white"
  }

  /// Thickness under which a filled rectangle counts as a drawn line, in points.
  static let thinRectangle = 2.5
  /// How far from axis-aligned a segment may be and still count as a rule, in points.
  static let skew = 0.6

  static func rulings(inPathTag tag: String) -> [Ruling] {
    guard let d = attribute("d", in: tag) else { return [] }
    return rulings(d: d, style: attribute("style", in: tag) ?? "", transform: attribute("transform", in: tag))
  }

  static func rulings(d: String, style: String, transform: String?) -> [Ruling] {
    guard !d.isEmpty else { return [] }
    let strokeColor = styleValue("stroke", in: style)
    let fillColor = styleValue("fill", in: style)
    let stroked = strokeColor != nil && strokeColor != "none" && !isWhite(strokeColor)
    let filled = fillColor != "none" && !isWhite(fillColor)
    guard stroked || filled else { return [] }
    let m = transform.flatMap(matrix) ?? [1, 0, 0, 1, 0, 0]
    guard let subpaths = parse(d) else { return [] }
    var out: [Ruling] = []
    for raw in subpaths where raw.count >= 2 {
      let pts = raw.map { (x: m[0] * $0.x + m[2] * $0.y + m[4], y: m[1] * $0.x + m[3] * $0.y + m[5]) }
      if stroked {
        for k in 1..<pts.count { if let r = segment(pts[k - 1], pts[k]) { out.append(r) } }
      } else if filled, let b = rectangle(pts) {
        if b.height <= thinRectangle && b.width > b.height {
          out.append(Ruling(.horizontal, at: b.midY, from: b.x0, to: b.x1))
        } else if b.width <= thinRectangle && b.height > b.width {
          out.append(Ruling(.vertical, at: b.midX, from: b.y0, to: b.y1))
        } else {
          // A filled box (a cell background): its sides bound cells as rules do.
          out += [
            Ruling(.horizontal, at: b.y0, from: b.x0, to: b.x1), Ruling(.horizontal, at: b.y1, from: b.x0, to: b.x1),
            Ruling(.vertical, at: b.x0, from: b.y0, to: b.y1), Ruling(.vertical, at: b.x1, from: b.y0, to: b.y1),
          ]
        }
      }
    }
    return out
  }

  static func segment(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Ruling? {
    if abs(a.y - b.y) <= skew && abs(a.x - b.x) > skew { return Ruling(.horizontal, at: (a.y + b.y) / 2, from: a.x, to: b.x) }
    if abs(a.x - b.x) <= skew && abs(a.y - b.y) > skew { return Ruling(.vertical, at: (a.x + b.x) / 2, from: a.y, to: b.y) }
    return nil
  }

  /// The box of a closed axis-aligned quadrilateral, nil for any other shape.
  static func rectangle(_ pts: [(x: Double, y: Double)]) -> Box? {
    var p = pts
    if p.count == 5, abs(p[0].x - p[4].x) <= skew, abs(p[0].y - p[4].y) <= skew { p.removeLast() }
    guard p.count == 4 else { return nil }
    for k in 0..<4 {
      let a = p[k], b = p[(k + 1) % 4]
      guard abs(a.x - b.x) <= skew || abs(a.y - b.y) <= skew else { return nil }
    }
    return Box(x0: p.map(\.x).min()!, y0: p.map(\.y).min()!, x1: p.map(\.x).max()!, y1: p.map(\.y).max()!)
  }

  static func matrix(_ s: String) -> [Double]? {
    guard s.hasPrefix("matrix("), s.hasSuffix(")") else { return nil }
    let nums = s.dropFirst(7).dropLast().split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
    return nums.count == 6 ? nums : nil
  }

  /// Subpaths of absolute `M`/`L`/`Z` commands; nil when the path has curves or relative commands (not a rule).
  static func parse(_ d: String) -> [[(x: Double, y: Double)]]? {
    var subpaths: [[(x: Double, y: Double)]] = []
    var current: [(x: Double, y: Double)] = []
    var numbers: [Double] = []
    var command: Character = " "
    func flushNumbers() -> Bool {
      guard command == "M" || command == "L" else { return numbers.isEmpty }
      guard numbers.count % 2 == 0 else { return false }
      var k = 0
      while k < numbers.count {
        if command == "M" && k == 0 {
          if current.count >= 2 { subpaths.append(current) }
          current = []
        }
        current.append((numbers[k], numbers[k + 1])); k += 2
      }
      numbers = []
      return true
    }
    for token in d.split(separator: " ", omittingEmptySubsequences: true) {
      if let v = Double(token) { numbers.append(v); continue }
      guard flushNumbers() else { return nil }
      switch token {
      case "M", "L": command = token.first!
      case "Z", "z":
        if let f = current.first { current.append(f) }
        command = " "
      default: return nil
      }
    }
    guard flushNumbers() else { return nil }
    if current.count >= 2 { subpaths.append(current) }
    return subpaths
  }
}
