import YusuanCore

/// The entry commands of 部门概况, each declared once.
extension ProfilePlugin {
  /// 职责 and 任务: numbered lists of text; an explicit number replaces that item, none appends.
  struct NumberedList: Sendable {
    let ordinal: Arg<Int?>
    let text: Arg<String>
    let command: EntryCommand

    init(
      _ keyword: String, summary: String, example: String, fact: @escaping @Sendable (ListItem) -> Fact,
      items: @escaping @Sendable (FactSet) -> [ListItem]
    ) {
      let ordinal = Arg<Int?>.ordinal("\(keyword)序号", largest: ProfilePlugin.largestOrdinal)
      let text = Arg<String>.text("\(keyword)内容", trimmed: true, prompt: keyword, placeholder: "\"文字\"")
      self.ordinal = ordinal
      self.text = text
      command = EntryCommand(
        keyword, summary: summary, example: example, args: [ordinal, text],
        build: { (a, c) throws(EntryError) in
          var n = c.facts.largestOrdinal(in: keyword) + 1
          if let given = a[ordinal] {
            n = given
          } else if n > ProfilePlugin.largestOrdinal {
            throw a.fail(
              "\(keyword)的序号最大为\(ProfilePlugin.largestOrdinal)，已有第\(ProfilePlugin.largestOrdinal)条，不能再追加。请写明序号，替换或补上其中一条，例如：\(keyword) 5 \"……\"。",
              at: text)
          }
          return [.set(fact(ListItem(ordinal: n, text: a[text])))]
        },
        key: { a, _ in fact(ListItem(ordinal: a[ordinal] ?? 0, text: "")).key },
        export: { f in items(f).map { [ordinal.bind($0.ordinal), text.bind($0.text)] } })
    }
  }

  static let duty = NumberedList(
    "职责", summary: "主要职责（按序号排列）", example: "职责 \"负责区政府会议的准备工作。\"",
    fact: { .duty($0) }, items: \.duties)
  static let task = NumberedList(
    "任务", summary: "年度主要工作任务", example: "任务 \"完成区下达的招商引资目标任务。\"",
    fact: { .task($0) }, items: \.tasks)

  /// The numbers an item may have; the export writes every item's number, so an appended item may not go past it.
  static let largestOrdinal = 999

  /// 单位: a budget unit of the department and its nature.
  enum Unit {
    static let name = Arg<String>.text("单位名称", key: true, prompt: "单位名称")
    static let nature = Arg<String>.choice("单位性质", .of(BudgetUnit.natures), prompt: "单位性质")

    static let command = EntryCommand(
      "单位", summary: "预算单位构成", example: "单位 \"杜集区政府办公室\" 机关",
      args: [name, nature],
      build: { a, c in
        let unit = BudgetUnit(ordinal: 0, name: a[name], nature: a[nature])
        let ordinal = c.facts.ordinal(of: Fact.unit(unit).key) ?? c.facts.nextOrdinal(in: "单位")
        return [.set(.unit(BudgetUnit(ordinal: ordinal, name: unit.name, nature: unit.nature)))]
      },
      key: { a, _ in Fact.unit(BudgetUnit(ordinal: 0, name: a[name], nature: "")).key },
      export: { f in f.units.map { [name.bind($0.name), nature.bind($0.nature)] } })
  }
}
