import ArgumentParser
import Foundation
import Workbench
import YusuanCore
import YusuanStore

/// The command line: thin. Parsing arguments, calling the workbench, printing results (stdout) and messages (stderr).
/// Exit codes (DESIGN §7): 0 ok, 1 findings, 2 usage or input error.
@main
struct Yusuan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "yusuan",
    abstract: "yusuan（预算）：部门预算录入、检查与公开文件编制工具。",
    discussion: """
      常用流程：
        yusuan                    （在终端中）新建工作簿并逐表录入
        yusuan repl 工作簿.yusuan  继续逐表录入
        yusuan new 工作簿.yusuan --department 部门名称 --year 2025 --edition anhui-2024
        yusuan run 工作簿.yusuan 录入脚本.ys …
        yusuan check 工作簿.yusuan
        yusuan compile 工作簿.yusuan --out 输出目录
        yusuan export 工作簿.yusuan --format script
        yusuan audit 已公开文件.docx  审读已公开的文件
        yusuan check 目录  财政局批量检查
        yusuan editions  列出可用的公开模板版本
      退出码：0 正常；1 发现问题（check 有错误级问题）；2 用法或输入错误。
      """,
    subcommands: [
      New.self, Run.self, Check.self, CompileCommand.self, Export.self, ReplCommand.self, ImportCommand.self, CatalogCommand.self, AuditCommand.self,
      EditionsCommand.self,
    ]
  )

  static func main() {
    Output.start()
    // `yusuan` alone on a terminal opens the REPL (DESIGN §7).
    if CommandLine.arguments.count == 1 && Terminal.stdinIsTerminal {
      do { let repl = try ReplCommand.parse([]); try repl.run() } catch let e as CLIFailure { Output.err(e.message + "\n"); Foundation.exit(e.code) } catch {
        Output.err("错误：" + ErrorText.describe(error) + "\n")
        Foundation.exit(2)
      }
      return
    }
    // `yusuan help X` with X no subcommand: the parser would print the general help and succeed.
    let args = Array(CommandLine.arguments.dropFirst())
    if args.count >= 2, args[0] == "help", !args[1].hasPrefix("-"),
      !configuration.subcommands.contains(where: { $0._commandName == args[1] })
    {
      let names = configuration.subcommands.map { $0._commandName }.joined(separator: "、")
      Output.err("用法错误：没有子命令“\(args[1])”。可用的子命令：\(names)。运行 yusuan help 查看说明。\n")
      Foundation.exit(2)
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let e as CLIFailure {
      Output.err(e.message)
      if !e.message.hasSuffix("\n") { Output.err("\n") }
      Foundation.exit(e.code)
    } catch let e as ExitCode {
      Foundation.exit(e.rawValue)
    } catch {
      // Help asked for: the parser's help text, its headings in Chinese.
      if exitCode(for: error) == .success {
        Output.out(UsageErrors.chinese(fullMessage(for: error)))
        Foundation.exit(0)
      }
      // The parser's errors by kind, in Chinese, with the command's usage.
      if let t = UsageErrors.translate(error) {
        Output.err("用法错误：" + t.message + "\n")
        Foundation.exit(t.code)
      }
      Output.err("错误：" + ErrorText.describe(error) + "\n")
      Foundation.exit(2)
    }
  }
}

/// A failure already phrased for the officer, with its exit code.
struct CLIFailure: Error, CustomStringConvertible {
  var message: String
  var code: Int32
  var description: String { message }
  static func input(_ m: String) -> CLIFailure { CLIFailure(message: m, code: 2) }
}

/// Runs a body, turning store, forms and apply errors into Chinese messages with exit code 2. Errors of other
/// libraries (SQLite, Foundation's file errors) are described in Chinese too (`ErrorText`), never shown as they are.
func guarded<T>(_ body: () throws -> T) throws -> T {
  do { return try body() } catch let e as CLIFailure { throw e } catch let e as ApplyError {
    let text = e.errors.map(\.rendered).joined(separator: "\n")
    throw CLIFailure.input(text + "\n共 \(e.errors.count) 处错误，本次没有录入任何内容（全部或全不）。请改正后重新运行。")
  } catch let e as ExitCode { throw e } catch { throw CLIFailure.input(ErrorText.describe(error)) }
}

func loadForms() throws -> FormsLibrary { try guarded { try FormsLibrary.locate() } }

extension Yusuan {
  struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "新建一个部门某年度的工作簿。")

    @Argument(help: ArgumentHelp("工作簿文件（如 政府办-2025.yusuan）。", valueName: "工作簿")) var workbook: String
    @Option(help: ArgumentHelp("部门名称（印在每张表的标题中）；有 --from 时默认沿用上年工作簿的部门名称。", valueName: "部门名称")) var department: String?
    @Option(help: ArgumentHelp("预算年度，如 2025。", valueName: "年度")) var year: Int
    @Option(help: ArgumentHelp("公开模板版本（forms/editions 下的目录名；有 --from 时默认沿用上年工作簿的版本）。", valueName: "版本")) var edition: String?
    @Option(help: ArgumentHelp("科目目录编号（forms/catalogs 下的文件名，不含 .csv）；默认用版本指定的目录。", valueName: "科目目录")) var catalog: String?
    @Option(help: ArgumentHelp("以上年工作簿为基础：带入概况、单位、项目（待确认），上年金额记为上年数。", valueName: "上年工作簿")) var from: String?

    func validate() throws {
      guard (2000...2100).contains(year) else { throw CLIFailure.input("年度“\(year)”不合理，应为四位年份，如 2025。") }
      // The name is printed in every table title: refused like any entered text (issue 14), and kept to a title's length.
      if let department, let why = DepartmentName.problem(department, place: "--department 部门名称") { throw CLIFailure.input(why) }
      if department == nil && from == nil { throw CLIFailure.input("缺少部门名称。用法：yusuan new 工作簿 --department 部门名称 --year 年度（从上年工作簿开始时可省略：--from 上年工作簿）。") }
    }

    func run() throws {
      let forms = try loadForms()
      guard var editionID = edition ?? forms.defaultEditionID else { throw CLIFailure.input("表式目录中没有任何版本（forms/editions/）。") }
      var name = department?.trimmingBlanks() ?? ""
      if let from {
        // Last year's workbook gives the edition and the department's name unless they are given.
        let prior = try guarded { try Workbench.open(path: from, forms: forms, readonly: true).meta }
        // Refused before anything is created: nothing is left behind.
        guard prior.year < year else { throw CLIFailure.input("上年工作簿“\(from)”是\(prior.year)年的，不早于要新建的\(year)年（--year）。请检查 --from 和 --year。") }
        if edition == nil { editionID = prior.edition }
        if department == nil { name = prior.department }
      }
      // All or nothing: the workbook gets its name only once last year's facts are in it.
      var carried: String? = nil
      let wb = try guarded {
        try Workbench.create(path: workbook, department: name, year: year, editionID: editionID, catalogID: catalog, forms: forms) { temp in
          if let from { carried = try temp.carryOver(from: from) }
        }
      }
      if let from, let carried { Output.out("已从 \(from) 带入：" + carried) }
      Output.out(
        "已创建工作簿 \(workbook)：\(wb.meta.department) \(wb.meta.year)年，版本 \(wb.edition.name)（\(wb.edition.id)），科目目录 \(wb.catalog.id)（\(wb.catalog.count) 个科目）。")
      Output.out("下一步：yusuan run \(workbook) 录入脚本.ys，或 yusuan check \(workbook)")
    }
  }

  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "把录入脚本应用到工作簿：全部成功才写入，任何一行有错则什么都不写。")

    @Argument(help: ArgumentHelp("工作簿文件。", valueName: "工作簿")) var workbook: String
    @Argument(help: ArgumentHelp("一个或多个录入脚本（UTF-8 文本）。", valueName: "录入脚本")) var scripts: [String]

    func run() throws {
      guard !scripts.isEmpty else { throw CLIFailure.input("缺少录入脚本。用法：yusuan run 工作簿 脚本.ys …") }
      let forms = try loadForms()
      let lines = try guarded { try scripts.flatMap { try ScriptFile.lines(of: $0) } }
      let wb = try guarded { try Workbench.open(path: workbook, forms: forms) }
      let n = try guarded {
        do {
          return try wb.apply(lines, source: .script)
        } catch let e as StoreError {
          // All or nothing: say so, and that the script can simply be run again.
          throw CLIFailure.input(e.description + "本次运行的内容均未录入（全部或全不），工作簿保持运行前的样子；问题解决后重新运行即可。")
        }
      }
      let findings = wb.check()
      Output.out(
        "已录入 \(n) 条（\(scripts.count) 个脚本，共 \(lines.count) 行）。当前检查结果：" + DiagnosticRenderer.summary(findings)
          + (findings.isEmpty ? "" : " 运行 yusuan check \(workbook) 查看详情。"))
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "检查工作簿：列出全部问题（有错误级问题时退出码为1）。")

    @Argument(help: ArgumentHelp("工作簿文件，或目录（检查其下全部工作簿，多核并行）。", valueName: "工作簿")) var workbook: String
    @Option(help: ArgumentHelp("输出格式：text 或 json。", valueName: "格式")) var format: OutputFormat = .text

    enum OutputFormat: String, CaseIterable, ExpressibleByArgument { case text, json }

    func run() throws {
      let forms = try loadForms()
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: workbook, isDirectory: &isDir), isDir.boolValue {
        // Bureau mode: every workbook under the folder.
        let files = Bureau.workbooks(under: workbook)
        guard !files.isEmpty else { throw CLIFailure.input("目录“\(workbook)”下没有工作簿（*.yusuan）。") }
        let outcomes = Bureau.run(files, label: "检查") { Bureau.check($0, forms: forms) }
        Output.out(format == .json ? Bureau.json(outcomes) : Bureau.table(outcomes), terminator: "")
        let code = Bureau.exitCode(outcomes)
        if code != 0 { throw ExitCode(code) }
        return
      }
      let wb = try guarded { try Workbench.open(path: workbook, forms: forms, readonly: true) }
      let findings = wb.check()
      Output.out(format == .json ? DiagnosticRenderer.json(findings) : DiagnosticRenderer.text(findings), terminator: "")
      if findings.errorCount > 0 { throw ExitCode(1) }
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "导出工作簿：--format script 输出规范录入脚本，run 可据此重建相同的工作簿。")

    @Argument(help: ArgumentHelp("工作簿文件。", valueName: "工作簿")) var workbook: String
    @Option(help: ArgumentHelp("输出格式（目前为 script）。", valueName: "格式")) var format: Format = .script

    enum Format: String, CaseIterable, ExpressibleByArgument { case script }

    func run() throws {
      let forms = try loadForms()
      let wb = try guarded { try Workbench.open(path: workbook, forms: forms, readonly: true) }
      Output.out(wb.exportScript(), terminator: "")
    }
  }
}
