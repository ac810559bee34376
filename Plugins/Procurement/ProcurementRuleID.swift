import YusuanCore

/// The rules of 政府采购与购买服务 (ProcurementPlugin.check): id, severity, title and fix-it text (see `RuleInfo`).
public enum ProcurementRuleID: RuleCatalog {
  case procurementMissing, servicesMissing, procurementZero

  public var info: RuleInfo {
    switch self {
    case .procurementMissing:
      RuleInfo(
        "procurement.missing", .error, "未录入政府采购",
        fix: "录入采购项目；没有时：采购 无。")
    case .servicesMissing:
      RuleInfo(
        "services.missing", .error, "未录入政府购买服务",
        fix: "录入购买服务；没有时：购买服务 无。")
    case .procurementZero:
      RuleInfo(
        "procurement.zero", .warning, "采购项目金额为0",
        fix: "没有采购时删除该项，录入：采购 无。")
    }
  }
}

extension ProcurementPlugin {
  public var rules: [RuleInfo] { ProcurementRuleID.entries }
}
