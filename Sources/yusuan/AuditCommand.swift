import ArgumentParser
import Audit
import Import
import Reading
import Foundation
import YusuanCore

/// `yusuan audit DOCUMENT [--format text|json|html] [--out FILE]`: reads a published 部门预算公开 document (text,
/// .docx, .pdf) and reports every inconsistency found; `html` writes a self-contained report with page crops. Exit 0 without error-level findings, 1 with, 2 when the document cannot be read.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "审读已公开的部门预算文件（.txt/.docx/.pdf/.xlsx，装有 LibreOffice 时也可读 .doc/.xls/.wps/.rtf/.html）：列出表内、表间、文字与表格不一致等全部问题。",
    discussion: "退出码：0 未发现错误级问题；1 发现问题；2 文件无法读取（空文件、编码不对、文件损坏、PDF 无文字等）。")

  @Argument(
    help: ArgumentHelp(
      "公开文件：文本（UTF-8 或 GBK）、Word（.docx）、Excel（.xlsx，各工作表）或 PDF（需要 pdftotext）；.doc、.xls、.wps、.et、.rtf、.html、.odt 经 LibreOffice 转换后读取。", valueName: "文件"))
  var document: String
  @Option(help: ArgumentHelp("输出格式：text、json 或 html（审读报告网页，PDF 的问题旁附页面截图，需与 --out 同用）。", valueName: "格式")) var format: OutputFormat = .text
  @Option(name: .customLong("out"), help: ArgumentHelp("把报告写到这个文件，而不是标准输出（--format html 时必须指定）。", valueName: "报告文件")) var outFile: String?
  @Option(name: .customLong("tables"), help: ArgumentHelp("把读出的各表写成 CSV 放到这个目录（tables.csv 为目录，tNN.csv 为各表），便于对照原文核对读表是否正确。", valueName: "目录"))
  var tablesDirectory: String?

  enum OutputFormat: String, CaseIterable, ExpressibleByArgument { case text, json, html }

  func run() throws {
    if format == .html && outFile == nil {
      throw CLIFailure.input("--format html 需要用 --out 指定报告文件，例如：yusuan audit 文件.pdf --format html --out 审读报告.html")
    }
    let doc: AuditDocument
    // .doc, .xls, .wps, .rtf, .html and OpenDocument are read through LibreOffice (ForeignDocument).
    do { doc = try ForeignDocument.read(document) } catch let e as CLIFailure { throw e } catch let e as AuditReadError {
      throw CLIFailure.input(e.message)
    } catch { throw CLIFailure.input("无法读取“\(document)”：\(ErrorText.describe(error))") }
    if let dir = tablesDirectory { try writeTables(doc, to: URL(fileURLWithPath: dir)) }
    if ProcessInfo.processInfo.environment["YUSUAN_DEBUG_PARAGRAPHS"] != nil {
      for p in doc.paragraphs { FileHandle.standardError.write(Data("¶\(p.index) [\(p.section ?? "-")] \(p.text)\n".utf8)) }
    }
    // The catalog is optional: without forms/ the codes' shapes are still checked.
    let forms = try? FormsLibrary.locate()
    // The largest bundled catalog: codes harvested from published documents, the 2024 reference when absent.
    let catalog = (try? forms?.catalog("classification-harvested")) ?? (try? forms?.catalog("classification-2024"))
    // Whatever province printed the document, every edition's residue words are looked for (a province's
    // edition adds its own template phrases there).
    let editions = (forms?.editionIDs ?? []).compactMap { try? forms?.edition($0) }
    let findings = Auditor.audit(doc, catalog: catalog, extraResidue: editions.flatMap { $0.rules.ownResidue ?? [] }, editions: editions)
    let report: String
    switch format {
    case .text: report = DiagnosticRenderer.text(findings) + AuditLedger.text(doc, findings)
    case .json: report = DiagnosticRenderer.json(findings)
    case .html: report = html(doc, findings)
    }
    if let outFile {
      do { try Data(report.utf8).write(to: URL(fileURLWithPath: outFile), options: .atomic) } catch {
        throw CLIFailure.input("无法把审读报告写到“\(outFile)”：请检查目录是否存在、是否可写、磁盘是否已满。")
      }
      Output.err("审读报告已写到“\(outFile)”。" + DiagnosticRenderer.summary(findings) + "\n")
    } else {
      Output.out(report, terminator: "")
    }
    if findings.errorCount > 0 { throw ExitCode(1) }
  }

  /// The HTML report; for a PDF, the pages its findings point at are rendered once each (pdftoppm) for the crops.
  func html(_ doc: AuditDocument, _ findings: [Diagnostic]) -> String {
    var rendered = PageRenderer.Result(pages: [:], problem: nil)
    if doc.format == .pdf {
      let pages = Set(findings.compactMap { $0.box != nil ? $0.page : nil })
      rendered = PageRenderer.render(pdf: URL(fileURLWithPath: document), pages: pages)
      for (page, turns) in doc.pageTurns { rendered.pages[page] = rendered.pages[page]?.turned(clockwise: turns) }
    }
    return AuditHTMLReport.render(doc, findings: findings, pages: rendered.pages, renderProblem: rendered.problem)
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
