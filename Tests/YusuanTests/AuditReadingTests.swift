import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
@testable import Renderers
import YusuanCore

/// Documents that cannot be read give a clear Chinese message and exit 2 through the real binary; partial damage
/// is reported, never a crash.
struct AuditReadingTests {
  static func file(_ data: Data, ext: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-audit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent("doc.\(ext)")
    try data.write(to: url)
    return url.path
  }

  /// A province's edition that lists its own template phrases makes `audit` look for them in any document.
  @Test func editionResidueWordsAreLookedFor() throws {
    let fm = FileManager.default
    let forms = fm.temporaryDirectory.appendingPathComponent("yusuan-forms-\(UUID().uuidString)")
    try fm.copyItem(at: TestSupport.repoRoot.appendingPathComponent("forms"), to: forms)
    defer { try? fm.removeItem(at: forms) }
    let yaml = forms.appendingPathComponent("editions/anhui-2024/edition.yaml")
    var text = try String(contentsOf: yaml, encoding: .utf8)
    text = text.replacingOccurrences(of: "  reason_amount: \"1\"\n", with: "  reason_amount: \"1\"\n  residue: [\"（此处填写）\"]\n")
    #expect(text.contains("residue: [\"（此处填写）\"]"))
    try text.write(to: yaml, atomically: true, encoding: .utf8)
    let doc = try Self.file(Data("第一部分 部门概况\n一、部门主要职责\n（此处填写）本部门负责全区的统计工作。\n第三部分 2025年部门预算情况说明\n本部门2025年收支预算总额100.00万元。\n".utf8), ext: "txt")
    let with = try CLI.run(["audit", doc, "--format", "json"], forms: forms.path)
    #expect(with.stdout.contains("\"audit.text.residue\"") && with.stdout.contains("（此处填写）"))
    let without = try CLI.run(["audit", doc, "--format", "json"])
    #expect(!without.stdout.contains("（此处填写）"))
  }

  @Test func emptyFileExitsTwo() throws {
    let r = try CLI.run(["audit", try Self.file(Data(), ext: "txt")])
    #expect(r.status == 2)
    #expect(r.stderr.contains("空的"))
    #expect(r.stdout.isEmpty)
  }

  @Test func truncatedDocxExitsTwo() throws {
    let whole = try Data(contentsOf: AuditSeedTests.fixtures.appendingPathComponent("dongshan-2025.docx"))
    let r = try CLI.run(["audit", try Self.file(whole.prefix(whole.count / 2), ext: "docx")])
    #expect(r.status == 2)
    #expect(r.stderr.contains("截断") || r.stderr.contains("损坏"))
  }

  @Test func binaryGarbageExitsTwo() throws {
    var g = SystemRandomNumberGenerator()
    let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &g) } + [0, 0xFF, 0xFE, 0x80])
    let r = try CLI.run(["audit", try Self.file(Data([0x01, 0x02]) + bytes, ext: "txt")])
    #expect(r.status == 2)
    #expect(r.stderr.contains("文件"))
  }

  @Test(.enabled(if: TextDecoding.gb18030 != nil, "需要本机的 GB18030 编码（Foundation 的 CoreFoundation 编码表）"))
  func gbkTextIsReadAndSaysSo() throws {
    let gb = try #require(TextDecoding.gb18030)
    let seed = try String(contentsOfFile: TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/seeds/000_626f1369946c4733.txt").path, encoding: .utf8)
    let r = try CLI.run(["audit", try Self.file(try #require(seed.data(using: gb)), ext: "txt"), "--format", "json"])
    #expect(r.status == 1)
    #expect(r.stdout.contains("audit.read.encoding"))
    #expect(r.stdout.contains("2.60%"))
  }

  @Test(.enabled(if: TextDecoding.gb18030 != nil, "需要本机的 GB18030 编码（Foundation 的 CoreFoundation 编码表）"))
  func gbkBytesThatAreNotADocumentExitTwo() throws {
    let gb = try #require(TextDecoding.gb18030)
    let r = try CLI.run(["audit", try Self.file(try #require("这只是一段普通的文字，不是公开文件。".data(using: gb)), ext: "txt")])
    #expect(r.status == 2)
    #expect(r.stderr.contains("找不到部门预算公开文件的内容"))
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"), "需要 pdftotext（poppler-utils，.ci/run 会安装）"))
  func pdfWithoutTextExitsTwo() throws {
    // A valid one-page PDF with no text layer.
    let pdf =
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    let r = try CLI.run(["audit", try Self.file(Data(pdf.utf8), ext: "pdf")])
    #expect(r.status == 2)
    #expect(r.stderr.contains("PDF"))
  }

  @Test func missingFileExitsTwo() throws {
    let r = try CLI.run(["audit", "/nonexistent/文件.txt"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("找不到文件"))
  }

  @Test func seedThroughBinaryJSONAndExitOne() throws {
    let r = try CLI.run(["audit", AuditSeedTests.seeds.appendingPathComponent("001_d4b356eb47825e97.txt").path, "--format", "json"])
    #expect(r.status == 1)
    let array = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    #expect(array.contains { $0["rule"] as? String == "audit.prose.share-sum" })
    for d in array { for key in ["rule", "severity", "table", "row", "column", "message", "expected", "actual"] { #expect(d.keys.contains(key)) } }
  }

  @Test func cleanDocumentExitsZero() throws {
    let r = try CLI.run(["audit", AuditSeedTests.fixtures.appendingPathComponent("nanhu-2025-clean.txt").path])
    #expect(r.status == 0, "\(r.stdout)")
  }

  @Test func damagedDocxXMLKeepsWhatWasRead() throws {
    // A docx whose document.xml stops mid-way: what comes before the damage is still audited.
    let doc = try DocumentReader.read(url: AuditSeedTests.fixtures.appendingPathComponent("dongshan-2025-damaged-xml.docx"))
    #expect(doc.readFindings.contains { $0.rule == "audit.read.damaged" })
    #expect(!doc.tables.isEmpty)
  }
}

/// The limits audit states (README): a file over 50 MB, and a .docx whose body inflates past 64 MB, are refused at
/// once with a Chinese message, without reading them into memory first.
@Suite struct AuditLimitTests {
  @Test func aHugeFileIsRefused() {
    let data = Data(repeating: 0x41, count: DocumentReader.Limits.file + 1)
    #expect(throws: AuditReadError.self) { try DocumentReader.read(data: data, name: "huge.txt") }
    do { _ = try DocumentReader.read(data: data, name: "huge.txt") } catch let e as AuditReadError { #expect(e.message.contains("超过审读和导入的上限")) } catch {
      Issue.record("\(error)")
    }
  }

  @Test func aDocxThatInflatesWithoutEndIsRefused() throws {
    var zip = ZipWriter()
    zip.add("[Content_Types].xml", "<Types/>")
    zip.add("word/document.xml", data: Data(repeating: 0x20, count: DocumentReader.Limits.docxBody + 1024))
    let bomb = try zip.archive()
    #expect(bomb.count < 1_048_576, "compressed: \(bomb.count) bytes")
    do { _ = try DocumentReader.read(data: bomb, name: "bomb.docx"); Issue.record("read") } catch let e as AuditReadError {
      #expect(e.message.contains("超过") && e.message.contains("MB"))
    }
  }
}
