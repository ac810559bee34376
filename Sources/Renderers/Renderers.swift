// The renderers of a PublishedDocument; one file per format.
//
// Every renderer is an enum with `render(_:) throws -> Data` conforming to `DocumentRenderer`,
// which adds the same `write` helpers to all of them. `OutputFormat` picks one by name for `compile`.
import Foundation
import YusuanCore

/// A format that lays out a whole `PublishedDocument` as one file.
public protocol DocumentRenderer {
  /// File extension without the dot (`docx`, `xlsx`, `html`, `md`, `json`).
  static var fileExtension: String { get }
  /// The file's bytes. The same document always gives the same bytes.
  static func render(_ doc: PublishedDocument) throws -> Data
}

extension DocumentRenderer {
  /// Renders `doc` and writes it atomically to `url`.
  public static func write(_ doc: PublishedDocument, to url: URL) throws {
    let data = try render(doc)
    do {
      try data.write(to: url, options: .atomic)
    } catch {
      throw RendererError.writeFailed(path: url.path, reason: error.localizedDescription)
    }
  }

  /// Renders `doc` into `directory` as `baseName.ext` (default base name: the document title) and returns the file URL.
  @discardableResult
  public static func write(_ doc: PublishedDocument, toDirectory directory: URL, baseName: String? = nil) throws -> URL {
    let name = RenderText.safeFileName(baseName ?? doc.title)
    let url = directory.appendingPathComponent("\(name).\(fileExtension)")
    try write(doc, to: url)
    return url
  }
}

/// The formats `compile --format` accepts, except pdf (made from the docx by `PDFConverter`).
public enum OutputFormat: String, CaseIterable, Sendable {
  case docx, xlsx, html, md, json

  public var fileExtension: String { rawValue }

  public func render(_ doc: PublishedDocument) throws -> Data {
    switch self {
    case .docx: return try DocxRenderer.render(doc)
    case .xlsx: return try XlsxRenderer.render(doc)
    case .html: return try HTMLRenderer.render(doc)
    case .md: return try MarkdownRenderer.render(doc)
    case .json: return try JSONRenderer.render(doc)
    }
  }

  /// Renders `doc` into `directory` as `baseName.ext` and returns the file URL.
  @discardableResult
  public func write(_ doc: PublishedDocument, toDirectory directory: URL, baseName: String? = nil) throws -> URL {
    let name = RenderText.safeFileName(baseName ?? doc.title)
    let url = directory.appendingPathComponent("\(name).\(fileExtension)")
    let data = try render(doc)
    do {
      try data.write(to: url, options: .atomic)
    } catch {
      throw RendererError.writeFailed(path: url.path, reason: error.localizedDescription)
    }
    return url
  }
}

/// Why a document could not be rendered or converted. Messages are in Chinese and say what to do.
public enum RendererError: Error, Equatable, CustomStringConvertible, LocalizedError {
  case zipFailed(String)
  case writeFailed(path: String, reason: String)
  case sofficeMissing
  case inputMissing(String)
  case conversionFailed(input: String, log: String)
  case conversionTimedOut(input: String, seconds: Int)

  public var description: String {
    switch self {
    case .zipFailed(let reason):
      return "无法生成压缩文件（docx/xlsx）：\(reason)"
    case .writeFailed(let path, let reason):
      return "无法写入文件 \(path)：\(reason)。请检查目录是否存在、是否有写权限、磁盘是否已满。"
    case .sofficeMissing:
      return "生成 PDF 需要 LibreOffice，但本机未找到 soffice。请先安装：apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk（安装后重新运行；也可先生成 docx，再用 Word/WPS 另存为 PDF）。"
    case .inputMissing(let path):
      return "要转换的文件不存在：\(path)"
    case .conversionFailed(let input, let log):
      let detail = log.trimmingCharacters(in: .whitespacesAndNewlines)
      return "LibreOffice 未能把 \(input) 转换为 PDF（未生成 PDF 文件）。" + (detail.isEmpty ? "" : "LibreOffice 输出：\(detail)")
    case .conversionTimedOut(let input, let seconds):
      return "LibreOffice 转换 \(input) 超过 \(seconds) 秒仍未完成，已终止。请稍后重试，或检查是否有其他 LibreOffice 进程卡住。"
    }
  }

  public var errorDescription: String? { description }
}
