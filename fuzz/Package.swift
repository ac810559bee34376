// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for yusuan's readers of untrusted input (issue 14). A package of its own, depending on the
/// main package by path, so that the main build, its tests and CI never see the fuzzing flags.
///
/// Build and run with `scripts/fuzz.sh` (it passes `-sanitize=fuzzer,address`); see the README's developer part.
/// Without those flags the targets do not link: `LLVMFuzzerRunDriver` comes from libFuzzer.
let fuzzers: [(name: String, uses: [String])] = [
  ("fuzz-amount", ["YusuanCore"]),
  ("fuzz-entry", ["YusuanCore", "Workbench"]),
  ("fuzz-csv", ["YusuanCore", "Workbench"]),
  ("fuzz-xlsx", ["YusuanCore", "Workbench", "Reading", "Audit", "Import"]),
  ("fuzz-docx", ["YusuanCore", "Reading", "Audit", "Import"]),
  ("fuzz-audit-text", ["YusuanCore", "Reading", "Audit", "Import"]),
]

let package = Package(
  name: "yusuan-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "yusuan", path: "..")],
  targets: [
    // The libFuzzer driver, the forms, an in-memory zip: what every target shares.
    .target(name: "FuzzSupport", dependencies: [.product(name: "YusuanCore", package: "yusuan"), .product(name: "Workbench", package: "yusuan"),
                                                .product(name: "Reading", package: "yusuan"), .product(name: "Audit", package: "yusuan"),
                                                .product(name: "Import", package: "yusuan")],
            path: "Sources/FuzzSupport"),
  ] + fuzzers.map { f in
    .executableTarget(name: f.name, dependencies: ["FuzzSupport"] + f.uses.map { .product(name: $0, package: "yusuan") }, path: "Sources/\(f.name)")
  },
  swiftLanguageModes: [.v6]
)
