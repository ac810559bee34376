import ArgumentParser
import Foundation
import YusuanCore

/// `yusuan catalog import FILE.csv`: load the official catalog of a year into forms/catalogs.
struct CatalogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "catalog", abstract: "科目目录：导入本年度官方科目目录。", subcommands: [Import.self])

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "导入科目目录 CSV（含“科目编码”“科目名称”两列，或 code,name）。")

    @Argument(help: ArgumentHelp("CSV 文件（UTF-8）。", valueName: "目录文件")) var file: String
    @Option(help: ArgumentHelp("目录编号（保存为 forms/catalogs/编号.csv；默认取文件名）。", valueName: "编号")) var id: String?
    @Flag(help: "编号已存在时覆盖。") var replace = false

    /// A year's whole catalog of codes is well under 1 MB.
    static let maxBytes = 50 * 1_048_576

    func run() throws {
      let forms = try loadForms()
      if let size = InputFileSize.of(file), size > Self.maxBytes {
        throw CLIFailure.input("文件“\(file)”有 \(InputFileSize.megabytes(size))，超过科目目录的上限 \(Self.maxBytes / 1_048_576) MB，目录未导入。全部政府收支分类科目不到 1 MB，请确认文件是否正确。")
      }
      guard let data = FileManager.default.contents(atPath: file) else { throw CLIFailure.input("找不到或无法读取文件“\(file)”。") }
      guard let text = String(data: data, encoding: .utf8) else {
        throw CLIFailure.input("文件“\(file)”不是 UTF-8 编码。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入。")
      }
      let parsed = CatalogCSV.parse(text)
      if !parsed.problems.isEmpty {
        let lines = parsed.problems.map { "\(file):\($0.line): \($0.message)" }.joined(separator: "\n")
        throw CLIFailure.input(lines + "\n共 \(parsed.problems.count) 行有问题，目录未导入。请改正后重新导入。")
      }
      guard !parsed.entries.isEmpty else { throw CLIFailure.input("文件“\(file)”中没有科目。") }
      let name = id ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
      guard !name.isEmpty, !name.contains("/") else { throw CLIFailure.input("目录编号“\(name)”无效。") }
      guard name != FormsLibrary.formerNamesFile else { throw CLIFailure.input("“\(name)”是科目旧名称表的文件名，不能用作目录编号。请用 --id 另起编号。") }
      let target = forms.catalogsDirectory.appendingPathComponent(name + ".csv")
      if FileManager.default.fileExists(atPath: target.path) && !replace {
        throw CLIFailure.input("目录“\(name)”已存在（\(target.path)）。如要覆盖，请加 --replace；或用 --id 另起编号。")
      }
      do { try Data(CatalogCSV.render(parsed.entries).utf8).write(to: target, options: .atomic) } catch {
        throw CLIFailure.input("无法写入 \(target.path)：\(ErrorText.describe(error))")
      }
      let bySystem = Dictionary(grouping: parsed.entries, by: \.system).map { "\($0.key.chineseName) \($0.value.count) 个" }.sorted()
      Output.out("已导入科目目录“\(name)”：\(bySystem.joined(separator: "，"))。保存在 \(target.path)。")
      Output.out("在版本文件（forms/editions/…/edition.yaml）中设置 catalog: \(name) 即可使用。")
    }
  }
}
