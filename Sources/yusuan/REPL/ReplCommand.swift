import ArgumentParser
import Foundation
import Workbench
import YusuanCore
import YusuanStore
import Walk

/// `yusuan repl WORKBOOK`, and `yusuan` alone on a terminal: the guided, line-edited entry session.
struct ReplCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl",
    abstract: "交互式逐表录入（带行编辑、历史、TAB 补全）。标准输入不是终端时，逐行读取录入命令（与 run 相同的语言）。")

  @Argument(help: ArgumentHelp("工作簿文件（不存在时会询问部门、年度并新建）。", valueName: "工作簿")) var workbook: String?

  func run() throws {
    let forms = try loadForms()
    if !Terminal.stdinIsTerminal {
      guard let workbook else { throw CLIFailure.input("标准输入不是终端，无法交互询问。请指定工作簿：yusuan repl 工作簿 < 录入脚本.ys") }
      try Self.pipe(workbook: workbook, forms: forms)
      return
    }
    let path: String
    var resume = true
    if let workbook, FileManager.default.fileExists(atPath: workbook) {
      path = workbook
    } else {
      let dialog = StartDialog(forms: forms, suggestedPath: workbook, input: EditorInput(historyFile: nil, catalog: nil, forms: forms), out: { Output.out($0) })
      guard let chosen = try dialog.run() else { return }
      path = chosen.path
      resume = !chosen.created
    }
    let wb = try guarded { try Workbench.open(path: path, forms: forms) }
    let editor = EditorInput(historyFile: path + ".history", catalog: wb.catalog, forms: forms)
    let session = ReplSession(wb: wb, input: editor, out: { Output.out($0) })
    editor.completion = session.completion(editions: forms.editionIDs)
    session.start(resumeMessage: resume)
    session.run()
  }

  /// Without a terminal: each line is an entry of the script language, applied and saved one by one (as typed
  /// in the REPL). Every refused line is reported as `stdin:line:col` and the rest still entered; so is a line
  /// that could not be saved for a reason that may pass (another writer held the workbook past 5 s, a full disk).
  /// Only when the workbook cannot be written at all does the session stop, naming the line where it stopped.
  /// It always ends with its summary; exit 2 when any line was not entered.
  static func pipe(workbook: String, forms: FormsLibrary) throws {
    let wb = try guarded { try Workbench.open(path: workbook, forms: forms) }
    let reader = PlainInput(handle: .standardInput)
    var n = 0, accepted = 0, refused = 0
    var stoppedAt: Int? = nil
    while case .line(let text) = reader.read(prompt: "", initialText: nil) {
      n += 1
      do {
        accepted += try wb.apply([Workbench.SourcedLine(text: text, file: "stdin", line: n)], source: .repl)
      } catch let e as ApplyError {
        refused += e.errors.count
        for err in e.errors { Output.err(err.rendered) }
      } catch let e as StoreError where e.mayPass {
        refused += 1
        Output.err("stdin:\(n): 错误：本行未录入。\(e.description)继续录入以下各行。\n")
      } catch {
        stoppedAt = n
        Output.err("stdin:\(n): 错误：本行未录入，录入在此停止，此后的各行均未录入。\(Self.message(error))\n")
        break
      }
    }
    // The summary is of the workbook as it now stands (other writers' entries included).
    try? wb.reload()
    let findings = wb.check()
    let notEntered = refused > 0 ? "，\(refused) 行未录入" : ""
    let stop = stoppedAt.map { "；在第 \($0) 行停止，该行及其后的输入均未录入" } ?? ""
    Output.out("已录入 \(accepted) 条（共读入 \(n) 行\(notEntered)\(stop)）。当前检查结果：" + DiagnosticRenderer.summary(findings))
    if refused > 0 || stoppedAt != nil { throw ExitCode(2) }
  }

  /// What went wrong, phrased for the officer.
  static func message(_ error: Error) -> String {
    ErrorText.describe(error)
  }
}

enum Terminal {
  static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
}

/// Asks what the new workbook is for, offering last year's workbook of the same department as a start; in a folder
/// that already has a workbook, first offers to continue it.
struct StartDialog {
  let forms: FormsLibrary
  let suggestedPath: String?
  let input: InputSource
  let out: (String) -> Void
  /// The folder looked into for workbooks (this year's to continue, last year's to start from).
  var dir: String = "."

  struct Choice: Equatable { var path: String; var created: Bool }

  /// The workbook to open: one found here and continued, or a new one (nil: the officer left).
  func run() throws -> Choice? {
    if suggestedPath == nil, let existing = PriorWorkbook.latest(in: dir) {
      switch ask("本目录已有工作簿 \(existing.name)（\(existing.department) \(existing.year)年），继续录入？（“否”则新建）[是] › ") {
      case nil: out(""); return nil
      case let a? where a.isEmpty || Self.yes.contains(a.lowercased()): return Choice(path: existing.path, created: false)
      default: break
      }
    }
    out("yusuan（预算）· 新建部门预算工作簿。随时按 Ctrl-D 或输入 quit 退出；输入 < 返回上一问。")
    var answers: [String] = []
    // What `<` took back, put into the editor for the question asked again.
    var initial: String? = nil
    let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
    let questions: [(String, () -> String?)] = [
      ("部门名称（印在每张表的标题中）", { nil }),
      ("预算年度", { String(thisYear + 1) }),
      ("公开模板版本（\(forms.editionIDs.joined(separator: "、"))）", { forms.defaultEditionID }),
    ]
    while answers.count < questions.count {
      let (q, d) = questions[answers.count]
      let def = d()
      let given = initial
      initial = nil
      switch input.read(prompt: "\(q)\(def.map { " [\($0)]" } ?? "") › ", initialText: given) {
      case .endOfInput: out(""); return nil
      case .interrupted: continue
      case .line(let raw):
        let a = raw.trimmingBlanks()
        if a == "quit" || a == "退出" { return nil }
        if a == "<" || a == "返回" {
          // Back one question, its answer put back for editing (as in the walk).
          if let last = answers.popLast() { initial = last } else { out("已在第一问。") }
          continue
        }
        let value = a.isEmpty ? (def ?? "") : a
        if value.isEmpty { out("此项不能为空。"); continue }
        if answers.isEmpty, let why = DepartmentName.problem(value) { out("✗ " + why); initial = a; continue }
        if answers.count == 1, Int(value).map({ (2000...2100).contains($0) }) != true { out("✗ 年度应为四位年份，例如 \(thisYear + 1)。"); initial = a; continue }
        if answers.count == 2, !forms.editionIDs.contains(value) {
          out("✗ 没有版本“\(value)”。可选：\(forms.editionIDs.joined(separator: "、"))。"); initial = a; continue
        }
        answers.append(value)
      }
    }
    let (department, year, edition) = (answers[0], Int(answers[1])!, answers[2])
    let path = suggestedPath ?? (dir == "." ? "" : dir + "/") + "\(department)-\(year).yusuan"
    if FileManager.default.fileExists(atPath: path) {
      // The workbook of this department and year is already here: continue it rather than refuse.
      switch ask("已有工作簿 \(path)，继续录入？[是] › ") {
      case let a? where a.isEmpty || Self.yes.contains(a.lowercased()): return Choice(path: path, created: false)
      case nil: out(""); return nil
      default:
        out("未新建：\(path) 已存在。可换一个文件名：yusuan repl 新文件名.yusuan")
        return nil
      }
    }
    out("新工作簿将保存为：\(URL(fileURLWithPath: path).standardizedFileURL.path)")
    let prior = PriorWorkbook.find(department: department, year: year - 1, in: dir)
    var from: String? = nil
    if let prior {
      switch ask("发现上年工作簿 \(prior)，是否以它为基础（带入概况、单位、项目，上年数自动填好）？[是] › ") {
      case let a? where a.isEmpty || Self.yes.contains(a.lowercased()): from = prior
      case nil: return nil
      default: break
      }
    }
    var carried: String? = nil
    _ = try guarded {
      try Workbench.create(path: path, department: department, year: year, editionID: edition, forms: forms) { temp in
        if let from { carried = try temp.carryOver(from: from) }
      }
    }
    if let from, let carried { out("已从 \(from) 带入：\(carried)") }
    return Choice(path: path, created: true)
  }

  static let yes: Set<String> = ["是", "y", "yes"]

  /// One yes/no question: the trimmed answer, nil at the end of input.
  func ask(_ prompt: String) -> String? {
    while true {
      switch input.read(prompt: prompt, initialText: nil) {
      case .line(let a): return a.trimmingBlanks()
      case .endOfInput: return nil
      case .interrupted: continue
      }
    }
  }
}
