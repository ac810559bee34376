import CZlibDeflate
import Foundation

/// A minimal PNG writer for 8-bit grayscale images: the page crops of the HTML report. One IDAT chunk compressed
/// with zlib; each scanline uses the Up filter (rows of a printed page repeat their neighbours, which compresses well).
package enum GrayPNG {
  /// `pixels` holds `height` rows of `width` bytes each, row-major. Nil when the sizes disagree or zlib fails.
  package static func encode(width: Int, height: Int, pixels: [UInt8]) -> Data? {
    guard width > 0, height > 0, pixels.count == width * height, width <= Int(UInt32.max), height <= Int(UInt32.max) else { return nil }
    var filtered = [UInt8](repeating: 0, count: (width + 1) * height)
    for y in 0..<height {
      let out = y * (width + 1), row = y * width
      filtered[out] = 2  // Up
      for x in 0..<width {
        let above: UInt8 = y > 0 ? pixels[row - width + x] : 0
        filtered[out + 1 + x] = pixels[row + x] &- above
      }
    }
    guard let compressed = zlib(filtered) else { return nil }
    var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    var header = Data()
    header.appendBigEndian(UInt32(width))
    header.appendBigEndian(UInt32(height))
    header.append(contentsOf: [8, 0, 0, 0, 0])  // 8 bits, grayscale, deflate, adaptive filtering, no interlace
    chunk("IHDR", header, into: &png)
    chunk("IDAT", compressed, into: &png)
    chunk("IEND", Data(), into: &png)
    return png
  }

  package static func chunk(_ type: String, _ body: Data, into png: inout Data) {
    var typed = Data(type.utf8)
    typed.append(body)
    png.appendBigEndian(UInt32(body.count))
    png.append(typed)
    let crc = typed.withUnsafeBytes { raw -> UInt32 in
      UInt32(crc32(0, raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count)))
    }
    png.appendBigEndian(crc)
  }

  /// A zlib stream (header, deflate, Adler-32), as IDAT holds it.
  package static func zlib(_ input: [UInt8]) -> Data? {
    var length = compressBound(uLong(input.count))
    var out = [UInt8](repeating: 0, count: Int(length))
    let status = input.withUnsafeBufferPointer { inBuf in
      out.withUnsafeMutableBufferPointer { outBuf in
        compress2(outBuf.baseAddress, &length, inBuf.baseAddress, uLong(inBuf.count), 6)
      }
    }
    guard status == Z_OK else { return nil }
    return Data(out.prefix(Int(length)))
  }
}

extension Data {
  fileprivate mutating func appendBigEndian(_ v: UInt32) {
    append(contentsOf: [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)])
  }
}
