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
