import ArgumentParser
import Audit
import Foundation
import Workbench
import YusuanCore

/// `yusuan import WORKBOOK DOCUMENT [--as prior|current]`: the figures of a published document as facts, all or nothing.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "把已公开的部门预算公开文件（文本、docx、pdf）中的表格导入工作簿：默认记为上年数（--as current 记为本年数）。全部或全不，读不出或放不下的数字逐一列出。")

  @Argument(help: "工作簿文件。") var workbook: String
  @Argument(help: "已公开的文件（.txt、.docx、.pdf）。") var document: String
  @Option(name: .customLong("as"), help: "prior（上年数，默认）或 current（本年数）。") var mode: String = "prior"

  func run() throws {
    guard let m = ImportMapping.Mode(rawValue: mode) else { throw CLIFailure.input("--as 只能是 prior 或 current。") }
    let forms = try loadForms()
    let doc: AuditDocument
    do { doc = try DocumentReader.read(url: URL(fileURLWithPath: document)) }
    catch { throw CLIFailure.input("\(error)") }
    let wb = try guarded { try Workbench.open(path: workbook, forms: forms) }
    let facts = wb.facts
    let mapped = ImportMapping.lines(doc, mode: m) { key -> Amount? in
      switch facts[key] {
      case .expenditure(let l)?: return l.amount
      case .economic(let e)?: return e.amount
      case .revenue(let r)?: return r.amount
      case .threePublic(let t)?: return t.amount
      default: return nil
      }
    }
    guard !mapped.lines.isEmpty else {
      throw CLIFailure.input("文件“\(document)”中没有找到可导入的预算表（共读到 \(doc.tables.count) 张表）。" + (mapped.unplaced.isEmpty ? "" : "\n未能放入的数字：\n" + mapped.unplaced.joined(separator: "\n")))
    }
    let lines = mapped.lines.enumerated().map { Workbench.SourcedLine(text: $0.element.text, file: "\(document)〔\($0.element.origin)〕", line: $0.offset + 1) }
    let n = try guarded { try wb.apply(lines, source: .import) }
    print("已从 \(document) 导入 \(n) 条（\(m == .prior ? "记为上年数" : "记为本年数")，来自 \(doc.tables.count) 张表）。")
    for f in doc.readFindings where f.severity != .info { FileHandle.standardError.write(Data("读取提示：\(f.message)\n".utf8)) }
    if !mapped.unplaced.isEmpty {
      print("以下 \(mapped.unplaced.count) 处数字未导入（请手工录入或核对）：")
      for u in mapped.unplaced { print("  \(u)") }
    }
    print("当前检查结果：" + DiagnosticRenderer.summary(wb.check()) + " 运行 yusuan check \(workbook) 查看详情。")
  }
}
