/// The catalog of the rules every section shares (code, text and change rules, 无 beside items): id, severity, title and fix-it text (see `RuleInfo`).
public enum CoreRuleID: RuleCatalog {
  case codeMalformed, codeLevel, codeUnknown, codeMisplaced, nameMismatch, textResidue, changeReasonMissing, changeReasonDirection, noneBesideItems

  public var info: RuleInfo {
    switch self {
    case .codeMalformed:
      RuleInfo(
        "code.malformed", .error, "科目编码格式不对",
        fix: "按《政府收支分类科目》改为3/5/7位（功能分类）或3/5位（经济分类）的编码；消息中列出了可能的编码。")
    case .codeLevel:
      RuleInfo(
        "code.level", .error, "科目级次不对",
        fix: "支出行填功能分类项级（7位），经济分类行填款级（5位）。")
    case .codeUnknown:
      RuleInfo(
        "code.unknown", .warning, "科目编码不在目录中",
        fix: "按“是否应为”改正编码；确为本年新增科目时，用 yusuan catalog import 导入本年度官方科目目录。")
    case .codeMisplaced:
      RuleInfo(
        "code.misplaced", .error, "名称属于另一类/款的科目",
        fix: "核对编码：名称在目录中对应的科目见“应为”。")
    case .nameMismatch:
      RuleInfo(
        "name.mismatch", .warning, "科目名称与目录不符",
        fix: "使用目录中的规范名称，或删去录入的名称，由系统按目录填写。")
    case .textResidue:
      RuleInfo(
        "text.residue", .error, "文字中留有模板占位内容",
        fix: "把“XX局”“根据实际情况”等占位内容改为本部门的实际内容。")
    case .changeReasonMissing:
      RuleInfo(
        "change.reason-missing", .warning, "增减超过幅度而没有原因",
        fix: "录入原因：原因 科目或项目 \"……\"。")
    case .changeReasonDirection:
      RuleInfo(
        "change.reason-direction", .warning, "原因与增减方向相反",
        fix: "为这一增加（或减少）录入方向相符的原因。")
    case .noneBesideItems:
      RuleInfo(
        "none.beside-items", .warning, "录入了“无”又有明细",
        fix: "用 删除 去掉“无”，或删除这些明细。")
    }
  }
}
