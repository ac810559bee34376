// swift-tools-version: 6.0
import PackageDescription

/// Section plugins live in `Plugins/` (runtime section plugins, not SwiftPM build plugins).
/// Each is an ordinary library target that depends only on the core.
let sectionPlugins: [(name: String, folder: String)] = [
  ("ProfileSection", "Profile"),
  ("RevenueSection", "Revenue"),
  ("ExpenditureSection", "Expenditure"),
  ("ThreePublicSection", "ThreePublic"),
  ("AssetsSection", "Assets"),
  ("ProcurementSection", "Procurement"),
  ("PerformanceSection", "Performance"),
  ("OtherMattersSection", "OtherMatters"),
  ("CrosscheckSection", "Crosscheck"),
]

let package = Package(
  name: "yusuan",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "yusuan", targets: ["yusuan"]),
    // For the fuzzing package in fuzz/, which depends on this one by path and can use only its products.
    .library(name: "YusuanCore", targets: ["YusuanCore"]),
    .library(name: "Workbench", targets: ["Workbench"]),
    .library(name: "Reading", targets: ["Reading"]),
    .library(name: "Audit", targets: ["Audit"]),
    .library(name: "Import", targets: ["Import"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // Core: money, catalogs, facts, diagnostics, the entry language, forms. No terminal I/O, no storage.
    .target(
      name: "YusuanCore",
      dependencies: [.product(name: "Yams", package: "Yams")],
      path: "Sources/YusuanCore"
    ),
    // Storage: one SQLite file per department-year, journaled entries.
    .target(
      name: "YusuanStore",
      dependencies: ["YusuanCore", .product(name: "GRDB", package: "GRDB.swift")],
      path: "Sources/YusuanStore"
    ),
    // Renderers: lay a PublishedDocument out as docx, xlsx, html, md, json (and pdf through LibreOffice).
    .systemLibrary(name: "CZlibDeflate", path: "Sources/CZlibDeflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .target(
      name: "Renderers",
      dependencies: ["YusuanCore", "CZlibDeflate"],
      path: "Sources/Renderers",
      exclude: ["README.md"]
    ),
  ] + sectionPlugins.map { plugin in
    .target(name: plugin.name, dependencies: ["YusuanCore"], path: "Plugins/\(plugin.folder)")
  } + [
    // Reading: a published 部门预算公开 document (text, docx, xlsx, pdf) as paragraphs and tables of cells.
    .target(
      name: "Reading",
      dependencies: ["YusuanCore", "CZlibDeflate"],
      path: "Sources/Reading"
    ),
    // Audit: checks a document as read, as a careful reviewer would.
    .target(
      name: "Audit",
      dependencies: ["YusuanCore", "Reading"],
      path: "Sources/Audit"
    ),
    // Import: a document as read, turned into entry lines (last year's figures, or this year's) by the sections that
    // own its tables (the registry, in Workbench), every figure accounted for.
    .target(
      name: "Import",
      dependencies: ["YusuanCore", "Reading", "Workbench"],
      path: "Sources/Import"
    ),
    // The pipeline: the ordered plugin registry, entry application, checking, publishing (compile and write the files).
    .target(
      name: "Workbench",
      dependencies: ["YusuanCore", "YusuanStore", "Renderers", .product(name: "Yams", package: "Yams")] + sectionPlugins.map { .target(name: $0.name) },
      path: "Sources/Workbench"
    ),
    // The guided walk (the REPL's state machine), driven by any input source, so it is tested in process.
    .target(
      name: "Walk",
      dependencies: ["Workbench", "YusuanCore", "YusuanStore"],
      path: "Sources/Walk"
    ),
    // libedit, through a small shim header (see PLATFORM-NOTES: globals via inline accessors, wcwidth declared).
    .systemLibrary(name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    // A line editor for the REPL: history, completion, CJK-aware; plain lines when stdin is not a terminal.
    .target(name: "LineEditor", dependencies: ["CEditLine"], path: "Sources/LineEditor", exclude: ["README.md"]),
    // The thin command line.
    .executableTarget(
      name: "yusuan",
      dependencies: ["Workbench", "Walk", "YusuanCore", "YusuanStore", "Renderers", "LineEditor", "Reading", "Audit", "Import",
                     .product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Sources/yusuan"
    ),
    // Benchmarks: a program, not timed tests (see docs/benchmarks.md).
    .executableTarget(
      name: "yusuan-bench",
      dependencies: ["Workbench", "YusuanCore", "YusuanStore", "Renderers"],
      path: "Sources/yusuan-bench"
    ),
    .testTarget(
      name: "YusuanTests",
      dependencies: ["Workbench", "Walk", "YusuanCore", "YusuanStore", "Renderers", "LineEditor", "Reading", "Audit", "Import", "yusuan",
                     .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "GRDB", package: "GRDB.swift")],
      path: "Tests/YusuanTests"
    ),
  ],
  swiftLanguageModes: [.v6]
)
