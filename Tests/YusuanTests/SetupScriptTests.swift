import Foundation
import Testing

/// The README's first command on a machine that lacks a package: it stops at once and names the exact command to run,
/// in Chinese, instead of failing inside the build with nothing to read. The machine is simulated: a `dpkg` that knows
/// no libedit-dev and an `id` of an ordinary user come first on PATH, so nothing is installed and nothing is built.
@Suite struct SetupScriptTests {
  /// Runs scripts/demo.sh with `shims` (name → shell script) first on PATH.
  static func demo(_ shims: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let fake = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-fakebin-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: fake) }
    try FileManager.default.createDirectory(at: fake, withIntermediateDirectories: true)
    for (name, body) in shims {
      let url = fake.appendingPathComponent(name)
      try body.write(to: url, atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/bash")
    p.arguments = [TestSupport.repoRoot.appendingPathComponent("scripts/demo.sh").path]
    var env = ProcessInfo.processInfo.environment
    env["PATH"] = fake.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
    p.environment = env
    let out = Pipe(), err = Pipe()
    p.standardOutput = out; p.standardError = err
    try p.run()
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return (p.terminationStatus, stdout, stderr)
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "需要 bash"))
  func demoNamesTheMissingPackageAndStops() throws {
    let (status, stdout, stderr) = try Self.demo([
      "dpkg": "#!/bin/sh\n[ \"$2\" = libedit-dev ] && exit 1\nexit 0\n",
      "id": "#!/bin/sh\necho 1000\n",
      // Were the script to go on, it would build: a swift that says so makes the test fail loudly.
      "swift": "#!/bin/sh\necho SWIFT-RAN\nexit 0\n",
    ])
    #expect(status == 1)
    #expect(stderr.contains("缺少软件包：libedit-dev"), "\(stderr)")
    #expect(stderr.contains("请先运行：sudo apt-get install -y --no-install-recommends libedit-dev"), "\(stderr)")
    #expect(!stdout.contains("SWIFT-RAN"), "it went on to build")
  }

  /// A build that fails shows the compiler's own words, not only package resolution lines.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "需要 bash"))
  func demoShowsTheBuildError() throws {
    let (status, _, stderr) = try Self.demo([
      "dpkg": "#!/bin/sh\nexit 0\n",
      "swift": "#!/bin/sh\necho 'Sources/x.swift:1:1: error: cannot find type Foo in scope'\nexit 1\n",
    ])
    #expect(status == 1)
    #expect(stderr.contains("error: cannot find type Foo in scope") && stderr.contains("构建失败"), "\(stderr)")
  }
}
