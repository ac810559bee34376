// 绩效目标 (performance): a project's 绩效目标表 and its indicators.

/// A project's 绩效目标表 header.
public struct PerformanceGoal: Hashable, Sendable, Codable {
  public var project: String
  /// 主管部门及代码.
  public var department: String?
  /// 实施单位.
  public var implementer: String?
  /// 新增项目 / 延续项目.
  public var origin: String?
  /// 项目期, e.g. 2024-1-1至2024-12-31.
  public var period: String?
  public var total: Amount
  public var appropriation: Amount?
  public var carryover: Amount?
  public var other: Amount?
  /// 年度目标.
  public var objective: String
  public init(
    project: String, department: String? = nil, implementer: String? = nil, origin: String? = nil, period: String? = nil, total: Amount,
    appropriation: Amount? = nil, carryover: Amount? = nil, other: Amount? = nil, objective: String
  ) {
    self.project = project; self.department = department; self.implementer = implementer; self.origin = origin; self.period = period
    self.total = total; self.appropriation = appropriation; self.carryover = carryover; self.other = other; self.objective = objective
  }
}

/// One row of a 绩效目标表: 一级 / 二级 / 三级指标 and its value.
public struct Indicator: Hashable, Sendable, Codable {
  public var project: String
  public var ordinal: Int
  public var level1: String
  public var level2: String
  public var level3: String
  public var value: String
  public init(project: String, ordinal: Int, level1: String, level2: String, level3: String, value: String) {
    self.project = project; self.ordinal = ordinal; self.level1 = level1; self.level2 = level2; self.level3 = level3; self.value = value
  }
  public static let level1Names = ["产出指标", "效益指标", "满意度指标"]
  /// The usual 二级指标 of each 一级指标 (财政部's 项目支出绩效目标 framework); others may be entered.
  public static let level2Names: [String: [String]] = [
    "产出指标": ["数量指标", "质量指标", "时效指标", "成本指标"],
    "效益指标": ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
    "满意度指标": ["服务对象满意度指标"],
  ]
}
