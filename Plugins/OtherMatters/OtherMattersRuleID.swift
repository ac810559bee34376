import YusuanCore

/// The rules of 其他重要事项 (OtherMattersPlugin.check): id, severity, title and fix-it text (see `RuleInfo`).
public enum OtherMattersRuleID: RuleCatalog {
  case exceedsPublic, glossaryContradiction, priorMissing, operatingCostMissing, noteTableUnknown

  public var info: RuleInfo {
    switch self {
    case .exceedsPublic:
      RuleInfo(
        "operating-cost.exceeds-public", .warning, "机关运行经费超过公用经费",
        fix: "核对机关运行经费或经济分类中的公用经费。")
    case .glossaryContradiction:
      RuleInfo(
        "operating-cost.glossary", .warning, "机关运行经费与公用经费不同，而名词解释说两者相同",
        fix: "核对机关运行经费和公用经费；确实不同时，改写版本名词解释中机关运行经费的定义。")
    case .priorMissing:
      RuleInfo(
        "operating-cost.prior-missing", .warning, "机关运行经费缺少上年预算数",
        fix: "录入：机关运行经费 金额 上年 金额。")
    case .operatingCostMissing:
      RuleInfo(
        "operating-cost.missing", .error, "行政单位未录入机关运行经费",
        fix: "录入：机关运行经费 金额 上年 金额。")
    case .noteTableUnknown:
      RuleInfo(
        "note.table-unknown", .warning, "说明所对的表不在本版本中",
        fix: "删除该说明，或改为本版本中的表号。")
    }
  }
}

extension OtherMattersPlugin {
  public var rules: [RuleInfo] { OtherMattersRuleID.entries }
}
