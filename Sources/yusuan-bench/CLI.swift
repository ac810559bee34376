// yusuan-bench: the benchmark program (not timed tests). See docs/benchmarks.md.
//
//   yusuan-bench [all|latency|first-prompt|compile|bureau|scaling|audit|run] [--json FILE] [--yusuan PATH] [--work DIR]
//                [--runs N] [--entries N] [--process-runs N] [--sizes 10,100,1000] [--seed S] [--quick]
//   yusuan-bench generate DIR --count N [--defects K] [--defective M] [--corrupt C] [--seed S]
//   yusuan-bench bureau-worker check|compile DIR [OUT]     (in-process batch; used when the CLI has no folder mode)
import Foundation

enum BenchCLI {
  static func main() {
    let usage = """
      用法 / usage:
        yusuan-bench [all|latency|first-prompt|compile|bureau|scaling|audit|run] [--json FILE] [--yusuan PATH] [--work DIR]
                     [--runs N] [--entries N] [--process-runs N] [--sizes 10,100,1000] [--run-lines 1000,10000,30000]
                     [--seed S] [--quick]
        yusuan-bench generate DIR --count N [--defects K] [--defective M] [--corrupt C] [--seed S]
        yusuan-bench script [--lines N] [--projects N] [--econ N] [--defects K] [--seed S] [--index I]   (print one script)
        yusuan-bench script --script-lines N [--seed S]    (one consistent script of about N lines, e.g. 10000)
        yusuan-bench bureau-worker check|compile DIR [OUT]
      """

    func fail(_ message: String, code: Int32 = 2) -> Never {
      FileHandle.standardError.write(Data((message + "\n").utf8))
      exit(code)
    }

    var args = Array(CommandLine.arguments.dropFirst())
    var command = "all"
    if let first = args.first, !first.hasPrefix("--") { command = first; args.removeFirst() }
    var options = Options()
    var positional: [String] = []
    var count = 10, defects = 0, defective: Int? = nil, corrupt = 0
    var lines: Int? = nil, projects: Int? = nil, econ: Int? = nil, index = 0, scriptLines: Int? = nil
    var i = 0
    func value() -> String {
      i += 1
      guard i < args.count else { fail("缺少 \(args[i - 1]) 的值。\n" + usage) }
      return args[i]
    }
    func int(_ s: String) -> Int { guard let n = Int(s), n >= 0 else { fail("“\(s)”不是非负整数。") }; return n }
    while i < args.count {
      switch args[i] {
      case "--json": options.json = value()
      case "--yusuan": options.yusuan = value()
      case "--work": options.work = value()
      case "--runs": options.runs = Swift.max(1, int(value()))
      case "--entries": options.entries = Swift.max(10, int(value()))
      case "--process-runs": options.processRuns = Swift.max(1, int(value()))
      case "--sizes": options.sizes = value().split(separator: ",").map { int(String($0)) }.filter { $0 > 0 }
      case "--run-lines": options.runLines = value().split(separator: ",").map { int(String($0)) }.filter { $0 > 0 }
      case "--script-lines": scriptLines = int(value())
      case "--seed": options.seed = UInt64(int(value()))
      case "--quick": options.quick = true
      case "--count": count = int(value())
      case "--defects": defects = int(value())
      case "--defective": defective = int(value())
      case "--corrupt": corrupt = int(value())
      case "--lines": lines = int(value())
      case "--projects": projects = int(value())
      case "--econ": econ = int(value())
      case "--index": index = int(value())
      case "-h", "--help", "help": print(usage); exit(0)
      default:
        if args[i].hasPrefix("--") { fail("未知选项 \(args[i])。\n" + usage) }
        positional.append(args[i])
      }
      i += 1
    }
    if options.quick {
      options.runs = 1; options.entries = 100; options.processRuns = 5
      if !args.contains("--sizes") { options.sizes = [10, 100] }
      if !args.contains("--run-lines") { options.runLines = [1_000, 10_000] }
    }

    do {
      let bench = try Bench(options: options)
      switch command {
      case "generate":
        guard let dir = positional.first else { fail("generate 需要目录。\n" + usage) }
        let t0 = now()
        let m = try bench.generate(dir: dir, count: count, defects: defects, defective: defective, corrupt: corrupt)
        let withDefects = m.filter { !$0.defects.isEmpty }.count
        print(
          String(
            format: "wrote %d workbooks (%d with defects, %d corrupt) and their .ys scripts to %@ in %.1f s; manifest.json lists them",
            m.count - corrupt, withDefects, corrupt, dir, ms(now() - t0) / 1000))
      case "script":
        let d =
          scriptLines.map { bench.generator.generate(scriptLines: $0, seed: options.seed) }
          ?? bench.generator.generate(DepartmentSpec(seed: options.seed, index: index, lines: lines, economicCodes: econ, projects: projects, defects: defects))
        print(d.script, terminator: "")
      case "bureau-worker":
        guard positional.count >= 2 else { fail("bureau-worker check|compile DIR [OUT]") }
        exit(try bench.bureauWorker(mode: positional[0], dir: positional[1], out: positional.count > 2 ? positional[2] : nil))
      case "all", "latency", "first-prompt", "compile", "bureau", "scaling", "audit", "run":
        let want: (String) -> Bool = { command == "all" || command == $0 }
        func stage(_ name: String, _ body: () throws -> [String: Any]) {
          guard want(name) else { return }
          FileHandle.standardError.write(Data("== \(name)\n".utf8))
          let t0 = now()
          do { bench.results[name] = try body() } catch {
            bench.results[name] = ["error": "\(error)"]
            bench.row(name, "FAILED: \(error)".prefix(100).description, nil)
            FileHandle.standardError.write(Data("\(name) failed: \(error)\n".utf8))
          }
          FileHandle.standardError.write(Data(String(format: "   %.1f s\n", ms(now() - t0) / 1000).utf8))
        }
        stage("latency") { try bench.latency() }
        stage("first-prompt") { try bench.firstPrompt() }
        stage("compile") { try bench.compileOne() }
        stage("audit") { try bench.auditPDF() }
        stage("bureau") { try bench.bureau() }
        stage("scaling") { try bench.scaling(bureau: bench.results["bureau"] as? [String: Any]) }
        // `run` alone: only the run sizes of `scaling` (which `all` and `scaling` already include).
        if command == "run" { stage("run") { ["by_script_lines": try bench.runScaling()] } }
        bench.printTable()
        if let json = options.json {
          try bench.writeJSON(json)
          print("JSON: \(json)")
        }
      default:
        fail("未知命令 \(command)。\n" + usage)
      }
    } catch {
      fail("yusuan-bench: \(error)")
    }

  }
}
