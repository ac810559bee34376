/// Every template the code asks prose.yaml for, with the placeholders it fills: the one list that the loader
/// checks each edition against (a missing key is a load error, never 【缺少模板】 in print), that the tests check the
/// code against (a key asked for but not listed fails), and that `forms/README.md` documents.
public enum ProseKeys {
  /// Placeholders every template filled by the compile stage may use, besides its own.
  public static let standard = ["部门", "年度", "上年", "上年口径", "上年数", "文件类型", "预算层级"]
  /// The change clauses are filled by `Wording` with the prior year's placeholders only.
  public static let priorYear = ["上年", "上年口径", "上年数"]
  static let numbered = ["序号", "中文序号"]

  /// Key → the placeholders the code fills (beyond `standard`, or `priorYear` for change.*), in document order.
  public static let all: KeyValuePairs<String, [String]> = [
    // Change on last year and the 尾差 note (DESIGN §4).
    "change.increase": ["差额", "百分比"], "change.decrease": ["差额", "百分比"], "change.same": [], "change.new": ["差额"],
    "change.stopped": ["差额"], "change.unknown": [], "change.reason": ["方向", "原因"], "change.new.reason": ["原因"], "shares.note": [],
    // Numbering and fixed words.
    "heading.numbered": numbered + ["标题"], "heading.sub": numbered + ["标题"], "list.numbered": numbered + ["文字"],
    "glossary.entry": numbered + ["术语", "解释"], "table.empty": [], "table.total": [], "list.none": [],
    // One item of a list.
    "item.amount": ["名称", "金额"], "item.share": ["名称", "金额", "占比"], "item.arranged": ["名称", "金额"],
    "item.asset": ["名称", "金额", "数量"], "item.vehicle": ["名称", "数量"], "amount": ["金额"],
    // 第一部分.
    "overview.duties": [], "overview.units": [], "overview.units.own-only": [], "overview.units.many": ["单位列表", "个数"],
    "overview.tasks": [],
    // 第三部分: titles, then each table's explanation and fixed rows.
    "explain.title": ["表名"], "other.title": [],
    "t1.body": ["合计", "增减", "收入列表", "收入个数", "收入名称", "支出列表"], "t1.row.source": numbered + ["来源"], "t1.row.class": numbered + ["名称"],
    "t1.row.income-total": [], "t1.row.income-grand-total": [], "t1.row.spending-total": [], "t1.row.carry-forward": [],
    "t1.row.spending-grand-total": [],
    "t2.body": ["合计", "上年结转", "本年收入"], "t2.sources": ["本年收入", "来源列表", "来源个数", "尾差"], "t2.source": ["来源", "金额", "占比", "增减", "来源个数"],
    "t3.body": ["合计", "增减", "基本", "基本占比", "项目", "项目占比", "主要项目", "其余项目个数", "尾差"],
    "t3.body.no-projects": ["合计", "增减", "基本", "基本占比"],
    "t4.row.current": [], "t4.row.fund": ["资金"], "t4.row.carryover": ["资金"], "t4.row.class": numbered + ["名称"],
    "t4.row.income-grand-total": [], "t4.row.spending-grand-total": [],
    "t4.body": ["合计", "来源列表", "来源个数", "来源名称", "本年", "上年结转", "支出列表", "支出个数", "支出名称", "尾差"], "t4.none": [],
    "t5.scale.title": [], "t5.scale": ["合计", "增减"], "t5.structure.title": [], "t5.structure": ["支出列表", "支出个数", "支出名称", "尾差"],
    "t5.class": numbered + ["名称", "金额", "占比", "增减"],
    "t5.detail.title": [], "t5.detail": ["序号", "类名", "款名", "项名", "金额", "增减"], "t5.none": [],
    "t6.body": ["合计", "人员", "公用"], "t6.personnel": ["人员", "科目列表"], "t6.public": ["公用", "科目列表"], "t6.none": [],
    "t7.row.current": [], "t7.row.prior": [], "t7.row.change": [],
    "t7.body": ["合计", "增减", "出国", "出国增减", "车辆", "购置", "购置增减", "购置上年", "运行", "运行增减", "接待", "接待增减"],
    "t8.none": [], "t8.body": ["合计", "增减"], "t9.none": [], "t9.body": ["合计", "增减"],
    "t10.body": ["合计", "个数", "增减", "来源列表", "来源个数", "来源名称"], "t10.none": [],
    "t11.body": ["合计", "货物", "工程", "服务", "采购列表", "采购个数", "采购名称"], "t11.none": [],
    "t12.body": ["合计", "个数", "项目列表"], "t12.none": [],
    "t13.body": ["合计", "资产列表"], "t13.none": [],
    // 其他重要事项.
    "other.projects.none": [], "other.project": ["序号", "项目", "金额", "目标"],
    "other.operating": ["合计", "增减"], "other.operating.none": [],
    "other.procurement": ["合计", "货物", "工程", "服务", "采购列表", "采购个数", "采购名称"], "other.services": ["合计"],
    "other.assets.vehicles": ["车辆数", "车辆列表", "设备数"], "other.assets.no-vehicles": ["设备数"],
    "other.assets.purchases": ["购车数", "购车费", "购车列表", "购设备数", "购设备费"], "other.assets.no-purchases": [],
    "other.performance": ["个数", "合计", "来源列表", "来源个数", "来源名称"], "other.performance.none": [],
    // The document's title.
    "document.title": [],
  ]

  /// The placeholders a key's template may use.
  public static func placeholders(_ key: String) -> [String]? {
    guard let own = all.first(where: { $0.key == key })?.value else { return nil }
    return own + (key.hasPrefix("change.") ? priorYear : standard)
  }
}
