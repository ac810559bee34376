/// What the prior-year figures are, and so what every change is measured against: Anhui compares a budget with
/// last year's budget (上年预算), Shanghai with last year's execution (上年执行数). A concept of the edition
/// (`prior_year:` in edition.yaml), read by the change wording (`{上年口径}`, `{上年数}` in prose.yaml) and by the
/// table headers and row labels that name the prior year, so no sentence says 预算 where the edition means 执行数.
public enum PriorYearBasis: String, Sendable, Codable, CaseIterable {
  case budget = "预算"
  case execution = "执行数"

  /// The word after 2024年 in a comparison: 比2024年预算增加 / 比2024年执行数增加 (`{上年口径}`).
  public var word: String { rawValue }

  /// The figure itself: 2024年预算数未录入 / 2024年执行数未录入 (`{上年数}`).
  public var figure: String {
    switch self {
    case .budget: return "预算数"
    case .execution: return "执行数"
    }
  }

  /// The placeholders a template may use for the prior year.
  public func values(priorYear: Int) -> [String: String] {
    ["上年": String(priorYear), "上年口径": word, "上年数": figure]
  }
}
