// The zip container of docx and xlsx, written directly with zlib.
//
// Deterministic: the same entries in the same order give the same bytes (a fixed modification date, no extra
// fields), so compiles can be compared and golden-tested. Written here rather than through ZIPFoundation's
// `Archive`, whose CRC-32 in Swift and in-memory archive bookkeeping were a tenth of a folder compile; the
// entries are deflated at zlib level 1, which for XML costs about a quarter of the default level's time for a
// file a few percent larger. (ZIPFoundation still reads zips: audit of docx, import of xlsx, the tests.)
import CZlibDeflate
import Foundation

struct ZipWriter {
  /// 1980-01-01 00:00:00, the first instant a zip (MS-DOS) timestamp can hold; stored as date 0x0021, time 0.
  static let fixedDate = Date(timeIntervalSince1970: 315_532_800)
  static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
  static let dosTime: UInt16 = 0

  private var entries: [(path: String, data: Data)] = []

  mutating func add(_ path: String, _ text: String) { entries.append((path, Data(text.utf8))) }
  mutating func add(_ path: String, data: Data) { entries.append((path, data)) }

  func archive() throws -> Data {
    var out = Data()
    var central = Data()
    for entry in entries {
      let name = Data(entry.path.utf8)
      let crc = Self.crc(entry.data)
      let compressed = try Self.deflateRaw(entry.data)
      guard out.count <= UInt32.max, compressed.count <= UInt32.max, entry.data.count <= UInt32.max else {
        throw RendererError.zipFailed("文件过大（超过 4 GB），无法写入 zip")
      }
      let offset = UInt32(out.count)
      // Bit 11: the name is UTF-8 (set only when it is not plain ASCII, as most tools do).
      let flags: UInt16 = entry.path.utf8.allSatisfy { $0 < 0x80 } ? 0 : 1 << 11

      // The fields both headers share, from "version needed" to "extra field length".
      func shared(_ d: inout Data) {
        d.appendLE(UInt16(20))  // version needed: 2.0 (deflate)
        d.appendLE(flags)
        d.appendLE(UInt16(8))  // deflate
        d.appendLE(Self.dosTime)
        d.appendLE(Self.dosDate)
        d.appendLE(crc)
        d.appendLE(UInt32(compressed.count))
        d.appendLE(UInt32(entry.data.count))
        d.appendLE(UInt16(name.count))
        d.appendLE(UInt16(0))  // extra field length
      }

      // Local file header, then the data.
      out.appendLE(UInt32(0x0403_4B50))
      shared(&out)
      out.append(name)
      out.append(compressed)

      // Central directory record.
      central.appendLE(UInt32(0x0201_4B50))
      central.appendLE(UInt16(0x0314))  // made by: Unix, 2.0 (so the permissions below are read)
      shared(&central)
      central.appendLE(UInt16(0))  // comment
      central.appendLE(UInt16(0))  // disk number
      central.appendLE(UInt16(0))  // internal attributes
      central.appendLE(UInt32(0o100644) << 16)  // external attributes: regular file, rw-r--r--
      central.appendLE(offset)
      central.append(name)
    }
    guard entries.count <= UInt16.max, out.count <= UInt32.max else { throw RendererError.zipFailed("条目或大小超出 zip 格式上限") }
    let centralOffset = UInt32(out.count)
    out.append(central)
    // End of central directory.
    out.appendLE(UInt32(0x0605_4B50))
    out.appendLE(UInt16(0))
    out.appendLE(UInt16(0))
    out.appendLE(UInt16(entries.count))
    out.appendLE(UInt16(entries.count))
    out.appendLE(UInt32(central.count))
    out.appendLE(centralOffset)
    out.appendLE(UInt16(0))
    return out
  }

  static func crc(_ data: Data) -> UInt32 {
    data.withUnsafeBytes { raw -> UInt32 in
      guard let base = raw.bindMemory(to: Bytef.self).baseAddress else { return 0 }
      return UInt32(crc32(0, base, uInt(raw.count)))
    }
  }

  /// Raw deflate (no zlib header), as zip stores it; one call, the output buffer sized by deflateBound.
  static func deflateRaw(_ data: Data) throws -> Data {
    var stream = z_stream()
    var status = deflateInit2_(&stream, 1, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else { throw RendererError.zipFailed("zlib 初始化失败（\(status)）") }
    defer { deflateEnd(&stream) }
    let bound = Int(deflateBound(&stream, uLong(data.count)))
    var out = Data(count: bound)
    var input = data
    let written = input.withUnsafeMutableBytes { inRaw -> Int in
      out.withUnsafeMutableBytes { outRaw -> Int in
        stream.next_in = inRaw.bindMemory(to: Bytef.self).baseAddress
        stream.avail_in = uInt(inRaw.count)
        stream.next_out = outRaw.bindMemory(to: Bytef.self).baseAddress
        stream.avail_out = uInt(outRaw.count)
        status = deflate(&stream, Z_FINISH)
        return outRaw.count - Int(stream.avail_out)
      }
    }
    guard status == Z_STREAM_END else { throw RendererError.zipFailed("zlib 压缩失败（\(status)）") }
    out.count = written
    return out
  }
}

extension Data {
  /// Appends a fixed-width integer in little-endian order, as zip headers store them.
  mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
    Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
  }
}
