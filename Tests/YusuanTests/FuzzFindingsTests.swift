import Foundation
import Testing
@testable import Audit
@testable import YusuanCore

/// Inputs `scripts/fuzz.sh` found that crashed yusuan, kept in Tests/Fixtures/fuzz (each was the fuzzer's own
/// input, unchanged). Each must now be refused with a Chinese message naming the file, in process and through the binary.
struct FuzzFindingsTests {
  static func fixture(_ name: String) throws -> (url: URL, data: Data) {
    let url = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/fuzz/\(name)")
    return (url, try Data(contentsOf: url))
  }

  /// A zip whose end record puts the central directory past the end of the file trapped in ZIPFoundation's
  /// in-memory archive (`MemoryFile.readData`): `import` of such an .xlsx and `audit` of such a .docx died.
  @Test func zipWithItsCentralDirectoryPastTheEndIsRefused() throws {
    let xlsx = try Self.fixture("xlsx-central-directory-past-end.xlsx")
    do {
      let rows = try XlsxRows.rows(xlsx.data, name: "x.xlsx")
      Issue.record("read \(rows.count) rows")
    } catch { #expect("\(error)" == "文件“x.xlsx”中没有工作表。") }
    let docx = try Self.fixture("docx-central-directory-past-end.docx")
    do {
      _ = try DocumentReader.read(data: docx.data, name: "d.docx")
      Issue.record("read a document")
    } catch { #expect("\(error)".hasPrefix("文件“d.docx”是 ZIP 压缩包，但其中没有 word/document.xml"), "\(error)") }
  }

  @Test func importAndAuditRefuseThemThroughTheBinary() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    let xlsx = try Self.fixture("xlsx-central-directory-past-end.xlsx").url.path
    let docx = try Self.fixture("docx-central-directory-past-end.docx").url.path
    for (args, file) in [(["import", w, xlsx], xlsx), (["import", w, docx], docx), (["audit", docx], docx)] {
      let r = try CLI.run(args)
      #expect(r.status == 2, "\(args): exit \(r.status) \(r.stderr)")
      #expect(r.stderr.contains("\(URL(fileURLWithPath: file).lastPathComponent)”") && (r.stderr.contains("没有工作表") || r.stderr.contains("没有 word/document.xml")), "\(args): \(r.stderr)")
    }
  }
}
