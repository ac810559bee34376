// 国有资产 (assets): vehicles and equipment held, planned purchases, 通用资产配置 (T13), the register's values.

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
  public init(ordinal: Int, name: String, count: Int, amounts: [FundSource: Amount]) {
    self.ordinal = ordinal; self.name = name; self.count = count; self.amounts = amounts
  }
  public var total: Amount { amounts.values.sum() }
}

/// Original value of fixed assets at 31 December of the prior year, as the asset register states it.
public struct AssetValue: Hashable, Sendable, Codable {
  public var total: Amount
  public var vehicles: Amount?
  public var other: Amount?
  public var vehicleCount: Int?
  public init(total: Amount, vehicles: Amount? = nil, other: Amount? = nil, vehicleCount: Int? = nil) {
    self.total = total; self.vehicles = vehicles; self.other = other; self.vehicleCount = vehicleCount
  }
}
