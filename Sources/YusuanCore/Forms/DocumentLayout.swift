/// The document's order as data: the parts an edition prints and what each holds (`parts:`), the cover page
/// (`cover:`) and the contents page (`contents:`). An edition without `parts` prints the standard four parts
/// titled by `part_titles` (第一部分 部门概况 … 第四部分 名词解释).

/// One part: its title on the page, its line in the contents, and what it shows, in order.
public struct PartSpec: Sendable, Codable, Equatable {
  /// Printed at the head of the part (the standard placeholders may be used); empty: no heading.
  public var title: String
  /// The part's line in the contents (numbered 一、二 …); nil: the title.
  public var entry: String?
  /// What the part holds, in order (`PartContent`).
  public var show: [String]
}

/// What a part can show.
public enum PartContent: Equatable, Sendable {
  /// The whole 部门概况 (主要职责, 预算单位构成, 主要工作任务 under their headings).
  case overview
  /// The edition's tables, by number.
  case tables
  /// One numbered section per table explained, then 其他重要事项 with its items (the standard 第三部分).
  case explanations
  /// The items of 其他重要事项 alone, each a numbered section (Shanghai's 其他相关情况说明).
  case matters
  /// 名词解释.
  case glossary
  /// The blocks one plugin writes under `key`, without a heading: a table's explanation (T1, T5 …), an item of
  /// 其他重要事项 (项目绩效 …), or a piece of the profile (职责, 单位构成, 工作任务).
  case section(String)

  public init?(_ word: String) {
    switch word {
    case "overview": self = .overview
    case "tables": self = .tables
    case "explanations": self = .explanations
    case "matters": self = .matters
    case "glossary": self = .glossary
    default:
      guard word.hasPrefix("section:"), word.count > 8 else { return nil }
      self = .section(String(word.dropFirst(8)))
    }
  }
}

/// `contents:` — the contents page: its title, and the patterns of a part's line ({中文序号}、{条目}) and of a
/// table's line under the tables' part ({序号}, {表名}, the standard placeholders).
public struct ContentsSpec: Sendable, Codable, Equatable {
  public var title: String
  public var part: String
  public var table: String
}
