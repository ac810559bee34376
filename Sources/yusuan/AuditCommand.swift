import ArgumentParser
import Audit
import Foundation
import YusuanCore

/// `yusuan audit DOCUMENT [--format text|json]`: reads a published 部门预算公开 document (text, .docx, .pdf) and
/// reports every inconsistency found. Exit 0 without error-level findings, 1 with, 2 when the document cannot be read.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "审读已公开的部门预算文件（.txt/.docx/.pdf）：列出表内、表间、文字与表格不一致等全部问题。",
    discussion: "退出码：0 未发现错误级问题；1 发现问题；2 文件无法读取（空文件、编码不对、文件损坏、PDF 无文字等）。")

  @Argument(help: "公开文件：文本（UTF-8 或 GBK）、Word（.docx）或 PDF（需要 pdftotext）。") var document: String
  @Option(help: "输出格式：text 或 json。") var format: OutputFormat = .text
  @Option(name: .customLong("tables"), help: "把读出的各表写成 CSV 放到这个目录（tables.csv 为目录，tNN.csv 为各表），便于对照原文核对读表是否正确。")
  var tablesDirectory: String?

  enum OutputFormat: String, ExpressibleByArgument { case text, json }

  func run() throws {
    let doc: AuditDocument
    do { doc = try DocumentReader.read(url: URL(fileURLWithPath: document)) }
    catch let e as AuditReadError { throw CLIFailure.input(e.message) }
    catch { throw CLIFailure.input("无法读取“\(document)”：\(error.localizedDescription)") }
    if let dir = tablesDirectory { try writeTables(doc, to: URL(fileURLWithPath: dir)) }
    if ProcessInfo.processInfo.environment["YUSUAN_DEBUG_PARAGRAPHS"] != nil { for p in doc.paragraphs { FileHandle.standardError.write(Data("¶\(p.index) [\(p.section ?? "-")] \(p.text)\n".utf8)) } }
    // The catalog is optional: without forms/ the codes' shapes are still checked.
    let forms = try? FormsLibrary.locate()
    // The largest bundled catalog: codes harvested from published documents, the 2024 reference when absent.
    let catalog = (try? forms?.catalog("classification-harvested")) ?? (try? forms?.catalog("classification-2024"))
    // Whatever province printed the document, every edition's residue words are looked for (a province's
    // edition adds its own template phrases there).
    let editions = (forms?.editionIDs ?? []).compactMap { try? forms?.edition($0) }
    let editionWords = editions.flatMap(\.rules.residue)
    let extra = editionWords.reduce(into: [String]()) { if !Auditor.residueWords.contains($1) && !$0.contains($1) { $0.append($1) } }
    let findings = Auditor.audit(doc, catalog: catalog, extraResidue: extra, editions: editions)
    Output.out(format == .json ? DiagnosticRenderer.json(findings) : DiagnosticRenderer.text(findings), terminator: "")
    if findings.errorCount > 0 { throw ExitCode(1) }
  }

  func writeTables(_ doc: AuditDocument, to dir: URL) throws {
    do {
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      try Data(TableCSV.index(doc).utf8).write(to: dir.appendingPathComponent("tables.csv"))
      for t in doc.tables {
        let name = String(format: "t%02d.csv", t.index)
        try Data(TableCSV.csv(t).utf8).write(to: dir.appendingPathComponent(name))
      }
    } catch {
      throw CLIFailure.input("无法把读出的表写到“\(dir.path)”：请检查目录是否可写、磁盘是否已满。")
    }
  }
}
