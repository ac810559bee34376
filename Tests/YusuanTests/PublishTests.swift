import Foundation
import Testing
@testable import Renderers
@testable import Workbench
@testable import YusuanCore

/// `Workbench.publish`: the one sequence from a checked workbook to files, used by `compile`, bureau mode, the REPL
/// and the bench (issue 13 item 1; the REPL's own copy wrote no PDF, issue 12).
struct PublishTests {
  static func folder() -> URL {
    URL(fileURLWithPath: TestSupport.tempPath()).deletingLastPathComponent().appendingPathComponent("公开文件")
  }

  static func files(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  /// A workbook with error-level findings (no revenue, no 三公 …).
  static func unfinished() throws -> Workbench { try TestSupport.workbook("支出 2010301 基本 10") }

  @Test func writesEachRequestedFormatAndNothingElse() throws {
    let wb = try TestSupport.workbook(TestSupport.consistent)
    let out = Self.folder()
    let report = try wb.publish(to: out, formats: [.json, .md, .html], draft: false)
    #expect(!report.isRefused)
    #expect(report.pdfSkipped == nil)
    #expect(report.title == "示例办2025年部门预算公开")
    // In format order, whatever order they were asked in; the folder holds exactly these.
    #expect(report.written.map(\.pathExtension) == ["html", "md", "json"])
    #expect(try Self.files(in: out) == report.written.map(\.lastPathComponent).sorted())
    let md = try String(contentsOf: try #require(report.written.first { $0.pathExtension == "md" }), encoding: .utf8)
    #expect(!md.contains("草稿"))
  }

  @Test func refusesADocumentWithErrorsAndWritesNothing() throws {
    let wb = try Self.unfinished()
    let out = Self.folder()
    let report = try wb.publish(to: out, draft: false)
    #expect(report.isRefused)
    #expect(!report.refused.isEmpty && report.refused.allSatisfy { $0.severity == .error })
    #expect(report.refused.count == wb.check().errorCount)
    #expect(report.written.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: out.path), "a refused document must not even make the folder")
  }

  @Test func aDraftIsWrittenDespiteErrorsAndSaysSo() throws {
    let wb = try Self.unfinished()
    let report = try wb.publish(to: Self.folder(), formats: [.md], draft: true)
    #expect(!report.isRefused)
    #expect(report.findings.errorCount > 0)
    let md = try String(contentsOf: try #require(report.written.first), encoding: .utf8)
    #expect(md.contains("草稿"))
  }

  /// Without LibreOffice the other formats are written, and the report says in Chinese why there is no PDF.
  @Test func aPDFThatCannotBeMadeIsReportedNotThrown() throws {
    let wb = try TestSupport.workbook(TestSupport.consistent)
    let out = Self.folder()
    let report = try wb.publish(to: out, formats: [.md, .pdf], draft: false, findings: nil, durable: true) { _, _ in
      throw RendererError.sofficeMissing
    }
    #expect(report.written.map(\.pathExtension) == ["md"])
    let why = try #require(report.pdfSkipped)
    #expect(why.contains("LibreOffice") && why.contains("apt-get install"))
    #expect(EnglishText.find(in: why.replacingOccurrences(of: "LibreOffice", with: "")).isEmpty, "\(why)")
    #expect(try Self.files(in: out) == [report.written[0].lastPathComponent])
  }

  /// A rare character no installed font has (U+20000) prints as a box in the PDF: publishing says so, by name and
  /// code point, in Chinese; a common one (吉) says nothing. Asked of fontconfig, so only where fc-list exists.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/fc-list"), "需要 fontconfig（fc-list）"))
  func aRareCharacterNoFontHasIsSaid() throws {
    func stub(_ docx: URL, _ folder: URL) throws -> URL { folder.appendingPathComponent("x.pdf") }
    let rare = try TestSupport.workbook(TestSupport.consistent, department: "𠀀县统计局")
    let report = try rare.publish(to: Self.folder(), formats: [.md, .pdf], draft: false, findings: nil, durable: true, convert: stub)
    let said = try #require(report.missingGlyphs)
    #expect(said.contains("“𠀀”（U+20000）") && said.contains("方框"))
    let common = try TestSupport.workbook(TestSupport.consistent, department: "吉县统计局")
    #expect(try common.publish(to: Self.folder(), formats: [.md, .pdf], draft: false, findings: nil, durable: true, convert: stub).missingGlyphs == nil)
    // Without a PDF nothing is converted and nothing said.
    #expect(try rare.publish(to: Self.folder(), formats: [.md], draft: false).missingGlyphs == nil)
  }

  /// A PDF asked for without the docx is converted from a docx in a scratch folder, which is removed afterwards;
  /// with the docx asked for, the PDF comes from that very file.
  @Test func thePDFComesFromTheDocxWrittenOrAScratchOne() throws {
    let wb = try TestSupport.workbook(TestSupport.consistent)
    var sources: [URL] = []
    func convert(_ docx: URL, _ folder: URL) throws -> URL {
      #expect(FileManager.default.fileExists(atPath: docx.path))
      sources.append(docx)
      let pdf = folder.appendingPathComponent(docx.deletingPathExtension().lastPathComponent + ".pdf")
      try Data("%PDF-1.7\n".utf8).write(to: pdf)
      return pdf
    }
    let alone = Self.folder()
    let report = try wb.publish(to: alone, formats: [.pdf, .md], draft: false, findings: nil, durable: true, convert: convert)
    #expect(report.written.map(\.pathExtension) == ["md", "pdf"])
    #expect(try Self.files(in: alone).map { ($0 as NSString).pathExtension } == ["md", "pdf"])
    #expect(sources.count == 1 && sources[0].deletingLastPathComponent() != alone)
    #expect(!FileManager.default.fileExists(atPath: sources[0].deletingLastPathComponent().path), "the scratch folder is left behind")

    let both = Self.folder()
    let second = try wb.publish(to: both, formats: [.docx, .pdf], draft: false, findings: nil, durable: true, convert: convert)
    #expect(second.written.map(\.pathExtension) == ["docx", "pdf"])
    #expect(sources.last == second.written[0])
  }

  /// The folder that cannot be made is named as given, in Chinese.
  @Test func anOutputFolderThatCannotBeMadeIsNamed() throws {
    let wb = try TestSupport.workbook(TestSupport.consistent)
    let file = try CLI.writeTemp("这是一个文件")
    let error = try #require(throws: OutputFolderError.self) {
      try wb.publish(to: URL(fileURLWithPath: file + "/输出"), formats: [.md], draft: false)
    }
    #expect(error.description.hasPrefix("无法创建输出目录“\(file)/输出”："), "\(error)")
    #expect(EnglishText.find(in: error.description).isEmpty, "\(error)")
  }

  /// The REPL's `compile` writes every format `yusuan compile` writes, the PDF among them.
  @Test(
    .enabled(if: ReplTerminalTests.tmuxAvailable && PDFConverter.findSoffice() != nil, "需要 tmux 与 LibreOffice（.ci/run 会安装）"),
    .timeLimit(.minutes(3)))
  func theREPLsCompileWritesThePDFToo() throws {
    let w = TestSupport.tempPath()
    #expect(try CLI.run(["new", w, "--department", "示例办", "--year", "2025", "--edition", "anhui-2024"]).status == 0)
    #expect(try CLI.run(["run", w, try CLI.writeTemp(TestSupport.consistent)]).status == 0)
    let out = Self.folder()
    let t = try Tmux(command: [CLI.binary.path, "repl", w])
    defer { t.kill() }
    try t.waitFor("›", inLastLines: 1)
    t.type("compile \(out.path)"); t.enter()
    try t.waitFor("已生成：", timeout: 150)
    try t.waitFor("›", inLastLines: 1)
    #expect(!t.screen().contains("未生成 PDF"), "\(t.screen())")
    let made = try Self.files(in: out).map { $0.hasSuffix(DataPackageRenderer.folderSuffix) ? "datapackage" : ($0 as NSString).pathExtension }
    #expect(made.sorted() == ["datapackage", "docx", "html", "json", "md", "pdf", "xlsx"], "\(made)")
    t.type("quit"); t.enter()
    try t.waitFor("已保存")
  }
}
