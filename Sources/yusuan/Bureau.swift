import Foundation
import Workbench
import YusuanCore
import YusuanStore

/// Bureau mode: `check DIR` and `compile DIR --out OUT` over every workbook under a folder, in parallel across cores.
/// One unreadable workbook is reported and skipped; it never stops the batch.
enum Bureau {
  struct Outcome: Sendable {
    enum Status: String, Sendable { case ok = "通过", findings = "有错误", warnings = "有警告", unreadable = "无法读取", refused = "未生成" }
    var file: String
    var department: String = ""
    var year: Int = 0
    var errors = 0
    var warnings = 0
    var status: Status = .ok
    var message: String? = nil
    var diagnostics: [Diagnostic] = []
    var outputs: [String] = []
  }

  /// Every `*.yusuan` under `dir`, sorted.
  static func workbooks(under dir: String) -> [String] {
    guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
    var out: [String] = []
    while let rel = e.nextObject() as? String {
      if rel.hasSuffix(".yusuan") { out.append((dir as NSString).appendingPathComponent(rel)) }
    }
    return out.sorted()
  }

  /// Runs `work` on every workbook across the cores, with progress on stderr.
  static func run(_ files: [String], label: String, work: @escaping @Sendable (String) -> Outcome) -> [Outcome] {
    let box = Results(count: files.count)
    let progress = Progress(total: files.count, label: label)
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      let o = work(files[i])
      box.set(i, o)
      progress.tick()
    }
    progress.finish()
    return box.all
  }

  static func check(_ file: String, forms: FormsLibrary) -> Outcome { checked(file, forms: forms).outcome }

  /// Opens and checks one workbook; the open workbench is returned so compile does not open it again.
  static func checked(_ file: String, forms: FormsLibrary) -> (outcome: Outcome, workbench: Workbench?) {
    var o = Outcome(file: file)
    do {
      let wb = try Workbench.open(path: file, forms: forms, readonly: true)
      o.department = wb.meta.department
      o.year = wb.meta.year
      o.diagnostics = wb.check()
      o.errors = o.diagnostics.errorCount
      o.warnings = o.diagnostics.warningCount
      o.status = o.errors > 0 ? .findings : o.warnings > 0 ? .warnings : .ok
      return (o, wb)
    } catch {
      o.status = .unreadable
      o.message = ErrorText.describe(error)
      return (o, nil)
    }
  }

  static func compile(_ file: String, forms: FormsLibrary, out: URL, formats: Set<PublishFormat>, draft: Bool) -> Outcome {
    let (checkedOutcome, opened) = checked(file, forms: forms)
    var o = checkedOutcome
    guard let wb = opened else { return o }
    do {
      let dir = out.appendingPathComponent(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
      let report = try wb.publish(to: dir, formats: formats, draft: draft, findings: o.diagnostics, durable: false)
      if report.isRefused {
        o.status = .refused
        o.message = "尚有 \(o.errors) 条错误，未生成（可加 --draft 生成草稿）"
      }
      o.outputs = report.written.map(\.path)
    } catch {
      o.status = .unreadable
      o.message = ErrorText.describe(error)
    }
    return o
  }

  /// The summary table, aligned by display width.
  static func table(_ outcomes: [Outcome]) -> String {
    let header = ["部门", "年度", "错误", "警告", "状态", "工作簿"]
    let rows = outcomes.map {
      [
        $0.department.isEmpty ? "—" : $0.department, $0.year == 0 ? "—" : String($0.year), String($0.errors), String($0.warnings),
        $0.status.rawValue + ($0.message.map { "（\($0)）" } ?? ""), $0.file,
      ]
    }
    var widths = header.map { DisplayWidth.of($0) }
    for r in rows { for (i, c) in r.enumerated() where i < 5 { widths[i] = max(widths[i], min(DisplayWidth.of(c), 60)) } }
    func line(_ r: [String]) -> String {
      r.enumerated().map { i, c in i < 5 ? ((i == 2 || i == 3) ? DisplayWidth.padLeft(c, to: widths[i]) : DisplayWidth.padRight(c, to: widths[i])) : c }.joined(
        separator: "  ")
    }
    var s = line(header) + "\n" + rows.map(line).joined(separator: "\n") + "\n"
    let bad = outcomes.filter { $0.status == .unreadable }.count
    let errs = outcomes.filter { $0.errors > 0 }.count
    s += "共 \(outcomes.count) 个工作簿：\(outcomes.count - bad - errs) 个无错误，\(errs) 个有错误，\(bad) 个无法读取。\n"
    return s
  }

  /// The combined report for tools: every workbook with its status and findings.
  static func json(_ outcomes: [Outcome]) -> String {
    let q = DiagnosticRenderer.q
    let items = outcomes.map { o -> String in
      var f = [
        "\"file\": \(q(o.file))", "\"department\": \(q(o.department))", "\"year\": \(o.year)", "\"errors\": \(o.errors)",
        "\"warnings\": \(o.warnings)", "\"status\": \(q(o.status.rawValue))",
      ]
      f.append("\"message\": " + (o.message.map(q) ?? "null"))
      f.append("\"outputs\": [" + o.outputs.map(q).joined(separator: ", ") + "]")
      let diags = DiagnosticRenderer.json(o.diagnostics).trimmingCharacters(in: .whitespacesAndNewlines)
      f.append("\"diagnostics\": " + diags.replacingOccurrences(of: "\n", with: "\n    "))
      return "  {\n    " + f.joined(separator: ",\n    ") + "\n  }"
    }
    let bad = outcomes.filter { $0.status == .unreadable }.count
    return
      "{\n\"summary\": {\"workbooks\": \(outcomes.count), \"with_errors\": \(outcomes.filter { $0.errors > 0 }.count), \"unreadable\": \(bad)},\n\"workbooks\": [\n"
      + items.joined(separator: ",\n") + "\n]\n}\n"
  }

  /// 2 if any workbook could not be read, 1 if any has an error-level finding (or was refused), else 0.
  static func exitCode(_ outcomes: [Outcome]) -> Int32 {
    if outcomes.contains(where: { $0.status == .unreadable }) { return 2 }
    if outcomes.contains(where: { $0.errors > 0 }) { return 1 }
    return 0
  }

  final class Results: @unchecked Sendable {
    private var items: [Outcome?]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ o: Outcome) { lock.lock(); items[i] = o; lock.unlock() }
    var all: [Outcome] { lock.lock(); defer { lock.unlock() }; return items.compactMap { $0 } }
  }

  /// A progress bar on a terminal, plain periodic lines otherwise (CI logs, pipes).
  final class Progress: @unchecked Sendable {
    let total: Int, label: String
    private var done = 0
    private var lastLine = Date.distantPast
    private let lock = NSLock()
    private let terminal = isatty(STDERR_FILENO) == 1
    init(total: Int, label: String) { self.total = total; self.label = label }

    func tick() {
      lock.lock(); defer { lock.unlock() }
      done += 1
      if terminal {
        let width = 30, filled = total == 0 ? width : done * width / total
        Output.err("\r\(label) [\(String(repeating: "█", count: filled))\(String(repeating: "·", count: width - filled))] \(done)/\(total)")
      } else if Date().timeIntervalSince(lastLine) >= 2 || done == total {
        lastLine = Date()
        Output.err("\(label)：\(done)/\(total)\n")
      }
    }

    func finish() { if terminal { Output.err("\n") } }
  }
}
