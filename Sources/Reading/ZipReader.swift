import CZlibDeflate
import Foundation

/// Reads the parts of a .docx or .xlsx (a zip archive held in memory), checking every offset and size read from
/// the file against the file itself and inflating with zlib up to a limit.
///
/// It replaces ZIPFoundation 0.9.20 for files from outside, after `scripts/fuzz.sh` found two ways a crafted or
/// merely truncated file stopped `audit` and `import`: its in-memory archive traps when an offset points past the
/// end (`MemoryFile.readData` builds a range from a negative length; upstream pull request 394, unreleased), and
/// its inflate loop (`Data.decode`) never ends when a deflate stream is cut short, since it waits for the stream's
/// end while reading nothing more — a 938-byte .docx hung `audit` for good.
package struct ZipReader {
  package struct Entry {
    package let path: String
    package let method: UInt16
    package let crc: UInt32
    package let compressedSize: Int
    package let uncompressedSize: Int
    package let localHeaderOffset: Int
  }

  package enum Failure: Error, Equatable {
    /// The part inflates past the caller's limit.
    case tooLarge
    /// Its bytes are not where the archive says, its deflate stream is cut short or corrupt, or its CRC differs.
    case damaged
  }

  package let data: Data
  package let entries: [Entry]

  /// Entries of the central directory, in order; nil when there is no readable end record or central directory.
  package init?(data: Data) {
    self.data = data
    let bytes = Bytes(data)
    guard let end = Self.endOfCentralDirectory(bytes) else { return nil }
    var entries: [Entry] = []
    var at = end.offset
    let stop = end.offset + end.size
    while entries.count < end.count, at + 46 <= stop, bytes.u32(at) == 0x0201_4B50 {
      guard let method = bytes.u16(at + 10), let crc = bytes.u32(at + 16), var compressed = bytes.u32(at + 20).map(Int.init),
        var uncompressed = bytes.u32(at + 24).map(Int.init), let nameLength = bytes.u16(at + 28).map(Int.init),
        let extraLength = bytes.u16(at + 30).map(Int.init), let commentLength = bytes.u16(at + 32).map(Int.init),
        var local = bytes.u32(at + 42).map(Int.init), let name = bytes.slice(at + 46, nameLength)
      else { return nil }
      // ZIP64: the fields saturated at 0xFFFFFFFF follow in its extra field, in this order.
      if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
        var field = at + 46 + nameLength
        let extraEnd = field + extraLength
        while field + 4 <= extraEnd, let id = bytes.u16(field), let size = bytes.u16(field + 2).map(Int.init) {
          if id == 0x0001 {
            var p = field + 4
            func next() -> Int? { defer { p += 8 }; return p + 8 <= field + 4 + size ? bytes.u64(p).flatMap { Int(exactly: $0) } : nil }
            if uncompressed == 0xFFFF_FFFF { uncompressed = next() ?? -1 }
            if compressed == 0xFFFF_FFFF { compressed = next() ?? -1 }
            if local == 0xFFFF_FFFF { local = next() ?? -1 }
            break
          }
          field += 4 + size
        }
      }
      guard compressed >= 0, uncompressed >= 0, local >= 0 else { return nil }
      entries.append(
        Entry(
          path: String(decoding: name, as: UTF8.self), method: method, crc: crc, compressedSize: compressed,
          uncompressedSize: uncompressed, localHeaderOffset: local))
      at += 46 + nameLength + extraLength + commentLength
    }
    guard !entries.isEmpty || end.count == 0 else { return nil }
    self.entries = entries
  }

  package var paths: [String] { entries.map(\.path) }

  subscript(path: String) -> Entry? { entries.first { $0.path == path } }

  /// The entry's bytes, inflated; `.tooLarge` past `limit` bytes, `.damaged` when they cannot be read whole.
  func extract(_ entry: Entry, limit: Int) throws(Failure) -> Data {
    if entry.uncompressedSize > limit { throw .tooLarge }
    let bytes = Bytes(data)
    let at = entry.localHeaderOffset
    guard bytes.u32(at) == 0x0403_4B50, let nameLength = bytes.u16(at + 26).map(Int.init), let extraLength = bytes.u16(at + 28).map(Int.init),
      let stored = bytes.slice(at + 30 + nameLength + extraLength, entry.compressedSize)
    else { throw .damaged }
    let out: Data
    switch entry.method {
    case 0:
      if stored.count > limit { throw .tooLarge }
      out = Data(stored)
    case 8:
      out = try Self.inflate(stored, limit: limit)
    default:
      throw .damaged
    }
    let crc = out.withUnsafeBytes { raw -> UInt32 in
      UInt32(crc32(0, raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count)))
    }
    guard crc == entry.crc else { throw .damaged }
    return out
  }

  /// Raw deflate (no zlib header), as zip stores it; the stream must end within the input.
  static func inflate(_ input: Data.SubSequence, limit: Int) throws(Failure) -> Data {
    var stream = z_stream()
    guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw .damaged }
    defer { inflateEnd(&stream) }
    var out = Data()
    var chunk = [UInt8](repeating: 0, count: 65_536)
    let input = Data(input)
    var status: Int32 = Z_OK
    var failure: Failure? = nil
    input.withUnsafeBytes { raw in
      stream.next_in = UnsafeMutablePointer(mutating: raw.bindMemory(to: Bytef.self).baseAddress)
      stream.avail_in = uInt(raw.count)
      repeat {
        let produced = chunk.withUnsafeMutableBufferPointer { buffer -> Int in
          stream.next_out = buffer.baseAddress
          stream.avail_out = uInt(buffer.count)
          status = CZlibDeflate.inflate(&stream, Z_NO_FLUSH)
          return buffer.count - Int(stream.avail_out)
        }
        if status != Z_OK && status != Z_STREAM_END { failure = .damaged; return }  // corrupt, or cut short (Z_BUF_ERROR)
        if out.count + produced > limit { failure = .tooLarge; return }
        out.append(contentsOf: chunk[0..<produced])
        // Out of input without the stream's end: cut short.
        if status == Z_OK && stream.avail_in == 0 && produced < chunk.count { failure = .damaged; return }
      } while status != Z_STREAM_END
    }
    if let failure { throw failure }
    return out
  }

  /// The end record (ZIP64's when the plain one is saturated): where the central directory is and how many entries
  /// it holds, each within the file.
  static func endOfCentralDirectory(_ bytes: Bytes) -> (offset: Int, size: Int, count: Int)? {
    let n = bytes.count
    guard n >= 22 else { return nil }
    // The record is the last 22 bytes, or sits before a comment of up to 65,535 bytes.
    var at = n - 22
    let lowest = Swift.max(0, n - 22 - 65_535)
    while at >= lowest && bytes.u32(at) != 0x0605_4B50 { at -= 1 }
    guard at >= lowest, var count = bytes.u16(at + 10).map(Int.init), var size = bytes.u32(at + 12).map(Int.init),
      var offset = bytes.u32(at + 16).map(Int.init)
    else { return nil }
    if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
      guard at >= 20, bytes.u32(at - 20) == 0x0706_4B50, let record = bytes.u64(at - 12).flatMap({ Int(exactly: $0) }),
        bytes.u32(record) == 0x0606_4B50, let c = bytes.u64(record + 32).flatMap({ Int(exactly: $0) }),
        let s = bytes.u64(record + 40).flatMap({ Int(exactly: $0) }), let o = bytes.u64(record + 48).flatMap({ Int(exactly: $0) })
      else { return nil }
      (count, size, offset) = (c, s, o)
    }
    guard offset <= n, size <= n - offset else { return nil }
    return (offset, size, count)
  }

  /// Little-endian reads that answer nil outside the file.
  struct Bytes {
    package let data: Data
    package var count: Int { data.count }
    init(_ data: Data) { self.data = data }

    func slice(_ at: Int, _ length: Int) -> Data.SubSequence? {
      guard at >= 0, length >= 0, at <= data.count, length <= data.count - at else { return nil }
      return data[(data.startIndex + at)..<(data.startIndex + at + length)]
    }

    func uint(_ at: Int, _ width: Int) -> UInt64? {
      guard let s = slice(at, width) else { return nil }
      return s.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    func u16(_ at: Int) -> UInt16? { uint(at, 2).map { UInt16($0) } }
    func u32(_ at: Int) -> UInt32? { uint(at, 4).map { UInt32($0) } }
    func u64(_ at: Int) -> UInt64? { uint(at, 8) }
  }
}
