/// The facts of one department-year: everything an officer enters, once. Every table and sentence derives from these.
///
/// Facts are kept by key; entering a fact with an existing key replaces it (a correction), so a script can be
/// re-run and an entry corrected without duplicates. Each kind of fact belongs to one section plugin.

/// A numbered text item of a list (职责, 主要工作任务), kept in order.
public struct ListItem: Hashable, Sendable, Codable {
  public var ordinal: Int
  public var text: String
  public init(ordinal: Int, text: String) { self.ordinal = ordinal; self.text = text }
}

/// A 预算单位 consolidated into the department's budget (预算单位构成).
public struct BudgetUnit: Hashable, Sendable, Codable {
  public var ordinal: Int
  public var name: String
  /// 机关 / 参公事业 / 事业 / 其他.
  public var nature: String
  public init(ordinal: Int, name: String, nature: String) { self.ordinal = ordinal; self.name = name; self.nature = nature }
  public static let natures = ["机关", "参公事业", "事业", "其他"]
}

/// Revenue by source, as the officer enters it; checked against the expenditure it funds.
public struct RevenueFact: Hashable, Sendable, Codable {
  public var source: FundSource
  public var amount: Amount
  public var prior: Amount?
  public init(source: FundSource, amount: Amount, prior: Amount? = nil) { self.source = source; self.amount = amount; self.prior = prior }
}

/// One expenditure line: a 功能分类 项 × 基本/项目 × funding source × unit.
public struct ExpenditureLine: Hashable, Sendable, Codable {
  public var code: String
  public var kind: SpendingKind
  public var source: FundSource
  /// nil = the department's own 本级.
  public var unit: String?
  public var amount: Amount
  public var prior: Amount?
  /// The name as the officer typed or the document printed it; nil means the catalog's name.
  public var name: String?

  public init(code: String, kind: SpendingKind, source: FundSource = .general, unit: String? = nil, amount: Amount, prior: Amount? = nil, name: String? = nil) {
    self.code = code; self.kind = kind; self.source = source; self.unit = unit; self.amount = amount; self.prior = prior; self.name = name
  }
}

/// A prior-year figure known only in aggregate (a 类, a 款, or a named total), e.g. from last year's published document.
public struct AggregatePrior: Hashable, Sendable, Codable {
  /// A function code, or a subject name such as 合计 / 基本支出 / 项目支出.
  public var subject: String
  public var amount: Amount
  public init(subject: String, amount: Amount) { self.subject = subject; self.amount = amount }
}

/// Why a figure changed from last year, entered once and reused by every sentence that states the change.
public struct Reason: Hashable, Sendable, Codable {
  public var subject: String
  public var text: String
  public init(subject: String, text: String) { self.subject = subject; self.text = text }
}

/// 基本支出 by 部门预算支出经济分类 款.
public struct EconomicLine: Hashable, Sendable, Codable {
  public var code: String
  public var unit: String?
  public var amount: Amount
  public var prior: Amount?
  public var name: String?
  /// 人员经费 or 公用经费; nil = by the 类 (301/303 人员经费, others 公用经费).
  public var category: EconomicCategory?
  public init(code: String, unit: String? = nil, amount: Amount, prior: Amount? = nil, name: String? = nil, category: EconomicCategory? = nil) {
    self.code = code; self.unit = unit; self.amount = amount; self.prior = prior; self.name = name; self.category = category
  }

  public var effectiveCategory: EconomicCategory { category ?? EconomicCategory.default(for: code) }
}

public enum EconomicCategory: String, Sendable, Codable {
  case personnel = "人员经费"
  case publicUse = "公用经费"

  /// 工资福利支出 (301) and 对个人和家庭的补助 (303) are 人员经费; the rest 公用经费.
  public static func `default`(for code: String) -> EconomicCategory {
    code.hasPrefix("301") || code.hasPrefix("303") ? .personnel : .publicUse
  }
}

/// 基本支出 of a 功能分类 类 split into 人员经费 and 公用经费 (all funds, all units), for a 收支总表 that prints the
/// split beside each 类 (Shanghai's 单位预算: `columns` of T1). The lines of 支出 carry no such split, and the 经济分类
/// lines carry no function code, so it is entered as the table prints it.
public struct BasicSplit: Hashable, Sendable, Codable {
  /// The 类 (3 digits).
  public var code: String
  public var personnel: Amount
  public var publicUse: Amount
  public init(code: String, personnel: Amount, publicUse: Amount) { self.code = code; self.personnel = personnel; self.publicUse = publicUse }

  public func amount(_ c: EconomicCategory) -> Amount { c == .personnel ? personnel : publicUse }
}

/// A project (项目支出表 row).
public struct Project: Hashable, Sendable, Codable {
  public var ordinal: Int
  public var name: String
  /// 日常运转类 / 特定目标类 / … (the edition lists the usual ones).
  public var type: String
  public var unit: String?
  /// The 功能分类 项 the project is budgeted under, when known.
  public var code: String?
  public var amounts: [FundSource: Amount]
  public var prior: Amount?
  /// Under 绩效管理: needs a 绩效目标表.
  public var performanceManaged: Bool
  /// Carried from last year's workbook and not yet confirmed for this year (待确认).
  public var carried: Bool? = nil

  public init(ordinal: Int, name: String, type: String, unit: String? = nil, code: String? = nil, amounts: [FundSource: Amount], prior: Amount? = nil, performanceManaged: Bool = false) {
    self.ordinal = ordinal; self.name = name; self.type = type; self.unit = unit; self.code = code; self.amounts = amounts; self.prior = prior; self.performanceManaged = performanceManaged
  }

  public var total: Amount { amounts.values.sum() }
}

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
  public init(project: String, department: String? = nil, implementer: String? = nil, origin: String? = nil, period: String? = nil, total: Amount, appropriation: Amount? = nil, carryover: Amount? = nil, other: Amount? = nil, objective: String) {
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

/// The four 三公经费 items.
public enum ThreePublicItem: String, Sendable, Codable, CaseIterable {
  case overseas = "因公出国（境）费"
  case vehiclePurchase = "公务用车购置费"
  case vehicleOperation = "公务用车运行维护费"
  case reception = "公务接待费"

  /// The 经济分类 款 that carries each item (30212, 30231, 30217; 31013 / 30913 for purchases).
  public var economicCodes: [String] {
    switch self {
    case .overseas: return ["30212"]
    case .vehiclePurchase: return ["31013", "30913"]
    case .vehicleOperation: return ["30231"]
    case .reception: return ["30217"]
    }
  }

  public static func named(_ w: String) -> ThreePublicItem? {
    let k = NameKey.of(w)
    switch k {
    case "因公出国（境）费", "因公出国（境）费用", "因公出国（境）", "出国", "因公出国": return .overseas
    case "公务用车购置费", "公务用车购置", "购置", "车辆购置": return .vehiclePurchase
    case "公务用车运行维护费", "公务用车运行费", "公务用车运行", "运行", "运行维护": return .vehicleOperation
    case "公务接待费", "公务接待", "接待": return .reception
    default: return nil
    }
  }
}

public struct ThreePublicFact: Hashable, Sendable, Codable {
  public var item: ThreePublicItem
  public var amount: Amount
  public var prior: Amount?
  public init(item: ThreePublicItem, amount: Amount, prior: Amount? = nil) { self.item = item; self.amount = amount; self.prior = prior }
}

/// 机关运行经费.
public struct OperatingCost: Hashable, Sendable, Codable {
  public var amount: Amount
  public var prior: Amount?
  public init(amount: Amount, prior: Amount? = nil) { self.amount = amount; self.prior = prior }
}

/// 政府采购: 货物 / 工程 / 服务.
public enum ProcurementCategory: String, Sendable, Codable, CaseIterable {
  case goods = "货物"
  case works = "工程"
  case services = "服务"
}

public struct ProcurementItem: Hashable, Sendable, Codable {
  public var ordinal: Int
  public var category: ProcurementCategory
  public var name: String
  public var amounts: [FundSource: Amount]
  public init(ordinal: Int, category: ProcurementCategory, name: String, amounts: [FundSource: Amount]) {
    self.ordinal = ordinal; self.category = category; self.name = name; self.amounts = amounts
  }
  public var total: Amount { amounts.values.sum() }
}

/// 政府购买服务.
public struct PurchasedService: Hashable, Sendable, Codable {
  public var ordinal: Int
  public var name: String
  /// 购买方式 (公开招标, 竞争性磋商, 委托 …).
  public var method: String
  /// 购买服务起止时间.
  public var period: String
  public var amounts: [FundSource: Amount]
  public init(ordinal: Int, name: String, method: String, period: String, amounts: [FundSource: Amount]) {
    self.ordinal = ordinal; self.name = name; self.method = method; self.period = period; self.amounts = amounts
  }
  public var total: Amount { amounts.values.sum() }
}

/// A section the officer declares empty on purpose (采购 无), so "missing" and "none" differ.
public struct EmptySection: Hashable, Sendable, Codable {
  public var section: String
  public init(section: String) { self.section = section }
}

/// Vehicles held at 31 December of the prior year, by category.
public struct VehicleHolding: Hashable, Sendable, Codable {
  public var category: String
  public var count: Int
  public init(category: String, count: Int) { self.category = category; self.count = count }
  public static let usualCategories = ["主要领导干部用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车", "离退休干部服务用车", "其他用车", "一般公务用车"]
}

/// Equipment with a unit value of 100万元 or more.
public struct Equipment: Hashable, Sendable, Codable {
  public var name: String
  public var count: Int
  public var value: Amount?
  public init(name: String, count: Int, value: Amount? = nil) { self.name = name; self.count = count; self.value = value }
}

/// A planned purchase of a vehicle or of equipment ≥ 100万元 in the budget year.
public struct PlannedPurchase: Hashable, Sendable, Codable {
  public var kind: String  // 车辆 / 设备
  public var name: String
  public var count: Int
  public var amount: Amount
  public init(kind: String, name: String, count: Int, amount: Amount) { self.kind = kind; self.name = name; self.count = count; self.amount = amount }
}

/// 通用资产配置 (T13).
public struct AssetConfiguration: Hashable, Sendable, Codable {
  public var ordinal: Int
  public var name: String
  public var count: Int
  public var amounts: [FundSource: Amount]
  public init(ordinal: Int, name: String, count: Int, amounts: [FundSource: Amount]) { self.ordinal = ordinal; self.name = name; self.count = count; self.amounts = amounts }
  public var total: Amount { amounts.values.sum() }
}

/// Original value of fixed assets at 31 December of the prior year, as the asset register states it.
public struct AssetValue: Hashable, Sendable, Codable {
  public var total: Amount
  public var vehicles: Amount?
  public var other: Amount?
  public var vehicleCount: Int?
  public init(total: Amount, vehicles: Amount? = nil, other: Amount? = nil, vehicleCount: Int? = nil) { self.total = total; self.vehicles = vehicles; self.other = other; self.vehicleCount = vehicleCount }
}

/// A note printed under a table (why it is empty), overriding the edition's wording.
public struct TableNote: Hashable, Sendable, Codable {
  public var table: String
  public var text: String
  public init(table: String, text: String) { self.table = table; self.text = text }
}

/// A figure as printed in a table (or imported from the budget system) for something yusuan derives.
/// It is checked against the derived value, so figures typed twice can no longer disagree unnoticed.
public struct DeclaredFigure: Hashable, Sendable, Codable {
  public var ordinal: Int
  public var table: String
  /// A classification code as printed, or a row label (合计, 人员经费, 公用经费 …).
  public var row: String
  public var name: String?
  /// Column label → value: 合计, 基本支出, 项目支出, 上年, or a fund source.
  public var values: [String: Amount]
  public init(ordinal: Int, table: String, row: String, name: String? = nil, values: [String: Amount]) {
    self.ordinal = ordinal; self.table = table; self.row = row; self.name = name; self.values = values
  }
}
