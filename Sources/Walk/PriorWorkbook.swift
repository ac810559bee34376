import Foundation
import YusuanStore

/// Finds workbooks in a folder: last year's of a department, or the latest one to continue.
public enum PriorWorkbook {
  public struct Found { public var path: String; public var name: String; public var department: String; public var year: Int }

  /// The workbook of the latest year in `dir` (the most recently changed of that year), if any.
  public static func latest(in dir: String) -> Found? {
    let fm = FileManager.default
    let names = (try? fm.contentsOfDirectory(atPath: dir)) ?? []
    var found: [(Found, Date)] = []
    for name in names where name.hasSuffix(".yusuan") {
      let path = dir == "." ? name : (dir as NSString).appendingPathComponent(name)
      guard let store = try? WorkbookStore.open(path: path, readonly: true), let meta = try? store.meta() else { continue }
      let changed = (try? fm.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
      found.append((Found(path: path, name: name, department: meta.department, year: meta.year), changed))
    }
    return found.max { ($0.0.year, $0.1) < ($1.0.year, $1.1) }?.0
  }

  public static func find(department: String, year: Int, in dir: String = ".") -> String? {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    for name in names.sorted() where name.hasSuffix(".yusuan") {
      let path = dir == "." ? name : (dir as NSString).appendingPathComponent(name)
      guard let store = try? WorkbookStore.open(path: path, readonly: true), let meta = try? store.meta() else { continue }
      if meta.department == department && meta.year == year { return path }
    }
    return nil
  }
}
