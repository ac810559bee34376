import Foundation
import Testing
@testable import Renderers
@testable import Workbench
@testable import YusuanCore

/// The open-data package (issue 11, "Open data"): `datapackage.json` and one CSV per table, codes as strings, amounts
/// as numbers in the table's unit, the two classifications named; and `frictionless validate` passes on the demo's.
struct DataPackageTests {
  /// The `frictionless` command (PyPI's frictionless; .ci/run installs it): on PATH, else beside python3's pip.
  static let frictionless: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    let dirs = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "\(NSHomeDirectory())/.local/bin"]
    return dirs.map { "\($0)/frictionless" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// The demo department's document and its package written to a scratch folder.
  static func demoPackage() throws -> (doc: PublishedDocument, folder: URL) {
    let doc = try TestSupport.demoWorkbook().compile(draft: false)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-dp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return (doc, try DataPackageRenderer.write(doc, toDirectory: dir))
  }

  static func descriptor(_ folder: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: folder.appendingPathComponent("datapackage.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks; records end with CRLF.
  static func csv(_ text: String) -> [[String]] {
    var records: [[String]] = [], field = "", record: [String] = [], quoted = false
    var chars = Array(text).makeIterator()
    while let ch = chars.next() {
      if quoted {
        if ch == "\"" {
          if let next = chars.next() {
            if next == "\"" {
              field.append("\"")
            } else {
              quoted = false
              if next == "," {
                record.append(field); field = ""
              } else if next == "\r\n" || next == "\n" {
                record.append(field); records.append(record); record = []; field = ""
              }
            }
          } else {
            quoted = false
          }
        } else {
          field.append(ch)
        }
      } else if ch == "\"" && field.isEmpty {
        quoted = true
      } else if ch == "," {
        record.append(field); field = ""
      } else if ch == "\r\n" || ch == "\n" {
        record.append(field); records.append(record); record = []; field = ""
      } else {
        field.append(ch)
      }
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
  }

  @Test func theDemosPackageHasOneResourcePerTableTypedAndEqualToTheDocument() throws {
    let (doc, folder) = try Self.demoPackage()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    #expect(folder.lastPathComponent == "示例区政府办公室（示例）2025年部门预算公开-数据包")
    let package = try Self.descriptor(folder)
    let resources = try #require(package["resources"] as? [[String: Any]])
    #expect(resources.count == doc.tables.count)
    #expect(Set(resources.compactMap { $0["name"] as? String }).count == resources.count, "resource names are unique")
    var files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    files.removeAll { $0 == "datapackage.json" }
    #expect(files == resources.compactMap { $0["path"] as? String }.sorted())

    for (table, resource) in zip(doc.tables, resources) {
      #expect(resource["title"] as? String == table.title)
      #expect(resource["encoding"] as? String == "utf-8")
      let schema = try #require(resource["schema"] as? [String: Any])
      let fields = try #require(schema["fields"] as? [[String: Any]])
      let layout = TableLayout(table)
      #expect(fields.count == layout.columnCount + 2)
      for (c, column) in layout.columns.enumerated() {
        let field = fields[c]
        let name = try #require(field["name"] as? String)
        #expect(name.unicodeScalars.allSatisfy { $0.isASCII }, "\(name)")
        switch column.kind {
        case .code: #expect(field["type"] as? String == "string", "\(table.id) \(name)")
        case .amount:
          #expect(field["type"] as? String == "number", "\(table.id) \(name)")
          #expect(field["unit"] as? String == "万元" && field["currency"] as? String == "CNY" && field["factor"] as? Int == 10_000)
        default: break
        }
      }
      // The CSV: the field names, then every data row as the document prints it (amounts without grouping).
      let path = try #require(resource["path"] as? String)
      let bytes = try Data(contentsOf: folder.appendingPathComponent(path))
      #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 without a BOM")
      let records = Self.csv(try #require(String(data: bytes, encoding: .utf8)))
      #expect(records.first == fields.compactMap { $0["name"] as? String })
      let rows = table.rows.filter { $0.kind != .emptyMarker }
      #expect(records.count - 1 == rows.count, "\(table.id)")
      for (row, record) in zip(rows, records.dropFirst()) {
        let cells = layout.cells(of: row)
        #expect(record.count == fields.count)
        for (c, cell) in cells.enumerated() {
          let expected: String
          switch cell {
          case .amount(let a): expected = table.money.number(a)
          default: expected = table.text(cell)
          }
          #expect(record[c] == expected, "\(table.id) \(fields[c]["name"] ?? "") \(record[c]) ≠ \(expected)")
          if case .amount(let a) = cell, fields[c]["type"] as? String == "number" {
            #expect(Decimal(string: record[c]) == Decimal(a.fen) / Decimal(1_000_000), "\(record[c])")
          }
        }
        #expect(record[cells.count] == row.kind.rawValue && record[cells.count + 1] == String(row.level))
      }
    }

    // The classifications are named: 功能分类 codes in the 收入/支出 tables, 经济分类 in the 基本支出表; codes keep their digits.
    let byName = Dictionary(uniqueKeysWithValues: resources.map { ($0["name"] as! String, $0) })
    func fieldNames(_ r: String) -> [String] {
      ((byName[r]?["schema"] as? [String: Any])?["fields"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
    }
    #expect(fieldNames("t2").prefix(3) == ["function_code", "function_name", "total"])
    #expect(fieldNames("t6").prefix(2) == ["economic_code", "economic_name"])
    let t6 = Self.csv(try String(contentsOf: folder.appendingPathComponent("t6.csv"), encoding: .utf8))
    #expect(t6.dropFirst().contains { $0[0] == "30101" })
    let model = try #require(package["model"] as? [String: Any])
    let dimensions = try #require(model["dimensions"] as? [String: [String: Any]])
    #expect(dimensions["t2.function"]?["classificationType"] as? String == "functional")
    #expect(dimensions["t6.economic"]?["classificationType"] as? String == "economic")
    let measures = try #require(model["measures"] as? [String: [String: Any]])
    #expect(measures["t2.total"]?["currency"] as? String == "CNY")
  }

  /// Every column of a budget table has a named field (none falls back to `col<N>`), in the Anhui and the Shanghai
  /// editions; Shanghai's 类/款/项 code columns are one 功能分类 dimension of three code attributes.
  @Test(arguments: ["demo-2025"] + ShanghaiExampleTests.examples.map(\.name))
  func everyBudgetTableColumnIsNamed(name: String) throws {
    let doc =
      name == "demo-2025"
      ? try TestSupport.demoWorkbook().compile(draft: false)
      : try ShanghaiExampleTests.compiled(ShanghaiExampleTests.example(name))
    let resources = DataPackageRenderer.resources(doc)
    for r in resources where !r.table.title.contains("绩效目标表") {
      let fallback = r.fields.map(\.name).filter { $0.hasPrefix("col") || $0.hasPrefix("code_") }
      #expect(fallback.isEmpty, "\(r.name) \(r.table.title): \(fallback) \(r.fields.map(\.title))")
    }
    let codes = resources.flatMap { $0.fields.filter { $0.columnType == "functional-classification:generic:code" }.map(\.name) }
    #expect(!codes.isEmpty && codes.allSatisfy { $0.hasPrefix("function_code") })
    if name != "demo-2025" {
      #expect(Set(codes) == ["function_code_class", "function_code_section", "function_code_item"])
      let package = try #require(try JSONSerialization.jsonObject(with: try DataPackageRenderer.render(doc)[0].data) as? [String: Any])
      let dimensions = ((package["model"] as? [String: Any])?["dimensions"] as? [String: [String: Any]]) ?? [:]
      let functional = dimensions.values.filter { $0["classificationType"] as? String == "functional" }
      #expect(!functional.isEmpty && functional.allSatisfy { $0["primaryKey"] as? [String] == ["code_class", "code_section", "code_item"] })
    }
  }

  /// Writing twice gives the same bytes, and a package written again replaces the old folder whole.
  @Test func thePackageIsStableAndReplacedWhole() throws {
    let (doc, folder) = try Self.demoPackage()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    let stale = folder.appendingPathComponent("t99.csv")
    try Data("old".utf8).write(to: stale)
    let first = try Data(contentsOf: folder.appendingPathComponent("datapackage.json"))
    try DataPackageRenderer.write(doc, toDirectory: folder.deletingLastPathComponent())
    #expect(!FileManager.default.fileExists(atPath: stale.path))
    #expect(try Data(contentsOf: folder.appendingPathComponent("datapackage.json")) == first)
    #expect(try DataPackageRenderer.render(doc) == DataPackageRenderer.render(doc))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path) == [folder.lastPathComponent])
  }

  /// `publish` writes the folder among the other files when asked, and only then.
  @Test func publishWritesThePackageFolder() throws {
    let wb = try TestSupport.workbook(TestSupport.consistent)
    let out = PublishTests.folder()
    let report = try wb.publish(to: out, formats: [.md, .datapackage], draft: false)
    #expect(report.written.map(\.lastPathComponent) == ["示例办2025年部门预算公开.md", "示例办2025年部门预算公开-数据包"])
    #expect(FileManager.default.fileExists(atPath: report.written[1].appendingPathComponent("datapackage.json").path))
    let other = try wb.publish(to: PublishTests.folder(), formats: [.md], draft: false)
    #expect(other.written.map(\.lastPathComponent) == ["示例办2025年部门预算公开.md"])
  }

  static func runFrictionless(_ descriptor: URL) throws -> (status: Int32, report: [String: Any]?) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: try #require(frictionless))
    p.arguments = ["validate", "--json", descriptor.path]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, try? JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The Done-when of issue 11: `frictionless validate` passes on the demo's package; a corrupted amount fails it,
  /// so the pass means the types were checked.
  @Test(.enabled(if: frictionless != nil, "需要 frictionless（pip install frictionless；.ci/run 会安装）"), .timeLimit(.minutes(2)))
  func frictionlessValidatesTheDemosPackage() throws {
    let (_, folder) = try Self.demoPackage()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    let descriptor = folder.appendingPathComponent("datapackage.json")
    let good = try Self.runFrictionless(descriptor)
    let tasks = good.report?["tasks"] as? [[String: Any]] ?? []
    let invalid = tasks.filter { $0["valid"] as? Bool != true }.map { "\($0["name"] ?? "?"): \($0["errors"] ?? "")" }
    #expect(good.status == 0 && good.report?["valid"] as? Bool == true, "\(invalid)")
    #expect(tasks.count == (try Self.descriptor(folder)["resources"] as? [Any])?.count)

    let t2 = folder.appendingPathComponent("t2.csv")
    let text = try String(contentsOf: t2, encoding: .utf8)
    try text.replacingOccurrences(of: "601.08", with: "6O1.08").write(to: t2, atomically: true, encoding: .utf8)
    let bad = try Self.runFrictionless(descriptor)
    #expect(bad.status != 0 && bad.report?["valid"] as? Bool == false)
  }
}
