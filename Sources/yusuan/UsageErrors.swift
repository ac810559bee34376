import ArgumentParser
import Foundation
import YusuanCore

/// swift-argument-parser's own errors and help, in Chinese (issue 14: `Missing expected argument`, `Unknown option`,
/// `The value 'abc' is invalid` reached the officer as they were).
///
/// The parser's error types (`CommandError`, `ParserError`) are internal to it, so the kind is read by reflection:
/// the case name of the `ParserError` and the command it was parsing. What the case is about (the option, the
/// value) is taken from the quoted parts of the parser's English message, whose wording is stable. An error not
/// recognised still gets a Chinese message, the command's usage and exit code 2: nothing English gets through.
enum UsageErrors {
  struct Translated {
    var message: String
    var code: Int32
  }

  /// The parser's error as a Chinese message with the command's usage; nil for help and version requests
  /// (`exitCode(for:)` is success) and for errors that are not the parser's.
  static func translate(_ error: Error) -> Translated? {
    guard Yusuan.exitCode(for: error) != .success else { return nil }
    let (kind, values, command) = inspect(error)
    guard kind != nil || error is ValidationError else { return nil }
    let english = Yusuan.message(for: error)
    let quoted = quotedParts(english)
    let sub = command.map { Yusuan.subcommandPath($0) } ?? ""
    // Our own validation (`validate()` throws CLIFailure or ValidationError) is already Chinese.
    if kind == "userValidationError" || error is ValidationError {
      let inner = values.first as? Error ?? error
      if let f = inner as? CLIFailure { return Translated(message: f.message + usage(command), code: f.code) }
      if let v = inner as? ValidationError { return Translated(message: v.message + usage(command), code: 2) }
      return Translated(message: "命令行参数有误。" + usage(command), code: 2)
    }
    let message: String
    switch kind {
    case "unknownOption":
      let suggestion = quoted.count > 1 ? "是否想用 \(quoted[1])？" : ""
      message = "不认识的选项“\(quoted.first ?? "")”。\(suggestion)"
    case "missingValueForOption":
      let what = label(quoted.first)
      message = "选项 \(what)\(what.hasSuffix("）") ? "" : " ")后缺少值。"
    case "missingValueOrUnknownCompositeOption":
      message = "不认识的选项“\(quoted.first ?? "")”。"
    case "unexpectedValueForOption":
      message = "选项 \(quoted.first ?? "") 不带值，却写了“\(quoted.count > 1 ? quoted[1] : "")”。"
    case "unexpectedExtraValues":
      if sub.isEmpty || command.map({ !$0.configuration.subcommands.isEmpty }) == true {
        let names = (command ?? Yusuan.self).configuration.subcommands.map { $0._commandName }.joined(separator: "、")
        message = "不认识的子命令“\(quoted.first ?? "")”。可用的子命令：\(names)。"
      } else {
        message = "多余的参数：" + quoted.map { "“\($0)”" }.joined(separator: "、") + "。"
      }
    case "noValue":
      message = quoted.count > 1 ? "缺少参数：" + quoted.map(label).joined(separator: " 或 ") + "。" : "缺少参数：\(label(quoted.first))。"
    case "unableToParseValue":
      let value = quoted.first ?? ""
      let choices = quoted.count > 2 ? "可选：" + quoted.dropFirst(2).joined(separator: "、") + "。" : ""
      let what = label(quoted.count > 1 ? quoted[1] : nil)
      message = "“\(value)”不是 \(what)\(what.hasSuffix("）") ? "" : " ")的有效值。\(choices)"
    case "duplicateExclusiveValues":
      message = "选项 \(quoted.first ?? "") 与前面的选项互相冲突，只能写其中一个。"
    case "invalidOption", "nonAlphanumericShortOption":
      message = "无效的选项“\(values.first.map { "\($0)" } ?? "")”。"
    case "missingSubcommand":
      message = "缺少子命令。"
    default:
      message = "命令行参数有误。"
    }
    return Translated(message: message + usage(command), code: 2)
  }

  /// `'--year <年度>'` → `--year（年度）`; `'<工作簿>'` → `工作簿`.
  static func label(_ synopsis: String?) -> String {
    guard let s = synopsis?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return "" }
    let parts = s.split(separator: " ", maxSplits: 1).map(String.init)
    func bare(_ p: String) -> String { p.trimmingCharacters(in: CharacterSet(charactersIn: "<>.… ")) }
    if parts[0].hasPrefix("-") { return parts.count > 1 ? "\(parts[0])（\(bare(parts[1]))）" : parts[0] }
    return bare(s)
  }

  /// The command's usage line (its arguments named in Chinese) and where to read more.
  static func usage(_ command: ParsableCommand.Type?) -> String {
    let cmd = command ?? Yusuan.self
    let line = cmd == Yusuan.self ? (Yusuan.configuration.usage ?? "yusuan 子命令 …") : Yusuan.usageString(for: cmd)
    let path = Yusuan.subcommandPath(cmd)
    return "\n用法：\(chinese(line))\n运行 yusuan \(path.isEmpty ? "" : path + " ")--help 查看详细说明。"
  }

  /// The kind of a parser error (the `ParserError` case name), its associated values, and the command being parsed.
  static func inspect(_ error: Error) -> (kind: String?, values: [Any], command: ParsableCommand.Type?) {
    var parserError: Any = error
    var command: ParsableCommand.Type?
    let top = Mirror(reflecting: error)
    if String(describing: type(of: error)) == "CommandError" {
      for child in top.children {
        if child.label == "parserError" { parserError = child.value }
        if child.label == "commandStack", let stack = child.value as? [ParsableCommand.Type] { command = stack.last }
      }
    }
    guard String(describing: type(of: parserError)) == "ParserError" else { return (nil, [], command) }
    let mirror = Mirror(reflecting: parserError)
    guard let case_ = mirror.children.first else { return ("\(parserError)", [], command) }
    let payload = Mirror(reflecting: case_.value)
    let values = payload.displayStyle == .tuple ? payload.children.map(\.value) : [case_.value]
    return (case_.label, values, command)
  }

  /// The parts of the parser's message between single quotes, in order.
  static func quotedParts(_ s: String) -> [String] {
    var out: [String] = [], current = "", inside = false
    for c in s {
      if c == "'" {
        if inside { out.append(current); current = "" }
        inside.toggle()
      } else if inside {
        current.append(c)
      }
    }
    return out
  }

  /// The parser's help text with its English headings and boilerplate in Chinese.
  static func chinese(_ help: String) -> String {
    var s = help
    let replacements: [(String, String)] = [
      ("OVERVIEW: ", "说明："), ("USAGE: ", "用法："), ("ARGUMENTS:", "参数："), ("OPTIONS:", "选项："), ("SUBCOMMANDS:", "子命令："),
      ("Show help information.", "显示帮助。"), ("Show the version.", "显示版本。"), ("<subcommand>", "<子命令>"),
    ]
    for (a, b) in replacements { s = s.replacingOccurrences(of: a, with: b) }
    s = s.replacingOccurrences(
      of: #"See 'yusuan help ([^']*)<子命令>' for detailed help\."#, with: "运行 yusuan help $1子命令 查看各子命令的详细说明。", options: .regularExpression)
    s = s.replacingOccurrences(of: #"\s?\(values:\s+([^;)]*);\s+default:\s+([^)]*)\)"#, with: "（可选：$1；默认：$2）", options: .regularExpression)
    s = s.replacingOccurrences(of: #"\s?\(values:\s+([^)]*)\)"#, with: "（可选：$1）", options: .regularExpression)
    s = s.replacingOccurrences(of: #"\s?\(default:\s+([^)]*)\)"#, with: "（默认：$1）", options: .regularExpression)
    return s
  }
}

extension Yusuan {
  /// `new`, `catalog import`: the words after `yusuan` that name a subcommand.
  static func subcommandPath(_ command: ParsableCommand.Type) -> String {
    var path: [String] = []
    func find(_ node: ParsableCommand.Type, _ trail: [String]) -> Bool {
      if node == command { path = trail; return true }
      return node.configuration.subcommands.contains { find($0, trail + [$0._commandName]) }
    }
    _ = find(Yusuan.self, [])
    return path.joined(separator: " ")
  }
}
