/// Reading poppler's outputs (XHTML words, SVG drawings) as bytes: a few MB per document, where decoding the whole
/// text to find tags would cost more than everything else read.
package struct ByteCursor {
  package let bytes: [UInt8]
  package var n: Int { bytes.count }

  /// Whether `s` stands at `k`.
  func starts(_ s: StaticString, at k: Int) -> Bool {
    let len = s.utf8CodeUnitCount
    guard k + len <= n else { return false }
    return s.withUTF8Buffer { buf in
      for j in 0..<len where bytes[k + j] != buf[j] { return false }
      return true
    }
  }
}
