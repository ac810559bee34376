import YusuanCore

/// The rules of 国有资产 (AssetsPlugin.check): id, severity, title and fix-it text (see `RuleInfo`).
public enum AssetsRuleID: RuleCatalog {
  case vehiclesMissing, equipmentMissing, purchasesMissing, configurationMissing, valueSum, vehicleCategory, vehicleCount, purchaseZero, vehiclePurchase

  public var info: RuleInfo {
    switch self {
    case .vehiclesMissing:
      RuleInfo(
        "assets.vehicles-missing", .error, "未录入车辆占有情况",
        fix: "按类别录入：资产 车辆 机要通信用车 1；没有车辆时：资产 车辆 无。")
    case .equipmentMissing:
      RuleInfo(
        "assets.equipment-missing", .warning, "未说明单价100万元以上设备",
        fix: "录入设备；没有时：资产 设备 无。")
    case .purchasesMissing:
      RuleInfo(
        "assets.purchases-missing", .warning, "未说明本年计划购置",
        fix: "录入计划购置的车辆和设备；没有时：资产 购置 无。")
    case .configurationMissing:
      RuleInfo(
        "assets.configuration-missing", .warning, "未录入通用资产配置支出",
        fix: "录入：资产 配置 \"名称\" 数量 金额 金额；没有时：资产 配置 无。")
    case .valueSum:
      RuleInfo(
        "assets.value-sum", .error, "车辆与其他固定资产之和不等于原值总额",
        fix: "核对固定资产原值总额及其构成。")
    case .vehicleCategory:
      RuleInfo(
        "assets.vehicle-category", .warning, "车辆未按类别列示",
        fix: "按类别录入：资产 车辆 类别 数量。")
    case .vehicleCount:
      RuleInfo(
        "assets.vehicle-count", .error, "车辆总数与按类别的合计不等",
        fix: "核对车辆总数和按类别录入的辆数。")
    case .purchaseZero:
      RuleInfo(
        "assets.purchase-zero", .warning, "计划购置的金额为0",
        fix: "核对金额，或删除该计划。")
    case .vehiclePurchase:
      RuleInfo(
        "cross.vehicle-purchase", .warning, "公务用车购置费与计划购置车辆不一致",
        fix: "使“三公”经费中的公务用车购置费等于计划购置车辆的金额。")
    }
  }
}

extension AssetsPlugin {
  public var rules: [RuleInfo] { AssetsRuleID.entries }
}
