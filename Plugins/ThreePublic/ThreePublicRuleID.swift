import YusuanCore

/// The rules of “三公”经费 (ThreePublicPlugin.check): id, severity, title and fix-it text (see `RuleInfo`).
public enum ThreePublicRuleID: RuleCatalog {
  case threePublicMissing, itemMissing, threePublicEconomic, priorMissing

  public var info: RuleInfo {
    switch self {
    case .threePublicMissing:
      RuleInfo(
        "three-public.missing", .error, "未录入“三公”经费",
        fix: "录入四项，例如：三公 公务接待费 1.90 上年 2.00；全部为零时：三公 无。")
    case .itemMissing:
      RuleInfo(
        "three-public.item-missing", .warning, "“三公”经费缺少一项",
        fix: "明确录入该项，为零时写：三公 项目 0。")
    case .threePublicEconomic:
      RuleInfo(
        "cross.three-public-economic", .error, "“三公”经费少于对应经济分类科目",
        fix: "核对“三公”经费或其对应的经济分类科目的录入（消息中列出了这些科目）。")
    case .priorMissing:
      RuleInfo(
        "three-public.prior-missing", .warning, "“三公”经费缺少上年预算数",
        fix: "录入：三公 项目 金额 上年 金额。")
    }
  }
}

extension ThreePublicPlugin {
  public var rules: [RuleInfo] { ThreePublicRuleID.entries }
}
