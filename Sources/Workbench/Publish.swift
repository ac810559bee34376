import Foundation
import Renderers
import YusuanCore

/// What `publish` can write: each renderer's format, the open-data package (a folder, `DataPackageRenderer`), and
/// pdf, which LibreOffice makes from the docx.
public enum PublishFormat: String, CaseIterable, Sendable {
  case docx, xlsx, html, md, json, datapackage, pdf

  /// The renderer that writes this format as one file; nil for datapackage (a folder) and pdf (converted from the docx).
  public var renderer: OutputFormat? { OutputFormat(rawValue: rawValue) }
}

/// What one `publish` did, for each caller to say in its own words (the CLI names `--draft`, the REPL drafts itself).
public struct PublishReport: Sendable {
  /// Watermarked 草稿 on every page.
  public var draft: Bool
  /// Everything the check found, errors included when drafting.
  public var findings: [Diagnostic]
  /// The error-level findings that refused publishing; when not empty nothing was compiled or written.
  public var refused: [Diagnostic] = []
  /// The document's title; empty when refused.
  public var title = ""
  /// The files written, in `PublishFormat` order (the PDF last); the data package is its folder.
  public var written: [URL] = []
  /// Why the PDF asked for was not made (LibreOffice missing, or its conversion failed), in Chinese.
  /// The other formats were written all the same; each caller decides whether that is a failure.
  public var pdfSkipped: String? = nil
  /// Rare characters of the document no installed font can draw (the PDF shows boxes), said in Chinese; nil when
  /// there are none or no PDF was asked for.
  public var missingGlyphs: String? = nil

  public var isRefused: Bool { !refused.isEmpty }
}

/// The output folder could not be made, said with the folder as the officer named it.
public struct OutputFolderError: Error, CustomStringConvertible {
  public var folder: URL
  public var reason: String
  public var description: String { "无法创建输出目录“\(folder.relativePath)”：\(reason)" }
}

extension Workbench {
  /// The end of the journey, one call for the CLI, bureau mode, the REPL and the bench (each had its own copy, and
  /// the REPL's made no PDF): check → refuse, or compile (草稿 if `draft`) → make `folder` → write each format →
  /// the PDF from the docx.
  ///
  /// A refusal is an answer, not an error: nothing is written and `refused` says why. A PDF that cannot be made is
  /// reported in `pdfSkipped`, not thrown, so the files already written still count. Throws when the document cannot
  /// be compiled or a file cannot be written.
  /// - Parameters:
  ///   - findings: this workbook's `check()` when the caller has just run it (bureau mode, the REPL); nil checks here.
  ///   - durable: false skips each file's fsync, for a batch that flushes once (`OutputFile.flush`).
  public func publish(
    to folder: URL, formats: Set<PublishFormat> = Set(PublishFormat.allCases), draft: Bool,
    findings: [Diagnostic]? = nil, durable: Bool = true
  ) throws -> PublishReport {
    try publish(to: folder, formats: formats, draft: draft, findings: findings, durable: durable, convert: PDFConverter.convert(docx:outputDirectory:))
  }

  /// `convert` turns a docx into a PDF in a folder: LibreOffice, or a stand-in where tests need one.
  func publish(
    to folder: URL, formats: Set<PublishFormat>, draft: Bool, findings: [Diagnostic]?, durable: Bool,
    convert: (_ docx: URL, _ folder: URL) throws -> URL
  ) throws -> PublishReport {
    let findings = findings ?? check()
    var report = PublishReport(draft: draft, findings: findings)
    guard draft || findings.errorCount == 0 else {
      report.refused = findings.filter { $0.severity == .error }
      return report
    }
    let doc = try compile(draft: draft)
    report.title = doc.title
    do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
      throw OutputFolderError(folder: folder, reason: ErrorText.describe(error))
    }
    var docx: URL? = nil
    for format in PublishFormat.allCases where formats.contains(format) && format != .pdf {
      if let renderer = format.renderer {
        let file = try renderer.write(doc, toDirectory: folder, durable: durable)
        if renderer == .docx { docx = file }
        report.written.append(file)
      } else {
        report.written.append(try DataPackageRenderer.write(doc, toDirectory: folder, durable: durable))
      }
    }
    guard formats.contains(.pdf) else { return report }
    let unprintable = GlyphCoverage.missing(in: MarkdownRenderer.renderString(doc))
    if !unprintable.isEmpty { report.missingGlyphs = GlyphCoverage.warning(unprintable) }
    // The docx goes to a scratch folder when it was not asked for, so the officer's folder holds only what was.
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-\(UUID().uuidString)", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    func scratchDocx() throws -> URL {
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
      return try OutputFormat.docx.write(doc, toDirectory: scratch, durable: false)
    }
    do {
      report.written.append(try convert(try docx ?? scratchDocx(), folder))
    } catch {
      report.pdfSkipped = ErrorText.describe(error)
    }
    return report
  }
}
