import Foundation

/// Writes small PDFs by hand for the reading tests: pages of PDF drawing operators with two fonts, each page with its
/// media box and /Rotate, and a correct cross-reference table. What LibreOffice cannot be asked to make (a page
/// turned by /Rotate, a font without a map to Unicode) is made here.
enum MiniPDF {
  struct Page {
    var width = 842, height = 595, rotate = 0
    var content: String
  }

  /// F3 is the standard Chinese font STSong-Light (not embedded; poppler draws it with poppler-data), its text
  /// written with `chinese(_:)`. F1 is Helvetica. F2's codes name glyphs (/g33 …) that map to no character, as a subset font embedded without
  /// its Unicode map does: poppler can only give the codes back, as ASCII symbols.
  static func data(_ pages: [Page]) -> Data {
    let unmapped =
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences [33 "
      + (1...40).map { "/g\($0)" }.joined(separator: " ") + "] >> >>"
    let first = 6  // object number of the first page; its content follows it
    var objects = [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [" + pages.indices.map { "\(first + 2 * $0) 0 R" }.joined(separator: " ") + "] /Count \(pages.count) >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", unmapped,
      "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>",
    ]
    for (i, p) in pages.enumerated() {
      objects.append(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(p.width) \(p.height)] /Rotate \(p.rotate) /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents \(first + 2 * i + 1) 0 R >>"
      )
      objects.append("<< /Length \(p.content.utf8.count) >>\nstream\n\(p.content)\nendstream")
    }
    var out = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (i, o) in objects.enumerated() { offsets.append(out.utf8.count); out += "\(i + 1) 0 obj\n\(o)\nendobj\n" }
    let xref = out.utf8.count
    out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
    out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Data(out.utf8)
  }

  /// Lines of text in `font`, one `BT … ET` each, from the top of a page of the given height.
  static func lines(_ texts: [String], font: String = "F1", height: Int = 842, size: Int = 11) -> String {
    texts.enumerated().map { "BT /\(font) \(size) Tf 60 \(height - 60 - $0.offset * (size + 9)) Td (\($0.element)) Tj ET\n" }.joined()
  }

  /// Chinese text for F3: a hex string of UCS-2 codes.
  static func chinese(_ s: String) -> String {
    "<" + s.utf16.map { String(format: "%04X", $0) }.joined() + ">"
  }

  /// Writes `data` to a temporary file and gives it to `body`, removing it afterwards.
  static func withFile<T>(_ data: Data, _ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-minipdf-\(UUID().uuidString).pdf")
    try data.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
  }
}
