import YusuanCore

/// The rules of 绩效 (PerformancePlugin.check): id, severity, title and fix-it text (see `RuleInfo`).
public enum PerformanceRuleID: RuleCatalog {
  case noneManaged, goalMissing, goalFunds, indicators, orphan, unmanaged, indicatorDuplicate, indicatorValue

  public var info: RuleInfo {
    switch self {
    case .noneManaged:
      RuleInfo(
        "performance.none", .warning, "有项目而没有一个实行绩效管理",
        fix: "在项目后加“绩效管理”，并录入绩效目标表。")
    case .goalMissing:
      RuleInfo(
        "performance.goal-missing", .error, "绩效管理项目没有绩效目标表",
        fix: "录入：绩效 \"项目名称\" 总额 金额 目标 \"……\"。")
    case .goalFunds:
      RuleInfo(
        "performance.goal-funds", .error, "绩效目标表的资金与项目不符",
        fix: "使年度资金总额等于项目金额，且财政拨款、上年结转、其他资金之和等于总额。")
    case .indicators:
      RuleInfo(
        "performance.indicators", .error, "绩效指标缺少一级指标",
        fix: "补齐产出、效益、满意度三类一级指标：指标 \"项目名称\" 一级 二级 \"三级\" \"指标值\"。", varies: "缺少部分一级指标时为警告")
    case .orphan:
      RuleInfo(
        "performance.orphan", .error, "绩效目标表的项目不在项目支出表中",
        fix: "核对项目名称。")
    case .unmanaged:
      RuleInfo(
        "performance.unmanaged", .warning, "有绩效目标表的项目未标“绩效管理”",
        fix: "在项目后加“绩效管理”。")
    case .indicatorDuplicate:
      RuleInfo(
        "performance.indicator-duplicate", .warning, "两个二级指标的内容完全相同",
        fix: "为每个二级指标填写自己的三级指标和指标值。")
    case .indicatorValue:
      RuleInfo(
        "performance.indicator-value", .warning, "指标值仍是模板中的选项",
        fix: "填写选定的、可衡量的指标值。")
    }
  }
}

extension PerformancePlugin {
  public var rules: [RuleInfo] { PerformanceRuleID.entries }
}
