// The document's tables as open data: a Fiscal Data Package (a Frictionless Data Package with a fiscal model), one
// folder holding `datapackage.json` and one CSV per table, so OpenSpending-style tools and `frictionless validate`
// can load it.
//
// - CSV: RFC 4180 (comma, `"` quoting only where needed, CRLF), UTF-8 without a BOM, as the descriptor's
//   `encoding: utf-8` says and the Data Package spec's default. frictionless 5 also strips a BOM, but other CSV
//   readers (pandas without utf-8-sig, csvkit, a database's COPY) take it for part of the first column's name.
//   (Excel users have the xlsx.)
// - The package's `profile` is `tabular-data-package`, not `fiscal-data-package`: frictionless fetches a profile it
//   does not know from the web, which fails offline. The fiscal part (`model`, `columnType`, `fiscalPeriod`,
//   `countryCode`, `currency`) is carried as the FDP names it, and is ignored by a plain Data Package reader.
// - Fields: stable ASCII names (`function_code`, `general_public_budget`, …) with the printed heading as `title`.
//   Codes are strings (201 and 2010301 keep their digits as printed), amounts are numbers in the table's unit without
//   thousands separators (`unit`, `factor` to yuan and `currency: CNY` on the field and the resource), counts are
//   integers. A column whose cells are not all amounts (a form such as the 绩效目标表) is text as printed.
// - Each row keeps its kind (`row_type`: detail, subtotal, total) and indentation (`level`), so a tool that sums the
//   detail rows does not count the 类/款 subtotals and 合计 twice. An empty table (本表无数据) has a header and no rows.
// - The fiscal model (`model`: measures with currency and factor, the 功能分类/经济分类 dimensions) and each field's
//   `columnType` say which columns are classifications and which are amounts.
import Foundation
import YusuanCore

public enum DataPackageRenderer {
  /// The folder is named `<title>-数据包`: beside `<title>.docx` … an officer sees what it is, and the files inside
  /// keep the ASCII names tools expect.
  public static let folderSuffix = "-数据包"
  public static let descriptorName = "datapackage.json"
  public static let currency = "CNY"

  /// One file of the package: its path inside the folder and its bytes.
  public struct File: Sendable, Equatable {
    public var path: String
    public var data: Data
  }

  /// The package's files: `datapackage.json` first, then one CSV per table in document order.
  public static func render(_ doc: PublishedDocument) throws -> [File] {
    let resources = Self.resources(doc)
    var files = [File(path: descriptorName, data: descriptor(doc, resources))]
    for r in resources { files.append(File(path: r.path, data: csv(r))) }
    return files
  }

  /// Writes the folder `<baseName>-数据包` into `directory` and returns its URL. The files are written into a scratch
  /// folder beside it that replaces the old one whole, so no CSV of an earlier compile (a table since dropped) stays.
  @discardableResult
  public static func write(_ doc: PublishedDocument, toDirectory directory: URL, baseName: String? = nil, durable: Bool = true) throws -> URL {
    let files = try render(doc)
    let name = RenderText.safeFileName(baseName ?? doc.title) + folderSuffix
    let url = directory.appendingPathComponent(name, isDirectory: true)
    let fm = FileManager.default
    let scratch = directory.appendingPathComponent(".\(name).\(UUID().uuidString).tmp", isDirectory: true)
    do {
      try fm.createDirectory(at: scratch, withIntermediateDirectories: false)
      for f in files { try OutputFile.write(f.data, to: scratch.appendingPathComponent(f.path), durable: durable) }
      if fm.fileExists(atPath: url.path) { try fm.removeItem(at: url) }
      try fm.moveItem(at: scratch, to: url)
    } catch let e as RendererError {
      try? fm.removeItem(at: scratch)
      throw e
    } catch {
      try? fm.removeItem(at: scratch)
      throw RendererError.writeFailed(path: url.path, reason: ErrorText.describe(error))
    }
    return url
  }

  // MARK: - The model of one resource

  struct Field {
    enum Kind { case string, number, integer }
    var name: String
    var title: String
    var kind: Kind
    /// FDP's column type: `functional-classification:generic:code`, `value`, …; nil when none applies.
    var columnType: String?
  }

  struct Resource {
    var name: String
    var path: String
    var table: DocTable
    var fields: [Field]
    /// Data rows as CSV values (one per field, row_type and level last).
    var rows: [[String]]
  }

  static func resources(_ doc: PublishedDocument) -> [Resource] {
    let tables = doc.tables
    let names = resourceNames(tables)
    return tables.enumerated().map { i, t in resource(t, name: names[i]) }
  }

  /// `t1` … `t13` from the table ids; an id used twice (one 绩效目标表 per project) is numbered `t14-1`, `t14-2`;
  /// an id that is not ASCII (单位构成) is `units` or `table-N`.
  static func resourceNames(_ tables: [DocTable]) -> [String] {
    let base = tables.enumerated().map { i, t -> String in
      if t.id == "单位构成" { return "units" }
      let ascii = String(t.id.lowercased().unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }.map(Character.init))
      return ascii.isEmpty || ascii.unicodeScalars.count != t.id.unicodeScalars.count ? "table-\(i + 1)" : ascii
    }
    var seen: [String: Int] = [:]
    let counts = Dictionary(base.map { ($0, 1) }, uniquingKeysWith: +)
    return base.map { b in
      guard counts[b, default: 0] > 1 else { return b }
      seen[b, default: 0] += 1
      return "\(b)-\(seen[b]!)"
    }
  }

  static func resource(_ t: DocTable, name: String) -> Resource {
    let layout = TableLayout(t)
    let headings = layout.flatHeadings
    let dataRows = t.rows.filter { $0.kind != .emptyMarker }.map { layout.cells(of: $0) }
    var fields: [Field] = []
    var used: Set<String> = ["row_type", "level"]
    for c in 0..<layout.columnCount {
      let cells = dataRows.map { $0[c] }
      let kind: Field.Kind
      switch layout.columns[c].kind {
      case .amount where cells.allSatisfy(isAmountOrBlank): kind = .number
      case .count where cells.allSatisfy(isCountOrBlank): kind = .integer
      default: kind = .string
      }
      var fieldName = fieldName(headings[c], column: c, kind: layout.columns[c].kind)
      if used.contains(fieldName) {
        var n = 2
        while used.contains("\(fieldName)_\(n)") { n += 1 }
        fieldName = "\(fieldName)_\(n)"
      }
      used.insert(fieldName)
      fields.append(
        Field(
          name: fieldName, title: headings[c].isEmpty ? "第\(c + 1)列" : normalized(headings[c], keepSeparator: true),
          kind: kind, columnType: columnType(fieldName, kind: kind)))
    }
    fields.append(Field(name: "row_type", title: "行类型", kind: .string, columnType: nil))
    fields.append(Field(name: "level", title: "层级", kind: .integer, columnType: nil))
    let rows = zip(t.rows.filter { $0.kind != .emptyMarker }, dataRows).map { row, cells in
      cells.enumerated().map { c, cell in value(cell, kind: fields[c].kind, table: t) } + [row.kind.rawValue, String(row.level)]
    }
    return Resource(name: name, path: "\(name).csv", table: t, fields: fields, rows: rows)
  }

  static func isAmountOrBlank(_ c: Cell) -> Bool {
    switch c {
    case .amount, .blank: return true;
    case .text(let s): return s.isEmpty;
    case .count: return false
    }
  }

  static func isCountOrBlank(_ c: Cell) -> Bool {
    switch c {
    case .count, .blank: return true;
    case .text(let s): return s.isEmpty;
    case .amount: return false
    }
  }

  /// A cell as CSV text: an amount as a plain number in the table's unit and precision (612.42, never 1,234.56), a
  /// blank as the empty string (the schema's missing value), anything else as printed.
  static func value(_ cell: Cell, kind: Field.Kind, table t: DocTable) -> String {
    switch cell {
    case .amount(let a): return kind == .number ? t.money.number(a) : t.text(cell)
    case .count(let n): return String(n)
    case .text(let s): return s
    case .blank: return ""
    }
  }

  // MARK: - Field names

  /// ASCII words for the headings the editions print; a heading made only of known words is named by them joined
  /// with `_` (功能分类科目·科目编码 → function_code), any other is `col<N>` (by position, so still stable).
  static let words: [String: String] = [
    "功能分类科目": "function", "经济分类科目": "economic", "科目编码": "code", "科目名称": "name",
    "功能分类科目编码": "function_code", "功能分类科目名称": "function_name",
    "经济分类科目编码": "economic_code", "经济分类科目名称": "economic_name",
    "合计": "total", "总计": "total", "小计": "subtotal",
    "上年结转": "carry_over", "一般公共预算": "general_public_budget", "政府性基金预算": "government_fund_budget",
    "国有资本经营预算": "state_capital_budget", "财政专户管理资金": "special_account_funds", "单位资金": "unit_funds",
    "基本支出": "basic_expenditure", "项目支出": "project_expenditure", "人员经费": "personnel_expenses", "公用经费": "public_expenses",
    "收入": "income", "支出": "expenditure", "项目": "item", "预算数": "budget",
    "序号": "seq", "单位名称": "unit_name", "单位性质": "unit_type",
    "因公出国（境）费": "overseas_travel", "公务用车购置及运行费": "official_vehicles", "公务用车购置费": "vehicle_purchase",
    "公务用车运行维护费": "vehicle_operation", "公务接待费": "official_reception",
    "项目类型": "project_type", "项目名称": "project_name", "项目单位": "project_unit", "资金来源": "source",
    "采购项目": "procurement_item", "采购品目": "procurement_category", "支出项目": "expenditure_item",
    "购买方式": "purchase_method", "购买服务起止时间": "service_period", "资产名称": "asset_name", "数量": "quantity",
    // Shanghai: codes split in 类/款/项 columns, and its own group headings.
    "部门预算经济分类科目编码": "economic_code", "部门经济分类科目名称": "economic_name", "部门预算经济分类科目名称": "economic_name",
    "类": "class", "款": "section", "项": "item",
    "“三公”经费预算数": "three_public", "因公出国(境)费": "overseas_travel", "购置费": "purchase", "运行费": "operation",
    "一般公共预算基本支出": "general_public_budget_basic", "一般公共预算支出": "general_public_budget_expenditure",
    "政府性基金预算支出": "government_fund_budget_expenditure", "国有资本经营预算支出": "state_capital_budget_expenditure",
    "支出预算": "expenditure_budget", "收入预算": "income_budget", "财政拨款收入": "appropriation_income",
    "财政拨款支出": "appropriation_expenditure", "事业收入": "public_service_income", "事业单位经营收入": "business_income",
    "其他收入": "other_income", "本年收入": "income", "本年支出": "expenditure", "机关运行经费预算数": "office_operating_budget",
  ]

  /// Spaces (收　　入) dropped; with `keepSeparator` the `·` between header levels stays.
  static func normalized(_ heading: String, keepSeparator: Bool) -> String {
    String(heading.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) && ($0 != "·" || keepSeparator) }.map(Character.init))
  }

  static func fieldName(_ heading: String, column c: Int, kind: Column.Kind) -> String {
    var parts = normalized(heading, keepSeparator: true).split(separator: "·").map(String.init)
    // Shanghai's 项目 spans the code and name columns: 项目·功能分类科目名称 is function_name.
    if parts.count > 1 && parts[0] == "项目" { parts.removeFirst() }
    let known = parts.compactMap { words[$0] }
    if !parts.isEmpty && known.count == parts.count { return known.joined(separator: "_") }
    return kind == .code ? "code_\(c + 1)" : "col\(c + 1)"
  }

  /// FDP column types: the two classifications' codes and names, and every amount.
  static func columnType(_ name: String, kind: Field.Kind) -> String? {
    for (prefix, type) in [("function", "functional-classification"), ("economic", "economic-classification")] {
      if name.hasPrefix("\(prefix)_code") { return "\(type):generic:code" }
      if name == "\(prefix)_name" { return "\(type):generic:label" }
    }
    return kind == .number ? "value" : nil
  }

  // MARK: - datapackage.json

  /// 万元 → 10000 yuan, 元 → 1.
  static func factor(_ unit: MoneyUnit) -> Int {
    switch unit {
    case .wan: return 10_000;
    case .yuan: return 1;
    case .qian: return 1_000
    }
  }

  static func descriptor(_ doc: PublishedDocument, _ resources: [Resource]) -> Data {
    var measures: [(String, JSONValue)] = []
    var dimensions: [(String, JSONValue)] = []
    let jsonResources: [JSONValue] = resources.map { r in
      let t = r.table
      let hasAmounts = r.fields.contains { $0.kind == .number }
      let unit: [(String, JSONValue)] =
        hasAmounts ? [("unit", .string(t.money.unit.rawValue)), ("currency", .string(currency)), ("factor", .int(factor(t.money.unit)))] : []
      let fields: [JSONValue] = r.fields.map { f in
        var props: [(String, JSONValue)] = [("name", .string(f.name)), ("title", .string(f.title))]
        switch f.kind {
        case .string: props.append(("type", .string("string")))
        case .integer: props.append(("type", .string("integer")))
        case .number:
          props += [("type", .string("number")), ("decimalChar", .string(".")), ("bareNumber", .bool(true))] + unit
          measures.append(
            (
              "\(r.name).\(f.name)",
              .object([
                ("resource", .string(r.name)), ("source", .string(f.name)), ("title", .string("\(t.title)·\(f.title)")),
                ("currency", .string(currency)), ("factor", .int(factor(t.money.unit))),
              ])
            ))
        }
        if let ct = f.columnType { props.append(("columnType", .string(ct))) }
        if f.name == "row_type" {
          props.append(("constraints", .object([("required", .bool(true)), ("enum", .array(["detail", "subtotal", "total"].map(JSONValue.string)))])))
        }
        return .object(props)
      }
      for (prefix, classification, title) in [("function", "functional", "功能分类科目"), ("economic", "economic", "经济分类科目")]
      where r.fields.contains(where: { $0.name.hasPrefix("\(prefix)_code") }) {
        // One code column (function_code), or Shanghai's three (function_code_class, _section, _item).
        let codes = r.fields.map(\.name).filter { $0.hasPrefix("\(prefix)_code") }
        let keys = codes.map { $0 == "\(prefix)_code" ? "code" : String($0.dropFirst("\(prefix)_".count)) }
        var attributes: [(String, JSONValue)] = zip(keys, codes).map { ($0, .object([("source", .string($1))])) }
        if r.fields.contains(where: { $0.name == "\(prefix)_name" }) {
          attributes.append(("name", .object([("source", .string("\(prefix)_name")), ("labelfor", .string(keys.last!))])))
        }
        dimensions.append(
          (
            "\(r.name).\(prefix)",
            .object([
              ("resource", .string(r.name)), ("title", .string(title)), ("dimensionType", .string("classification")),
              ("classificationType", .string(classification)), ("primaryKey", .array(keys.map(JSONValue.string))), ("attributes", .object(attributes)),
            ])
          ))
      }
      let description = ([t.label, t.unit.isEmpty ? nil : t.unit, t.note].compactMap { $0 }).joined(separator: "；")
      return .object(
        [
          ("name", .string(r.name)), ("path", .string(r.path)), ("title", .string(t.title)),
          ("profile", .string("tabular-data-resource")), ("format", .string("csv")), ("mediatype", .string("text/csv")),
          ("encoding", .string("utf-8")), ("yusuanTableId", .string(t.id)),
          ("schema", .object([("fields", .array(fields)), ("missingValues", .array([.string("")]))])),
        ] + (description.isEmpty ? [] : [("description", .string(description))]) + unit)
    }
    let package = JSONValue.object(
      [
        ("name", .string("yusuan-budget-\(doc.year)")),
        ("title", .string(doc.title)),
        ("description", .string("\(doc.department)\(doc.year)年部门预算公开表（\(doc.edition)），由 yusuan 生成。金额为各表所示单位，币种人民币（CNY）。")),
        ("profile", .string("tabular-data-package")),
        ("countryCode", .string("CN")),
        ("granularity", .string("aggregated")),
        ("fiscalPeriod", .object([("start", .string("\(doc.year)-01-01")), ("end", .string("\(doc.year)-12-31"))])),
        ("keywords", .array(["部门预算", "预算公开", "fiscal", "budget"].map(JSONValue.string))),
        ("model", .object([("measures", .object(measures)), ("dimensions", .object(dimensions))])),
        ("resources", .array(jsonResources)),
      ] + (doc.draft ? [("draft", JSONValue.bool(true))] : []))
    var out = ""
    package.write(to: &out, indent: 0)
    out += "\n"
    return Data(out.utf8)
  }

  // MARK: - CSV

  /// RFC 4180: the field names, then each row; a value with a comma, quote or line break is quoted.
  static func csv(_ r: Resource) -> Data {
    var out = ""
    func line(_ values: [String]) {
      out += values.map(quote).joined(separator: ",")
      out += "\r\n"
    }
    line(r.fields.map(\.name))
    for row in r.rows { line(row) }
    return Data(out.utf8)
  }

  static func quote(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
