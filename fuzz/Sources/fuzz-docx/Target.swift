import Foundation
import FuzzSupport

/// The docx reader, through `DocumentReader.read(data:name:)` (then audit and import, see `Audited`). An input
/// starting with `PK` is a whole .docx; any other is word/document.xml, put in a stored zip here.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocx(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  var data = Fuzz.data(bytes, size)
  if !data.starts(with: [0x50, 0x4B]) { data = StoredZip.archive([("word/document.xml", data)]) }
  Audited.read(data, name: "fuzz.docx")
  return 0
}
