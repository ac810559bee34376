// The benchmarks. Each returns a JSON-able dictionary and adds rows to the printed table.
import Foundation
import Renderers
import Workbench
import YusuanCore
import YusuanStore

struct Options {
  var json: String? = nil
  var yusuan: String? = nil
  var work = "out/bench-work"
  var runs = 3
  var entries = 500
  var processRuns = 15
  var sizes = [10, 100, 1000]
  /// Script lines of the `run` sizes in `scaling`.
  var runLines = [1_000, 10_000, 30_000]
  var seed: UInt64 = 2025
  var quick = false
}

/// One printed row.
struct Row {
  var benchmark: String
  var metric: String
  var median: String
  var p99: String
  var target: String
  var verdict: String
}

final class Bench {
  let forms: FormsLibrary
  let generator: DepartmentGenerator
  var options: Options
  var rows: [Row] = []
  var results: [String: Any] = [:]
  let editionID = "anhui-2024"

  init(options: Options) throws {
    self.options = options
    forms = try FormsLibrary.locate()
    let edition = try forms.edition(editionID)
    generator = DepartmentGenerator(codes: GeneratorCatalog(catalog: try forms.catalog(edition.catalog)))
    try FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)
  }

  // MARK: helpers

  /// The `yusuan` binary: --yusuan, else next to this program, else .build/release/yusuan.
  lazy var yusuan: String = {
    if let y = options.yusuan { return absolute(y) }
    if let dir = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
      let p = dir.appendingPathComponent("yusuan").path
      if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return absolute(".build/release/yusuan")
  }()

  lazy var selfPath: String = Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? CommandLine.arguments[0]

  func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : FileManager.default.currentDirectoryPath + "/" + p }

  func row(_ benchmark: String, _ metric: String, _ median: Double?, _ p99: Double? = nil, unit: String = "ms", target: String = "", met: Bool? = nil) {
    func f(_ x: Double?) -> String {
      guard let x else { return "—" }
      return unit == "ms"
        ? String(format: x < 10 ? "%.2f ms" : "%.0f ms", x)
        : unit == "s"
          ? String(format: "%.2f s", x)
          : unit == "MB" ? String(format: "%.0f MB", x) : String(format: "%.2f%@", x, unit)
    }
    rows.append(Row(benchmark: benchmark, metric: metric, median: f(median), p99: f(p99), target: target, verdict: met.map { $0 ? "met" : "MISSED" } ?? ""))
  }

  /// Creates a workbook from a generated department (removing an old file of the same name).
  @discardableResult
  func makeWorkbook(_ d: GeneratedDepartment, at path: String) throws -> Workbench {
    for suffix in ["", "-wal", "-shm", "-journal", ".history"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let wb = try Workbench.create(path: path, department: d.name, year: d.year, editionID: editionID, forms: forms)
    let lines = d.entryLines.enumerated().map { Workbench.SourcedLine(text: $0.element, file: "generated.ys", line: $0.offset + 1) }
    do { try wb.apply(lines, source: .script) } catch let e as ApplyError {
      throw BenchFailure("generated script refused:\n" + e.errors.prefix(5).map(\.rendered).joined(separator: "\n"))
    }
    return wb
  }

  func largest(seed: UInt64? = nil) -> GeneratedDepartment {
    generator.generate(DepartmentSpec(seed: seed ?? options.seed, index: 0, lines: 300, economicCodes: 40, projects: 80))
  }

  func typical(seed: UInt64? = nil) -> GeneratedDepartment {
    generator.generate(DepartmentSpec(seed: seed ?? options.seed, index: 1, lines: 120, economicCodes: 28, projects: 25))
  }

  // MARK: generate

  struct ManifestEntry: Codable {
    var file: String
    var department: String
    var lines: Int
    var economicCodes: Int
    var projects: Int
    var entries: Int
    var corrupt: Bool
    var defects: [Defect]
  }

  /// `generate DIR --count N [--defects K] [--defective M] [--corrupt C]`: N workbooks and their scripts; the first
  /// M (default: all when K > 0) carry K defects each; C extra files named like workbooks are corrupt.
  func generate(dir: String, count: Int, defects: Int, defective: Int?, corrupt: Int, sizes: ClosedRange<Int>? = nil) throws -> [ManifestEntry] {
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let withDefects = defects > 0 ? (defective ?? count) : 0
    let seed = options.seed
    let results = Locked([ManifestEntry?](repeating: nil, count: count))
    let errors = Locked([String]())
    let forms = self.forms, generator = self.generator, editionID = self.editionID
    DispatchQueue.concurrentPerform(iterations: count) { i in
      // Spread the defective workbooks through the folder rather than all at the start.
      let defective = withDefects > 0 && (i * withDefects / count) != ((i + 1) * withDefects / count)
      var spec = DepartmentSpec(seed: seed, index: i, defects: defective ? defects : 0)
      if let sizes { spec.lines = (sizes.lowerBound + i * 7919 % (sizes.upperBound - sizes.lowerBound + 1)) }
      let d = generator.generate(spec)
      let base = String(format: "dept-%04d", i + 1)
      let path = dir + "/" + base + ".yusuan"
      do {
        try d.script.write(toFile: dir + "/" + base + ".ys", atomically: true, encoding: .utf8)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let wb = try Workbench.create(path: path, department: d.name, year: d.year, editionID: editionID, forms: forms)
        let lines = d.entryLines.enumerated().map { Workbench.SourcedLine(text: $0.element, file: base + ".ys", line: $0.offset + 1) }
        try wb.apply(lines, source: .script)
        results.with {
          $0[i] = ManifestEntry(
            file: base + ".yusuan", department: d.name, lines: d.lineCount, economicCodes: d.economicCodeCount,
            projects: d.projectCount, entries: d.scriptLines, corrupt: false, defects: d.defects)
        }
      } catch let e as ApplyError {
        errors.with { $0.append("\(base): " + e.errors.prefix(3).map(\.rendered).joined(separator: "\n")) }
      } catch {
        errors.with { $0.append("\(base): \(error)") }
      }
    }
    let errs = errors.with { $0 }
    if !errs.isEmpty { throw BenchFailure("generation failed:\n" + errs.prefix(5).joined(separator: "\n")) }
    var manifest = results.with { $0.compactMap { $0 } }
    var rng = SplitMix64(seed: seed ^ 0xC0FFEE)
    for c in 0..<corrupt {
      let base = String(format: "corrupt-%02d", c + 1)
      let path = dir + "/" + base + ".yusuan"
      // Three kinds of broken file: random bytes, an empty file, a truncated copy of a real workbook.
      switch c % 3 {
      case 0: try Data((0..<4096).map { _ in UInt8(truncatingIfNeeded: rng.next()) }).write(to: URL(fileURLWithPath: path))
      case 1: try Data().write(to: URL(fileURLWithPath: path))
      default:
        let src = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + manifest[0].file))
        try src.prefix(Swift.max(100, src.count / 3)).write(to: URL(fileURLWithPath: path))
      }
      manifest.append(ManifestEntry(file: base + ".yusuan", department: "", lines: 0, economicCodes: 0, projects: 0, entries: 0, corrupt: true, defects: []))
    }
    let enc = JSONEncoder()
    enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    try enc.encode(manifest).write(to: URL(fileURLWithPath: dir + "/manifest.json"))
    return manifest
  }

  // MARK: latency

  /// A line of the department's script, possibly with its amount changed (a correction, as an officer types it).
  func entries(from d: GeneratedDepartment, count: Int, seed: UInt64) -> [String] {
    let pool = d.entryLines.filter { l in ["支出 ", "经济 ", "项目 ", "三公 ", "指标 ", "原因 ", "绩效 ", "收入 "].contains { l.hasPrefix($0) } }
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      let l = rng.pick(pool)
      var t = l.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
      let amountAt = l.hasPrefix("支出 ") ? 3 : l.hasPrefix("经济 ") ? 2 : -1
      if amountAt > 0, rng.chance(70) { t[amountAt] = rng.int(100...30000).wan }
      return t.joined(separator: " ")
    }
  }

  func latency(lines: Int = 300, entriesPerRun: Int? = nil, runs: Int? = nil, record: Bool = true) throws -> [String: Any] {
    let n = entriesPerRun ?? options.entries, r = runs ?? options.runs
    var totals: [Double] = [], applies: [Double] = [], checks: [Double] = [], parses: [Double] = []
    var perRun: [[String: Double]] = []
    let d =
      lines == 300
      ? largest()
      : generator.generate(
        DepartmentSpec(
          seed: options.seed, index: 2, lines: lines,
          economicCodes: 15 + (lines * 25) / 300, projects: Swift.max(5, lines * 80 / 300)))
    for run in 0..<r {
      let path = options.work + "/latency-\(lines).yusuan"
      let wb = try makeWorkbook(d, at: path)
      let baseline = wb.check()
      var runTotals: [Double] = []
      for (i, text) in entries(from: d, count: n, seed: options.seed &+ UInt64(run)).enumerated() {
        let p0 = now()
        _ = try? EntryParser.edits(for: text, context: wb.context)
        let t0 = now()
        try wb.apply([Workbench.SourcedLine(text: text, file: "bench", line: i + 1)], source: .repl)
        let t1 = now()
        let findings = wb.check()
        let t2 = now()
        precondition(findings.count >= 0)
        parses.append(ms(t0 - p0)); applies.append(ms(t1 - t0)); checks.append(ms(t2 - t1))
        totals.append(ms(t2 - t0)); runTotals.append(ms(t2 - t0))
      }
      let s = Stats(runTotals)
      perRun.append(["median": s.median, "p99": s.p99])
      if run == 0 && baseline.errorCount > 0 {
        FileHandle.standardError.write(Data("note: latency workbook has \(baseline.errorCount) errors before the run\n".utf8))
      }
    }
    let total = Stats(totals), apply = Stats(applies), check = Stats(checks), parse = Stats(parses)
    let p99OfRuns = median(perRun.map { $0["p99"]! })
    if record {
      row("latency (\(lines) lines)", "apply 1 entry + check, \(r)×\(n)", total.median, p99OfRuns, target: "p99 < 5 ms", met: p99OfRuns < 5)
      row("", "  of which apply (parse+commit)", apply.median, apply.p99)
      row("", "    of which parse", parse.median, parse.p99)
      row("", "  of which check()", check.median, check.p99)
    }
    return [
      "lines": lines, "entries_per_run": n, "runs": r, "total": enc(total), "apply": enc(apply), "check": enc(check), "parse": enc(parse),
      "per_run": perRun, "p99_median_of_runs_ms": p99OfRuns, "target_p99_ms": 5, "met": p99OfRuns < 5,
    ]
  }

  // MARK: first prompt

  func firstPrompt() throws -> [String: Any] {
    let path = options.work + "/repl-300.yusuan"
    try makeWorkbook(largest(), at: path)
    let empty = options.work + "/repl-empty.yusuan"
    for suffix in ["", "-wal", "-shm", ".history"] { try? FileManager.default.removeItem(atPath: empty + suffix) }
    _ = try Workbench.create(path: empty, department: "空白部门", year: 2025, editionID: editionID, forms: forms)
    var samples: [Double] = [], emptySamples: [Double] = [], helpSamples: [Double] = []
    var lastOutput = ""
    // Warm the page cache once (not counted).
    _ = try? timeToMarker([yusuan, "repl", path], marker: "【")
    for _ in 0..<options.processRuns {
      let r = try timeToMarker([yusuan, "repl", path], marker: "【")
      samples.append(r.ms); lastOutput = r.output
      emptySamples.append(try timeToMarker([yusuan, "repl", empty], marker: "【").ms)
      helpSamples.append(try runChild([yusuan, "--help"]).wallMs)
    }
    let s = Stats(samples), e = Stats(emptySamples), h = Stats(helpSamples)
    row("first prompt (pty)", "yusuan repl W (300 lines) → “【”", s.median, s.p99, target: "< 150 ms", met: s.median < 150)
    row("", "  same, empty workbook", e.median, e.p99)
    row("", "  floor: yusuan --help (process start)", h.median, h.p99)
    try? lastOutput.write(toFile: options.work + "/first-prompt-screen.txt", atomically: true, encoding: .utf8)
    return [
      "method": "posix_openpt pseudo-terminal, posix_spawn with setsid, poll the master until the first “【” (prompt) arrives",
      "runs": options.processRuns, "workbook_300": enc(s), "workbook_empty": enc(e), "yusuan_help": enc(h), "target_ms": 150, "met": s.median < 150,
    ]
  }

  // MARK: audit of a published PDF

  /// `yusuan audit` of a real 20–30 page PDF (the 26-page Shanghai 部门预算 in ../shared/corpus when present, else
  /// the synthetic Shanghai-layout fixture converted by LibreOffice), whole process; and the two poppler tools it
  /// runs at once, alone, to show their share.
  func auditPDF() throws -> [String: Any] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var pdf = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/shanghai-putuo-shangwuwei-2025-dept.pdf").path
    if !FileManager.default.fileExists(atPath: pdf) {
      pdf = try PDFConverter.convert(
        root.appendingPathComponent("Tests/Fixtures/pdf/shanghai-layout.xlsx"), outputDirectory: URL(fileURLWithPath: options.work)
      ).path
    }
    var whole: [Double] = [], tools: [Double] = []
    // The tools as audit runs them: pdftotext, then pdftocairo on two halves at once (pages of one size here).
    _ = try runChild(["/bin/sh", "-c", "pdfinfo '\(pdf)' > \(options.work)/pdfinfo.txt"])
    let pagesLine = ((try? String(contentsOfFile: options.work + "/pdfinfo.txt", encoding: .utf8)) ?? "").split(separator: "\n").first {
      $0.hasPrefix("Pages:")
    }
    let pages = pagesLine.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 1
    let half = max(1, (pages + 1) / 2)
    let script =
      "pdftotext -bbox-layout -enc UTF-8 '\(pdf)' \(options.work)/w.html && "
      + "{ pdftocairo -svg -f 1 -l \(half) '\(pdf)' \(options.work)/r1.svg & "
      + (pages > half ? "pdftocairo -svg -f \(half + 1) -l \(pages) '\(pdf)' \(options.work)/r2.svg & " : "") + "wait; }"
    _ = try runChild([yusuan, "audit", pdf])  // warm-up
    for _ in 0..<options.processRuns {
      let r = try runChild([yusuan, "audit", pdf], stderr: options.work + "/audit.err")
      guard r.status <= 1 else { throw BenchFailure("yusuan audit exited \(r.status)") }
      whole.append(r.wallMs)
      tools.append(try runChild(["/bin/sh", "-c", script]).wallMs)
    }
    let w = Stats(whole), t = Stats(tools)
    row("audit PDF", "yusuan audit \(URL(fileURLWithPath: pdf).lastPathComponent)", w.median, w.p99, target: "< 1000 ms", met: w.median < 1000)
    row("", "  of which poppler (pdftotext, then pdftocairo ×2)", t.median, t.p99)
    return [
      "pdf": pdf, "runs": options.processRuns, "whole": enc(w), "poppler_tools": enc(t),
      "tools_share": w.median > 0 ? t.median / w.median : 0, "target_ms": 1000, "met": w.median < 1000,
    ]
  }

  // MARK: compile, one department

  static let formats = "docx,xlsx,html,md,json"

  func compileOne() throws -> [String: Any] {
    var out: [String: Any] = ["formats": Self.formats, "runs": options.processRuns]
    var maxMet = true
    for (label, d) in [("typical", typical()), ("largest", largest())] {
      let path = options.work + "/compile-\(label).yusuan"
      let wb = try makeWorkbook(d, at: path)
      let findings = wb.check()
      if findings.errorCount > 0 {
        throw BenchFailure("\(label) department has \(findings.errorCount) errors: \(findings.filter { $0.severity == .error }.prefix(3).map(\.message))")
      }
      let dir = options.work + "/compile-\(label)-out"
      var whole: [Double] = [], rss: [Double] = [], checkProc: [Double] = []
      _ = try runChild([yusuan, "compile", path, "--out", dir, "--format", Self.formats])  // warm-up
      for _ in 0..<options.processRuns {
        let r = try runChild([yusuan, "compile", path, "--out", dir, "--format", Self.formats], stderr: options.work + "/compile.err")
        guard r.status == 0 else {
          throw BenchFailure("yusuan compile exited \(r.status): " + ((try? String(contentsOfFile: options.work + "/compile.err", encoding: .utf8)) ?? ""))
        }
        whole.append(r.wallMs); rss.append(Double(r.maxRSSKB) / 1024)
        checkProc.append(try runChild([yusuan, "check", path]).wallMs)
      }
      // In-process breakdown.
      var open: [Double] = [], check: [Double] = [], doc: [Double] = []
      var render: [String: [Double]] = [:], write: [Double] = []
      for _ in 0..<options.processRuns {
        let t0 = now()
        let w = try Workbench.open(path: path, forms: forms, readonly: true)
        let t1 = now()
        _ = w.check()
        let t2 = now()
        let document = try w.compile(draft: false)
        let t3 = now()
        open.append(ms(t1 - t0)); check.append(ms(t2 - t1)); doc.append(ms(t3 - t2))
        for f in OutputFormat.allCases {
          let a = now()
          let data = try f.render(document)
          let b = now()
          render[f.rawValue, default: []].append(ms(b - a))
          let c = now()
          try data.write(to: URL(fileURLWithPath: dir + "/bench." + f.fileExtension))
          write.append(ms(now() - c))
        }
      }
      let s = Stats(whole)
      let met = s.median < 150
      if label == "largest" { maxMet = met }
      row("compile (\(label): \(d.lineCount) lines, \(d.projectCount) proj.)", "whole process, 5 formats", s.median, s.p99, target: "< 150 ms", met: met)
      row("", "  yusuan check W (whole process)", median(checkProc), Stats(checkProc).p99)
      row("", "  in-process: open", median(open)); row("", "  in-process: check()", median(check)); row("", "  in-process: compile(draft:)", median(doc))
      for f in OutputFormat.allCases { row("", "  in-process: render \(f.rawValue)", median(render[f.rawValue]!)) }
      row("", "  peak RSS", median(rss), unit: "MB")
      out[label] = [
        "lines": d.lineCount, "projects": d.projectCount, "economic_codes": d.economicCodeCount, "whole_process": enc(s),
        "check_whole_process": enc(Stats(checkProc)), "peak_rss_mb": median(rss),
        "in_process_ms": ["open": median(open), "check": median(check), "compile_document": median(doc), "write_files": median(write) * 5]
          .merging(render.mapValues { median($0) }.map { ("render_" + $0.key, $0.value) }, uniquingKeysWith: { a, _ in a }),
        "met": met,
      ]
    }
    out["target_ms"] = 150
    out["met"] = maxMet
    return out
  }

  // MARK: bureau

  /// Generates (once, cached by a stamp) the 1000-department folder and copies of its first 10 and 100.
  func bureauFolders() throws -> [Int: String] {
    let maxSize = options.sizes.max() ?? 1000
    let root = options.work + "/bureau"
    let all = root + "/n\(maxSize)"
    let stamp = all + "/.stamp"
    let want = "seed=\(options.seed) count=\(maxSize) generator=1"
    if (try? String(contentsOfFile: stamp, encoding: .utf8)) != want {
      try? FileManager.default.removeItem(atPath: all)
      let t0 = now()
      _ = try generate(dir: all, count: maxSize, defects: 0, defective: nil, corrupt: 0)
      FileHandle.standardError.write(Data(String(format: "generated %d workbooks in %.1f s\n", maxSize, ms(now() - t0) / 1000).utf8))
      try want.write(toFile: stamp, atomically: true, encoding: .utf8)
    }
    var dirs: [Int: String] = [maxSize: all]
    for n in options.sizes where n != maxSize {
      let d = root + "/n\(n)"
      try? FileManager.default.removeItem(atPath: d)
      try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
      for i in 0..<n {
        let base = String(format: "dept-%04d", i + 1)
        try FileManager.default.copyItem(atPath: all + "/" + base + ".yusuan", toPath: d + "/" + base + ".yusuan")
      }
      dirs[n] = d
    }
    return dirs
  }

  /// Whether `yusuan check DIR` is a folder mode (exit 0/1) rather than a usage/input error (2).
  func cliHasFolderMode(_ dir: String) -> Bool {
    guard let r = try? runChild([yusuan, "check", dir]) else { return false }
    return r.status == 0 || r.status == 1
  }

  func bureau() throws -> [String: Any] {
    let dirs = try bureauFolders()
    let folderMode = cliHasFolderMode(dirs[options.sizes.min()!]!)
    var out: [String: Any] = [
      "mode": folderMode
        ? "cli: yusuan check DIR / yusuan compile DIR --out OUT --format \(Self.formats)"
        : "in-process fallback: yusuan-bench bureau-worker (Workbench open/check/compile/render per workbook, DispatchQueue.concurrentPerform over the cores), as a child process",
      "cores": ProcessInfo.processInfo.activeProcessorCount,
    ]
    var sizes: [[String: Any]] = []
    for n in options.sizes.sorted() {
      let dir = dirs[n]!
      let outDir = options.work + "/bureau/out-\(n)"
      let runs = n >= 1000 ? Swift.max(1, Swift.min(options.runs, 3)) : options.runs
      var checkWall: [Double] = [], checkRSS: [Double] = [], compileWall: [Double] = [], compileRSS: [Double] = []
      for _ in 0..<runs {
        try? FileManager.default.removeItem(atPath: outDir)
        let checkArgs = folderMode ? [yusuan, "check", dir] : [selfPath, "bureau-worker", "check", dir]
        let compileArgs =
          folderMode
          ? [yusuan, "compile", dir, "--out", outDir, "--format", Self.formats]
          : [selfPath, "bureau-worker", "compile", dir, outDir]
        let c = try runChild(checkArgs, stdout: options.work + "/bureau-check.out", stderr: options.work + "/bureau-check.err")
        guard c.status <= 1 else { throw BenchFailure("bureau check exited \(c.status); see \(options.work)/bureau-check.err") }
        checkWall.append(c.wallMs); checkRSS.append(Double(c.maxRSSKB) / 1024)
        let p = try runChild(compileArgs, stdout: options.work + "/bureau-compile.out", stderr: options.work + "/bureau-compile.err")
        guard p.status <= 1 else { throw BenchFailure("bureau compile exited \(p.status); see \(options.work)/bureau-compile.err") }
        compileWall.append(p.wallMs); compileRSS.append(Double(p.maxRSSKB) / 1024)
      }
      let cs = Stats(checkWall), ps = Stats(compileWall)
      let total = cs.median + ps.median
      let rss = Swift.max(checkRSS.max() ?? 0, compileRSS.max() ?? 0)
      let isTarget = n == 1000
      row("bureau \(n) departments", "check DIR (wall)", cs.median / 1000, unit: "s")
      row("", "compile DIR → 5 formats (wall)", ps.median / 1000, unit: "s")
      row("", "check + compile", total / 1000, unit: "s", target: isTarget ? "< 20 s" : "", met: isTarget ? total < 20_000 : nil)
      row("", "peak RSS (max of runs)", rss, unit: "MB", target: isTarget ? "< 150 MB" : "", met: isTarget ? rss < 150 : nil)
      sizes.append([
        "departments": n, "runs": runs, "check_wall": enc(cs), "compile_wall": enc(ps), "check_plus_compile_ms": total,
        "check_peak_rss_mb": checkRSS.max() ?? 0, "compile_peak_rss_mb": compileRSS.max() ?? 0,
        "per_department_ms": total / Double(n),
      ])
      if isTarget { out["met_time"] = total < 20_000; out["met_rss"] = rss < 150 }
    }
    out["sizes"] = sizes
    out["targets"] = ["time_s_for_1000": 20, "peak_rss_mb": 150]
    return out
  }

  /// In-process batch over a folder: the fallback for `yusuan check DIR` / `yusuan compile DIR`.
  func bureauWorker(mode: String, dir: String, out: String?) throws -> Int32 {
    let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".yusuan") }.sorted()
    let forms = self.forms
    let tally = Locked((ok: 0, errors: 0, unreadable: 0, findings: 0))
    if let out { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      do {
        let wb = try Workbench.open(path: dir + "/" + files[i], forms: forms, readonly: true)
        let findings = wb.check()
        if findings.errorCount > 0 {
          tally.with {
            $0.errors += 1; $0.findings += findings.count
          }; return
        }
        if mode == "compile", let out {
          let d = URL(fileURLWithPath: out + "/" + String(files[i].dropLast(7)), isDirectory: true)
          _ = try wb.publish(to: d, formats: Set(PublishFormat.allCases).subtracting([.pdf, .datapackage]), draft: false, findings: findings)
        }
        tally.with {
          $0.ok += 1; $0.findings += findings.count
        }
      } catch {
        tally.with { $0.unreadable += 1 }
      }
    }
    let t = tally.with { $0 }
    print(
      "\(files.count) workbooks: \(t.ok) ok, \(t.errors) with errors, \(t.unreadable) unreadable, \(t.findings) findings; peak RSS \(selfPeakRSSKB() / 1024) MB"
    )
    return t.errors > 0 || t.unreadable > 0 ? 1 : 0
  }

  // MARK: scaling

  func scaling(bureau: [String: Any]?) throws -> [String: Any] {
    var byLines: [[String: Any]] = []
    let steps = [20, 50, 100, 200, 300]
    var base: (lat: Double, check: Double, compile: Double)? = nil
    let reps = options.quick ? 5 : 15
    for l in steps {
      let d = generator.generate(
        DepartmentSpec(seed: options.seed, index: 3, lines: l, economicCodes: 15 + (l * 25) / 300, projects: Swift.max(5, l * 80 / 300)))
      let path = options.work + "/scaling-\(l).yusuan"
      try makeWorkbook(d, at: path)
      let lat = try latency(lines: l, entriesPerRun: options.quick ? 100 : 200, runs: 1, record: false)
      let latMedian = (lat["total"] as! [String: Double])["median"]!
      var checks: [Double] = [], compiles: [Double] = []
      let wb = try Workbench.open(path: path, forms: forms, readonly: true)
      for _ in 0..<reps {
        let t0 = now(); _ = wb.check(); let t1 = now()
        let doc = try wb.compile(draft: false)
        for f in OutputFormat.allCases { _ = try f.render(doc) }
        let t2 = now()
        checks.append(ms(t1 - t0)); compiles.append(ms(t2 - t1))
      }
      let c = median(checks), p = median(compiles)
      if base == nil { base = (latMedian, c, p) }
      let linear = Double(l) / Double(steps[0])
      byLines.append([
        "lines": l, "projects": d.projectCount, "economic_codes": d.economicCodeCount, "entries": d.scriptLines,
        "latency_median_ms": latMedian, "check_ms": c, "compile_render_ms": p,
        "ratio_latency": latMedian / base!.lat, "ratio_check": c / base!.check, "ratio_compile": p / base!.compile, "ratio_linear": linear,
      ])
      row(
        "scaling \(l) lines (\(d.scriptLines) entries)", String(format: "lat %.2f / check %.2f / compile %.1f ms", latMedian, c, p), nil,
        target: String(format: "×%.1f/×%.1f/×%.1f vs linear ×%.1f", latMedian / base!.lat, c / base!.check, p / base!.compile, linear))
    }
    let byScriptLines = try runScaling()
    var byDepartments: [[String: Any]] = []
    if let sizes = bureau?["sizes"] as? [[String: Any]], let first = sizes.first {
      let n0 = Double(first["departments"] as! Int)
      let c0 = (first["check_wall"] as! [String: Double])["median"]!, p0 = (first["compile_wall"] as! [String: Double])["median"]!
      for s in sizes {
        let n = Double(s["departments"] as! Int)
        let c = (s["check_wall"] as! [String: Double])["median"]!, p = (s["compile_wall"] as! [String: Double])["median"]!
        byDepartments.append([
          "departments": Int(n), "check_ms": c, "compile_ms": p, "ratio_check": c / c0, "ratio_compile": p / p0, "ratio_linear": n / n0,
          "check_per_department_ms": c / n, "compile_per_department_ms": p / n,
        ])
        row(
          "scaling \(Int(n)) departments", String(format: "check %.2f s / compile %.2f s", c / 1000, p / 1000), nil,
          target: String(format: "×%.1f/×%.1f vs linear ×%.0f", c / c0, p / p0, n / n0))
      }
    }
    return ["by_lines": byLines, "by_script_lines": byScriptLines, "by_departments": byDepartments]
  }

  /// `yusuan run` of one generated script of about 1,000, 10,000 and 30,000 lines (a department's whole year in one
  /// file, and far past it), whole process on a fresh workbook, as a ratio to the smallest next to the linear
  /// ratio; in process, `Workbench.apply` (parse, apply in memory, one durable commit) and the `check()` after it.
  /// Issue 14 item 18: 10,000 lines took 3 s and 30,000 took 34 s before `run` was made linear.
  func runScaling() throws -> [[String: Any]] {
    let sizes = options.runLines
    let reps = options.quick ? 1 : options.runs
    var out: [[String: Any]] = []
    var base: (lines: Int, ms: Double)? = nil
    for target in sizes {
      let d = generator.generate(scriptLines: target, seed: options.seed)
      let lines = d.entryLines.count
      let script = options.work + "/run-\(target).ys"
      try d.script.write(toFile: script, atomically: true, encoding: .utf8)
      let path = options.work + "/run-\(target).yusuan"
      var whole: [Double] = [], cpu: [Double] = [], rss: [Double] = [], applies: [Double] = [], checks: [Double] = []
      for _ in 0..<reps {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let n = try runChild([yusuan, "new", path, "--department", d.name, "--year", String(d.year), "--edition", editionID])
        guard n.status == 0 else { throw BenchFailure("yusuan new exited \(n.status)") }
        let r = try runChild([yusuan, "run", path, script], stderr: options.work + "/run.err")
        guard r.status == 0 else {
          throw BenchFailure("yusuan run exited \(r.status): " + ((try? String(contentsOfFile: options.work + "/run.err", encoding: .utf8)) ?? ""))
        }
        whole.append(r.wallMs); cpu.append(r.userMs + r.sysMs); rss.append(Double(r.maxRSSKB) / 1024)
        // In process: the same script applied to a fresh workbook, then checked.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let wb = try Workbench.create(path: path, department: d.name, year: d.year, editionID: editionID, forms: forms)
        let sourced = d.entryLines.enumerated().map { Workbench.SourcedLine(text: $0.element, file: "run.ys", line: $0.offset + 1) }
        let t0 = now()
        try wb.apply(sourced, source: .script)
        let t1 = now()
        _ = wb.check()
        applies.append(ms(t1 - t0)); checks.append(ms(now() - t1))
      }
      // CPU time (user + system) is the steadier figure on a shared machine; the ratio is of it.
      let w = median(cpu)
      if base == nil { base = (lines, w) }
      let linear = Double(lines) / Double(base!.lines)
      out.append([
        "target_lines": target, "script_lines": lines, "entries": d.scriptLines, "runs": reps, "run_whole_process": enc(Stats(whole)),
        "run_cpu_ms": enc(Stats(cpu)),
        "apply_in_process_ms": median(applies), "check_in_process_ms": median(checks), "peak_rss_mb": median(rss),
        "ratio_cpu": w / base!.ms, "ratio_linear": linear, "cpu_per_thousand_lines_ms": w / Double(lines) * 1000,
      ])
      row(
        "scaling run \(lines) lines",
        String(
          format: "wall %.2f s, CPU %.2f s (in process: apply %.2f s, check %.0f ms), %.0f MB",
          median(whole) / 1000, w / 1000, median(applies) / 1000, median(checks), median(rss)),
        nil, target: String(format: "×%.1f vs linear ×%.1f", w / base!.ms, linear))
    }
    return out
  }

  func enc(_ s: Stats) -> [String: Double] { ["n": Double(s.n), "median": s.median, "p99": s.p99, "min": s.min, "max": s.max, "mean": s.mean] }

  // MARK: output

  func printTable() {
    let headers = ["benchmark", "metric", "median", "p99", "target", ""]
    let cells = rows.map { [$0.benchmark, $0.metric, $0.median, $0.p99, $0.target, $0.verdict] }
    let widths = headers.indices.map { c in ([headers[c]] + cells.map { $0[c] }).map(DisplayWidth.of).max() ?? 0 }
    func line(_ r: [String]) -> String {
      r.enumerated().map { c, s in s + String(repeating: " ", count: widths[c] - DisplayWidth.of(s)) }.joined(separator: "  ")
    }
    print(line(headers))
    print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    for r in cells { print(line(r)) }
  }

  func machine() -> [String: Any] {
    var m: [String: Any] = ["cores": ProcessInfo.processInfo.activeProcessorCount, "memory_mb": ProcessInfo.processInfo.physicalMemory / 1_048_576]
    if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let model = cpu.split(separator: "\n").first(where: { $0.hasPrefix("model name") })
    {
      m["cpu"] = model.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }
    if let os = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
      let pretty = os.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") })
    {
      m["os"] = pretty.dropFirst(12).replacingOccurrences(of: "\"", with: "")
    }
    if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) { m["loadavg_at_end"] = load.trimmingCharacters(in: .whitespacesAndNewlines) }
    return m
  }

  func writeJSON(_ path: String) throws {
    var all = results
    let f = ISO8601DateFormatter()
    all["date"] = f.string(from: Date())
    all["machine"] = machine()
    all["yusuan"] = yusuan
    all["seed"] = options.seed
    all["table"] = rows.map {
      ["benchmark": $0.benchmark, "metric": $0.metric, "median": $0.median, "p99": $0.p99, "target": $0.target, "verdict": $0.verdict]
    }
    let data = try JSONSerialization.data(withJSONObject: all, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }
}
