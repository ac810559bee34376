import Foundation
import FuzzSupport
import Workbench
import YusuanCore

/// The entry-line parser, on a workbook that already holds a small department (`EntryFuzz.demo`: 删除,
/// replacements and appends meet real facts). Each input is up to 64 lines, applied one after another as `run`
/// applies them; then every plugin's rules run on the result, and its export must rebuild the same export (the
/// round trip `export` promises for every workbook the parser accepts).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEntry(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = Fuzz.text(bytes, size)
  var facts = EntryFuzz.demo
  var changed = false
  for line in text.split(separator: "\n", maxSplits: 64, omittingEmptySubsequences: false).prefix(64) {
    changed = EntryFuzz.apply(String(line), to: &facts) || changed
  }
  guard changed, facts.amountsFit else { return 0 }
  let view = BudgetView(meta: FuzzForms.meta, edition: FuzzForms.edition, catalog: FuzzForms.catalog, facts: facts)
  let printed = Workbench.printedTables(view, forms: FuzzForms.library, sections: .standard)
  for plugin in SectionRegistry.plugins { _ = try? plugin.check(view, printed: printed) }
  let export = Workbench.exportScript(meta: FuzzForms.meta, facts: facts)
  var rebuilt = FactSet()
  var refused: [String] = []
  for line in export.split(separator: "\n") {
    EntryFuzz.apply(String(line), to: &rebuilt, refused: &refused)
    if !refused.isEmpty { break }
  }
  Fuzz.require(refused.isEmpty, "the export of an accepted workbook is refused on rebuild: \(refused.first ?? "")")
  let again = Workbench.exportScript(meta: FuzzForms.meta, facts: rebuilt)
  Fuzz.require(again == export, "export → rebuild → export differs:\n\(export)\n----\n\(again)")
  return 0
}
