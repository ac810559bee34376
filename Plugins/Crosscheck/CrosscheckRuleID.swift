import YusuanCore

/// The rules of 核对数 (CrosscheckPlugin.check): id, severity, title and fix-it text (see `RuleInfo`).
public enum CrosscheckRuleID: RuleCatalog {
  case unresolved, sumDeclared

  public var info: RuleInfo {
    switch self {
    case .unresolved:
      RuleInfo(
        "declared.unresolved", .warning, "无法推算要核对的表、行或列",
        fix: "检查核对行的表号、行和列。")
    case .sumDeclared:
      RuleInfo(
        "sum.declared", .error, "印出的数字与按明细推算的不等",
        fix: "核对印出的数字或明细的录入。")
    }
  }
}

extension CrosscheckPlugin {
  public var rules: [RuleInfo] { CrosscheckRuleID.entries }
}
