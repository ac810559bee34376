// Synthetic departments for the benchmarks and for tests of the bureau mode.
//
// A generated department is an entry script (the same language officers type) that is consistent by construction:
// every sum is computed in exact integers (万元 hundredths, `H`), never Double. With `defects > 0`, that many
// deliberate mistakes are injected and listed (kind + the rule that must report it) so a test can compare.
import Foundation
import YusuanCore

/// SplitMix64: tiny, fast, deterministic across platforms.
struct SplitMix64 {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// Uniform in `range` (closed), without modulo bias worth caring about here (ranges are tiny next to 2^64).
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound + 1)
    return range.lowerBound + Int(next() % span)
  }
  mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
  mutating func pick<T>(_ a: [T]) -> T { a[int(0...(a.count - 1))] }
  mutating func shuffle<T>(_ a: inout [T]) {
    guard a.count > 1 else { return }
    for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, int(0...i)) }
  }
}

/// 万元 hundredths (0.01 万元 = 100 元), the entry language's resolution. Exact integer arithmetic only.
typealias H = Int

extension Int {
  /// `12345` → `123.45`
  var wan: String {
    let s = self < 0 ? "-" : ""
    let m = Swift.abs(self)
    let f = m % 100
    return "\(s)\(m / 100).\(f < 10 ? "0" : "")\(f)"
  }
}

/// Splits `total` into `weights.count` parts proportional to `weights`, each at least 1, summing exactly to `total`.
func partition(_ total: H, weights: [Int]) -> [H] {
  precondition(!weights.isEmpty && total >= weights.count, "partition: total \(total) too small for \(weights.count) parts")
  let rest = total - weights.count
  let w = weights.map { Swift.max($0, 1) }
  let sum = w.reduce(0, +)
  var parts = w.map { 1 + rest * $0 / sum }
  let diff = total - parts.reduce(0, +)
  let big = w.indices.max { w[$0] < w[$1] }!
  parts[big] += diff
  return parts
}

/// The codes the generator draws from (from the edition's catalog).
struct GeneratorCatalog: Sendable {
  var functionCodes: [(code: String, name: String)]  // 7-digit 项
  var economicCodes: [(code: String, name: String)]  // 5-digit 款 under 301/302/303

  init(catalog: Catalog) {
    let all = catalog.entries.values
    functionCodes = all.filter { $0.system == .function && $0.code.count == 7 }.sorted { $0.code < $1.code }.map { ($0.code, $0.name) }
    economicCodes = all.filter { $0.system == .economic && $0.code.count == 5 && ["301", "302", "303"].contains(String($0.code.prefix(3))) }
      .sorted { $0.code < $1.code }.map { ($0.code, $0.name) }
  }
}

/// What to generate. Unspecified sizes are drawn from the seed within the issue's ranges.
struct DepartmentSpec: Sendable {
  var seed: UInt64
  var index: Int = 0
  var lines: Int? = nil  // 20…300 支出 lines (功能分类项 × 基本/项目 × 来源 × 单位)
  var economicCodes: Int? = nil  // 15…40 distinct 经济分类款
  var projects: Int? = nil  // 5…80
  var defects: Int = 0
}

/// One injected mistake and the rule that must report it.
struct Defect: Codable, Sendable {
  var kind: String
  var rule: String
  var severity: String
  var detail: String
}

struct GeneratedDepartment: Sendable {
  var name: String
  var year: Int
  var script: String
  var lineCount: Int  // 支出 lines
  var economicCodeCount: Int
  var projectCount: Int
  var scriptLines: Int  // all entry lines
  var defects: [Defect]
  /// The script's lines, for `Workbench.apply`.
  var entryLines: [String] { script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}

enum DefectKind: String, CaseIterable {
  case sumOff = "sum-off"  // one 经济 line 0.01 off → basic ≠ economic
  case missingThreePublic = "missing-3public"
  case residue = "residue"  // "XX" left in a 职责
  case revenueOff = "revenue-off"  // 一般公共预算 revenue 0.01 off
  case projectOff = "project-off"  // a project 0.01 off its lines
  case goalMissing = "goal-missing"  // a 绩效管理 project without its goal table
  case operatingMissing = "operating-missing"
  case wrongCode = "wrong-code"  // a 支出 code not in the catalog (typo)

  var rule: String {
    switch self {
    case .sumOff: return "cross.basic-economic"
    case .missingThreePublic: return "three-public.missing"
    case .residue: return "text.residue"
    case .revenueOff: return "cross.revenue-expenditure"
    case .projectOff: return "cross.project-list"
    case .goalMissing: return "performance.goal-missing"
    case .operatingMissing: return "operating-cost.missing"
    case .wrongCode: return "code.unknown"
    }
  }
  var severity: String { self == .wrongCode ? "warning" : "error" }
}

struct DepartmentGenerator {
  let codes: GeneratorCatalog
  var year = 2025

  static let places = ["东城", "西岭", "南湖", "北塘", "青山", "白沙", "临江", "清河", "长宁", "安平", "永和", "丰泽", "新桥", "河口", "松林", "石门"]
  static let bureaus = [
    "财政局", "教育局", "民政局", "司法局", "文化旅游体育局", "卫生健康委员会", "城市管理局", "住房和城乡建设局",
    "人力资源和社会保障局", "市场监督管理局", "应急管理局", "统计局", "档案馆", "科学技术协会", "政府办公室", "发展和改革委员会",
  ]
  static let centres = ["服务中心", "信息中心", "事务中心", "综合执法大队", "培训中心", "档案室", "监测站", "保障中心"]
  static let themes = [
    "政务信息化", "档案数字化", "安全生产督查", "法律援助", "社区治理", "城市环境整治", "科普宣传", "群众体育活动",
    "统计调查", "应急物资储备", "就业援助", "养老服务补贴", "文化惠民演出", "公共卫生服务", "执法装备更新", "办公场所维修",
    "干部教育培训", "信访接待", "普法宣传", "数据共享平台", "政务服务窗口", "老旧小区改造", "食品安全抽检", "防汛抗旱",
  ]
  static let purposes = ["运行维护经费", "专项工作经费", "能力建设经费", "购买服务经费", "宣传培训经费", "设备购置经费"]
  static let duties = [
    "贯彻执行国家和省、市有关方针政策和法律法规，拟订本区相关政策措施并组织实施。",
    "负责本行业领域的统筹规划、综合协调和监督管理工作。",
    "负责本部门预算编制、执行和决算工作，加强财务和国有资产管理。",
    "承担本领域信息化建设、数据统计和信息公开工作。",
    "负责本系统安全生产和应急管理工作，组织开展隐患排查治理。",
    "指导所属事业单位开展业务工作，加强队伍建设。",
    "组织开展本领域宣传教育、业务培训和对外交流合作。",
    "完成区委、区政府交办的其他任务。",
  ]
  static let tasks = [
    "推进重点项目建设，全年完成年度目标任务。", "深化“放管服”改革，提升政务服务效能。", "加强干部队伍建设，开展全员业务培训。",
    "严格预算执行管理，提高财政资金使用效益。", "做好安全生产和风险防范，确保全年不发生较大事故。",
  ]
  static let reasons = [
    "人员经费标准调整", "压减一般性支出", "新增专项工作任务", "业务量增加", "上年一次性项目到期", "落实过紧日子要求",
    "缴费基数调整", "新增编制人员", "项目按进度安排",
  ]

  init(codes: GeneratorCatalog) { self.codes = codes }

  /// Personnel-like 项 (行政运行、事业运行、社保、医疗、公积金) carry 基本支出; the rest mostly 项目支出.
  func isBasicLike(_ name: String) -> Bool {
    ["行政运行", "事业运行", "离退休", "养老", "年金", "医疗", "公积金", "提租", "购房", "机关服务"].contains { name.contains($0) }
  }

  /// A consistent department whose script has about `scriptLines` lines (comments and blank lines included, as
  /// `run` counts them): the number of 支出 lines is searched for, with the largest sizes of the other parts.
  func generate(scriptLines: Int, seed: UInt64) -> GeneratedDepartment {
    func make(_ lines: Int) -> GeneratedDepartment {
      generate(DepartmentSpec(seed: seed, index: 0, lines: lines, economicCodes: 40, projects: 80))
    }
    var low = 20, high = Swift.max(20, scriptLines)
    while low < high {
      let mid = (low + high) / 2
      if make(mid).entryLines.count < scriptLines { low = mid + 1 } else { high = mid }
    }
    return make(low)
  }

  /// One department, step by step: its sizes and name, units, 支出 lines, projects, totals, 经济分类, 三公, the
  /// script, then the injected defects. The steps draw from one random stream in this order, so a seed always gives
  /// the same department.
  func generate(_ spec: DepartmentSpec) -> GeneratedDepartment {
    var d = DepartmentDraft(spec: spec, codes: codes, year: year)
    d.addUnits()
    d.addSpendingLines(basicLike: isBasicLike)
    d.addProjects()
    d.addTotals()
    d.addEconomics()
    d.addThreePublic()
    d.writeScript()
    d.injectDefects()
    return d.department
  }
}
