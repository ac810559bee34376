/// Where money comes from. The order is the column order of 收入总表 (T2) after 合计.
public enum FundSource: String, Sendable, Codable, CaseIterable, Comparable {
  case carryover = "上年结转"
  case general = "一般公共预算"
  case governmentFund = "政府性基金预算"
  case stateCapital = "国有资本经营预算"
  case specialAccount = "财政专户管理资金"
  case unitFunds = "单位资金"

  /// Words officers use for each source (older editions say 纳入专户管理非税收入 and 其他收入).
  public static let aliases: [String: FundSource] = {
    var m: [String: FundSource] = [:]
    let table: [(FundSource, [String])] = [
      (.carryover, ["上年结转", "结转", "上年结转资金"]),
      (.general, ["一般公共预算", "一般公共预算拨款", "一般公共预算拨款收入", "一般公共预算资金", "一般预算", "公共预算", "财政拨款"]),
      (.governmentFund, ["政府性基金预算", "政府性基金", "政府性基金预算拨款", "政府性基金预算拨款收入", "政府性基金预算资金", "基金预算"]),
      (.stateCapital, ["国有资本经营预算", "国有资本经营", "国有资本经营预算拨款", "国有资本经营预算拨款收入", "国有资本经营预算资金", "国资预算"]),
      (.specialAccount, ["财政专户管理资金", "财政专户", "纳入专户管理非税收入", "专户管理非税收入", "专户资金"]),
      // Shanghai prints 单位资金 as 事业收入, 事业单位经营收入 and 其他收入 (added together on import).
      (.unitFunds, ["单位资金", "其他收入", "事业收入", "事业单位经营收入", "经营收入", "单位自有资金"]),
    ]
    for (s, names) in table { for n in names { m[n] = s } }
    return m
  }()

  public static func named(_ word: String) -> FundSource? { aliases[NameKey.of(word)] }

  /// Funds that are 财政拨款 (appropriations), shown in 财政拨款收支总表.
  public var isAppropriation: Bool { self == .general || self == .governmentFund || self == .stateCapital }

  /// Column order; a switch, because sorting compares sources often.
  var order: Int {
    switch self {
    case .carryover: return 0
    case .general: return 1
    case .governmentFund: return 2
    case .stateCapital: return 3
    case .specialAccount: return 4
    case .unitFunds: return 5
    }
  }

  public static func < (a: FundSource, b: FundSource) -> Bool { a.order < b.order }

  // Compared and hashed by case, not by the Chinese raw value (the default for a String-backed enum), which
  // normalised the text on every dictionary lookup: a tenth of re-validating a 300-line workbook.
  public static func == (a: FundSource, b: FundSource) -> Bool { a.order == b.order }
  public func hash(into hasher: inout Hasher) { hasher.combine(order) }
}

/// 基本支出 keeps the department running; 项目支出 pays for specific tasks.
public enum SpendingKind: String, Sendable, Codable, CaseIterable {
  case basic = "基本"
  case project = "项目"

  public var fullName: String { order == 0 ? "基本支出" : "项目支出" }

  /// 基本 before 项目, as their names sort; compared as integers.
  public var order: Int {
    switch self {  // a switch: `==` is defined through this
    case .basic: return 0
    case .project: return 1
    }
  }

  public static func == (a: SpendingKind, b: SpendingKind) -> Bool { a.order == b.order }
  public func hash(into hasher: inout Hasher) { hasher.combine(order) }

  public static func named(_ w: String) -> SpendingKind? {
    switch w {
    case "基本", "基本支出": return .basic
    case "项目", "项目支出": return .project
    default: return nil
    }
  }
}
