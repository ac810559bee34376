import YusuanCore
import Foundation

/// Reads the XHTML that `pdftotext -bbox-layout` writes: `<page width height>` elements holding
/// `<word xMin yMin xMax yMax>text</word>`. Only pages and words are kept; poppler's own blocks and lines are
/// regrouped by the table finder, which knows where the rules are.
package enum BBoxLayout {
  package static func pages(_ data: Data) -> [PDFPage] {
    let bytes = [UInt8](data)
    var pages: [PDFPage] = []
    var i = 0
    let n = bytes.count
    let cursor = ByteCursor(bytes: bytes)
    func starts(_ s: StaticString, at k: Int) -> Bool { cursor.starts(s, at: k) }
    /// The attributes of the tag starting at `k` (up to its `>`), and the index after the `>`.
    func attributes(from k: Int) -> ([String: Double], Int) {
      var attrs: [String: Double] = [:]
      var j = k
      while j < n && bytes[j] != UInt8(ascii: ">") {
        if bytes[j] == UInt8(ascii: "=") && j + 1 < n && bytes[j + 1] == UInt8(ascii: "\"") {
          var ks = j - 1
          while ks > k && bytes[ks - 1] != UInt8(ascii: " ") { ks -= 1 }
          let key = String(decoding: bytes[ks..<j], as: UTF8.self)
          var ve = j + 2
          while ve < n && bytes[ve] != UInt8(ascii: "\"") { ve += 1 }
          if let v = Double(String(decoding: bytes[(j + 2)..<ve], as: UTF8.self)) { attrs[key] = v }
          j = ve
        }
        j += 1
      }
      return (attrs, Swift.min(j + 1, n))
    }
    /// The previous word of the current poppler line, to learn which way sideways lines run.
    var previous: Box? = nil
    while i < n {
      guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
      if starts("<line ", at: i) {
        previous = nil
        i += 1
      } else if starts("<page ", at: i) {
        let (a, next) = attributes(from: i)
        pages.append(PDFPage(number: pages.count + 1, width: a["width"] ?? 0, height: a["height"] ?? 0, words: []))
        i = next
      } else if starts("<word ", at: i), !pages.isEmpty {
        let (a, next) = attributes(from: i)
        var e = next
        while e < n && bytes[e] != UInt8(ascii: "<") { e += 1 }
        let text = unescape(String(decoding: bytes[next..<e], as: UTF8.self))
        if let x0 = a["xMin"], let y0 = a["yMin"], let x1 = a["xMax"], let y1 = a["yMax"], !text.isEmpty {
          let box = Box(x0: x0, y0: y0, x1: x1, y1: y1)
          if let p = previous, box.height > box.width, p.height > p.width, p.midY != box.midY {
            pages[pages.count - 1].downwardSteps += box.midY > p.midY ? 1 : -1
          }
          previous = box
          pages[pages.count - 1].words.append(PDFWord(text: text, box: box))
        }
        i = e
      } else {
        i += 1
      }
    }
    return pages
  }

  package static func unescape(_ s: String) -> String {
    guard s.contains("&") else { return s }
    return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
  }
}
