import Foundation
import Testing
@testable import Renderers
@testable import YusuanCore

/// Old Word and Excel files, WPS, RTF and saved web pages: audited through LibreOffice, with the same findings as
/// the .docx or .xlsx they convert to, and a clear message (never a decoding error) when LibreOffice is absent or
/// the file is a spreadsheet given to import.
@Suite(.serialized, .enabled(if: PDFConverter.findSoffice() != nil, "需要 LibreOffice（.ci/run 会安装）"))
struct ForeignDocumentTests {
  static func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-foreign-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// The compiled demo saved as .doc by LibreOffice audits as the .docx does: nothing to report.
  @Test func oldWordDocumentIsAuditedThroughLibreOffice() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let w = dir.appendingPathComponent("w.yusuan").path
    _ = try CLI.run(["new", w, "--department", "示例区政府办公室（示例）", "--year", "2025", "--edition", "anhui-2024"])
    let scripts = try FileManager.default.contentsOfDirectory(atPath: TestSupport.repoRoot.appendingPathComponent("examples/demo-2025").path)
      .filter { $0.hasSuffix(".ys") }.sorted().map { TestSupport.repoRoot.appendingPathComponent("examples/demo-2025/" + $0).path }
    #expect(try CLI.run(["run", w] + scripts).status == 0)
    #expect(try CLI.run(["compile", w, "--out", dir.path, "--format", "docx"]).status == 0)
    let docx = try #require(try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil).first { $0.pathExtension == "docx" })
    let doc = try PDFConverter.convert(docx, outputDirectory: dir.appendingPathComponent("doc"), format: "doc")
    let r = try CLI.run(["audit", doc.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("是旧版 Word（.doc），已用 LibreOffice 转为 .docx 后读取"), "\(r.stderr)")
    #expect(r.stdout.contains("错误 0 条，警告 0 条") && r.stdout.contains("读出 16 张表"), "\(r.stdout.suffix(400))")
  }

  /// The synthetic Shanghai workbook saved as .xls: its planted defect is found; import refuses it with a way out.
  @Test func oldExcelWorkbookIsAuditedAndImportSaysHowToSaveIt() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let xls = try PDFConverter.convert(
      TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/pdf/shanghai-layout.xlsx"), outputDirectory: dir, format: "xls")
    let r = try CLI.run(["audit", xls.path, "--format", "json"])
    #expect(r.status == 1)
    #expect(r.stdout.contains("\"audit.sum.parent\"") && r.stdout.contains("\"208\""), "\(r.stdout.prefix(600))")
    let w = dir.appendingPathComponent("w.yusuan").path
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    let i = try CLI.run(["import", w, xls.path])
    #expect(i.status == 2 && i.stderr.contains("另存为 .xlsx 或“CSV UTF-8”"), "\(i.stderr)")
  }

  /// A page saved from a government website: its table and paragraph are read.
  @Test func savedWebPageIsAudited() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let html = dir.appendingPathComponent("page.html")
    try Data(
      """
      <!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
      <p>示例区统计局2025年部门预算</p><p>示例区统计局2025年收支总表</p><p>单位：万元</p>
      <table border="1"><tr><td>项目</td><td>预算数</td></tr><tr><td>一、一般公共预算拨款收入</td><td>10.00</td></tr>
      <tr><td>二、其他收入</td><td>2.00</td></tr><tr><td>收入总计</td><td>13.00</td></tr></table>
      <p>2025年收入预算12.00万元。</p></body></html>
      """.utf8
    ).write(to: html)
    let r = try CLI.run(["audit", html.path, "--format", "json"])
    #expect(r.stderr.contains("是网页（HTML），已用 LibreOffice 转为 .docx 后读取"), "\(r.stderr)")
    // The prose's 12.00 against the table's 13.00: the table was read as a table, and the finding names page.html.
    #expect(r.stdout.contains("\"audit.prose.figure\"") && r.stdout.contains("\"13.00\""), "\(r.stdout.prefix(800))")
    #expect(r.stdout.contains("page.html") && !r.stdout.contains("page.docx"))
  }
}
