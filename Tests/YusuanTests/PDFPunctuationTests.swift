import Foundation
import Testing
@testable import Renderers
@testable import Workbench
@testable import YusuanCore

/// Issue 11 (1): every punctuation mark of the Word file reaches the PDF. LibreOffice hangs a line-final ，
/// into the right margin (its default for docx without `w:overflowPunct`) and, on a justified line, drops the
/// hanging glyph: `“三公”经费，是指` printed as `经费` / `是指`. Counted per character, docx text against pdftotext.
@Suite(
  .serialized,
  .enabled(
    if: PDFConverter.findSoffice() != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
    "需要 LibreOffice 与 pdftotext（.ci/run 会安装）"))
struct PDFPunctuationTests {
  /// Full-width marks of the prose and tables; ASCII marks also occur inside figures and are left out.
  static let marks: [Character] = ["，", "。", "、", "；", "：", "（", "）", "“", "”"]

  /// The text of every `w:t` run in the document body (the marks counted are never XML-escaped).
  static func docxText(_ docx: Data) throws -> String {
    let xml = try #require(try RendererTests.entries(docx)["word/document.xml"])
    var text = ""
    var rest = xml[...]
    while let open = rest.range(of: "<w:t") {
      rest = rest[open.upperBound...]
      guard let first = rest.first, first == ">" || first == " " else { continue }  // <w:tbl>, <w:tc> …
      guard let end = rest.firstIndex(of: ">"), let close = rest.range(of: "</w:t>") else { break }
      text += rest[rest.index(after: end)..<close.lowerBound]
      rest = rest[close.upperBound...]
    }
    return text
  }

  static func counts(_ text: String) -> [Character: Int] {
    var c: [Character: Int] = [:]
    for ch in text where marks.contains(ch) { c[ch, default: 0] += 1 }
    return c
  }

  @Test(arguments: GoldenTests.examples.map(\.name))
  func pdfKeepsEveryPunctuationMarkOfTheDocx(name: String) throws {
    let e = GoldenTests.examples.first { $0.name == name }!
    let wb = try ExampleTests.workbook(e.name, department: e.department, year: e.year, edition: e.edition)
    let doc = try wb.compile(draft: wb.check().errorCount > 0)
    let dir = URL(fileURLWithPath: TestSupport.tempPath(name)).deletingLastPathComponent().appendingPathComponent("punct-\(name)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let docx = try DocxRenderer.write(doc, toDirectory: dir, baseName: name)
    let pdf = try PDFConverter.convert(docx: docx, outputDirectory: dir)
    let word = Self.counts(try Self.docxText(try Data(contentsOf: docx)))
    let printed = Self.counts(try RendererTests.pdfText(pdf))
    #expect((word["，"] ?? 0) > 50, "the example has prose with commas")
    for mark in Self.marks {
      #expect(
        printed[mark, default: 0] == word[mark, default: 0], "\(name): \(mark) \(word[mark, default: 0]) in the docx, \(printed[mark, default: 0]) in the PDF")
    }
    // No figure of the prose is broken over two lines (`715.` / `28万元`, `占8.30` / `%`, `202` / `5年`): a prose line
    // that ends inside a figure while the next goes on with its digits or its %. (A date range ending one table cell,
    // `至 2025-12-31` beside `70.00 万元`, is two figures.)
    let lines = try RendererTests.pdfText(pdf).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    var broken: [String] = []
    // Prose lines only: pdftotext sets a table row's cells apart with runs of spaces.
    for (a, b) in zip(lines, lines.dropFirst())
    where a.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) })
      && !a.contains("  ") && !b.contains("  ")
    {
      guard let last = a.last, let first = b.first else { continue }
      func digit(_ c: Character) -> Bool { c.isASCII && c.isNumber }  // 万 is a number to Swift
      let tail = a.reversed().prefix(while: digit)
      let beforeTail = a.dropLast(tail.count).last
      let split =
        (last == "." && digit(first)) || (digit(last) && first == "%")
        || (digit(last) && digit(first) && !["-", "/"].contains(beforeTail ?? " "))
      if split { broken.append("\(a.suffix(12)) | \(b.prefix(12))") }
    }
    #expect(broken.isEmpty, "\(name): figures broken over lines: \(broken)")
  }
}
