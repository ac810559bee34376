import YusuanCore

/// The entry commands of 绩效目标, each declared once.
extension PerformancePlugin {
  /// 绩效: the head of a project's 项目支出绩效目标表.
  enum Goal {
    static let project = Arg<String>.text("项目名称", key: true, prompt: "项目名称")
    static let total = Arg<Amount>.required("总额", .amount, name: "年度资金总额", prompt: "年度资金总额（万元）", missing: "缺少年度资金总额：总额 金额。")
    static let appropriation = Arg<Amount?>.option("财政拨款", .amount, prompt: "其中：财政拨款（万元）")
    static let carryover = Arg<Amount?>.option("上年结转", .amount, prompt: "其中：上年结转（万元）")
    static let other = Arg<Amount?>.option("其他", .amount, prompt: "其中：其他资金（万元）")
    static let department = Arg<String?>.option("主管部门", .text, placeholder: "\"…\"")
    static let implementer = Arg<String?>.option("实施单位", .text, placeholder: "\"…\"")
    static let origin = Arg<String?>.option("项目来源", .choice(.of(origins, quoted: true, noun: "项目来源")), prompt: "项目来源（新增项目/延续项目）")
    static let period = Arg<String?>.option("项目期", .text, prompt: "项目期", placeholder: "\"…\"")
    static let objective = Arg<String>.required(
      "目标", .text, name: "年度目标", prompt: "年度目标", placeholder: "\"年度目标\"",
      missing: "缺少年度目标：目标 \"……\"。")

    static let command = EntryCommand(
      "绩效", summary: "项目支出绩效目标表表头",
      example: "绩效 \"调研活动经费\" 总额 74 财政拨款 74 项目来源 延续项目 目标 \"推动我区经济社会高质量发展。\"",
      args: [project, total, appropriation, carryover, other, department, implementer, origin, period, objective],
      build: { a, _ in
        [
          .set(
            .goal(
              PerformanceGoal(
                project: a[project], department: a[department], implementer: a[implementer], origin: a[origin],
                period: a[period], total: a[total], appropriation: a[appropriation], carryover: a[carryover],
                other: a[other], objective: a[objective])))
        ]
      },
      key: { a, _ in Fact.goal(PerformanceGoal(project: a[project], total: .zero, objective: "")).key },
      export: { f in
        f.goals.map { g in
          [
            project.bind(g.project), total.bind(g.total), appropriation.bind(g.appropriation), carryover.bind(g.carryover), other.bind(g.other),
            department.bind(g.department), implementer.bind(g.implementer), origin.bind(g.origin), period.bind(g.period), objective.bind(g.objective),
          ]
        }
      })
  }

  /// 指标: one indicator of a project (each project numbers its own from 1).
  enum IndicatorLine {
    static let project = Arg<String>.text("项目名称", key: true, prompt: "项目名称")
    static let ordinal = Arg<Int?>.ordinal("指标序号")
    static let level1 = Arg<String>.choice("一级指标", .of(Indicator.level1Names), prompt: "一级指标")
    static let level2 = Arg<String>.text("二级指标", prompt: "二级指标")
    static let level3 = Arg<String>.text("三级指标", prompt: "三级指标")
    static let value = Arg<String>.text("指标值", prompt: "指标值")

    static let command = EntryCommand(
      "指标", summary: "绩效指标一行", example: "指标 \"调研活动经费\" 产出指标 数量指标 \"调研活动\" \"≥500人次\"",
      args: [project, ordinal, level1, level2, level3, value],
      build: { a, c in
        let n = a[ordinal] ?? c.facts.nextOrdinal(in: Fact.indicatorList(of: a[project]))
        return [.set(.indicator(Indicator(project: a[project], ordinal: n, level1: a[level1], level2: a[level2], level3: a[level3], value: a[value])))]
      },
      key: { a, _ in Fact.indicator(Indicator(project: a[project], ordinal: a[ordinal] ?? 0, level1: "", level2: "", level3: "", value: "")).key },
      export: { f in
        f.indicators.map { i in
          [project.bind(i.project), ordinal.bind(i.ordinal), level1.bind(i.level1), level2.bind(i.level2), level3.bind(i.level3), value.bind(i.value)]
        }
      })
  }
}
