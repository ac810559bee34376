// The renderers of a PublishedDocument; one file per format.
//
// Every renderer is an enum with `render(_:) throws -> Data` conforming to `DocumentRenderer`,
// which adds the same `write` helpers to all of them. `OutputFormat` picks one by name for `Workbench.publish`.
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
    try OutputFile.write(try render(doc), to: url, durable: true)
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

/// The formats a renderer writes: what `Workbench.publish` writes, except pdf (made from the docx by `PDFConverter`).
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
  /// `durable: false` skips the per-file fsync (bureau mode flushes the whole batch once, see `OutputFile.flush`).
  @discardableResult
  public func write(_ doc: PublishedDocument, toDirectory directory: URL, baseName: String? = nil, durable: Bool = true) throws -> URL {
    let name = RenderText.safeFileName(baseName ?? doc.title)
    let url = directory.appendingPathComponent("\(name).\(fileExtension)")
    try OutputFile.write(try render(doc), to: url, durable: durable)
    return url
  }
}

/// Writing output files: never half-written under their final name.
public enum OutputFile {
  /// Writes `data` to `url` through a temporary file in the same folder renamed over it, so a reader (or a
  /// crash) never sees a partial document. With `durable` the data is fsync'd first (Foundation's atomic write);
  /// without, a thousand departments' files are not each waited for on the disk — bureau mode calls `flush`
  /// once at the end instead, which cost 3.5 s of a 19 s batch the other way.
  public static func write(_ data: Data, to url: URL, durable: Bool) throws {
    do {
      if durable {
        try data.write(to: url, options: .atomic)
        return
      }
      // POSIX calls: Foundation's Data.write fsyncs even when not asked to write atomically.
      let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
      let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw RendererError.writeFailed(path: url.path, reason: ErrorText.posix(errno)) }
      var failure: Int32 = 0
      data.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
          let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
          if n < 0 {
            if errno == EINTR { continue }
            failure = errno
            return
          }
          offset += n
        }
      }
      if close(fd) != 0 && failure == 0 { failure = errno }
      if failure == 0 && rename(temp, url.path) != 0 { failure = errno }
      if failure != 0 {
        unlink(temp)
        throw RendererError.writeFailed(path: url.path, reason: ErrorText.posix(failure))
      }
    } catch let e as RendererError {
      throw e
    } catch {
      throw RendererError.writeFailed(path: url.path, reason: ErrorText.describe(error))
    }
  }

  /// Flushes everything written under `directory` to disk (one `syncfs` for the file system it is on).
  public static func flush(_ directory: URL) {
    let fd = open(directory.path, O_RDONLY)
    guard fd >= 0, let syncfs else { sync(); return }
    defer { close(fd) }
    if syncfs(fd) != 0 { sync() }
  }

  /// Linux's syncfs(2), which the Glibc module does not export; nil elsewhere (then `sync()`).
  static let syncfs: (@convention(c) (Int32) -> Int32)? =
    dlsym(nil, "syncfs").map { unsafeBitCast($0, to: (@convention(c) (Int32) -> Int32).self) }
}

/// Why a document could not be rendered or converted. Messages are in Chinese and say what to do.
public enum RendererError: Error, Equatable, CustomStringConvertible, LocalizedError {
  case zipFailed(String)
  case writeFailed(path: String, reason: String)
  case sofficeMissing
  case inputMissing(String)
  /// `target`: the format asked for (PDF, or .docx/.xlsx when an old Office file is read for audit).
  case conversionFailed(input: String, log: String, target: String = "PDF")
  case conversionTimedOut(input: String, seconds: Int)

  public var description: String {
    switch self {
    case .zipFailed(let reason):
      return "无法生成压缩文件（docx/xlsx）：\(reason)"
    case .writeFailed(let path, let reason):
      return "无法写入文件 \(path)：\(reason)。请检查目录是否存在、是否有写权限、磁盘是否已满。"
    case .sofficeMissing:
      return
        "生成 PDF 需要 LibreOffice，但本机未找到 soffice。请先安装：apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk（安装后重新运行；也可先生成 docx，再用 Word/WPS 另存为 PDF）。"
    case .inputMissing(let path):
      return "要转换的文件不存在：\(path)"
    case .conversionFailed(let input, let log, let target):
      // LibreOffice's own output is English: recognised and said in Chinese, never shown as it is (issue 14).
      let hint: String
      if log.contains("could not be loaded") || log.contains("source file could not") {
        hint = "LibreOffice 打不开这个文件。请确认它能用 Word、WPS 或 LibreOffice 正常打开。"
      } else if log.contains("no export filter") {
        hint = "LibreOffice 缺少\(target)导出组件。请安装 libreoffice-writer-nogui 与 libreoffice-calc-nogui。"
      } else if log.contains("javaldx") || log.contains("User installation could not be completed") {
        hint = "LibreOffice 无法建立临时配置。请检查临时目录是否可写、磁盘是否已满。"
      } else {
        hint = "请确认 LibreOffice 安装完整、磁盘有空间，然后重试；也可先生成 docx，再用 Word/WPS 另存为 PDF。"
      }
      return "LibreOffice 未能把 \(input) 转换为 \(target)（未生成 \(target) 文件）。" + hint
    case .conversionTimedOut(let input, let seconds):
      return "LibreOffice 转换 \(input) 超过 \(seconds) 秒仍未完成，已终止。请稍后重试，或检查是否有其他 LibreOffice 进程卡住。"
    }
  }

  public var errorDescription: String? { description }
}
