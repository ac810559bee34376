/// Rules every classification code passes through, wherever it is entered or printed.
///
/// - `code.malformed` (error): not digits, wrong length or wrong leading digit.
/// - `code.level` (error): a line at the wrong level (expenditure lines are 项, 7 digits; economic lines 款, 5 digits).
/// - `code.unknown` (warning): well-formed but not in the catalog; suggests near codes and codes with the same name.
/// - `code.misplaced` (error): the name entered belongs in the catalog to a code of another 类/款, so the amount
///   would be reported under the wrong heading (2050505 printed for 2080505).
/// - `name.mismatch` (warning): the name printed for a known code is not the catalog's.
public enum CodeRules {
  public struct Location: Sendable {
    public var table: String?
    public var row: String?
    public var plugin: String
    public init(table: String?, row: String?, plugin: String) { self.table = table; self.row = row; self.plugin = plugin }
  }

  public static func check(code: String, name: String?, system: CodeSystem, level: Int?, catalog: Catalog, at loc: Location) -> [Diagnostic] {
    func diag(_ rule: CoreRuleID, _ msg: String, expected: String? = nil, actual: String? = nil) -> Diagnostic {
      Diagnostic(rule: rule, table: loc.table, row: loc.row ?? code, column: "科目编码", message: msg, expected: expected, actual: actual, plugin: loc.plugin)
    }
    if let p = CodeShape.problem(code, in: system) {
      // Suggestions at the level the caller needs come first.
      let all = catalog.suggestions(for: code, name: name, in: system, limit: 6)
      let hints = Array((all.filter { $0.code.count == level } + all.filter { $0.code.count != level }).prefix(3))
      let hint = hints.isEmpty ? "" : "可能是：" + hints.map { "\($0.code) \($0.name)" }.joined(separator: "；") + "。"
      return [
        diag(
          .codeMalformed, CodeShape.describe(p, code: code, system: system) + "。" + hint + "请按《政府收支分类科目》更正。",
          expected: hints.first.map(\.code) ?? system.levelLengths.map { "\($0)位" }.joined(separator: "/"), actual: code)
      ]
    }
    var out: [Diagnostic] = []
    if let level, code.count != level {
      out.append(
        diag(
          .codeLevel, "此处须填\(CodeSystem.levelName(level))级科目（\(level)位编码），“\(code)”是\(CodeSystem.levelName(code.count))级。公开要求一般公共预算支出细化到功能分类项级、基本支出细化到经济分类款级。",
          expected: "\(level)位", actual: "\(code.count)位"))
    }
    if let entry = catalog.entry(code, system) {
      if let name, !name.isEmpty, !namesAgree(name, entry.name) {
        out.append(
          diag(
            .nameMismatch, "科目 \(code) 在目录中的名称是“\(entry.name)”，这里写作“\(name)”。请使用规范名称（可删去录入的名称，由系统按目录填写）。",
            expected: entry.name, actual: name))
      }
      return out
    }
    // Suggestions stay under the code's own heading (another 款's 行政运行 is never what was meant), unless the
    // printed name is that code's own and not a name every 款 has (2050505 机关事业单位基本养老保险缴费支出 → 2080505).
    let named = name.map { n in !isGenericItem(code: code, name: n, catalog: catalog, system: system) } ?? false
    var hints = catalog.suggestions(for: code, name: name, in: system).filter { e in
      sameParent(e.code, code) || (named && name.map { namesAgree($0, e.name) } ?? false)
    }
    let importHint = "如确为本年科目，请用 yusuan catalog import 导入本年度官方科目目录。"
    let parent = code.count > 3 ? String(code.prefix(code.count - 2)) : nil
    let heading = parent.map { p in catalog.name(p, system).map { "\(p) \($0)" } ?? p }
    let levelName = code.count == 7 ? "款" : "类"
    let hint: String
    if system == .function, code.count == 7, let item = standardItems[String(code.suffix(2))], let parent, catalog.entry(parent, system) != nil,
      name.map({ $0.isEmpty || NameKey.of($0) == item }) ?? true
    {
      // 01 行政运行, 02, 03, 50 exist under every 款: 2010501 is 统计信息事务's 行政运行, not a slip for a
      // neighbour that happens to be in the catalog.
      hints = []
      hint = "按编码规则它是“\(heading ?? parent)”款下的“\(item)”（各款通用的项），本目录暂缺。" + importHint
    } else if hints.isEmpty {
      hint = (heading.map { "目录中“\($0)”\(levelName)下没有与之相近的科目。" } ?? "") + importHint
    } else {
      hint = "是否应为：" + hints.map { "\($0.code) \($0.name)" }.joined(separator: "；") + "？"
    }
    out.append(diag(.codeUnknown, "科目编码 \(code) 不在科目目录“\(catalog.id)”中。" + hint, expected: hints.first.map(\.code), actual: code))
    if let name, !name.isEmpty, !isGenericItem(code: code, name: name, catalog: catalog, system: system) {
      let owners = catalog.entries(named: name, in: system).filter { !sameHeading($0.code, code) }
      if let owner = owners.first, owners.count == 1 {
        out.append(
          diag(
            .codeMisplaced,
            "名称“\(name)”在目录中对应科目 \(owner.code)，而录入的编码 \(code) 会把这笔金额归入\(headingName(code, catalog: catalog, system: system))，与 \(owner.code) 所在的\(headingName(owner.code, catalog: catalog, system: system))不同。请核对编码。",
            expected: owner.code, actual: code))
      }
    }
    return out
  }

  /// The 项 every 款 may have, by the last two digits of the code (财政部's convention in 政府收支分类科目).
  public static let standardItems: [String: String] = ["01": "行政运行", "02": "一般行政管理事务", "03": "机关服务", "50": "事业运行"]

  /// A 项 name that recurs under many 款 (行政运行, 事业运行, 其他…支出 under 99), so a name match elsewhere says
  /// nothing about the code: 2011350 事业运行 (商贸事务) is as right as 2010350 事业运行.
  static func isGenericItem(code: String, name: String, catalog: Catalog, system: CodeSystem) -> Bool {
    guard system == .function, code.count == 7 else { return false }
    let key = NameKey.of(name), suffix = String(code.suffix(2))
    if standardItems[suffix] == key { return true }
    if suffix == "99" && key.hasPrefix("其他") { return true }
    let headings = Set(catalog.entries(named: name, in: system).map { $0.code.prefix(5) })
    return headings.count >= 2
  }

  /// Under the same parent: the same 款 for a 项, the same 类 for a 款.
  static func sameParent(_ a: String, _ b: String) -> Bool {
    guard a.count == b.count, a.count > 3 else { return a.count == b.count && a.count <= 3 }
    return a.prefix(a.count - 2) == b.prefix(b.count - 2)
  }

  /// Same 类 and 款 (so a name match under the same heading is just a variant, not a misplacement).
  static func sameHeading(_ a: String, _ b: String) -> Bool { a.prefix(5) == b.prefix(5) }

  static func headingName(_ code: String, catalog: Catalog, system: CodeSystem) -> String {
    let cls = String(code.prefix(3)), kuan = String(code.prefix(5))
    let c = catalog.name(cls, system).map { "“\($0)”" } ?? "（目录中没有的）"
    let k = code.count > 5 ? (catalog.name(kuan, system).map { "“\($0)”" } ?? "（目录中没有的）") : ""
    return "类 \(cls)\(c)" + (code.count > 5 ? "、款 \(kuan)\(k)" : "")
  }

  /// Names agree when equal after normalising brackets and blanks, or when the printed name only adds a
  /// qualifier in brackets (一般行政管理事务（政府办公室）) to the catalog name.
  public static func namesAgree(_ given: String, _ catalogName: String) -> Bool {
    let g = NameKey.of(given), c = NameKey.of(catalogName)
    if g == c { return true }
    if g.hasPrefix(c), g.dropFirst(c.count).hasPrefix("（"), g.hasSuffix("）") { return true }
    return false
  }
}
