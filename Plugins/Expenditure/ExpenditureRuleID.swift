import YusuanCore

/// The rules of 支出 (ExpenditurePlugin.check): id, severity, title and fix-it text (see `RuleInfo`).
public enum ExpenditureRuleID: RuleCatalog {
  case projectCarried, displayRounding, expenditureMissing, economicMissing, basicEconomic, basicSplitSum, basicSplitMissing, basicSplitEconomic, projectList,
    sumPrior, changePriorMissing, unitUnknown

  public var info: RuleInfo {
    switch self {
    case .projectCarried:
      RuleInfo(
        "project.carried", .warning, "从上年带入的项目未确认",
        fix: "重新录入该项目的本年金额；本年不再安排时删除：删除 项目 \"名称\"。")
    case .displayRounding:
      RuleInfo(
        "display.rounding", .info, "按元录入的金额分配了尾差",
        fix: "无须处理：为使公开表中的合计等于各分项之和，按最大余数法分配了0.01万元的尾差。")
    case .expenditureMissing:
      RuleInfo(
        "expenditure.missing", .error, "未录入任何支出",
        fix: "按功能分类项级录入：支出 2010301 基本 金额。")
    case .economicMissing:
      RuleInfo(
        "economic.missing", .error, "基本支出未按经济分类录入",
        fix: "按经济分类款级录入：经济 30101 金额。")
    case .basicEconomic:
      RuleInfo(
        "cross.basic-economic", .error, "基本支出按功能分类与按经济分类不等",
        fix: "核对支出行的基本支出或经济分类的录入，使两者相等。")
    case .basicSplitSum:
      RuleInfo(
        "basic-split.sum", .error, "某类的人员经费加公用经费不等于其基本支出",
        fix: "核对：基本支出 类 人员经费 金额 公用经费 金额。")
    case .basicSplitMissing:
      RuleInfo(
        "basic-split.missing", .error, "收支总表须按类分列人员经费和公用经费而未分列",
        fix: "录入：基本支出 类 人员经费 金额 公用经费 金额。")
    case .basicSplitEconomic:
      RuleInfo(
        "cross.basic-split-economic", .error, "按类分列的人员经费或公用经费与经济分类不等",
        fix: "核对“基本支出”各行或经济分类的录入。")
    case .projectList:
      RuleInfo(
        "cross.project-list", .error, "项目支出与项目支出表不等",
        fix: "核对项目的金额和科目，使各科目下的项目合计等于该科目的项目支出。")
    case .sumPrior:
      RuleInfo(
        "sum.prior", .error, "录入的上年数不等于其下各项之和",
        fix: "核对上年数。")
    case .changePriorMissing:
      RuleInfo(
        "change.prior-missing", .warning, "项级科目没有上年预算数",
        fix: "在支出行加“上年 金额”；上年没有此项时写 上年 0。")
    case .unitUnknown:
      RuleInfo(
        "unit.unknown", .warning, "单位不在预算单位构成中",
        fix: "统一单位名称，或先录入：单位 \"名称\" 事业。")
    }
  }
}

extension ExpenditurePlugin {
  public var rules: [RuleInfo] { ExpenditureRuleID.entries }
}
