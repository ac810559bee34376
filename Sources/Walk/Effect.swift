import Workbench
import YusuanCore

/// What an accepted entry changed, read from the changes `apply` returned (never from the line's text): the
/// section's own one-line summary (`SectionPlugin.effect`) and the row its findings name.
enum Effect {
  /// The row the changes are about (a code, a source, an item, a project's name), as findings name it.
  static func row(_ changes: [FactChange]) -> String? { changes.lazy.compactMap(\.row).first }

  /// The summary of the first section that has one for these changes.
  static func describe(_ changes: [FactChange], wb: Workbench) -> String? {
    guard !changes.isEmpty else { return nil }
    let view = wb.view
    return SectionRegistry.plugins.lazy.compactMap { $0.effect(of: changes, in: view) }.first
  }
}
