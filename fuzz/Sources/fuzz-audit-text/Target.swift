import Foundation
import FuzzSupport

/// The text reader of `audit` and `import` (a published document copied as text, in any of the encodings it
/// guesses), through `DocumentReader.read(data:name:)` (then audit and import, see `Audited`). Inputs that the
/// reader would send to the docx or PDF readers are skipped: those have targets of their own, or need poppler.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAuditText(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let data = Fuzz.data(bytes, size)
  guard !data.starts(with: [0x50, 0x4B]), !data.starts(with: Array("%PDF".utf8)) else { return 0 }
  Audited.read(data, name: "fuzz.txt")
  return 0
}
