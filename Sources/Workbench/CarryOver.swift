import YusuanCore
import YusuanStore

extension Workbench {
  /// Starts this year from last year's workbook (`new --from`): what each section carries (`SectionPlugin.carryOver`:
  /// the profile and units as they were, every amount of last year moved into the prior-year column with this
  /// year's amount at zero, projects marked 待确认, vehicles and equipment as a starting point; reasons, printed
  /// figures, goals and plans are not carried). One journaled entry; returns a one-line summary of what was carried.
  public func carryOver(from priorPath: String) throws -> String {
    let prior = try Workbench.open(path: priorPath, forms: forms, readonly: true, sections: sections)
    guard prior.meta.year < meta.year else {
      throw CarryOverError(description: "上年工作簿“\(priorPath)”是\(prior.meta.year)年的，不早于本工作簿的\(meta.year)年。")
    }
    // Each section carries its own facts (SectionPlugin.carryOver), in the registry's order.
    let parts = sections.plugins.map { $0.carryOver(prior.facts) }
    let carried = parts.flatMap(\.facts)
    var working = facts
    let changes = carried.map { working.apply(.set($0)) }
    try store.commit([JournalEntry(source: .import, location: priorPath, command: "从上年带入 \(priorPath)", changes: changes)], expectedHead: try store.head())
    try reload()
    return parts.flatMap(\.summary).joined(separator: "、") + "；\(prior.meta.year)年的金额已记为上年数，本年数待录入。"
  }
}

public struct CarryOverError: Error, CustomStringConvertible {
  public var description: String
}
