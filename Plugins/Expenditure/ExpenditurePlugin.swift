import YusuanCore

/// 支出: expenditure lines (功能分类 项 × 基本/项目 × source × unit), 基本支出 by 经济分类 and its split by 类,
/// projects, prior-year aggregates and reasons. T2, T3, T5, T6, T8, T9 and T10 derive from these facts.
public struct ExpenditurePlugin: SectionPlugin {
  public init() {}
  public let id = "expenditure"
  public let title = "支出"

  public var commands: [EntryCommand] {
    [Line.command, Prior.command, Why.command, Economic.command, BasicSplitCommand.command, ProjectLine.command]
  }

  public func check(_ view: BudgetView) throws -> [Diagnostic] {
    ExpenditureRules(view: view, plugin: id).all()
  }
}
