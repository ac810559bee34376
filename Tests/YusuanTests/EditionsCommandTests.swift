import Foundation
import Testing
@testable import YusuanCore

/// `yusuan editions` lists every edition with its kind, units, prior-year basis and tables, in Chinese.
struct EditionsCommandTests {
  @Test func listsEveryEditionWithKindUnitAndTables() throws {
    let r = try CLI.run(["editions"])
    #expect(r.status == 0, "\(r.stderr)")
    for id in TestSupport.forms.editionIDs { #expect(r.stdout.contains(id + "　"), "\(id) not listed") }
    #expect(r.stdout.contains("文件类型：部门预算（区级）；增减比较：上年预算"))
    #expect(r.stdout.contains("金额：预算表 万元，2位小数；情况说明 万元，2位小数"))
    #expect(r.stdout.contains("    部门公开表7 一般公共预算“三公”经费支出表（T7）"))
    #expect(r.stdout.contains("共 \(TestSupport.forms.editionIDs.count) 个版本"))
  }

  @Test func showsATablesOwnUnitAndABrokenEdition() throws {
    let forms = try TestSupport.formsCopy {
      $0.replacingOccurrences(of: "tables: { unit: \"万元\", decimals: 2, grouping: false }", with: "tables: { unit: \"元\", decimals: 2, grouping: true }")
        .replacingOccurrences(of: "    required: true\n", with: "    required: true\n    unit: \"万元\"\n    grouping: false\n")
        .replacingOccurrences(of: "prior_year: \"预算\"", with: "prior_year: \"执行数\"")
    }
    let broken = forms.root.appendingPathComponent("editions/zz-broken")
    try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
    try "id: zz-broken\n".write(to: broken.appendingPathComponent("edition.yaml"), atomically: true, encoding: .utf8)
    let r = try CLI.run(["editions"], forms: forms.root.path)
    #expect(r.status == 1)
    #expect(r.stdout.contains("金额：预算表 元，2位小数，千分位；情况说明 万元，2位小数"))
    #expect(r.stdout.contains("增减比较：上年执行数"))
    #expect(r.stdout.contains("一般公共预算“三公”经费支出表（T7，万元，2位小数）"))
    #expect(r.stdout.contains("zz-broken　无法读取："))
    #expect(r.stdout.contains("其中 1 个有误"))
  }
}
