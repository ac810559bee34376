import Foundation
import Testing

/// Issue 12, "Done when": a first-time officer enters a whole small department through the guided walk alone, in a
/// real terminal, and compiles it. Every line typed is an answer to the walk's question, a bare Enter, or the walk's
/// own `compile`/`quit`: no entry command. The department is a 统计局 with a 单位资金 revenue line and spending from
/// it, codes the bundled catalog lacks (2010501, 2010505: their names are asked), two projects (one under 绩效管理,
/// financed from two sources), 三公 at zero, and changes that need reasons (asked by the walk).
@Suite(.serialized, .timeLimit(.minutes(3)))
struct WalkTerminalTests {
  /// (what the officer types, "" = Enter; the prompt the walk shows next, as its line ends).
  static let walk: [(String, String)] = [
    ("某县统计局", "] ›"), ("2026", "[anhui-2024] ›"), ("anhui-2024", "职责 [回车结束本表] ›"),
    // 部门概况
    ("负责全县统计调查和统计监督工作。", "职责 [回车结束本表] ›"), ("组织实施全县经济普查等重大国情国力普查。", "职责 [回车结束本表] ›"),
    ("", "单位名称 [某县统计局] ›"), ("", "单位性质 [机关] ›"), ("", "单位名称 [回车结束本表] ›"), ("", "任务 [回车结束本表] ›"),
    ("做好第五次全国经济普查数据发布和开发应用。", "任务 [回车结束本表] ›"), ("", "资金来源 [一般公共预算] ›"),
    // 收入: two sources, each change with its reason
    ("", "本年收入（万元） ›"), ("300", "上年预算数（万元） [可空] ›"), ("260", "增减原因 [变化较大，需说明] ›"),
    ("经济普查数据开发任务增加", "资金来源 [回车结束本表] ›"), ("单位资金", "本年收入（万元） ›"), ("20", "上年预算数（万元） [可空] ›"),
    ("0", "增减原因 [变化较大，需说明] ›"), ("新增统计咨询服务收入", "资金来源 [回车结束本表] ›"), ("", "回车继续 ›"), ("", "科目编码 [回车结束本表] ›"),
    // 支出: an unknown 行政运行 code (its name offered), an unknown code named by the officer, a known one from two sources
    ("2010501", "科目名称（目录中没有此编码） [行政运行] ›"), ("", "基本/项目 [基本] ›"), ("", "资金来源 [一般公共预算] ›"),
    ("", "本年预算数（万元） ›"), ("200", "上年预算数（万元） [可空] ›"), ("200", "增减原因 [可空] ›"),
    ("", "科目编码 [回车结束本表] ›"),
    ("2010505", "科目名称（目录中没有此编码） ›"), ("专项统计业务", "基本/项目 [项目] ›"), ("", "资金来源 [一般公共预算] ›"),
    ("", "本年预算数（万元） ›"), ("60", "上年预算数（万元） [可空] ›"), ("50", "增减原因 [变化较大，需说明] ›"), ("统计调查任务增加", "科目编码 [回车结束本表] ›"),
    ("2010507", "基本/项目 [项目] ›"), ("", "资金来源 [一般公共预算] ›"), ("", "本年预算数（万元） ›"), ("40", "上年预算数（万元） [可空] ›"),
    ("10", "增减原因 [变化较大，需说明] ›"), ("经济普查进入数据开发阶段", "科目编码 [回车结束本表] ›"),
    ("2010507", "基本/项目 [项目] ›"), ("", "资金来源 [单位资金] ›"), ("", "本年预算数（万元） ›"), ("20", "上年预算数（万元） [可空] ›"),
    ("0", "增减原因 [经济普查进入数据开发阶段] ›"), ("", "科目编码 [回车结束本表] ›"), ("", "经济分类科目编码 [回车结束本表] ›"),
    // 基本支出 by 经济分类
    ("30101", "金额（万元） ›"), ("100", "上年预算数（万元） [可空] ›"), ("", "经济分类科目编码 [回车结束本表] ›"),
    ("30102", "金额（万元） ›"), ("50", "上年预算数（万元） [可空] ›"), ("", "经济分类科目编码 [回车结束本表] ›"),
    ("30201", "金额（万元） ›"), ("30", "上年预算数（万元） [可空] ›"), ("", "经济分类科目编码 [回车结束本表] ›"),
    ("30211", "金额（万元） ›"), ("20", "上年预算数（万元） [可空] ›"), ("", "经济分类科目编码 [回车结束本表] ›"), ("", "项目名称 [回车结束本表] ›"),
    // 项目: code and amounts offered from the spending lines not yet in a project
    ("统计调查专项", "项目类型 [日常运转类] ›"), ("", "功能科目编码 [2010505] ›"), ("", "金额（万元，一般公共预算） [60] ›"),
    ("", "单位资金（万元） [可空] ›"), ("", "上年预算数（万元） [可空] ›"), ("50", "是否实行绩效管理（是/否） [否] ›"), ("", "项目名称 [回车结束本表] ›"),
    ("经济普查", "项目类型 [日常运转类] ›"), ("特定目标类", "功能科目编码 [2010507] ›"), ("", "金额（万元，一般公共预算） [40] ›"),
    ("", "单位资金（万元） [20] ›"), ("", "上年预算数（万元） [可空] ›"), ("10", "是否实行绩效管理（是/否） [否] ›"), ("是", "项目名称 [回车结束本表] ›"),
    ("", "支出合计增减原因 [可空] ›"), ("统计调查和经济普查任务增加", "因公出国（境）费·本年预算数（万元） [0] ›"),
    // 三公 at zero, with last year's zero
    ("", "因公出国（境）费·上年预算数（万元） [可空] ›"), ("0", "公务用车购置费·本年预算数（万元） [0] ›"),
    ("", "公务用车购置费·上年预算数（万元） [可空] ›"), ("0", "公务用车运行维护费·本年预算数（万元） [0] ›"),
    ("", "公务用车运行维护费·上年预算数（万元） [可空] ›"), ("0", "公务接待费·本年预算数（万元） [0] ›"),
    ("", "公务接待费·上年预算数（万元） [可空] ›"), ("0", "车辆类别 [回车结束本表] ›"),
    // 国有资产, 采购, 购买服务: none (无 ends each table)
    ("无", "设备名称（没有请输入“无”） [回车结束本表] ›"), ("无", "购置类别（车辆/设备，没有请输入“无”） [回车结束本表] ›"),
    ("无", "资产名称（没有请输入“无”） [回车结束本表] ›"), ("无", "采购品目（货物/工程/服务，没有请输入“无”） [回车结束本表] ›"),
    ("无", "支出项目（没有请输入“无”） [回车结束本表] ›"), ("无", "项目名称 [经济普查] ›"),
    // 绩效目标表: the fund split, 项目来源 and 项目期 offered from the project
    ("", "年度资金总额（万元） [60] ›"), ("", "其中：财政拨款（万元） [40] ›"), ("", "其中：其他资金（万元） [20] ›"),
    ("", "项目来源（新增项目/延续项目） [延续项目] ›"), ("", "项目期 [2026-1-1至2026-12-31] ›"), ("", "年度目标 ›"),
    ("完成经济普查数据开发，形成普查公报和分析报告。", "项目名称 [回车结束本表] ›"), ("", "项目名称 [经济普查] ›"),
    // 绩效指标: the project and the level still missing are offered; Enter ends the table once all three are there
    ("", "一级指标 [产出指标] ›"), ("", "二级指标 ›"), ("数量指标", "三级指标 ›"), ("普查分析报告", "指标值 ›"), ("≥3篇", "项目名称 [经济普查] ›"),
    ("", "一级指标 [效益指标] ›"), ("", "二级指标 ›"), ("社会效益指标", "三级指标 ›"), ("普查数据使用", "指标值 ›"), ("有效支撑县域决策", "项目名称 [经济普查] ›"),
    ("", "一级指标 [满意度指标] ›"), ("", "二级指标 ›"), ("服务对象满意度指标", "三级指标 ›"), ("数据使用者满意度", "指标值 ›"),
    ("≥90%", "项目名称 [回车结束本表] ›"), ("", "本年预算数（万元） ›"),
    // 机关运行经费, then the review
    ("50", "上年预算数（万元） [可空] ›"), ("50", "回车继续 ›"),
  ]

  @Test(.enabled(if: ReplTerminalTests.tmuxAvailable)) func aWholeDepartmentThroughTheWalkAlone() throws {
    let dir = TestSupport.tempPath("walk")
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let w = dir + "/某县统计局-2026.yusuan", out = dir + "/out"
    let t = try Tmux(command: [CLI.binary.path, "repl", w])
    defer { t.kill() }
    try t.waitForPrompt("部门名称（印在每张表的标题中） ›")
    var current = "部门名称（印在每张表的标题中） ›"
    for (answer, next) in Self.walk {
      // A bare Enter must change the prompt, or the wait below could see the old one.
      #expect(!(answer.isEmpty && next == current), "ambiguous step before “\(next)”")
      if !answer.isEmpty { t.type(answer) }
      t.enter()
      try t.waitForPrompt(next)
      current = next
    }
    #expect(try t.screenShows("共 3 条：错误 0 条，警告 3 条"))
    t.type("compile \(out)"); t.enter()
    try t.waitFor("已生成：", timeout: 90)
    t.type("quit"); t.enter()
    try t.waitFor("已保存")
    // The count the issue asks for: every line the officer typed or Entered, from the first question (the
    // department's name) to compile and quit.
    let typed = Self.walk.count + 2
    #expect(typed < 120, "\(typed) answers")
    print("walk: \(typed) answers (\(Self.walk.filter { $0.0.isEmpty }.count) bare Enters) for 某县统计局 2026")

    let export = try CLI.run(["export", w]).stdout
    for line in [
      "收入 单位资金 20 上年 0", "原因 单位资金 \"新增统计咨询服务收入\"", "原因 一般公共预算 \"经济普查数据开发任务增加\"",
      "支出 2010501 基本 200 名称 \"行政运行\" 上年 200", "支出 2010505 项目 60 名称 \"专项统计业务\" 上年 50",
      "支出 2010507 项目 20 来源 单位资金 上年 0", "原因 合计 \"统计调查和经济普查任务增加\"",
      "项目 \"经济普查\" 类型 \"特定目标类\" 科目 2010507 一般公共预算 40 单位资金 20 上年 10 绩效管理",
      "绩效 \"经济普查\" 总额 60 财政拨款 40 其他 20 项目来源 \"延续项目\" 项目期 \"2026-1-1至2026-12-31\"",
      "三公 公务接待费 0 上年 0", "资产 车辆 无", "采购 无", "购买服务 无", "机关运行经费 50 上年 50",
    ] {
      #expect(export.contains(line), "missing: \(line)\n\(export)")
    }
    #expect(try CLI.run(["check", w]).status == 0)
    let md = try String(contentsOfFile: out + "/某县统计局2026年部门预算公开.md", encoding: .utf8)
    #expect(md.contains("专项统计业务") && md.contains("| 延续项目 |") && md.contains("单位资金收入20.00万元"))
    #expect(FileManager.default.fileExists(atPath: out + "/某县统计局2026年部门预算公开.docx"))
  }
}

extension Tmux {
  /// Waits until the last line is this prompt with nothing typed after it.
  func waitForPrompt(_ prompt: String, timeout: Double = 30) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let last = screen().split(separator: "\n", omittingEmptySubsequences: true).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
      if last.hasSuffix(prompt) { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    Issue.record("timed out waiting for the prompt “\(prompt)”; screen:\n\(screen())")
    throw TmuxTimeout()
  }

  func screenShows(_ text: String) throws -> Bool { screen().contains(text) }
}
