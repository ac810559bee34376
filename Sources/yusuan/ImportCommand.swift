import ArgumentParser
import Audit
import Import
import Reading
import Foundation
import Workbench
import YusuanCore

/// `yusuan import WORKBOOK DOCUMENT [--as prior|current]`: the figures of a published document as facts, all or nothing.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "导入已公开的部门预算公开文件（文本、docx、pdf）或预算管理系统导出的 csv/xlsx（--map 指定列）：默认记为上年数（--as current 记为本年数）。全部或全不，未导入的数字逐一列出。")

  @Argument(help: ArgumentHelp("工作簿文件。", valueName: "工作簿")) var workbook: String
  @Argument(help: ArgumentHelp("已公开的文件（.txt、.docx、.pdf）。", valueName: "文件")) var document: String
  @Option(name: .customLong("as"), help: ArgumentHelp("prior（上年数，默认）或 current（本年数）。", valueName: "prior|current")) var mode: String = "prior"
  @Option(help: ArgumentHelp("CSV 的列映射：forms/mappings 下的编号、YAML 文件，或 code=列名,basic=列名,…（默认 budget-system）。", valueName: "列映射")) var map: String?

  func run() throws {
    guard let m = ImportMapping.Mode(rawValue: mode) else { throw CLIFailure.input("--as 只能是 prior 或 current。") }
    let forms = try loadForms()
    if document.lowercased().hasSuffix(".csv") || document.lowercased().hasSuffix(".xlsx") { return try importTable(forms: forms, mode: m) }
    let doc: AuditDocument
    if let plan = ForeignDocument.plan(URL(fileURLWithPath: document)), plan.format.hasPrefix("xlsx") {
      // A spreadsheet to import is the budget system's export, read by its columns (--map).
      throw CLIFailure.input("“\(document)”是\(plan.described)。预算管理系统导出的表请在 Excel 或 WPS 中另存为 .xlsx 或“CSV UTF-8”后再导入。")
    }
    // .doc, .wps, .rtf, .html and .odt are read through LibreOffice (ForeignDocument).
    do { doc = try ForeignDocument.read(document) } catch let e as CLIFailure { throw e } catch { throw CLIFailure.input(ErrorText.describe(error)) }
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
    guard mapped.yieldedNothing.isEmpty else {
      throw CLIFailure.input(
        "以下预算表读到了数字，却一个也不能导入，所以什么都没有导入（全部或全不）：\n  " + mapped.yieldedNothing.joined(separator: "\n  ")
          + (mapped.unplaced.isEmpty ? "" : "\n未能放入的数字：\n  " + mapped.unplaced.prefix(30).joined(separator: "\n  ")))
    }
    guard !mapped.lines.isEmpty else {
      throw CLIFailure.input(
        "文件“\(document)”中没有找到可导入的预算表（共读到 \(doc.tables.count) 张表）。" + (mapped.unplaced.isEmpty ? "" : "\n未能放入的数字：\n" + mapped.unplaced.joined(separator: "\n")))
    }
    let lines = mapped.lines.enumerated().map { Workbench.SourcedLine(text: $0.element.text, file: "\(document)〔\($0.element.origin)〕", line: $0.offset + 1) }
    let n = try guarded { try wb.apply(lines, source: .import) }
    Output.out("已从 \(document) 导入 \(n) 条（\(m == .prior ? "记为上年数" : "记为本年数")，来自 \(doc.tables.count) 张表）。")
    let f = mapped.figures
    Output.out("表中共 \(f.total) 个数字：\(f.facts) 个录入为事实，\(f.checks) 个作为核对数，\(f.same) 个与已导入的数字相同，\(f.derived) 个为推算的小计合计，\(f.unplaced) 个未导入。")
    for d in mapped.derived { Output.out("  \(d)") }
    for f in doc.readFindings where f.severity != .info { Output.err("读取提示：\(f.message)\n") }
    if !mapped.unread.isEmpty {
      Output.out("以下 \(mapped.unread.count) 张表未能读出，其中的数字没有导入（请对照原件手工录入）：")
      for t in mapped.unread { Output.out("  \(t)") }
    }
    if !mapped.unplaced.isEmpty {
      Output.out("以下 \(mapped.unplaced.count) 处数字未导入（请手工录入或核对）：")
      for u in mapped.unplaced { Output.out("  \(u)") }
    }
    Output.out("当前检查结果：" + DiagnosticRenderer.summary(wb.check()) + " 运行 yusuan check \(workbook) 查看详情。")
  }

  /// The budget system's export (.csv or .xlsx): expenditure lines through the column mapping, all or nothing.
  func importTable(forms: FormsLibrary, mode: ImportMapping.Mode) throws {
    if let size = InputFileSize.of(document), size > DocumentReader.Limits.file {
      throw CLIFailure.input(
        "文件“\(document)”有 \(InputFileSize.megabytes(size))，超过导入的上限 \(DocumentReader.Limits.file / 1_048_576) MB，没有导入任何内容。预算管理系统导出的一个部门的表通常不到 1 MB，请确认文件是否正确。")
    }
    guard let data = FileManager.default.contents(atPath: document) else { throw CLIFailure.input("找不到或无法读取“\(document)”。") }
    let rows: [[String]]
    var rowLines: [Int]? = nil
    if document.lowercased().hasSuffix(".xlsx") {
      do { rows = try XlsxRows.rows(data, name: document) } catch { throw CLIFailure.input(ErrorText.describe(error)) }
    } else {
      guard let text = String(data: data, encoding: .utf8) else {
        throw CLIFailure.input("“\(document)”不是 UTF-8 编码。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”。")
      }
      let read = CSVReader.read(text)
      if let open = read.unterminatedQuoteLine { throw CLIFailure.input(CSVReader.unterminatedQuote(file: document, line: open) + "\n没有导入任何内容。") }
      rows = read.rows
      rowLines = read.lines
    }
    let wb = try guarded { try Workbench.open(path: workbook, forms: forms) }
    let facts = wb.facts
    let result: TableImport.Result
    do {
      let mapping: TableImport.Mapping
      do { mapping = try TableImport.mapping(map, forms: forms) } catch let e as TableImport.Failure { throw CLIFailure.input("--map：" + e.description) }
      result = try TableImport.lines(rows: rows, rowLines: rowLines, file: document, mapping: mapping, asPrior: mode == .prior) { key in
        if case .expenditure(let l)? = facts[key] { return l.amount }
        return nil
      }
    } catch let e as TableImport.Failure { throw CLIFailure.input(e.description) }
    guard !result.lines.isEmpty else { throw CLIFailure.input("“\(document)”中没有项级科目的支出行。" + result.skipped.prefix(5).joined(separator: "\n")) }
    let n = try guarded { try wb.apply(result.lines, source: .import) }
    Output.out("已从 \(document) 导入 \(n) 条支出（\(mode == .prior ? "记为上年数" : "记为本年数")）。")
    if !result.skipped.isEmpty {
      Output.out("以下 \(result.skipped.count) 行未导入：")
      for s in result.skipped { Output.out("  \(s)") }
    }
    Output.out("当前检查结果：" + DiagnosticRenderer.summary(wb.check()))
  }
}
