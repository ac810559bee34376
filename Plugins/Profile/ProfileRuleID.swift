import YusuanCore

/// The rules of 部门概况 (ProfilePlugin.check): id, severity, title and fix-it text (see `RuleInfo`).
public enum ProfileRuleID: RuleCatalog {
  case dutiesMissing, unitsMissing, tasksMissing

  public var info: RuleInfo {
    switch self {
    case .dutiesMissing:
      RuleInfo(
        "profile.duties-missing", .error, "未录入主要职责",
        fix: "录入：职责 \"……\"。")
    case .unitsMissing:
      RuleInfo(
        "profile.units-missing", .warning, "未录入预算单位构成",
        fix: "至少录入本级：单位 \"部门名称\" 机关。")
    case .tasksMissing:
      RuleInfo(
        "profile.tasks-missing", .warning, "未录入年度主要工作任务",
        fix: "录入：任务 \"……\"。")
    }
  }
}

extension ProfilePlugin {
  public var rules: [RuleInfo] { ProfileRuleID.entries }
}
