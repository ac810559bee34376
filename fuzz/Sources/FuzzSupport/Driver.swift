import Foundation

/// libFuzzer's entry when the program has its own `main` (SwiftPM gives every executable one, so libFuzzer's own
/// `main` is never linked): it parses libFuzzer's flags and calls `callback` with each input.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

public enum FuzzDriver {
  /// Runs libFuzzer with this process's arguments on `testOneInput` (each target's `LLVMFuzzerTestOneInput`).
  public static func run(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
  }
}

public enum Fuzz {
  /// The input as bytes (libFuzzer may pass a null pointer with size 0).
  public static func data(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> Data {
    guard let bytes, size > 0 else { return Data() }
    return Data(bytes: bytes, count: size)
  }

  /// The input as text, invalid UTF-8 replaced (the readers under test get text that way, or refuse it earlier).
  public static func text(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> String {
    guard let bytes, size > 0 else { return "" }
    return String(decoding: UnsafeBufferPointer(start: bytes, count: size), as: UTF8.self)
  }

  /// A property that must hold for every input: a failure is a crash, so libFuzzer keeps the input.
  public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("fuzz property failed: " + message()) }
  }
}
