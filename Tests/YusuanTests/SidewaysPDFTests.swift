import Foundation
import Testing
@testable import Reading
import YusuanCore

/// Pages printed sideways, as government PDFs print wide tables: a landscape table turned onto a portrait page
/// (`/Rotate` on an upright drawing, shown sideways), and a landscape page whose drawing is turned and whose
/// `/Rotate` sets it upright again. Both must read exactly as the plain page does. The PDFs are written here, a
/// few objects of Helvetica text and ruled lines (`MiniPDF`), so the test needs poppler and nothing else.
@Suite struct SidewaysPDFTests {
  static let popplerPresent = Poppler.find("pdftotext") != nil && Poppler.find("pdftocairo") != nil && Poppler.find("pdfinfo") != nil

  /// A ruled table of codes, names and amounts on a landscape frame (842 × 595), in PDF operators.
  static let table: String = {
    let rows = [
      ["Code", "Subject", "Total", "Grants"], ["2010301", "Operations", "1,234.56", "1,234.56"],
      ["2010302", "Management", "20,000.00", "18,000.00"], ["2080505", "Pensions", "3,107.20", "3,107.20"],
      ["", "Sum", "24,341.76", "22,341.76"],
    ]
    let xs = [60.0, 160, 360, 520, 680]
    var ops = "0.8 w\n"
    for r in 0...rows.count { let y = 500 - Double(r) * 24; ops += "\(xs.first!) \(y) m \(xs.last!) \(y) l S\n" }
    for x in xs { ops += "\(x) 500 m \(x) \(500 - Double(rows.count) * 24) l S\n" }
    for (r, row) in rows.enumerated() {
      for (c, cell) in row.enumerated() where !cell.isEmpty {
        ops += "BT /F1 11 Tf \(xs[c] + 6) \(500 - Double(r) * 24 - 17) Td (\(cell)) Tj ET\n"
      }
    }
    return ops
  }()

  static func rows(width: Int, height: Int, rotate: Int, content: String) throws -> (rows: [[String]], page: PDFPage) {
    let pdf = MiniPDF.data([MiniPDF.Page(width: width, height: height, rotate: rotate, content: content)])
    let pages = try MiniPDF.withFile(pdf) { url in
      var notes: [String] = []
      return try Poppler.pages(url, name: "sideways.pdf", notes: &notes)
    }
    let blocks = PDFBlocks.read(pages).blocks
    let rows = blocks.compactMap { b -> [String]? in if case .row(let cells, _, _) = b { return cells } else { return nil } }
    return (rows, pages[0])
  }

  @Test(.enabled(if: popplerPresent, "需要 poppler-utils（pdftotext、pdftocairo、pdfinfo；.ci/run 会安装）"))
  func sidewaysPagesReadAsThePlainPage() throws {
    let plain = try Self.rows(width: 842, height: 595, rotate: 0, content: Self.table)
    #expect(plain.rows.count == 5)
    #expect(plain.rows.contains(["2010302", "Management", "20,000.00", "18,000.00"]))
    #expect(plain.page.quarterTurns == 0)

    // The upright landscape drawing shown turned a quarter clockwise, and anticlockwise: a sideways page.
    for degrees in [90, 270] {
      let turned = try Self.rows(width: 842, height: 595, rotate: degrees, content: Self.table)
      #expect(turned.rows == plain.rows, "/Rotate \(degrees)")
      #expect(turned.page.quarterTurns == (degrees == 90 ? 3 : 1))
      #expect(turned.page.width == 842 && turned.page.height == 595, "set upright, the page is landscape again")
    }

    // A portrait media box whose drawing is turned a quarter anticlockwise, shown upright by /Rotate 90: the
    // words come upright and the page is landscape, though its media box is portrait.
    let drawnTurned = "q 0 1 -1 0 595 0 cm\n" + Self.table + "Q\n"
    let upright = try Self.rows(width: 595, height: 842, rotate: 90, content: drawnTurned)
    #expect(upright.rows == plain.rows)
    #expect(upright.page.quarterTurns == 0)
    #expect(upright.page.width == 842 && upright.page.height == 595)
  }

  /// A picture of a sideways page is turned as its words were, so a finding's box falls on what it names.
  @Test func aPictureTurnsWithItsPage() {
    var pixels = [UInt8](repeating: 255, count: 6)
    pixels[0] = 0  // top-left of a 3 × 2 picture
    let raster = PageRaster(page: 1, width: 3, height: 2, pixelsPerPoint: 1, pixels: pixels)
    let quarter = raster.turned(clockwise: 1)
    #expect(quarter.width == 2 && quarter.height == 3)
    #expect(quarter.pixels[1] == 0, "the top-left corner goes to the top-right")
    #expect(raster.turned(clockwise: 3).pixels[4] == 0, "and anticlockwise to the bottom-left")
    #expect(raster.turned(clockwise: 2).pixels[5] == 0)
    #expect(quarter.turned(clockwise: 3).pixels == raster.pixels)
  }
}

extension SidewaysPDFTests {
  /// A website's stamp set slantwise across the page (普陀区人民政府信息公开专用, 40 pt, turned 30°, one character
  /// at a time as such stamps are drawn): its characters are left out, even where poppler joins one to a figure or
  /// a name of the table under it, and the table reads exactly as without it.
  @Test(.enabled(if: popplerPresent, "需要 poppler-utils 与 poppler-data（.ci/run 会安装）"))
  func aSlantedWatermarkIsNotPartOfTheTable() throws {
    let plain = try Self.rows(width: 842, height: 595, rotate: 0, content: Self.table)
    let stamp = "普陀区人民政府信息公开专用"
    // Each character placed along the slant, so every one is painted as its own glyph.
    let mark = stamp.enumerated().map { k, ch in
      "BT /F3 40 Tf 0.866 0.5 -0.5 0.866 \(150 + 34.64 * Double(k)) \(300 + 20 * Double(k)) Tm \(MiniPDF.chinese(String(ch))) Tj ET\n"
    }.joined()
    let stamped = try Self.rows(width: 842, height: 595, rotate: 0, content: Self.table + "0.8 g\n" + mark)
    #expect(stamped.rows == plain.rows, "\(stamped.rows)")
    #expect(!stamped.page.watermarkWords.isEmpty)
    #expect(!stamped.page.words.contains { $0.text.contains(where: { stamp.contains($0) }) }, "\(stamped.page.words.map(\.text))")
  }
}
