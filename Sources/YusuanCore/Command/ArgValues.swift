/// The arguments of one parsed line, read by the command's `build` through its typed arguments; a refusal made
/// from them points at the word of the line that argument came from.
public struct ArgValues {
  var values: [String: ArgValue] = [:]
  var tokens: [String: Token] = [:]
  let reader: ArgReader

  init(reader: ArgReader) { self.reader = reader }

  public subscript<V>(arg: Arg<V>) -> V { arg.decode(values[arg.spec.id]) }

  /// A refusal of the line, pointing at `arg`'s word (or the end of the line), with the command's example.
  public func fail(_ message: String, at arg: (any AnyArg)? = nil) -> EntryError {
    reader.fail(message, at: arg.flatMap { tokens[$0.spec.id] })
  }

  mutating func set(_ spec: ArgSpec, _ value: ArgValue, at token: Token) {
    values[spec.id] = value
    tokens[spec.id] = token
  }
}
