/// How long a text an officer types may be, by the field the entry language names it with: one table, asked by the
/// entry parser for every text argument it reads (`ArgType.read`), so scripts, the REPL and imports refuse alike.
/// Control and invisible characters are refused before, by the lexer, for the whole line.
///
/// Each limit is far above what real documents hold (the longest 项目名称 in the corpus has 24 characters, the longest
/// 任务 paragraph of the 2024 seed about 250) and keeps a printed name to a line or two of its table cell.
public enum TextLimit {
  /// A name (项目名称, 采购项目名称, 科目名称, 资产名称, 指标 …): a field not listed below.
  public static let name = 60

  /// The fields that take more (a sentence, a paragraph) or less (a budget unit, printed in titles like the
  /// department's name), by the name the parser gives them.
  static let byField: [String: Int] = [
    "单位名称": DepartmentName.longest, "单位": DepartmentName.longest, "主管部门": DepartmentName.longest, "实施单位": DepartmentName.longest,
    "项目期": 40, "期限": 40, "方式": 40,
    "指标值": 100,
    "原因": 200, "原因内容": 200,
    "目标": 500, "说明文字": 500,
    "职责内容": 2000, "任务内容": 2000,
  ]

  /// The field's own name: `车辆类别（如 机要通信用车）` is 车辆类别.
  public static func field(_ what: String) -> String {
    String(what.prefix { $0 != "（" && $0 != "(" }).trimmingBlanks()
  }

  /// The most characters `what` may have.
  public static func longest(_ what: String) -> Int { byField[field(what)] ?? name }

  /// Why `text` is too long for the field `what` (its length, the limit and what to do, in Chinese), or nil.
  public static func problem(_ text: String, what: String) -> String? {
    let n = text.trimmingBlanks().count, limit = longest(what)
    guard n > limit else { return nil }
    let f = field(what)
    let advice = limit >= 1000 ? "请精简，或分成几条录入。" : limit >= 100 ? "请精简文字。" : "请用简短的正式名称。"
    return "\(f)有 \(n) 个字，超过上限 \(limit) 个字。\(advice)"
  }
}
