import Foundation
import Yams

/// The `forms/` folder: editions and catalogs as data. A new edition is a new folder, not new code.
public struct FormsLibrary: Sendable {
  public let root: URL

  public init(root: URL) { self.root = root }

  public struct LoadError: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// Finds `forms/`: `$YUSUAN_FORMS`, else the nearest `forms/` above the current directory, else above the executable.
  public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> FormsLibrary {
    if let p = environment["YUSUAN_FORMS"], !p.isEmpty {
      let url = URL(fileURLWithPath: p)
      guard FileManager.default.fileExists(atPath: url.appendingPathComponent("editions").path) else {
        throw LoadError(description: "环境变量 YUSUAN_FORMS 指向的“\(p)”不是表式目录（其中应有 editions/ 和 catalogs/）。")
      }
      return FormsLibrary(root: url)
    }
    var starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
    if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() { starts.append(exe.deletingLastPathComponent()) }
    starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
    for start in starts {
      var dir = start.standardizedFileURL
      for _ in 0..<8 {
        let candidate = dir.appendingPathComponent("forms")
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("editions").path) { return FormsLibrary(root: candidate) }
        let parent = dir.deletingLastPathComponent()
        if parent.path == dir.path { break }
        dir = parent
      }
    }
    throw LoadError(description: "找不到表式目录 forms/（其中有 editions/ 和 catalogs/）。请在 yusuan 项目目录中运行，或设置环境变量 YUSUAN_FORMS 指向它。")
  }

  public var editionIDs: [String] {
    let dir = root.appendingPathComponent("editions")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { FileManager.default.fileExists(atPath: dir.appendingPathComponent($0).appendingPathComponent("edition.yaml").path) }.sorted()
  }

  /// The edition a new workbook takes when none is named: `forms/editions/default` names it (one line), so that
  /// the command line and the REPL's first question agree, and a province's copy of `forms/` can name its own.
  public var defaultEditionID: String? {
    let file = root.appendingPathComponent("editions").appendingPathComponent("default")
    let named = (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    let ids = editionIDs
    return named.flatMap { ids.contains($0) ? $0 : nil } ?? ids.first
  }

  public func edition(_ id: String) throws -> Edition {
    let file = root.appendingPathComponent("editions").appendingPathComponent(id).appendingPathComponent("edition.yaml")
    return try FormsCache.shared.value("edition:" + file.path, files: [file]) { try loadEdition(id, file) }
  }

  private func loadEdition(_ id: String, _ file: URL) throws -> Edition {
    guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
      throw LoadError(description: "没有版本“\(id)”。现有版本：\(editionIDs.joined(separator: "、"))。")
    }
    do {
      let edition = try YAMLDecoder().decode(Edition.self, from: text)
      guard edition.id == id else { throw LoadError(description: "版本文件 \(file.path) 中的 id“\(edition.id)”与目录名“\(id)”不一致。") }
      if let p = edition.problem() { throw LoadError(description: "版本文件 \(file.path) 有误：\(p)") }
      let unknown = try UnknownKeys.find(in: text, decodedAs: edition)
      if !unknown.isEmpty { throw LoadError(description: "版本文件 \(file.path) 有误：\n" + UnknownKeys.describe(unknown)) }
      return edition
    } catch let e as LoadError {
      throw e
    } catch {
      throw LoadError(description: "版本文件 \(file.path) 格式有误：\(ErrorText.describe(error))")
    }
  }

  /// The prose templates of an edition (`prose.yaml` beside `edition.yaml`).
  public func prose(_ editionID: String) throws -> ProseTemplates {
    let file = root.appendingPathComponent("editions").appendingPathComponent(editionID).appendingPathComponent("prose.yaml")
    return try FormsCache.shared.value("prose:" + file.path, files: [file]) { try loadProse(editionID, file) }
  }

  private func loadProse(_ editionID: String, _ file: URL) throws -> ProseTemplates {
    guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
      throw LoadError(description: "版本“\(editionID)”缺少情况说明措辞文件 \(file.path)。")
    }
    let prose: ProseTemplates
    do { prose = try ProseTemplates.load(yaml: text) } catch { throw LoadError(description: "措辞文件 \(file.path) 格式有误：\(ErrorText.describe(error))") }
    if let p = prose.problem() { throw LoadError(description: "措辞文件 \(file.path) 有误：\(p)请对照 forms/README.md 中的措辞表。") }
    return prose
  }

  public var catalogsDirectory: URL { root.appendingPathComponent("catalogs") }

  public func catalog(_ id: String) throws -> Catalog {
    let file = catalogsDirectory.appendingPathComponent(id + ".csv")
    return try FormsCache.shared.value("catalog:" + file.path, files: [file]) { try loadCatalog(id, file) }
  }

  private func loadCatalog(_ id: String, _ file: URL) throws -> Catalog {
    guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
      throw LoadError(description: "没有科目目录“\(id)”（应在 \(file.path)）。")
    }
    let parsed = CatalogCSV.parse(text, defaultConfidence: "unknown")
    if let p = parsed.problems.first {
      throw LoadError(description: "科目目录 \(file.path) 第\(p.line)行：\(p.message)")
    }
    var catalog = Catalog(id: id, entries: parsed.entries)
    try addFormerNames(to: &catalog)
    return catalog
  }

  /// The file of former names beside the catalogs (not a catalog itself).
  public static let formerNamesFile = "former-names"

  /// `catalogs/former-names.csv` (`code,kind,former_name,current_name,evidence`): names codes carried in earlier
  /// years, shared by every catalog. Optional: a forms folder without it has none.
  private func addFormerNames(to catalog: inout Catalog) throws {
    let file = catalogsDirectory.appendingPathComponent(Self.formerNamesFile + ".csv")
    guard let data = FileManager.default.contents(atPath: file.path) else { return }
    guard let text = String(data: data, encoding: .utf8) else { throw LoadError(description: "\(file.path) 不是 UTF-8 编码。") }
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
      if cells.count == 1 && cells[0].isEmpty { continue }
      guard cells.count >= 4, let system = CodeSystem(rawValue: cells[1]), !cells[2].isEmpty else {
        throw LoadError(description: "\(file.path) 第\(i + 1)行：应为“编码,类别(func/econ_dept/econ_gov),旧名称,现名称,依据”。")
      }
      catalog.addFormerName(cells[2], code: cells[0], system: system)
    }
  }
}
