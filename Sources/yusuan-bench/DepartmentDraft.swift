import YusuanCore

/// A synthetic department while `DepartmentGenerator.generate` builds it, one step a method. Each step reads what
/// the earlier ones made and draws from the one random stream `rng`, so the order of the steps is part of what a
/// seed means: reordering them changes every generated department.
struct DepartmentDraft {
  struct Unit { var name: String?; var nature: String; var sources: [FundSource] }
  struct Line { var code: String; var basic: Bool; var source: FundSource; var unit: Int; var amount: H; var prior: H }
  struct Proj { var name: String; var type: String; var code: String; var unit: Int; var amounts: [(FundSource, H)]; var prior: H; var managed: Bool }
  struct EconomicLine { var code: String; var unit: Int; var amount: H; var prior: H }

  let spec: DepartmentSpec
  let codes: GeneratorCatalog
  let year: Int
  var rng: SplitMix64
  let nLines: Int, nEcon: Int, nProjects: Int
  let place: String, bureau: String, dept: String

  var units: [Unit] = []
  var lines: [Line] = []
  /// Indices into `lines` of each project group (科目, 单位).
  var groups: [[Int]] = []
  /// `lines` in script order: by unit, code, kind, source.
  var order: [Int] = []
  var projects: [Proj] = []
  var names = Set<String>()

  // Totals of the 支出 lines.
  var basicByUnit: [H] = []
  var bySource: [FundSource: (H, H)] = [:]
  var byCode: [String: (H, H)] = [:]
  var total = 0, priorTotal = 0, basicTotal = 0, projectTotal = 0

  var econLines: [EconomicLine] = []
  var econByCode: [String: H] = [:]
  var publicUseOwn = 0
  var buyVehicle = false, purchase = 0
  var threePublic: [(String, H, H)] = []
  var operating = 0

  /// The script as it is written, and where the lines a defect changes or removes are.
  var out: [String] = []
  var expenditureLineIndex: [Int] = []
  var econLineIndex: [Int] = []
  var projectLineIndex: [Int] = []
  var goalLineIndex: [(Int, String)] = []
  var threePublicLines = 0..<0
  var operatingLine = 0
  var defects: [Defect] = []

  /// The sizes (drawn from the issue's ranges where the spec leaves them open) and the department's name.
  init(spec: DepartmentSpec, codes: GeneratorCatalog, year: Int) {
    self.spec = spec; self.codes = codes; self.year = year
    var rng = SplitMix64(seed: spec.seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(spec.index))
    nLines = spec.lines ?? rng.int(20...300)
    nEcon = Swift.min(spec.economicCodes ?? rng.int(15...40), codes.economicCodes.count)
    nProjects = spec.projects ?? rng.int(5...80)
    place = rng.pick(DepartmentGenerator.places)
    bureau = rng.pick(DepartmentGenerator.bureaus)
    self.rng = rng
    dept = "\(place)区\(bureau)（合成\(spec.index + 1)号）"
  }

  /// 本级 and enough subordinate units to reach the line count with real codes.
  mutating func addUnits() {
    let nUnits = Swift.max(1, (nLines + 44) / 45)
    units = [Unit(name: nil, nature: "机关", sources: [.general])]
    for u in 1..<nUnits {
      let nature = u % 3 == 0 ? "参公事业" : "事业"
      let sources: [FundSource] = nature == "事业" ? [.general, .unitFunds, .specialAccount] : [.general, .unitFunds]
      let centres = DepartmentGenerator.centres
      units.append(
        Unit(
          name: "\(place)区\(bureau)\(centres[(u - 1) % centres.count])\(u > centres.count ? "\(u / centres.count + 1)" : "")",
          nature: nature, sources: sources))
    }
  }

  /// The 支出 lines: project groups (科目, 单位) first, with 1–2 sources each, then 基本支出 lines (personnel-like
  /// codes first) until the count is reached; last year's figures within ±15 %, a few lines new.
  mutating func addSpendingLines(basicLike: (String) -> Bool) {
    let basicCodes = codes.functionCodes.filter { basicLike($0.name) }.map(\.code)
    let projectCodes = codes.functionCodes.filter { !basicLike($0.name) }.map(\.code)
    var groupCandidates: [(code: String, unit: Int)] = []
    for u in units.indices { for c in projectCodes { groupCandidates.append((c, u)) } }
    rng.shuffle(&groupCandidates)
    let projectLineTarget = Swift.max(1, nLines * rng.int(25...45) / 100)
    var gi = 0
    while lines.count < projectLineTarget && groups.count < nProjects && gi < groupCandidates.count {
      let g = groupCandidates[gi]; gi += 1
      var idx: [Int] = []
      let srcs = units[g.unit].sources
      let n = Swift.min(srcs.count, srcs.count > 1 && rng.chance(30) ? 2 : 1)
      for s in srcs.prefix(n) {
        let amount = s == .general ? rng.int(2000...30000) : rng.int(300...3000)
        idx.append(lines.count)
        lines.append(Line(code: g.code, basic: false, source: s, unit: g.unit, amount: amount, prior: 0))
      }
      groups.append(idx)
    }
    // Basic lines: every (code, unit, source), basic-like codes first, until the count is reached.
    var basicCandidates: [(String, Int, FundSource)] = []
    var others: [(String, Int, FundSource)] = []
    for u in units.indices {
      for s in units[u].sources {
        for c in basicCodes { basicCandidates.append((c, u, s)) }
        for c in projectCodes { others.append((c, u, s)) }
      }
    }
    rng.shuffle(&basicCandidates); rng.shuffle(&others)
    // 本级 一般公共预算 行政运行 first so the 机关 has personnel spending.
    if let i = basicCandidates.firstIndex(where: { $0.0 == "2010301" && $0.1 == 0 && $0.2 == .general }) { basicCandidates.swapAt(0, i) }
    for (c, u, s) in basicCandidates + others where lines.count < nLines {
      let amount = s == .general ? rng.int(500...25000) : rng.int(100...2000)
      lines.append(Line(code: c, basic: true, source: s, unit: u, amount: amount, prior: 0))
    }
    for i in lines.indices {
      // Priors within ±15 %, a few new lines (上年 0).
      lines[i].prior = rng.chance(4) ? 0 : Swift.max(1, lines[i].amount * rng.int(85...115) / 100)
    }
    order = lines.indices.sorted { a, b in
      let x = lines[a], y = lines[b]
      return (x.unit, x.code, x.basic ? 0 : 1, x.source.rawValue) < (y.unit, y.code, y.basic ? 0 : 1, y.source.rawValue)
    }
  }

  /// A project name not used yet: a theme and a purpose, or a numbered 专项经费.
  mutating func projectName() -> String {
    for _ in 0..<8 {
      let n = rng.pick(DepartmentGenerator.themes) + rng.pick(DepartmentGenerator.purposes)
      if names.insert(n).inserted { return n }
    }
    let n = rng.pick(DepartmentGenerator.themes) + "专项经费（\(names.count + 1)）"
    names.insert(n)
    return n
  }

  /// Each project group's lines split among its projects (at least 1.00 万元 of the general line each); at least
  /// one project under 绩效管理.
  mutating func addProjects() {
    var perGroup = Array(repeating: 1, count: groups.count)
    var extra = Swift.max(0, nProjects - groups.count)
    while extra > 0 && !groups.isEmpty { perGroup[rng.int(0...(groups.count - 1))] += 1; extra -= 1 }
    let types = ["日常运转类", "特定目标类", "其他运转类"]
    for (g, idx) in groups.enumerated() {
      let k = perGroup[g]
      let weights = (0..<k).map { _ in rng.int(1...10) }
      var shares: [[(FundSource, H)]] = Array(repeating: [], count: k)
      var priorShares = Array(repeating: 0, count: k)
      for li in idx {
        let l = lines[li]
        if l.source == .general {
          // Make sure every project gets at least 1.00 万元 of the general line.
          if lines[li].amount < 100 * k { lines[li].amount = 100 * k + rng.int(0...5000) }
          let parts = partition(lines[li].amount, weights: weights)
          for j in 0..<k { shares[j].append((.general, parts[j])) }
          let pp = lines[li].prior >= k ? partition(lines[li].prior, weights: weights) : Array(repeating: 0, count: k)
          for j in 0..<k { priorShares[j] += pp[j] }
        } else {
          let j = rng.int(0...(k - 1))
          shares[j].append((l.source, l.amount))
          priorShares[j] += l.prior
        }
      }
      let first = lines[idx[0]]
      for j in 0..<k {
        projects.append(
          Proj(
            name: projectName(), type: rng.pick(types), code: first.code, unit: first.unit, amounts: shares[j], prior: priorShares[j],
            managed: rng.chance(60)))
      }
    }
    if !projects.isEmpty && !projects.contains(where: \.managed) { projects[0].managed = true }
  }

  /// The totals of the 支出 lines: by unit (一般公共预算 基本支出, which 经济分类 details), by source, by code.
  mutating func addTotals() {
    basicByUnit = Array(repeating: 0, count: units.count)
    for l in lines {
      // 经济分类 details the 一般公共预算 basic spending only (table 6 is 一般公共预算基本支出表).
      if l.basic { if l.source == .general { basicByUnit[l.unit] += l.amount }; basicTotal += l.amount } else { projectTotal += l.amount }
      bySource[l.source, default: (0, 0)].0 += l.amount; bySource[l.source, default: (0, 0)].1 += l.prior
      byCode[l.code, default: (0, 0)].0 += l.amount; byCode[l.code, default: (0, 0)].1 += l.prior
      total += l.amount; priorTotal += l.prior
    }
  }

  /// Whether a change needs a reason by the edition's threshold (≥ 1 万元 or ≥ 10 %).
  func needsReason(_ cur: H, _ prior: H) -> Bool {
    let d = Swift.abs(cur - prior)
    if d == 0 { return false }
    if prior == 0 { return true }
    return d >= 100 || d * 1000 >= prior * 100
  }

  /// 经济分类: the chosen 款, split per unit so each unit's economic total = its 一般公共预算 basic total.
  mutating func addEconomics() {
    // The 三公 items' 款 (those of 301/302/303 the pool draws from) are always there, small.
    let threePublicCodes = ThreePublicItem.allCases.flatMap(\.economicCodes).sorted()
    let mustHave = ["30101", "30102", "30201"] + threePublicCodes
    var pool = codes.economicCodes.map(\.code).filter { !mustHave.contains($0) }
    rng.shuffle(&pool)
    let chosen = (mustHave.filter { c in codes.economicCodes.contains { $0.code == c } } + pool).prefix(nEcon).sorted()
    func weight(_ c: String) -> Int {
      if threePublicCodes.contains(c) { return 1 }
      if c.hasPrefix("301") { return c == "30101" || c == "30102" || c == "30107" ? 40 : 12 }
      if c.hasPrefix("303") { return 4 }
      return 3
    }
    for u in units.indices where basicByUnit[u] > 0 {
      var mine = u == 0 ? Array(chosen) : chosen.filter { _ in rng.chance(50) }
      if !mine.contains("30101") { mine.append("30101") }
      mine.sort()
      let t = basicByUnit[u]
      if t < mine.count { mine = ["30101"] }
      let parts = partition(t, weights: mine.map(weight))
      for (c, a) in zip(mine, parts) { econLines.append(EconomicLine(code: c, unit: u, amount: a, prior: Swift.max(0, a * rng.int(88...112) / 100))) }
    }
    econByCode = Dictionary(econLines.map { ($0.code, $0.amount) }, uniquingKeysWith: +)
    publicUseOwn = econLines.filter { $0.unit == 0 && EconomicCategory.default(for: $0.code) == .publicUse }.map(\.amount).reduce(0, +)
  }

  /// 三公: each item ≥ its 经济分类款; 购置 matched by a planned vehicle purchase. 机关运行经费 within the 本级's 公用经费.
  mutating func addThreePublic() {
    buyVehicle = rng.chance(20)
    purchase = buyVehicle ? rng.int(1500...2800) : 0
    func econ(_ item: ThreePublicItem) -> H { item.economicCodes.compactMap { econByCode[$0] }.reduce(0, +) }
    threePublic = [
      (ThreePublicItem.overseas.rawValue, econ(.overseas) + rng.int(0...100), rng.int(0...400)),
      (ThreePublicItem.vehiclePurchase.rawValue, purchase, rng.chance(30) ? rng.int(1500...2800) : 0),
      (ThreePublicItem.vehicleOperation.rawValue, econ(.vehicleOperation) + rng.int(0...200), econ(.vehicleOperation) + rng.int(0...300)),
      (ThreePublicItem.reception.rawValue, econ(.reception) + rng.int(0...100), econ(.reception) + rng.int(0...150)),
    ]
    operating = Swift.max(1, publicUseOwn * rng.int(60...90) / 100)
  }

  func unitOption(_ u: Int) -> String { units[u].name.map { " 单位 \(Lexer.quote($0))" } ?? "" }

  /// The entry script, section by section, in the document's order.
  mutating func writeScript() {
    out.append("# \(dept) \(year)年部门预算 —— yusuan-bench 合成数据（seed \(spec.seed), #\(spec.index)），数字虚构，各表一致。")
    out.append("# 建库：yusuan new W --department \(Lexer.quote(dept)) --year \(year) --edition anhui-2024")
    writeProfile()
    writeRevenue()
    writeSpending()
    writeEconomics()
    writeProjects()
    writeThreePublic()
    writeAssets()
    writeProcurement()
    writeOperatingAndChecks()
  }

  mutating func writeProfile() {
    out.append("")
    out.append("# 一、部门概况")
    let nDuties = rng.int(5...8)
    for i in 0..<nDuties { out.append("职责 \(i + 1) \(Lexer.quote(DepartmentGenerator.duties[i % DepartmentGenerator.duties.count]))") }
    for u in units { out.append("单位 \(Lexer.quote(u.name ?? dept)) \(u.nature)") }
    let nTasks = rng.int(3...5)
    for i in 0..<nTasks { out.append("任务 \(i + 1) \(Lexer.quote(DepartmentGenerator.tasks[i % DepartmentGenerator.tasks.count]))") }
  }

  mutating func writeRevenue() {
    out.append("")
    out.append("# 二、收入（按资金来源，与支出按来源逐项相等）")
    for s in FundSource.allCases { if let (a, p) = bySource[s] { out.append("收入 \(s.rawValue) \(a.wan) 上年 \(p.wan)") } }
    for s in FundSource.allCases {
      if let (a, p) = bySource[s], needsReason(a, p) { out.append("原因 \(s.rawValue) \(Lexer.quote(rng.pick(DepartmentGenerator.reasons)))") }
    }
  }

  mutating func writeSpending() {
    out.append("")
    out.append("# 三、支出（功能分类项级 × 基本/项目 × 来源 × 单位）")
    var reasoned = Set<String>()
    for i in order {
      let l = lines[i]
      var s = "支出 \(l.code) \(l.basic ? "基本" : "项目") \(l.amount.wan)"
      if l.source != .general { s += " 来源 \(l.source.rawValue)" }
      s += unitOption(l.unit)
      if rng.chance(15), let n = codes.functionCodes.first(where: { $0.code == l.code })?.name { s += " 名称 \(Lexer.quote(n))" }
      s += " 上年 \(l.prior.wan)"
      if let (a, p) = byCode[l.code], needsReason(a, p), reasoned.insert(l.code).inserted { s += " 原因 \(Lexer.quote(rng.pick(DepartmentGenerator.reasons)))" }
      expenditureLineIndex.append(out.count)
      out.append(s)
    }
    if needsReason(total, priorTotal) { out.append("原因 合计 \(Lexer.quote(rng.pick(DepartmentGenerator.reasons)))") }
    out.append("原因 基本支出 \(Lexer.quote(rng.pick(DepartmentGenerator.reasons)))")
    out.append("原因 项目支出 \(Lexer.quote(rng.pick(DepartmentGenerator.reasons)))")
  }

  mutating func writeEconomics() {
    out.append("")
    out.append("# 一般公共预算基本支出按经济分类（款级）；各单位经济分类合计 = 该单位一般公共预算基本支出")
    for e in econLines {
      econLineIndex.append(out.count)
      out.append("经济 \(e.code) \(e.amount.wan)\(unitOption(e.unit)) 上年 \(e.prior.wan)")
    }
  }

  /// 项目支出表, then a 绩效目标表 with three indicators for each project under 绩效管理.
  mutating func writeProjects() {
    out.append("")
    out.append("# 项目支出表；各科目项目合计 = 该科目项目支出")
    for p in projects {
      var s = "项目 \(Lexer.quote(p.name)) 类型 \(p.type) 科目 \(p.code)\(unitOption(p.unit))"
      if p.amounts.count == 1 && p.amounts[0].0 == .general {
        s += " 金额 \(p.amounts[0].1.wan)"
      } else {
        for (src, a) in p.amounts { s += " \(src.rawValue) \(a.wan)" }
      }
      s += " 上年 \(p.prior.wan)"
      if p.managed { s += " 绩效管理" }
      projectLineIndex.append(out.count)
      out.append(s)
    }
    out.append("")
    out.append("# 绩效目标表")
    for p in projects where p.managed {
      let t = p.amounts.map(\.1).reduce(0, +)
      let g = p.amounts.filter { $0.0 == .general }.map(\.1).reduce(0, +)
      var s = "绩效 \(Lexer.quote(p.name)) 总额 \(t.wan) 财政拨款 \(g.wan)"
      if t != g { s += " 其他 \((t - g).wan)" }
      s += " 实施单位 \(Lexer.quote(units[p.unit].name ?? dept)) 项目来源 \(rng.chance(50) ? "延续项目" : "新增项目") 项目期 \"\(year)-1-1至\(year)-12-31\""
      s += " 目标 \(Lexer.quote("保障\(p.name.replacingOccurrences(of: "经费", with: ""))工作顺利开展，按期完成年度任务。"))"
      goalLineIndex.append((out.count, p.name))
      out.append(s)
      out.append("指标 \(Lexer.quote(p.name)) 1 产出指标 数量指标 \"完成工作任务\" \"≥\(rng.int(3...200))项\"")
      out.append("指标 \(Lexer.quote(p.name)) 2 效益指标 社会效益指标 \"服务对象覆盖率\" \"≥\(rng.int(80...99))%\"")
      out.append("指标 \(Lexer.quote(p.name)) 3 满意度指标 服务对象满意度指标 \"服务对象满意度\" \"≥\(rng.int(85...95))%\"")
    }
  }

  mutating func writeThreePublic() {
    out.append("")
    let carried = ThreePublicItem.allCases.flatMap(\.economicCodes).filter { c in codes.economicCodes.contains { $0.code == c } }
    out.append("# 四、“三公”经费（各项不小于对应经济分类款 \(carried.joined(separator: "/"))）")
    let start = out.count
    for (item, a, p) in threePublic { out.append("三公 \(item) \(a.wan) 上年 \(p.wan)") }
    out.append("原因 三公 \(Lexer.quote("落实过紧日子要求，严控“三公”经费"))")
    threePublicLines = start..<out.count
  }

  mutating func writeAssets() {
    out.append("")
    out.append("# 五、国有资产")
    let cars = rng.int(0...4)
    let carValue = cars * rng.int(1500...3000), otherValue = rng.int(20000...400000)
    out.append("资产 原值 \((carValue + otherValue).wan) 车辆 \(carValue.wan) 其他 \(otherValue.wan) 车辆数 \(cars)")
    if cars == 0 {
      out.append("资产 车辆 无")
    } else {
      let cats = ["机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车"]
      var left = cars, c = 0
      while left > 0 { let n = Swift.min(left, rng.int(1...2)); out.append("资产 车辆 \(cats[c % cats.count]) \(n)"); left -= n; c += 1 }
    }
    if rng.chance(25) { out.append("资产 设备 \"大型专用检测设备\" 1 原值 \(rng.int(10000...30000).wan)") } else { out.append("资产 设备 无") }
    if buyVehicle { out.append("资产 购置 车辆 \"应急保障用车\" 1 金额 \(purchase.wan)") } else { out.append("资产 购置 无") }
    if rng.chance(80) { out.append("资产 配置 \"台式计算机\" \(rng.int(2...30)) 金额 \(rng.int(100...1500).wan)") } else { out.append("资产 配置 无") }
  }

  mutating func writeProcurement() {
    out.append("")
    out.append("# 六、政府采购与购买服务")
    let nProc = rng.int(0...4)
    if nProc == 0 { out.append("采购 无") }
    let cats = ["货物", "服务", "工程"]
    var procNames = Set<String>()
    for i in 0..<nProc {
      let n = rng.pick(["办公设备", "信息系统运行维护服务", "物业管理服务", "办公场所维修工程", "专用设备", "印刷服务"])
      let name = procNames.insert(n).inserted ? n : "\(n)（\(i + 1)）"
      out.append("采购 \(cats[i % 3]) \(Lexer.quote(name)) 金额 \(rng.int(100...8000).wan)")
    }
    if rng.chance(60) {
      out.append("购买服务 \"政务服务窗口辅助服务\" 方式 \"公开招标\" 期限 \"\(year)年1月1日至\(year)年12月31日\" 金额 \(rng.int(300...3000).wan)")
    } else {
      out.append("购买服务 无")
    }
  }

  mutating func writeOperatingAndChecks() {
    out.append("")
    out.append("# 七、机关运行经费（不大于本级机关公用经费）")
    operatingLine = out.count
    out.append("机关运行经费 \(operating.wan) 上年 \((operating * rng.int(95...105) / 100).wan) 原因 \"厉行节约，压减一般性支出\"")
    out.append("")
    out.append("# 八、核对数")
    out.append("核对 T3 合计 合计 \(total.wan) 基本支出 \(basicTotal.wan) 项目支出 \(projectTotal.wan)")
  }

  /// `spec.defects` deliberate mistakes, each listed with the rule that must report it, and named in the script's
  /// second line.
  mutating func injectDefects() {
    guard spec.defects > 0 else { return }
    var kinds = DefectKind.allCases.filter { $0 != .wrongCode }
    rng.shuffle(&kinds)
    if spec.defects > kinds.count { kinds.append(.wrongCode) }
    var removed = Set<Int>()
    for kind in kinds.prefix(spec.defects) {
      func found(_ detail: String) { defects.append(Defect(kind: kind.rawValue, rule: kind.rule, severity: kind.severity, detail: detail)) }
      switch kind {
      case .sumOff:
        let i = econLineIndex[rng.int(0...(econLineIndex.count - 1))]
        let e = econLines[econLineIndex.firstIndex(of: i)!]
        out[i] = out[i].replacingOccurrences(of: "经济 \(e.code) \(e.amount.wan)", with: "经济 \(e.code) \((e.amount + 1).wan)")
        found("经济 \(e.code) 多录 0.01")
      case .missingThreePublic:
        removed.formUnion(threePublicLines)
        found("未录入“三公”经费")
      case .residue:
        out[out.firstIndex { $0.hasPrefix("职责 1 ") }!] = "职责 1 \"负责XX工作，根据实际情况组织实施。\""
        found("职责 1 留有“XX”")
      case .revenueOff:
        let i = out.firstIndex { $0.hasPrefix("收入 一般公共预算 ") }!
        let (a, p) = bySource[.general]!
        out[i] = "收入 一般公共预算 \((a + 1).wan) 上年 \(p.wan)"
        found("一般公共预算收入多录 0.01")
      case .projectOff:
        // Prefer a project without a goal table, so the defect yields exactly one finding.
        let unmanaged = projects.indices.filter { !projects[$0].managed }
        let j = unmanaged.isEmpty ? rng.int(0...(projects.count - 1)) : rng.pick(unmanaged)
        let i = projectLineIndex[j]
        let p = projects[j]
        let (src, a) = p.amounts[0]
        let old = p.amounts.count == 1 && src == .general ? "金额 \(a.wan)" : "\(src.rawValue) \(a.wan)"
        let new = p.amounts.count == 1 && src == .general ? "金额 \((a + 1).wan)" : "\(src.rawValue) \((a + 1).wan)"
        out[i] = out[i].replacingOccurrences(of: old, with: new)
        found("项目“\(p.name)”多录 0.01")
      case .goalMissing:
        guard let (i, name) = goalLineIndex.first(where: { !removed.contains($0.0) }) else { continue }
        for k in i..<(i + 4) { removed.insert(k) }
        found("项目“\(name)”缺绩效目标表")
      case .operatingMissing:
        removed.insert(operatingLine)
        found("未录入机关运行经费")
      case .wrongCode:
        let i = expenditureLineIndex[rng.int(0...(expenditureLineIndex.count - 1))]
        let parts = out[i].split(separator: " ", maxSplits: 2)
        let code = String(parts[1])
        let typo = String(code.prefix(5)) + "9" + String(code.suffix(1) == "8" ? "7" : "8")
        out[i] = "支出 \(typo) \(parts[2])"
        found("支出科目 \(code) 误录为 \(typo)")
      }
    }
    if !removed.isEmpty { out = out.enumerated().filter { !removed.contains($0.offset) }.map(\.element) }
    out.insert("# 注入的错误（\(defects.count)）：" + defects.map { "\($0.kind)→\($0.rule)" }.joined(separator: "；"), at: 1)
  }

  var department: GeneratedDepartment {
    let script = out.joined(separator: "\n") + "\n"
    let entryCount = out.filter { !$0.isEmpty && !$0.hasPrefix("#") }.count
    return GeneratedDepartment(
      name: dept, year: year, script: script, lineCount: lines.count, economicCodeCount: Set(econLines.map(\.code)).count,
      projectCount: projects.count, scriptLines: entryCount, defects: defects)
  }
}
