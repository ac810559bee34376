import YusuanCore

/// The catalog of the audit of published documents: every id a finding of `yusuan audit` can carry, with its
/// severity, a short title and fix-it text (see `RuleInfo`). The rules are the `Rule*.swift` files, run in order by
/// `Auditor`; the reader's own findings are the `read` ones. A finding about an absence (a table, a note, a figure no
/// table holds) becomes a 未能核对 note (info) when pages or tables were not read (`Auditor.unsure`). It lives with
/// the reader, which reports the `audit.read.*` findings itself, so that the audit and import share one catalog.
public enum AuditRuleID: RuleCatalog {
  case readTemplate, readCatalog, readDamaged, readEncoding, readHiddenText, readWatermark, readImagePage, readGarbled, readLanguagePack
  case readTable, readRowShort, amountMalformed, amountDecimals, codeMalformed, codeUnknown, codeMisplaced
  case codePosition, nameMismatch, nameRetired, sumParent, sumTotal, sumRow, sumTwoSided, sumThreePublic, crossFigure
  case crossRowCode, numberingMissing, numberingOrphan, numberingGap, numberingDuplicate, numberingOrder
  case tableColumns, tableTitle, tableUnit, tableEmptyNote, tableEmptyClaim, tableEmptyNoteFund, tableUnitName
  case textResidue, textDocumentKind, textUnitCount, textUnitUnnamed, textLevel, textNameTypo, textDuplicate, textDoubleStop, textQuotes, textNoStop
  case textSpace, textNumberFormat, textNoAmount, textPunctuation, textWording, textEmptyItem, textTruncatedTerm
  case proseChangePercent, proseNewItem, proseChangeDirection, proseChangeImpossible, proseZeroChange
  case prosePercentFormat, proseChangeYear, proseChangeBasis, proseContradiction, proseItemsSum, prosePartsSum
  case proseTruncated, proseFigure, proseShare, proseShareSum, proseListSum, proseSubject, proseSubjectChange
  case proseOperatingCost, prosePerformanceAmount, prosePerformanceContradiction, proseEconomicClass
  case proseVehicleCategory, proseVehiclePurchase, proseReasonEmpty, proseReasonDirection, proseUnitMixed
  case requiredThreePublic, requiredTable, requiredTables, requiredExplanation

  public var info: RuleInfo {
    switch self {
    case .readTemplate:
      RuleInfo(
        "audit.read.template", .info, "按哪个模板审读",
        fix: "无须处理：报告开头说明按哪个模板（forms/editions）审读。")
    case .readCatalog:
      RuleInfo(
        "audit.read.catalog", .info, "未加载科目目录",
        fix: "只检查了科目编码的位数和结构；用 yusuan catalog import 导入科目目录后重新审读，可核对名称。")
    case .readDamaged:
      RuleInfo(
        "audit.read.damaged", .warning, "文件有损坏或读不出的部分",
        fix: "用原软件重新另存，或取得完好的文件后重新审读。")
    case .readEncoding:
      RuleInfo(
        "audit.read.encoding", .info, "文件的文字编码不是 UTF-8",
        fix: "无须处理：已按 UTF-16 或 GB18030 读出；建议另存为 UTF-8。")
    case .readHiddenText:
      RuleInfo(
        "audit.read.hidden-text", .info, "PDF 文字层中有页面上看不见的文字",
        fix: "无须处理：按页面所见审读，被裁剪的文字未计入。")
    case .readWatermark:
      RuleInfo(
        "audit.read.watermark", .info, "PDF 页面上有斜排的水印文字",
        fix: "无须处理：水印文字不计入正文和表格。")
    case .readImagePage:
      RuleInfo(
        "audit.read.image-page", .info, "有只有图片（或大部分是图片）的页",
        fix: "取得有文字层的 PDF 或 Word 原件后重新审读；这些页上的内容未能核对。")
    case .readGarbled:
      RuleInfo(
        "audit.read.garbled", .info, "有文字层无法识别（乱码）的页",
        fix: "取得 Word 原件，或保留文字编码重新导出的 PDF 后重新审读；这些页上的内容未能核对。")
    case .readLanguagePack:
      RuleInfo(
        "audit.read.language-pack", .warning, "缺少 poppler 的中文语言包",
        fix: "安装 poppler-data 后重新审读。")
    case .readTable:
      RuleInfo(
        "audit.read.table", .info, "表格未能按原样读出",
        fix: "对照原件核对这张表；能取得 PDF 或 Word 原件时请审读原件。", varies: "整篇文件的表格都读不出时为警告")
    case .readRowShort:
      RuleInfo(
        "audit.read.row-short", .warning, "编码行的单元格少于表头",
        fix: "核对该行是否漏印了一列。")
    case .amountMalformed:
      RuleInfo(
        "audit.amount.malformed", .error, "金额单元格不是有效的金额",
        fix: "改正该单元格（多余的小数点、夹杂的字母等）。")
    case .amountDecimals:
      RuleInfo(
        "audit.amount.decimals", .info, "个别金额的小数位数与全表不同",
        fix: "全表统一保留两位小数。")
    case .codeMalformed:
      RuleInfo(
        "audit.code.malformed", .error, "科目编码格式不对",
        fix: "按《政府收支分类科目》改正编码。")
    case .codeUnknown:
      RuleInfo(
        "audit.code.unknown", .warning, "科目编码不在目录中",
        fix: "按“是否应为”改正编码；确为本年新增科目时，导入本年度官方科目目录后重新审读。", varies: "目录不全、无从核对的编码合为一条“未能核对”提示")
    case .codeMisplaced:
      RuleInfo(
        "audit.code.misplaced", .error, "名称属于另一类/款的科目",
        fix: "核对编码：名称在目录中对应的科目见“应为”。")
    case .codePosition:
      RuleInfo(
        "audit.code.position", .error, "科目排在不属于它的上级科目之下",
        fix: "核对编码或行的位置，上级科目的合计才能对上。")
    case .nameMismatch:
      RuleInfo(
        "audit.name.mismatch", .warning, "科目名称与目录不符",
        fix: "使用目录中的规范名称。")
    case .nameRetired:
      RuleInfo(
        "audit.name.retired", .info, "科目用的是以前年度的名称",
        fix: "改用本年度的科目名称；数字不受影响。")
    case .sumParent:
      RuleInfo(
        "audit.sum.parent", .error, "上级科目不等于其下级之和",
        fix: "核对该类（款）及其下各款（项）的数字。")
    case .sumTotal:
      RuleInfo(
        "audit.sum.total", .error, "合计行不等于各行之和",
        fix: "核对合计行及各类的数字。", varies: "只印名称、分不清层级的表注明“未能核对”，为提示")
    case .sumRow:
      RuleInfo(
        "audit.sum.row", .error, "一行的合计不等于其各部分之和",
        fix: "核对该行的合计与基本支出、项目支出（或各资金来源）。")
    case .sumTwoSided:
      RuleInfo(
        "audit.sum.two-sided", .error, "收支总表两侧的小计、总计对不上",
        fix: "使每侧本年小计等于各项之和、总计等于本年加结转，收入总计等于支出总计。")
    case .sumThreePublic:
      RuleInfo(
        "audit.sum.three-public", .error, "“三公”经费合计不等于各项之和",
        fix: "使合计等于因公出国（境）费、公务用车购置及运行费、公务接待费之和，小计等于购置费加运行费。")
    case .crossFigure:
      RuleInfo(
        "audit.cross.figure", .error, "同一数字在不同表中不同",
        fix: "核对各表中该科目（或合计）的数字，使其一致。")
    case .crossRowCode:
      RuleInfo(
        "audit.cross.row-code", .warning, "一行在另一张表中换了编码或缺失",
        fix: "核对该行在各表中的科目编码。")
    case .numberingMissing:
      RuleInfo(
        "audit.numbering.missing", .warning, "规定的表没有表号",
        fix: "按其他表的样式补上“部门公开表N”。")
    case .numberingOrphan:
      RuleInfo(
        "audit.numbering.orphan", .warning, "表号后面没有表名",
        fix: "补上表名，或删去多余的表号。")
    case .numberingGap:
      RuleInfo(
        "audit.numbering.gap", .warning, "表号不连续",
        fix: "核对是否漏印了表，或重新编号。")
    case .numberingDuplicate:
      RuleInfo(
        "audit.numbering.duplicate", .warning, "表号重复",
        fix: "重新编号。")
    case .numberingOrder:
      RuleInfo(
        "audit.numbering.order", .warning, "表号顺序颠倒",
        fix: "按顺序重新编号。")
    case .tableColumns:
      RuleInfo(
        "audit.table.columns", .warning, "规定的表缺少必需的列",
        fix: "补上缺少的列（如基本支出、项目支出，人员经费、公用经费）。", varies: "文件不属已知版本、只按通用要求审读时为提示（各地表式不同）")
    case .tableTitle:
      RuleInfo(
        "audit.table.title", .warning, "表名缺少部门名称",
        fix: "按其他表的样式在表名中写上部门名称。")
    case .tableUnit:
      RuleInfo(
        "audit.table.unit", .warning, "有数字的表没有单位",
        fix: "在表头写明“单位：万元”（或元）。")
    case .tableEmptyNote:
      RuleInfo(
        "audit.table.empty-note", .warning, "空表没有说明原因",
        fix: "在表下注明本表无数据的原因。")
    case .tableEmptyClaim:
      RuleInfo(
        "audit.table.empty-claim", .error, "注明“本表无数据”的表却有数字",
        fix: "删去该说明，或核对表中数字。")
    case .tableEmptyNoteFund:
      RuleInfo(
        "audit.table.empty-note-fund", .warning, "空表的说明讲的是另一种资金",
        fix: "按本表的资金（政府性基金或国有资本经营）改写说明。")
    case .tableUnitName:
      RuleInfo(
        "audit.table.unit-name", .warning, "单位名称不是本部门的单位",
        fix: "使用本部门或预算单位构成中的单位全称。", varies: "只是简称时为提示")
    case .textResidue:
      RuleInfo(
        "audit.text.residue", .error, "文字中留有模板占位内容",
        fix: "把“XX局”“增加（减少）”等占位内容改为本部门的实际内容。", varies: "“各部门”这类模板用语为警告")
    case .textDocumentKind:
      RuleInfo(
        "audit.text.document-kind", .warning, "单位预算中有部门预算的说法",
        fix: "按单位预算改写（本单位、单位预算）。")
    case .textUnitCount:
      RuleInfo(
        "audit.text.unit-count", .warning, "下属预算单位的家数与所列单位不符",
        fix: "不单列预算的单位不计入预算单位：改正家数，或说明该单位的预算含在哪一级。")
    case .textUnitUnnamed:
      RuleInfo(
        "audit.text.unit-unnamed", .info, "单位预算有事业单位的支出却未说明是哪个单位",
        fix: "在单位机构设置中写明这些支出所属的事业单位。")
    case .textLevel:
      RuleInfo(
        "audit.text.level", .warning, "文字中出现另一级政府的说法",
        fix: "按本级改写（如区级文件不写市级预算主管部门）。")
    case .textNameTypo:
      RuleInfo(
        "audit.text.name-typo", .info, "科目名称有错字",
        fix: "改为目录中的名称。")
    case .textDuplicate:
      RuleInfo(
        "audit.text.duplicate", .warning, "同一段文字印了两次",
        fix: "删去重复的段落。")
    case .textDoubleStop:
      RuleInfo(
        "audit.text.double-stop", .info, "标点重复",
        fix: "删去重复的标点。")
    case .textQuotes:
      RuleInfo(
        "audit.text.quotes", .info, "引号不成对",
        fix: "补齐或删去多余的引号。")
    case .textNoStop:
      RuleInfo(
        "audit.text.no-stop", .info, "长段落没有句号结尾",
        fix: "在段末加句号。")
    case .textSpace:
      RuleInfo(
        "audit.text.space", .info, "中文标点前有空格",
        fix: "删去空格。")
    case .textNumberFormat:
      RuleInfo(
        "audit.text.number-format", .info, "千分位分隔符用法前后不一",
        fix: "全文统一是否使用千分位分隔符。")
    case .textNoAmount:
      RuleInfo(
        "audit.text.no-amount", .warning, "预算安排部分没有写金额",
        fix: "写明安排的金额。")
    case .textPunctuation:
      RuleInfo(
        "audit.text.punctuation", .info, "括号半角全角混用",
        fix: "统一使用全角括号。")
    case .textWording:
      RuleInfo(
        "audit.text.wording", .info, "用词不当",
        fix: "按说明改正（如“截止”改为“截至”）。")
    case .textEmptyItem:
      RuleInfo(
        "audit.text.empty-item", .warning, "编号标题下没有内容",
        fix: "补写内容，或删去该标题。")
    case .textTruncatedTerm:
      RuleInfo(
        "audit.text.truncated-term", .warning, "术语丢了第一个字",
        fix: "补全术语（如“员经费”应为“人员经费”）。")
    case .proseChangePercent:
      RuleInfo(
        "audit.prose.change-percent", .error, "增减百分比与增减额不符",
        fix: "按增减额 ÷ 上年数重新计算百分比。")
    case .proseNewItem:
      RuleInfo(
        "audit.prose.new-item", .error, "上年为0却写了增长百分比",
        fix: "改为“新增”，不写百分比。")
    case .proseChangeDirection:
      RuleInfo(
        "audit.prose.change-direction", .error, "增加与下降（或减少与增长）并用",
        fix: "统一增减方向。")
    case .proseChangeImpossible:
      RuleInfo(
        "audit.prose.change-impossible", .error, "减少额大于上年数",
        fix: "核对本年数、上年数和减少额。")
    case .proseZeroChange:
      RuleInfo(
        "audit.prose.zero-change", .warning, "写了增加0万元、增长0%",
        fix: "改为“与上年持平”。")
    case .prosePercentFormat:
      RuleInfo(
        "audit.prose.percent-format", .warning, "百分比的小数位数与全文不同",
        fix: "按文件的位数（模板为两位小数）印百分比；报告中给出了正确的值。", varies: "只是印法不同、数值无误时为提示")
    case .proseChangeYear:
      RuleInfo(
        "audit.prose.change-year", .warning, "与上年以外的年份比较",
        fix: "与上一年比较，或核对年份。")
    case .proseChangeBasis:
      RuleInfo(
        "audit.prose.change-basis", .warning, "同一数字与上年的两种口径比较",
        fix: "统一比较口径（上年预算或上年执行数）并说明。")
    case .proseContradiction:
      RuleInfo(
        "audit.prose.contradiction", .error, "同一变化有两种说法",
        fix: "核对两处的增减额和方向，使其一致。")
    case .proseItemsSum:
      RuleInfo(
        "audit.prose.items-sum", .warning, "分项的增减之和不等于总的增减",
        fix: "核对各分项的增减额。")
    case .prosePartsSum:
      RuleInfo(
        "audit.prose.parts-sum", .error, "“其中”各部分与总额不符",
        fix: "核对总额及其中各部分的金额。")
    case .proseTruncated:
      RuleInfo(
        "audit.prose.truncated", .warning, "文字中的数字被截断而非四舍五入",
        fix: "按四舍五入改写该数字。")
    case .proseFigure:
      RuleInfo(
        "audit.prose.figure", .error, "文字中的数字与表中不符",
        fix: "按表中数字改正文字，或核对表。")
    case .proseShare:
      RuleInfo(
        "audit.prose.share", .error, "占比与金额不符",
        fix: "按金额 ÷ 总额重新计算占比。", varies: "找不到占比所对的总额时列为一条“未能核对”提示")
    case .proseShareSum:
      RuleInfo(
        "audit.prose.share-sum", .warning, "占比之和不为100%且没有尾差说明",
        fix: "核对各占比，或加注“因四舍五入，分项占比之和与100%可能存在尾差”。")
    case .proseListSum:
      RuleInfo(
        "audit.prose.list-sum", .warning, "列出的各项金额之和不等于总额",
        fix: "核对各项金额和总额。")
    case .proseSubject:
      RuleInfo(
        "audit.prose.subject", .error, "文字中某科目的金额与表中不符",
        fix: "按表中该科目的数字改正。", varies: "表中没有的科目路径列为一条“未能核对”提示")
    case .proseSubjectChange:
      RuleInfo(
        "audit.prose.subject-change", .error, "科目的执行数、安排数与增减不符",
        fix: "按执行数和安排数重新计算增减百分比和方向。")
    case .proseOperatingCost:
      RuleInfo(
        "audit.prose.operating-cost", .warning, "机关运行经费与公用经费不符",
        fix: "核对机关运行经费：它是公用经费的一部分。")
    case .prosePerformanceAmount:
      RuleInfo(
        "audit.prose.performance-amount", .error, "绩效目标说明的金额与绩效目标表不符",
        fix: "按项目支出绩效目标表改写金额和项目个数。", varies: "只是项目个数不符时为警告")
    case .prosePerformanceContradiction:
      RuleInfo(
        "audit.prose.performance-contradiction", .warning, "一处说无绩效项目、另一处说设置了绩效目标",
        fix: "统一绩效目标的说明。")
    case .proseEconomicClass:
      RuleInfo(
        "audit.prose.economic-class", .warning, "人员经费或公用经费列了另一类的科目",
        fix: "把科目列在所属的经费下。")
    case .proseVehicleCategory:
      RuleInfo(
        "audit.prose.vehicle-category", .warning, "车辆未按类别列出",
        fix: "写明其中主要领导干部用车、机要通信用车、应急保障用车等各几辆。", varies: "各类别之和不等于车辆总数时为错误")
    case .proseVehiclePurchase:
      RuleInfo(
        "audit.prose.vehicle-purchase", .warning, "购置公务用车的辆数与购置费不一致",
        fix: "写明购置的辆数，并使辆数与购置费相符。")
    case .proseReasonEmpty:
      RuleInfo(
        "audit.prose.reason-empty", .warning, "写了“主要原因是”却没有原因",
        fix: "补写原因。")
    case .proseReasonDirection:
      RuleInfo(
        "audit.prose.reason-direction", .warning, "原因与增减方向相反",
        fix: "按增减方向改写原因。")
    case .proseUnitMixed:
      RuleInfo(
        "audit.prose.unit-mixed", .warning, "以万元为单位的文件中有以元写的金额",
        fix: "统一金额单位。")
    case .requiredThreePublic:
      RuleInfo(
        "audit.required.three-public", .error, "没有“三公”经费表和说明",
        fix: "公开“三公”经费表及其说明，即使为零。")
    case .requiredTable:
      RuleInfo(
        "audit.required.table", .warning, "缺少模板要求的表",
        fix: "补上缺少的表；没有数据时印空表并注明原因。", varies: "缺少“三公”经费表时为错误")
    case .requiredTables:
      RuleInfo(
        "audit.required.tables", .warning, "没有预算表",
        fix: "把预算表一并公开；作为附件公开时，请一并审读附件。", varies: "预算表另作附件时为提示")
    case .requiredExplanation:
      RuleInfo(
        "audit.required.explanation", .warning, "缺少规定的说明",
        fix: "补写机关运行经费、政府采购、国有资产占有使用、绩效目标等说明。", varies: "文件只有表而没有文字说明时为提示")
    }
  }

  /// The audit's name for a finding of the core's code rules on a printed table (`code.unknown` → `audit.code.unknown`).
  package static func printed(_ core: CoreRuleID) -> AuditRuleID? {
    switch core {
    case .codeMalformed: .codeMalformed
    case .codeUnknown: .codeUnknown
    case .codeMisplaced: .codeMisplaced
    case .nameMismatch: .nameMismatch
    default: nil
    }
  }
}
