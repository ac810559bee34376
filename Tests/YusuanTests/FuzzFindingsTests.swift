import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
@testable import Renderers
@testable import YusuanCore

/// Inputs `scripts/fuzz.sh` found that crashed or hung yusuan, kept in Tests/Fixtures/fuzz as the fuzzer wrote
/// them. Each must now be refused, or read, with a Chinese message naming the file, quickly, in process and through
/// the binary.
struct FuzzFindingsTests {
  static func fixture(_ name: String) throws -> (path: String, data: Data) {
    let url = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/fuzz/\(name)")
    return (url.path, try Data(contentsOf: url))
  }

  static func refusal(_ body: () throws -> Void) -> String {
    do { try body(); Issue.record("accepted"); return "" } catch { return "\(error)" }
  }

  /// A zip whose end record puts the central directory past the end of the file trapped in ZIPFoundation's
  /// in-memory archive (`MemoryFile.readData`): `import` of such an .xlsx and `audit` of such a .docx died.
  @Test func centralDirectoryPastTheEnd() throws {
    let xlsx = try Self.fixture("xlsx-central-directory-past-end.xlsx").data
    #expect(Self.refusal { _ = try XlsxRows.rows(xlsx, name: "x.xlsx") }.hasPrefix("文件“x.xlsx”无法作为 Excel（.xlsx）打开"))
    let docx = try Self.fixture("docx-central-directory-past-end.docx").data
    #expect(Self.refusal { _ = try DocumentReader.read(data: docx, name: "d.docx") }.hasPrefix("文件“d.docx”看起来是 Word 文档（.docx），但无法作为 ZIP 打开"))
  }

  /// A deflate stream cut short: ZIPFoundation's inflate loop waited for its end for ever (a 938-byte .docx hung
  /// `audit`; so would a truncated download).
  @Test func deflateStreamCutShort() throws {
    let docx = try Self.fixture("docx-deflate-cut-short.docx").data
    let clock = ContinuousClock(), start = clock.now
    #expect(Self.refusal { _ = try DocumentReader.read(data: docx, name: "d.docx") }.contains("中的正文（word/document.xml）无法解压"))
    #expect(clock.now - start < .seconds(2))
  }

  /// A byte that is not UTF-8 in a tag name: FoundationXML force-unwraps names as UTF-8 and trapped. The fuzzer's
  /// input is the worksheet XML; here it is put in an .xlsx, and in a .docx as its body.
  @Test func tagNameThatIsNotUTF8() throws {
    let sheet = try Self.fixture("xlsx-sheet-xml-invalid-utf8-name.xml").data.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    var zip = ZipWriter()
    zip.add("xl/worksheets/sheet1.xml", data: Data(sheet[0]))
    _ = try? XlsxRows.rows(try zip.archive(), name: "x.xlsx")  // refused or read: not a trap
    var docx = ZipWriter()
    docx.add(
      "word/document.xml",
      data: Data(#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>部门预算</w:t></w:r></w:p><w:p"#.utf8)
        + Data([0xFF, 0xFE]) + Data(#"><w:r><w:t>第一部分 2025年部门预算表</w:t></w:r></w:p></w:body></w:document>"#.utf8))
    _ = try? DocumentReader.read(data: try docx.archive(), name: "d.docx")
    #expect(XMLBytes.parseable(Data([0x3C, 0x61, 0xFF, 0x3E])) == Data("<a\u{FFFD}>".utf8))
    #expect(XMLBytes.parseable(Data("<a>预算</a>".utf8)) == Data("<a>预算</a>".utf8))
  }

  /// A processing instruction without data (`<?xm?>`): FoundationXML passed its null data pointer to `strlen`.
  @Test func processingInstructionWithoutData() throws {
    let sheet = try Self.fixture("xlsx-sheet-xml-processing-instruction.xml").data.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    var zip = ZipWriter()
    zip.add("xl/worksheets/sheet1.xml", data: Data(sheet[0]))
    _ = try? XlsxRows.rows(try zip.archive(), name: "x.xlsx")  // refused or read: not a trap
    var docx = ZipWriter()
    docx.add(
      "word/document.xml",
      #"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><?x?><w:body><w:p><w:r><w:t>部门预算<?y?></w:t></w:r></w:p></w:body></w:document>"#
    )
    _ = try? DocumentReader.read(data: try docx.archive(), name: "d.docx")
    func parseable(_ s: String) -> String { String(decoding: XMLBytes.parseable(Data(s.utf8)), as: UTF8.self) }
    #expect(parseable(#"<?xml version="1.0"?><a><?pi?>b<?pi data?></a>"#) == #"<?xml version="1.0"?><a>b</a>"#)
    #expect(parseable("\u{FEFF}<?xml version='1.0'?><a/>") == "\u{FEFF}<?xml version='1.0'?><a/>")
    #expect(parseable("<?xm?><a/>") == "<a/>")
    #expect(parseable("<a>未闭合<?pi</a>") == "<a>未闭合<?pi</a>")
    let utf16 = Data([0xFF, 0xFE]) + #"<?xml version="1.0" encoding="UTF-16"?><a>预算</a>"#.data(using: .utf16LittleEndian)!
    #expect(String(decoding: XMLBytes.parseable(utf16), as: UTF8.self) == "<a>预算</a>")
  }

  /// A "declaration" `<?xml …` that is none (an invalid byte, then `>` and elements) hid a processing instruction
  /// without data up to its first `?>`, where the declaration was taken to end: kept as a declaration, it reached
  /// FoundationXML's null pointer again (found by a 10-minute run of fuzz-xlsx). The fuzzer's input is the worksheet
  /// XML (no NUL, so no shared strings), put in an .xlsx as the fuzz target does, and in a .docx as its body.
  @Test func declarationHoldingAProcessingInstruction() throws {
    let sheet = try Self.fixture("xlsx-sheet-xml-declaration-holding-a-pi.xml").data
    var zip = ZipWriter()
    zip.add("xl/worksheets/sheet1.xml", data: sheet)
    _ = try? XlsxRows.rows(try zip.archive(), name: "x.xlsx")  // refused or read: not a trap
    var docx = ZipWriter()
    docx.add("word/document.xml", data: sheet)
    _ = try? DocumentReader.read(data: try docx.archive(), name: "d.docx")
    func parseable(_ s: String) -> String { String(decoding: XMLBytes.parseable(Data(s.utf8)), as: UTF8.self) }
    #expect(parseable(#"<?xml <c/><?x?><a/>"#) == "<a/>")
    #expect(
      parseable(#"<?xml version="1.0" encoding='UTF-8' standalone="yes"?><a><?x?></a>"#) == #"<?xml version="1.0" encoding='UTF-8' standalone="yes"?><a></a>"#)
    // Nothing left either side of a removed instruction makes a new one.
    #expect(parseable("<<?a?>?x?><a/>") == "< ?x?><a/>")
    #expect(parseable(#"<?xml version="1.0"?><<?a?>?x?>"#) == #"<?xml version="1.0"?>< ?x?>"#)
  }

  /// libxml2 goes on after most errors and FoundationXML keeps ~100 bytes of each for the life of the process: a
  /// 10-minute run of fuzz-xlsx grew past its 2 GB (a leak of every input, not one input's use), and one 64 MB part
  /// full of errors would leak gigabytes. The parse now stops at the first error: a sheet with 200,000 errors is
  /// refused as damaged at once, and a .docx body is read up to its first error.
  @Test func manyXMLErrorsStopAtTheFirst() throws {
    let errors = String(repeating: #"<c r="A1" t=s/>"#, count: 200_000)
    var zip = ZipWriter()
    zip.add("xl/worksheets/sheet1.xml", #"<worksheet><sheetData><row r="1">"# + errors + "</row></sheetData></worksheet>")
    let clock = ContinuousClock(), start = clock.now
    #expect(Self.refusal { _ = try XlsxRows.rows(try zip.archive(), name: "x.xlsx") }.contains("工作表已损坏（第1行）"))
    var docx = ZipWriter()
    docx.add(
      "word/document.xml",
      #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>部门预算</w:t></w:r></w:p>"#
        + #"<w:p x=1><w:r><w:t>之后</w:t></w:r></w:p>"# + String(repeating: "<w:p x=1/>", count: 200_000) + "</w:body></w:document>")
    let doc = try DocumentReader.read(data: try docx.archive(), name: "d.docx")
    #expect(doc.readFindings.contains { $0.rule == "audit.read.damaged" })
    #expect(clock.now - start < .seconds(5))
  }

  /// The first form of that fix stopped the parse inside the error callback, and libxml2, still reporting on the
  /// input it had just freed, crashed (SEGV at 0x20 in `xmlParseChunk`) on these two inputs within seconds of
  /// fuzz-xlsx and fuzz-docx. The parse is now stopped at the next element or text instead.
  @Test func stoppingInsideTheErrorCallback() throws {
    let parts = try Self.fixture("xlsx-parts-stopped-in-error-callback.xml").data.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    var zip = ZipWriter()
    zip.add("xl/worksheets/sheet1.xml", data: Data(parts[0]))
    if parts.count > 1 { zip.add("xl/sharedStrings.xml", data: Data(parts[1])) }
    _ = try? XlsxRows.rows(try zip.archive(), name: "x.xlsx")
    var docx = ZipWriter()
    docx.add("word/document.xml", data: try Self.fixture("docx-body-stopped-in-error-callback.xml").data)
    _ = try? DocumentReader.read(data: try docx.archive(), name: "d.docx")
  }

  /// A table numbered 部门公开表0 (here 公开表00 in a text): the numbering rule counted gaps over 1...0 and trapped.
  @Test func tableNumberedZero() throws {
    let text = try Self.fixture("audit-text-table-number-zero.txt")
    let doc = try DocumentReader.read(data: text.data, name: "n.txt")
    _ = Auditor.audit(doc, catalog: nil)
    let r = try CLI.run(["audit", text.path])
    #expect(r.status == 0 || r.status == 1, "exit \(r.status) \(r.stderr)")
  }

  @Test func importAndAuditRefuseThemThroughTheBinary() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    let cases = [
      ("xlsx-central-directory-past-end.xlsx", "import"), ("docx-central-directory-past-end.docx", "import"),
      ("docx-central-directory-past-end.docx", "audit"), ("docx-deflate-cut-short.docx", "audit"), ("docx-deflate-cut-short.docx", "import"),
    ]
    for (name, command) in cases {
      let path = try Self.fixture(name).path
      let r = try CLI.run(command == "audit" ? ["audit", path] : ["import", w, path])
      #expect(r.status == 2, "\(command) \(name): exit \(r.status) \(r.stderr)")
      #expect(
        r.stderr.contains("“\(command == "import" && name.hasSuffix(".xlsx") ? path : name)”") && r.stderr.contains("损坏"), "\(command) \(name): \(r.stderr)")
    }
    #expect(!(try CLI.run(["export", w]).stdout.contains("支出")))
  }
}
