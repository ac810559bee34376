import Foundation
import Workbench
import YusuanCore

/// The codes an officer may mean at a code prompt: the catalog's, and those this workbook and last year's workbook
/// use (a code the catalog lacks comes with the name entered for it, so `统计业`⇥ finds 2010505 专项统计业务 too).
struct CodeBook {
  struct Used: Equatable { var code: String; var name: String?; var system: CodeSystem }
  let catalog: Catalog
  /// This workbook's codes first, then last year's, each once.
  let used: [Used]

  init(catalog: Catalog, facts: [FactSet]) {
    self.catalog = catalog
    var out: [Used] = []
    for f in facts {
      let items =
        f.expenditures.map { Used(code: $0.code, name: $0.name, system: .function) }
        + f.projects.compactMap { p in p.code.map { Used(code: $0, name: nil, system: .function) } }
        + f.economics.map { Used(code: $0.code, name: $0.name, system: .economic) }
      for u in items {
        if let i = out.firstIndex(where: { $0.code == u.code && $0.system == u.system }) {
          if out[i].name == nil { out[i].name = u.name }
        } else {
          out.append(u)
        }
      }
    }
    used = out
  }

  /// The catalog's name, else the name entered for a code the catalog lacks.
  func name(_ code: String, _ system: CodeSystem) -> String? {
    catalog.name(code, system) ?? used.first { $0.code == code && $0.system == system && $0.name != nil }?.name
  }

  /// Codes whose number starts with `fragment` or whose name contains it: the workbooks' own first, then the catalog's.
  func complete(_ fragment: String, in system: CodeSystem) -> [(code: String, name: String)] {
    let key = NameKey.of(fragment)
    var out: [(code: String, name: String)] = []
    var seen = Set<String>()
    for u in used where u.system == system {
      let n = name(u.code, system) ?? ""
      if u.code.hasPrefix(fragment) || (!key.isEmpty && NameKey.of(n).contains(key)), seen.insert(u.code).inserted { out.append((u.code, n)) }
    }
    for e in catalog.complete(fragment, in: system) where seen.insert(e.code).inserted { out.append((e.code, e.name)) }
    return out
  }
}
