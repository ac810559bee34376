import Audit
import Import
import Reading
import Foundation
import YusuanCore

/// A published document read by `DocumentReader.read(data:name:)` as `audit` and `import` read it: when it reads,
/// every audit rule runs on it and its figures are mapped to entry lines as `import` maps them.
public enum Audited {
  public static func read(_ data: Data, name: String) {
    guard let doc = try? DocumentReader.read(data: data, name: name) else { return }
    _ = Auditor.audit(doc, catalog: FuzzForms.catalog, editions: [FuzzForms.edition])
    let mapped = ImportMapping.lines(doc, mode: .prior)
    EntryFuzz.parseImported(mapped.lines.map(\.text))
  }
}
