import ArgumentParser
import Foundation
import Renderers
import Workbench
import YusuanCore

/// `yusuan compile`: the publishable document in Word, Excel, HTML, PDF, Markdown and JSON.
struct CompileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compile",
    abstract: "生成公开文件（docx、xlsx、html、pdf、md、json）。仍有错误级问题时拒绝生成，除非加 --draft（每页标“草稿”）。")

  @Argument(help: ArgumentHelp("工作簿文件，或目录（其下每个工作簿生成到输出目录的同名子目录，多核并行）。", valueName: "工作簿")) var workbook: String
  @Option(help: ArgumentHelp("输出目录（不存在则创建）。", valueName: "输出目录")) var out: String
  @Option(help: ArgumentHelp("输出格式，逗号分隔：docx,xlsx,html,pdf,md,json。", valueName: "格式")) var format: String = "docx,xlsx,html,pdf,md,json"
  @Flag(help: "仍有错误时也生成，每页标“草稿”。") var draft = false

  func run() throws {
    let requested = format.split(separator: ",").map { String($0).trimmingBlanks().lowercased() }.filter { !$0.isEmpty }
    let known = OutputFormat.allCases.map(\.rawValue) + ["pdf"]
    if let bad = requested.first(where: { !known.contains($0) }) {
      throw CLIFailure.input("不支持的格式“\(bad)”。可选：\(known.joined(separator: ","))。")
    }
    guard !requested.isEmpty else { throw CLIFailure.input("没有指定输出格式。") }
    let forms = try loadForms()
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: workbook, isDirectory: &isDir), isDir.boolValue {
      try compileFolder(forms: forms, requested: requested)
      return
    }
    let wb = try guarded { try Workbench.open(path: workbook, forms: forms, readonly: true) }
    let findings = wb.check()
    if findings.errorCount > 0 && !draft {
      let errors = findings.filter { $0.severity == .error }
      throw CLIFailure(message: DiagnosticRenderer.text(errors) + "尚有 \(errors.count) 条错误，不能生成公开文件。请改正后重试；如需内部审阅，可加 --draft 生成每页标有“草稿”的文件。", code: 1)
    }
    let doc = try guarded { try wb.compile(draft: draft) }
    let dir = URL(fileURLWithPath: out)
    do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
    catch { throw CLIFailure.input("无法创建输出目录“\(out)”：\(ErrorText.describe(error))") }
    var written: [String] = []
    try guarded {
      for f in OutputFormat.allCases where requested.contains(f.rawValue) { written.append(try f.write(doc, toDirectory: dir).path) }
      if requested.contains("pdf") {
        let docx = requested.contains("docx") ? dir.appendingPathComponent(RenderText.safeFileName(doc.title) + ".docx")
          : try OutputFormat.docx.write(doc, toDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-\(UUID().uuidString)", isDirectory: true).creating())
        written.append(try PDFConverter.convert(docx: docx, outputDirectory: dir).path)
      }
    }
    Output.out((draft ? "已生成草稿：" : "已生成：") + "\(doc.title)")
    for w in written { Output.out("  \(w)") }
    if draft && findings.errorCount > 0 { Output.out("注意：仍有 \(findings.errorCount) 条错误（见 yusuan check），本文件仅供内部审阅，不得公开。") }
  }
}

extension CompileCommand {
  /// Bureau mode: each workbook under the folder into its own subfolder of `--out`; pdf is not made in bulk.
  func compileFolder(forms: FormsLibrary, requested: [String]) throws {
    let files = Bureau.workbooks(under: workbook)
    guard !files.isEmpty else { throw CLIFailure.input("目录“\(workbook)”下没有工作簿（*.yusuan）。") }
    if requested.contains("pdf") { Output.err("提示：批量生成时不生成 pdf（逐个用 yusuan compile 工作簿 --format pdf）。\n") }
    let formats = OutputFormat.allCases.filter { requested.contains($0.rawValue) }
    let out = URL(fileURLWithPath: self.out)
    let draft = self.draft
    let outcomes = Bureau.run(files, label: "生成") { Bureau.compile($0, forms: forms, out: out, formats: formats, draft: draft) }
    // The files were written without a per-file fsync; one flush makes the whole batch durable.
    OutputFile.flush(out)
    Output.out(Bureau.table(outcomes), terminator: "")
    let code = Bureau.exitCode(outcomes)
    if code != 0 { throw ExitCode(code) }
  }
}

extension URL {
  /// Creates the directory and returns it.
  func creating() throws -> URL {
    try FileManager.default.createDirectory(at: self, withIntermediateDirectories: true)
    return self
  }
}
