import Foundation
import YusuanCore

/// A page rendered in gray: the pixels the audit report crops around a finding. Pure data, so the report can be
/// built and tested without poppler.
public struct PageRaster: Sendable {
  public var page: Int
  public var width: Int
  public var height: Int
  /// Pixels per PDF point (dpi / 72).
  public var pixelsPerPoint: Double
  /// `height` rows of `width` bytes, 0 black … 255 white.
  public var pixels: [UInt8]

  public init(page: Int, width: Int, height: Int, pixelsPerPoint: Double, pixels: [UInt8]) {
    self.page = page; self.width = width; self.height = height; self.pixelsPerPoint = pixelsPerPoint; self.pixels = pixels
  }

  /// A blank (white) page of the given size in points, for tests.
  public static func blank(page: Int, widthPoints: Double, heightPoints: Double, dpi: Double = 72) -> PageRaster {
    let scale = dpi / 72
    let w = max(1, Int((widthPoints * scale).rounded())), h = max(1, Int((heightPoints * scale).rounded()))
    return PageRaster(page: page, width: w, height: h, pixelsPerPoint: scale, pixels: [UInt8](repeating: 255, count: w * h))
  }

  /// The picture turned `clockwise` quarter turns, as a page printed sideways was turned for reading
  /// (`PDFPage.quarterTurns`), so that the boxes of its findings fall on it.
  public func turned(clockwise turns: Int) -> PageRaster {
    let q = ((turns % 4) + 4) % 4
    guard q != 0 else { return self }
    let (w, h) = q == 2 ? (width, height) : (height, width)
    var out = [UInt8](repeating: 255, count: w * h)
    for y in 0..<height {
      for x in 0..<width {
        let (nx, ny): (Int, Int)
        switch q {
        case 1: (nx, ny) = (height - 1 - y, x)
        case 2: (nx, ny) = (width - 1 - x, height - 1 - y)
        default: (nx, ny) = (y, width - 1 - x)
        }
        out[ny * w + nx] = pixels[y * width + x]
      }
    }
    return PageRaster(page: page, width: w, height: h, pixelsPerPoint: pixelsPerPoint, pixels: out)
  }

  /// The page size in points.
  public var widthPoints: Double { Double(width) / pixelsPerPoint }
  public var heightPoints: Double { Double(height) / pixelsPerPoint }

  /// The pixels of a rectangle (clamped to the page) as a PNG; nil when the rectangle is empty.
  package func png(columns: Range<Int>, rows: Range<Int>) -> Data? {
    let xs = columns.clamped(to: 0..<width), ys = rows.clamped(to: 0..<height)
    guard !xs.isEmpty, !ys.isEmpty else { return nil }
    var cut = [UInt8]()
    cut.reserveCapacity(xs.count * ys.count)
    for y in ys { cut.append(contentsOf: pixels[(y * width + xs.lowerBound)..<(y * width + xs.upperBound)]) }
    return GrayPNG.encode(width: xs.count, height: ys.count, pixels: cut)
  }

  /// The columns in `rows` that hold ink (any pixel darker than near-white), nil on a blank band.
  package func inkColumns(rows: Range<Int>) -> ClosedRange<Int>? {
    let ys = rows.clamped(to: 0..<height)
    var lo = width, hi = -1
    for y in ys {
      let base = y * width
      var x = 0
      while x < lo { if pixels[base + x] < 240 { lo = x; break }; x += 1 }
      x = width - 1
      while x > hi { if pixels[base + x] < 240 { hi = x; break }; x -= 1 }
    }
    return hi >= lo ? lo...hi : nil
  }

  /// How many pixels of a row hold ink.
  package func inkCount(row y: Int) -> Int {
    guard y >= 0 && y < height else { return 0 }
    var n = 0
    for x in (y * width)..<((y + 1) * width) where pixels[x] < 240 { n += 1 }
    return n
  }

  /// Reads a binary PGM (P5, 8-bit), what `pdftoppm -gray` writes.
  static func pgm(_ data: Data, page: Int, pixelsPerPoint: Double) -> PageRaster? {
    let bytes = [UInt8](data)
    var i = 0
    func token() -> Int? {
      while i < bytes.count {
        if bytes[i] == UInt8(ascii: "#") {
          while i < bytes.count && bytes[i] != 0x0A { i += 1 }
        } else if bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 {
          i += 1
        } else {
          break
        }
      }
      var v = 0, digits = 0
      while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 9 { v = v * 10 + Int(bytes[i] - 0x30); i += 1; digits += 1 }
      return digits > 0 ? v : nil
    }
    guard bytes.count > 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "5") else { return nil }
    i = 2
    guard let w = token(), let h = token(), let maxval = token(), maxval == 255, w > 0, h > 0 else { return nil }
    i += 1  // the single whitespace after maxval
    guard bytes.count - i >= w * h else { return nil }
    return PageRaster(page: page, width: w, height: h, pixelsPerPoint: pixelsPerPoint, pixels: Array(bytes[i..<(i + w * h)]))
  }
}

/// Renders the pages of a PDF that the audit report shows, each once, with poppler's `pdftoppm` run as a separate
/// process (GPL stays outside our binary) writing to a temporary directory, never to a pipe a full buffer could block.
public enum PageRenderer {
  public static let dpi = 110

  public struct Result: Sendable {
    public var pages: [Int: PageRaster]
    /// Why some or all pages have no image, in Chinese; nil when every page asked for was rendered.
    public var problem: String?

    public init(pages: [Int: PageRaster] = [:], problem: String? = nil) { self.pages = pages; self.problem = problem }
  }

  public static let missingMessage =
    "本机未安装 pdftoppm（poppler-utils），报告中没有页面截图。安装后重新生成即可附上截图（Debian/Ubuntu：apt-get install poppler-utils；macOS：brew install poppler）。"

  /// The pages (1-based) of `pdf`, rendered in gray at `dpi`. Never throws: what could not be rendered is `problem`.
  public static func render(pdf: URL, pages: Set<Int>, dpi: Int = PageRenderer.dpi) -> Result {
    guard !pages.isEmpty else { return Result(pages: [:], problem: nil) }
    guard let pdftoppm = Poppler.find("pdftoppm") else { return Result(pages: [:], problem: missingMessage) }
    let fm = FileManager.default
    let work = fm.temporaryDirectory.appendingPathComponent("yusuan-pages-\(UUID().uuidString)")
    do { try fm.createDirectory(at: work, withIntermediateDirectories: true) } catch {
      return Result(pages: [:], problem: "无法创建临时目录“\(work.path)”，报告中没有页面截图。请检查磁盘空间和临时目录权限。")
    }
    defer { try? fm.removeItem(at: work) }
    var out: [Int: PageRaster] = [:]
    var failed: [Int] = []
    let ordered = pages.sorted()
    // As many renderings at once as there are cores: each is one page, a few tenths of a second at most.
    let batch = max(1, ProcessInfo.processInfo.activeProcessorCount)
    for start in stride(from: 0, to: ordered.count, by: batch) {
      let group = ordered[start..<min(start + batch, ordered.count)]
      var running: [(page: Int, process: Poppler.Running?)] = []
      for n in group {
        let prefix = work.appendingPathComponent("p\(n)").path
        let p = try? Poppler.start(
          pdftoppm, ["-r", String(dpi), "-gray", "-f", String(n), "-l", String(n), "-singlefile", pdf.path, prefix],
          work: work, tag: "p\(n)")
        running.append((n, p))
      }
      for (n, p) in running {
        guard let p, p.wait() == 0, let data = fm.contents(atPath: work.appendingPathComponent("p\(n).pgm").path),
          let raster = PageRaster.pgm(data, page: n, pixelsPerPoint: Double(dpi) / 72)
        else { failed.append(n); continue }
        out[n] = raster
      }
    }
    let problem =
      failed.isEmpty
      ? nil
      : "第" + failed.map(String.init).joined(separator: "、") + "页未能用 pdftoppm 渲染，这些页上的问题没有截图。"
    return Result(pages: out, problem: problem)
  }
}
