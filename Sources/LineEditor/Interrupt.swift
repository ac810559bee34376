import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C while reading: a SIGINT handler, installed only for the duration of one read.
///
/// The handler (in the C shim, because a handler may only set a `volatile sig_atomic_t`) is
/// installed without SA_RESTART, so the blocked `read` returns EINTR; the readers then ask
/// `isPending` to tell our Ctrl-C from other signals (SIGWINCH) and from end of input.
/// Outside a read the previous disposition is back, so Ctrl-C during a long computation
/// still stops the program as usual.
///
/// This is the only file that calls the shim's `yle_interrupt_*` functions: the flag is a static
/// inside static inline C functions, one copy per object file (see shim.h).
enum Interrupt {
  /// The disposition to restore. Only touched by `install`/`restore`, on the reading thread.
  nonisolated(unsafe) private static var previous = sigaction()

  static func install() {
    _ = yle_interrupt_install(&previous)
  }

  static func restore() {
    yle_interrupt_restore(&previous)
  }

  /// Whether Ctrl-C arrived since `install` (async-signal-safe read of the flag).
  static var isPending: Bool { yle_interrupt_pending() != 0 }
}
