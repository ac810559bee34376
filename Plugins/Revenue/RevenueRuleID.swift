import YusuanCore

/// The rules of 收入 (RevenuePlugin.check): id, severity, title and fix-it text (see `RuleInfo`).
public enum RevenueRuleID: RuleCatalog {
  case revenueMissing, revenueExpenditure, revenueExpenditurePrior

  public var info: RuleInfo {
    switch self {
    case .revenueMissing:
      RuleInfo(
        "revenue.missing", .error, "有支出而未录入收入",
        fix: "录入收入：收入 一般公共预算 金额。")
    case .revenueExpenditure:
      RuleInfo(
        "cross.revenue-expenditure", .error, "收入与支出不平衡",
        fix: "核对收入或支出的资金来源，使每个来源的收入等于按该来源安排的支出。")
    case .revenueExpenditurePrior:
      RuleInfo(
        "cross.revenue-expenditure-prior", .error, "上年收入与上年支出不等",
        fix: "核对收入和支出的上年数。")
    }
  }
}

extension RevenuePlugin {
  public var rules: [RuleInfo] { RevenueRuleID.entries }
}
