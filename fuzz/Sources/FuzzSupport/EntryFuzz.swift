import Foundation
import Workbench
import YusuanCore

/// Entry lines applied to facts in memory, as `run` applies them.
public enum EntryFuzz {
  /// A small department with a fact of every kind (so 删除, replacements and appends meet real facts), entered
  /// once. Small, because every input's workbook is exported and rebuilt: the full demo department ran 120 inputs
  /// a second, this one several times more.
  public static let demo: FactSet = {
    var facts = FactSet()
    var refused: [String] = []
    for line in seedScript.split(separator: "\n") { apply(String(line), to: &facts, refused: &refused) }
    if facts.count < 20 || !refused.isEmpty { fatalError("fuzz-entry: the seed department was refused: \(refused.prefix(3))") }
    return facts
  }()

  static let seedScript = """
    职责 "负责区政府会议的准备工作。"
    职责 "负责督促检查区政府各部门的工作。"
    单位 "模糊测试部门" 机关
    单位 "模糊测试中心" 事业
    任务 "完成年度工作目标。"
    收入 一般公共预算 100 上年 100
    收入 单位资金 5 上年 4
    支出 2010301 基本 60 上年 60 原因 "人员增加"
    支出 2010302 项目 40 上年 40
    支出 2080505 基本 5 来源 单位资金 单位 "模糊测试中心" 上年 4
    经济 30101 50
    经济 30201 8 上年 7
    经济 30217 2
    经济 30108 5 单位 "模糊测试中心"
    项目 "调研活动经费" 类型 日常运转类 科目 2010302 金额 40 绩效管理
    绩效 "调研活动经费" 总额 40 财政拨款 40 项目来源 延续项目 目标 "完成调研任务。"
    指标 "调研活动经费" 产出指标 数量指标 "调研次数" "≥20次"
    指标 "调研活动经费" 满意度指标 服务对象满意度指标 "满意度" "≥90%"
    三公 因公出国（境）费 0 上年 0
    三公 公务用车购置费 0 上年 0
    三公 公务用车运行维护费 1 上年 1.5
    三公 公务接待费 2 上年 2
    原因 三公 "厉行节约"
    机关运行经费 10 上年 10
    采购 货物 "办公设备" 金额 3
    购买服务 "物业服务" 方式 "公开招标" 期限 "2025年1月至12月" 金额 2
    资产 原值 300 车辆 30 其他 270 车辆数 1
    资产 车辆 机要通信用车 1
    资产 设备 无
    资产 购置 无
    资产 配置 "台式计算机" 2 金额 1
    说明 T9 "本部门没有国有资本经营预算支出。"
    核对 T3 合计 合计 105 基本支出 65 项目支出 40
    """

  /// Entry lines made by an importer (CSV, xlsx, a published document): each is parsed against an empty
  /// workbook, refused or accepted, never a crash.
  public static func parseImported(_ lines: [String]) {
    for line in lines.prefix(200) {
      _ = try? EntryParser.edits(
        for: line, context: EntryContext(meta: FuzzForms.meta, edition: FuzzForms.edition, catalog: FuzzForms.catalog, facts: FactSet()))
    }
  }

  /// Applies one line as `Workbench.plan` does (a line taking the amounts past what totals can hold is refused);
  /// true when it changed something.
  @discardableResult
  public static func apply(_ line: String, to facts: inout FactSet) -> Bool {
    var ignored: [String] = []
    return apply(line, to: &facts, refused: &ignored)
  }

  @discardableResult
  public static func apply(_ line: String, to facts: inout FactSet, refused: inout [String]) -> Bool {
    let edits: [FactEdit]
    do {
      edits = try EntryParser.edits(
        for: line, context: EntryContext(meta: FuzzForms.meta, edition: FuzzForms.edition, catalog: FuzzForms.catalog, facts: facts))
    } catch { refused.append("\(line) → \(error.message)"); return false }
    guard !edits.isEmpty else { return false }
    let before = facts.amountMagnitude
    let changes = edits.map { facts.apply($0) }
    if facts.amountMagnitude > before && !facts.amountsFit {
      for c in changes.reversed() { facts.revert(c) }
      refused.append("\(line) → sum too large")
      return false
    }
    return true
  }
}
