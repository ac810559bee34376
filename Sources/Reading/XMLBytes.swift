import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The bytes of an XML part made safe for FoundationXML's parser, which traps on two things libxml2 passes it from
/// a crafted .docx or .xlsx (both found by `scripts/fuzz.sh`):
/// - a name that is not UTF-8: element, attribute and comment names are made strings with a force unwrap of a
///   strict UTF-8 decoding (`UTF8STRING(localname)!`), and libxml2, in the recovering mode Foundation asks for,
///   passes invalid bytes through. Invalid UTF-8 is replaced by U+FFFD, as Foundation already does for text;
/// - a processing instruction without data (`<?x?>`): its null data pointer goes to `strlen`. Processing
///   instructions are removed (nothing here reads them); the XML declaration at the start is kept when it is one
///   (only the characters a declaration has: a "declaration" `<?xml …` holding `<`, as in `<?xml <c/><?x?>`, ran to
///   the first `?>` and hid a processing instruction inside it), and no `<?` is made of what is left either side of
///   one removed (`<<?a?>?x?>`).
/// A part in UTF-16 (with its byte order mark; Office writes UTF-8) is made UTF-8 first, without its declaration.
package enum XMLBytes {
  package static func parseable(_ data: Data) -> Data {
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
      return withoutProcessingInstructions(Data((String(data: data, encoding: .utf16) ?? "").utf8), keepingDeclaration: false)
    }
    let utf8 = String(validating: data, as: UTF8.self) != nil ? data : Data(String(decoding: data, as: UTF8.self).utf8)
    return withoutProcessingInstructions(utf8, keepingDeclaration: true)
  }

  package static func withoutProcessingInstructions(_ data: Data, keepingDeclaration: Bool) -> Data {
    let open = Data("<?".utf8), close = Data("?>".utf8)
    var from = data.startIndex
    if keepingDeclaration {
      // `<?xml` and a blank, at the very start or after a UTF-8 byte order mark.
      let at = data.startIndex + (data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
      if data[at...].starts(with: Array("<?xml".utf8)), at + 5 < data.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(data[at + 5]),
        let end = data.range(of: close, in: at..<data.endIndex), data[(at + 5)..<end.lowerBound].allSatisfy(isDeclarationByte)
      {
        from = end.upperBound
      }
    }
    guard data.range(of: open, in: from..<data.endIndex) != nil else { return data }
    var out = Data(data[data.startIndex..<from])
    func append(_ part: Data.SubSequence) {
      if out.last == UInt8(ascii: "<"), part.first == UInt8(ascii: "?") { out.append(UInt8(ascii: " ")) }
      out.append(part)
    }
    var at = from
    while let o = data.range(of: open, in: at..<data.endIndex) {
      append(data[at..<o.lowerBound])
      // Not closed: left for the parser to find the document damaged.
      guard let c = data.range(of: close, in: o.upperBound..<data.endIndex) else { at = o.lowerBound; break }
      at = c.upperBound
    }
    append(data[at..<data.endIndex])
    return out
  }

  /// A delegate's `parseErrorOccurred` sets `sawError`, and its next element or text callback calls this, which
  /// stops the parse there: the part is damaged. libxml2 in its recovering mode goes on after most errors, and
  /// FoundationXML keeps about 100 bytes of every error for the life of the process: a 64 MB part of `<b x=1/>`
  /// makes millions of errors, and the fuzzer's run grew past 2 GB. (Stopping inside the error callback itself
  /// crashes: libxml2 frees the input it is still reporting on.) What comes before the error is kept (a .docx is
  /// audited up to it; an .xlsx sheet is refused as damaged).
  package static func stopAfterError(_ sawError: Bool, _ p: XMLParser) -> Bool {
    if sawError { p.abortParsing() }
    return sawError
  }

  /// What `version="1.0" encoding="UTF-8" standalone="yes"` is made of.
  package static func isDeclarationByte(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
    default: return [0x20, 0x09, 0x0A, 0x0D].contains(b) || Array(#"="'.-_:"#.utf8).contains(b)
    }
  }
}
