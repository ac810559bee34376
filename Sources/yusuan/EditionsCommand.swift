import ArgumentParser
import Foundation
import YusuanCore

/// `yusuan editions`: the editions in forms/editions with their kind, unit and tables, so an officer can choose one
/// for `new --edition` and a developer can see what a new folder declares.
struct EditionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "editions", abstract: "列出可用的公开模板版本：文件类型、金额单位和预算表。")

  func run() throws {
    let forms = try loadForms()
    let ids = forms.editionIDs
    guard !ids.isEmpty else { throw CLIFailure.input("表式目录 \(forms.root.path)/editions 中没有版本（每个版本是一个含 edition.yaml 的文件夹）。") }
    var failed = 0
    for (i, id) in ids.enumerated() {
      if i > 0 { Output.out("") }
      do {
        let edition = try forms.edition(id)
        _ = try forms.prose(id)
        Output.out(EditionSummary.lines(edition).joined(separator: "\n"))
      } catch {
        failed += 1
        Output.out("\(id)　无法读取：\(ErrorText.describe(error))")
      }
    }
    Output.out("\n共 \(ids.count) 个版本\(failed > 0 ? "，其中 \(failed) 个有误" : "")。新建工作簿时用 --edition 指定；版本的写法见 forms/README.md。")
    if failed > 0 { throw ExitCode(1) }
  }
}
