import YusuanCore

/// The catalog of findings of the pipeline itself, not of one section: id, severity, title and fix-it text (see `RuleInfo`).
public enum WorkbenchRuleID: RuleCatalog {
  case pluginFailed, amountOverflow, scriptInvalid

  public var info: RuleInfo {
    switch self {
    case .pluginFailed:
      RuleInfo(
        "plugin.failed", .error, "某部分的检查未能完成",
        fix: "其余部分的检查结果仍然有效；请报告此问题。")
    case .amountOverflow:
      RuleInfo(
        "amount.overflow", .error, "金额之和超出可处理的范围",
        fix: "核对最大的一笔金额（每笔不超过 100000000 万元），改正后重新检查。")
    case .scriptInvalid:
      RuleInfo(
        "script.invalid", .error, "录入脚本有错",
        fix: "按 文件:行:列 处的说明改正该行，再重新运行。")
    }
  }
}
