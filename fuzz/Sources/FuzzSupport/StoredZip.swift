import Foundation

/// A zip archive of stored (uncompressed) entries, built in memory: the xlsx and docx targets wrap a mutated XML
/// part in one, so that libFuzzer mutates the XML the readers parse rather than deflate streams and CRCs.
public enum StoredZip {
  public static func archive(_ entries: [(path: String, data: Data)]) -> Data {
    var out = Data(), central = Data()
    func u16(_ v: Int, _ d: inout Data) { var x = UInt16(truncatingIfNeeded: v).littleEndian; d.append(Data(bytes: &x, count: 2)) }
    func u32(_ v: UInt32, _ d: inout Data) { var x = v.littleEndian; d.append(Data(bytes: &x, count: 4)) }
    for (path, data) in entries {
      let name = Data(path.utf8), crc = crc32(data), offset = UInt32(out.count)
      u32(0x0403_4B50, &out); u16(20, &out); u16(0x0800, &out); u16(0, &out); u16(0, &out); u16(0x21, &out)
      u32(crc, &out); u32(UInt32(data.count), &out); u32(UInt32(data.count), &out); u16(name.count, &out); u16(0, &out)
      out.append(name); out.append(data)
      u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0x0800, &central); u16(0, &central); u16(0, &central); u16(0x21, &central)
      u32(crc, &central); u32(UInt32(data.count), &central); u32(UInt32(data.count), &central); u16(name.count, &central)
      u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central); u32(0, &central); u32(offset, &central)
      central.append(name)
    }
    let centralOffset = UInt32(out.count)
    out.append(central)
    u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
    u32(UInt32(central.count), &out); u32(centralOffset, &out); u16(0, &out)
    return out
  }

  /// Splits an input into parts at each NUL byte (XML has none), for targets that build several parts from one input.
  public static func parts(_ data: Data, count: Int) -> [Data] {
    var parts = data.split(separator: 0, maxSplits: count - 1, omittingEmptySubsequences: false).map { Data($0) }
    while parts.count < count { parts.append(Data()) }
    return parts
  }

  static let table: [UInt32] = (0..<256).map { i -> UInt32 in
    var c = UInt32(i)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func crc32(_ data: Data) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
  }
}
