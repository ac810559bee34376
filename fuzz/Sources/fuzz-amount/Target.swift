import FuzzSupport
import YusuanCore

/// The amount parser (every figure an officer types, imports or a script carries): never a crash, and an accepted
/// amount written back as a script writes it (`scriptText`) reads back as the same amount.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAmount(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = Fuzz.text(bytes, size)
  for unit in [MoneyUnit.wan, .yuan] {
    for negative in [false, true] {
      guard case .success(let a) = AmountParser.parse(text, defaultUnit: unit, allowNegative: negative) else { continue }
      Fuzz.require(negative || a.fen >= 0, "“\(text)” read as negative \(a.fen) with negatives refused")
      let again = AmountParser.parse(a.scriptText, defaultUnit: .wan, allowNegative: true)
      Fuzz.require(again == .success(a), "“\(text)” read as \(a.fen) fen, written as “\(a.scriptText)”, read back as \(again)")
    }
  }
  _ = AmountParser.normalizeWidth(text)
  return 0
}
