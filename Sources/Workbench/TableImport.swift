import Foundation
import Yams
import YusuanCore

/// Figures exported by the budget management system (CSV) as expenditure lines, through a column mapping that is
/// data (`forms/mappings/ID.yaml`, or `key=列名,…` on the command line). Subtotal rows (类/款, 合计) are left to
/// derivation and listed; rows that cannot be read are errors with their line, and nothing is imported then.
public enum TableImport {
  public struct Mapping: Sendable, Decodable {
    public var code: [String]
    public var name: [String]?
    public var basic: [String]?
    public var project: [String]?
    public var total: [String]?
    public var kind: [String]?
    public var source: [String]?
    public var unit: [String]?
    /// 元 or 万元.
    public var money: String?
  }

  public struct Failure: Error, CustomStringConvertible { public var description: String }

  /// A mapping id in `forms/mappings`, a YAML file, or `key=列名,…`.
  public static func mapping(_ spec: String?, forms: FormsLibrary) throws -> Mapping {
    let spec = spec ?? "budget-system"
    if spec.contains("=") {
      var m = Mapping(code: [])
      for pair in spec.split(separator: ",") {
        let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingBlanks() }
        guard kv.count == 2 else { throw Failure(description: "映射“\(pair)”应写成 键=列名。") }
        switch kv[0] {
        case "code": m.code = [kv[1]]
        case "name": m.name = [kv[1]]
        case "basic": m.basic = [kv[1]]
        case "project": m.project = [kv[1]]
        case "total": m.total = [kv[1]]
        case "kind": m.kind = [kv[1]]
        case "source": m.source = [kv[1]]
        case "unit": m.unit = [kv[1]]
        case "money": m.money = kv[1]
        default: throw Failure(description: "映射中不认识“\(kv[0])”。可用：code、name、basic、project、total、kind、source、unit、money。")
        }
      }
      guard !m.code.isEmpty else { throw Failure(description: "映射必须指明科目编码列：code=列名。") }
      return m
    }
    let file =
      FileManager.default.fileExists(atPath: spec)
      ? URL(fileURLWithPath: spec)
      : forms.root.appendingPathComponent("mappings").appendingPathComponent(spec + ".yaml")
    guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
      throw Failure(description: "找不到映射“\(spec)”（应为 forms/mappings 下的编号、YAML 文件，或 code=列名,… 的写法）。")
    }
    do { return try YAMLDecoder().decode(Mapping.self, from: text) } catch { throw Failure(description: "映射文件 \(file.path) 格式有误：\(ErrorText.describe(error))") }
  }

  public struct Result: Sendable {
    public var lines: [Workbench.SourcedLine] = []
    public var skipped: [String] = []
  }

  /// Entry lines from CSV text; `file` names the source in messages; `asPrior` writes the figures as 上年, keeping
  /// this year's amount of a line already entered (`current` gives it by fact key).
  public static func lines(csv text: String, file: String, mapping m: Mapping, asPrior: Bool, current: (String) -> Amount? = { _ in nil }) throws -> Result {
    let read = CSVReader.read(text)
    if let open = read.unterminatedQuoteLine { throw Failure(description: CSVReader.unterminatedQuote(file: file, line: open)) }
    return try lines(rows: read.rows, rowLines: read.lines, file: file, mapping: m, asPrior: asPrior, current: current)
  }

  /// The same from rows already read (an .xlsx sheet); `rowLines` gives each row's line in the file when a row is
  /// not one line (a CSV cell in quotes may span lines), otherwise row N is line N.
  public static func lines(
    rows table: [[String]], rowLines: [Int]? = nil, file: String, mapping m: Mapping, asPrior: Bool, current: (String) -> Amount? = { _ in nil }
  ) throws -> Result {
    guard !table.isEmpty else { throw Failure(description: "\(file)：文件为空。") }
    func lineOf(_ row: Int) -> Int { rowLines.flatMap { row < $0.count ? $0[row] : nil } ?? row + 1 }
    // The header is the first row naming the code column (exports often put a title and a unit line above it).
    let codeNames = Set(m.code.map(NameKey.of))
    let headerIndex = table.prefix(10).firstIndex { $0.contains { codeNames.contains(NameKey.of($0)) } } ?? 0
    let header = table[headerIndex].map { NameKey.of($0) }
    let rows = Array(table[(headerIndex + 1)...])
    func col(_ names: [String]?) -> Int? { names?.lazy.compactMap { n in header.firstIndex(of: NameKey.of(n)) }.first }
    guard let code = col(m.code) else {
      // The header as read, cut short: a file that is not a table at all may have a "header" of megabytes.
      let shown =
        header.prefix(30).map { $0.count > 40 ? String($0.prefix(40)) + "…" : $0 }.joined(separator: "、")
        + (header.count > 30 ? "……（共 \(header.count) 列）" : "")
      throw Failure(description: "\(file):\(lineOf(headerIndex)): 表头中没有科目编码列（找过：\(m.code.joined(separator: "、"))）。实际表头：\(shown)。请用 --map 指明。")
    }
    let basic = col(m.basic), project = col(m.project), total = col(m.total), kind = col(m.kind)
    let name = col(m.name), source = col(m.source), unit = col(m.unit)
    guard basic != nil || project != nil || (total != nil && kind != nil) else {
      throw Failure(description: "\(file):\(lineOf(headerIndex)): 表头中没有基本支出/项目支出列，也没有“金额 + 支出类型”两列。请用 --map 指明。")
    }
    let money: MoneyUnit = m.money == "万元" ? .wan : .yuan
    var r = Result(), errors: [String] = []
    for (i, row) in rows.enumerated() {
      let line = lineOf(headerIndex + i + 1)
      func cell(_ c: Int?) -> String { c.flatMap { $0 < row.count ? row[$0].trimmingBlanks() : nil } ?? "" }
      if row.allSatisfy({ $0.trimmingBlanks().isEmpty }) { continue }
      let c = AmountParser.normalizeWidth(cell(code))
      guard c.count == 7, c.allSatisfy(\.isNumber) else {
        r.skipped.append("\(file):\(line)「\(CharacterNames.visible(cell(code) + " " + cell(name)))」不是项级科目（汇总行由系统推算），未导入")
        continue
      }
      func amount(_ col: Int?) -> Amount? {
        let s = cell(col)
        guard !s.isEmpty else { return nil }
        switch AmountParser.parse(s, defaultUnit: money) {
        case .success(let a): return a
        case .failure(let e): errors.append("\(file):\(line): \(e.message)"); return nil
        }
      }
      var parts: [(SpendingKind, Amount)] = []
      if basic != nil || project != nil {
        if let a = amount(basic), !a.isZero { parts.append((.basic, a)) }
        if let a = amount(project), !a.isZero { parts.append((.project, a)) }
      } else if let a = amount(total), !a.isZero {
        guard let k = SpendingKind.named(cell(kind)) else { errors.append("\(file):\(line): 支出类型“\(cell(kind))”应为 基本 或 项目。"); continue }
        parts.append((k, a))
      }
      var opts = ""
      var src = FundSource.general
      if source != nil, !cell(source).isEmpty {
        guard let s = FundSource.named(cell(source)) else { errors.append("\(file):\(line): 不认识的资金来源“\(cell(source))”。"); continue }
        src = s
        if s != .general { opts += " 来源 \(s.rawValue)" }
      }
      let unitName = cell(unit).isEmpty ? nil : cell(unit)
      if let u = unitName { opts += " 单位 \(ScriptWriter.q(u))" }
      if name != nil, !cell(name).isEmpty { opts += " 名称 \(ScriptWriter.q(cell(name)))" }
      for (k, a) in parts {
        let text =
          asPrior
          ? "支出 \(c) \(k.rawValue) \((current(Fact.expenditure(ExpenditureLine(code: c, kind: k, source: src, unit: unitName, amount: .zero)).key) ?? .zero).scriptText)\(opts) 上年 \(a.scriptText)"
          : "支出 \(c) \(k.rawValue) \(a.scriptText)\(opts)"
        r.lines.append(Workbench.SourcedLine(text: text, file: file, line: line))
      }
    }
    if !errors.isEmpty { throw Failure(description: errors.joined(separator: "\n") + "\n共 \(errors.count) 处错误，没有导入任何内容。") }
    return r
  }
}
