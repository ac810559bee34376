import Foundation
import Workbench
import YusuanCore

/// Commands of the REPL itself (not entries): help, <, undo, show, check, next, prev, goto, compile, quit.
enum MetaCommand {
  static let names = [
    "help", "帮助", "?", "？", "<", "返回", "undo", "撤销", "show", "显示", "check", "检查", "next", "下一张",
    "prev", "上一张", "goto", "转到", "progress", "进度", "compile", "生成", "quit", "exit", "退出",
  ]

  /// Handles `text` if it is a REPL command; false when it is an answer or an entry.
  static func handle(_ text: String, session s: ReplSession) -> Bool {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
    guard let first = words.first else { return false }
    let arg = words.dropFirst().joined(separator: " ")
    switch first {
    case "help", "帮助", "?", "？":
      s.out(arg.isEmpty ? help(s) : commandHelp(arg, s))
    case "<", "返回":
      s.back()
    case "undo", "撤销":
      do {
        if let r = try s.wb.undo() { s.out("已撤销：\(r.command)（记录仍保留在日志中）") } else { s.out("没有可撤销的录入。") }
      } catch { s.out("✗ 撤销失败：\(ErrorText.describe(error))") }
    case "show", "显示":
      s.show(arg.isEmpty ? (s.step.table ?? TableID.t1.rawValue) : arg)
    case "check", "检查":
      s.showAllFindings()
    case "next", "下一张":
      s.advance(report: false)
    case "prev", "上一张":
      if s.stepIndex > 0 { s.go(to: s.stepIndex - 1) }
    case "goto", "转到":
      if let i = WalkStep.index(of: arg, in: s.steps) {
        s.go(to: i)
      } else {
        s.out(
          "找不到“\(arg)”。可输入表的序号（1–\(s.steps.count)）或名称："
            + s.steps.enumerated().map { "\($0.offset + 1) \($0.element.section)·\($0.element.title)" }.joined(separator: "、"))
      }
    case "progress", "进度":
      let findings = s.wb.check().filter { $0.severity != .info }
      for (i, st) in s.steps.enumerated() {
        // A finding is counted at the last table it waits for: 待录入 while that table is not reached yet.
        let here = findings.filter { s.waits($0).max() == i }
        let due = here.filter(s.isDue), waiting = here.count - due.count
        var parts: [String] = []
        if !due.isEmpty { parts.append("\(due.errorCount) 条错误、\(due.warningCount) 条警告") }
        if waiting > 0 { parts.append("\(waiting) 项待录入") }
        let note = parts.isEmpty ? "" : "（\(parts.joined(separator: "，"))）"
        s.out("\(i == s.stepIndex ? "▶" : " ") \(st.isComplete(s.wb.facts) ? "✔" : "·") 第\(i + 1)张 \(st.section)·\(st.title)\(note)")
      }
      s.out(DiagnosticRenderer.summary(findings))
    case "compile", "生成":
      compile(arg.isEmpty ? "out" : arg, s)
    case "quit", "exit", "退出":
      s.leave()
    default:
      return false
    }
    return true
  }

  static func help(_ s: ReplSession) -> String {
    var lines = ["当前：第\(s.stepIndex + 1)/\(s.steps.count)张表 \(s.step.section)·\(s.step.title)", s.step.help]
    if let f = s.currentField { lines.append("现在要填：\(f.prompt)。方括号里是默认值，直接回车即采用。") }
    if let row = s.offered { lines.append("这是上年的一行：\(row.label)。输入本年数；“跳过”留待以后；< 修改科目或名称。") }
    if let c = s.step.command { lines.append("本表的录入命令：\(c.syntax(s.wb.context))（help \(c.keyword) 查看说明）") }
    lines += [
      "命令：< 返回上一项（保留已填内容）；undo 撤销上一条录入；show 表号 查看表（如 show T5）；check 列出全部问题；",
      "      next / prev 下一张 / 上一张表；goto 名称 转到某张表；progress 查看进度；compile 目录 生成文件（有错误时为草稿）；quit 退出。",
      "也可以直接输入完整的录入命令，例如：支出 2010301 基本 212.89 上年 252.41。按 TAB 补全命令、科目编码（可输名称片段，如“行政运”）、项目名称。",
    ]
    return lines.joined(separator: "\n")
  }

  /// `help 支出`: an entry command's help, from its declaration (each command of a group: `help 资产`).
  static func commandHelp(_ word: String, _ s: ReplSession) -> String {
    let words = word.split(separator: " ").map(String.init)
    guard let group = SectionRegistry.index[words[0]] else {
      return "没有录入命令“\(word)”。可用的命令：\(SectionRegistry.index.keywords.joined(separator: "、"))。"
    }
    let chosen = words.count > 1 ? group.filter { $0.sub == words[1] } : group
    return (chosen.isEmpty ? group : chosen).map { $0.help(s.wb.context) }.joined(separator: "\n")
  }

  /// Every format, the PDF too, as `yusuan compile` writes them; with errors a draft rather than a refusal, since the
  /// officer compiles mid-walk to look. A PDF that cannot be made is said, not passed over.
  static func compile(_ dir: String, _ s: ReplSession) {
    do {
      let findings = s.wb.check()
      let errors = findings.errorCount
      s.out("正在生成……")
      let report = try s.wb.publish(to: URL(fileURLWithPath: dir), draft: errors > 0, findings: findings)
      s.out((errors > 0 ? "仍有 \(errors) 条错误，已生成草稿（每页标“草稿”）：" : "已生成：") + report.written.map(\.path).joined(separator: "、"))
      if let why = report.pdfSkipped { s.out("⚠ 未生成 PDF：\(why)") }
      if let glyphs = report.missingGlyphs { s.out("⚠ \(glyphs)") }
    } catch {
      s.out("✗ 生成失败：\(ErrorText.describe(error))")
    }
  }
}
