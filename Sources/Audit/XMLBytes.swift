import Foundation

/// The bytes of an XML part made safe for FoundationXML's parser.
///
/// On Linux, FoundationXML turns element, attribute and comment names into strings with a force unwrap of a
/// strict UTF-8 decoding (`UTF8STRING(localname)!`), and libxml2, in the recovering mode Foundation asks for,
/// passes invalid bytes through: a .docx or .xlsx whose XML has a byte such as 0xFF in a tag name trapped
/// (found by `scripts/fuzz.sh`). Invalid UTF-8 is therefore replaced by U+FFFD, as Foundation already does for
/// text between tags; a part in UTF-16 (with its byte order mark) is left to libxml2, which converts it or stops.
enum XMLBytes {
  static func parseable(_ data: Data) -> Data {
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return data }
    if String(validating: data, as: UTF8.self) != nil { return data }
    return Data(String(decoding: data, as: UTF8.self).utf8)
  }
}
