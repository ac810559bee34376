import ArgumentParser
import Foundation
import Renderers
import Workbench
import YusuanCore

/// `yusuan compile`: the publishable document in Word, Excel, HTML, PDF, Markdown and JSON, and its tables as a data package.
struct CompileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compile",
    abstract: "生成公开文件（docx、xlsx、html、pdf、md、json，以及开放数据包 datapackage）。仍有错误级问题时拒绝生成，除非加 --draft（每页标“草稿”）。")

  @Argument(help: ArgumentHelp("工作簿文件，或目录（其下每个工作簿生成到输出目录的同名子目录，多核并行）。", valueName: "工作簿")) var workbook: String
  @Option(help: ArgumentHelp("输出目录（不存在则创建）。", valueName: "输出目录")) var out: String
  @Option(
    help: ArgumentHelp(
      "输出格式，逗号分隔：docx,xlsx,html,pdf,md,json,datapackage。datapackage 为开放数据包（“标题-数据包”目录：datapackage.json 与每张表一个 UTF-8 CSV，可用 frictionless 校验）。", valueName: "格式"))
  var format: String = "docx,xlsx,html,pdf,md,json,datapackage"
  @Flag(help: "仍有错误时也生成，每页标“草稿”。") var draft = false

  func run() throws {
    let requested = format.split(separator: ",").map { String($0).trimmingBlanks().lowercased() }.filter { !$0.isEmpty }
    if let bad = requested.first(where: { PublishFormat(rawValue: $0) == nil }) {
      throw CLIFailure.input("不支持的格式“\(bad)”。可选：\(PublishFormat.allCases.map(\.rawValue).joined(separator: ","))。")
    }
    guard !requested.isEmpty else { throw CLIFailure.input("没有指定输出格式。") }
    let formats = Set(requested.compactMap(PublishFormat.init))
    let forms = try loadForms()
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: workbook, isDirectory: &isDir), isDir.boolValue {
      try compileFolder(forms: forms, formats: formats)
      return
    }
    let wb = try guarded { try Workbench.open(path: workbook, forms: forms, readonly: true) }
    let report = try guarded { try wb.publish(to: URL(fileURLWithPath: out), formats: formats, draft: draft) }
    if report.isRefused {
      throw CLIFailure(
        message: DiagnosticRenderer.text(report.refused) + "尚有 \(report.refused.count) 条错误，不能生成公开文件。请改正后重试；如需内部审阅，可加 --draft 生成每页标有“草稿”的文件。", code: 1)
    }
    // The other formats are written, but a PDF asked for and not made fails the command, as it always has.
    if let why = report.pdfSkipped { throw CLIFailure.input(why) }
    Output.out((draft ? "已生成草稿：" : "已生成：") + "\(report.title)")
    for w in report.written { Output.out("  \(w.path)") }
    if let glyphs = report.missingGlyphs { Output.err("警告：" + glyphs + "\n") }
    let errors = report.findings.errorCount
    if draft && errors > 0 { Output.out("注意：仍有 \(errors) 条错误（见 yusuan check），本文件仅供内部审阅，不得公开。") }
  }
}

extension CompileCommand {
  /// Bureau mode: each workbook under the folder into its own subfolder of `--out`; pdf is not made in bulk.
  func compileFolder(forms: FormsLibrary, formats: Set<PublishFormat>) throws {
    let files = Bureau.workbooks(under: workbook)
    guard !files.isEmpty else { throw CLIFailure.input("目录“\(workbook)”下没有工作簿（*.yusuan）。") }
    if formats.contains(.pdf) { Output.err("提示：批量生成时不生成 pdf（逐个用 yusuan compile 工作簿 --format pdf）。\n") }
    let formats = formats.subtracting([.pdf])
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
