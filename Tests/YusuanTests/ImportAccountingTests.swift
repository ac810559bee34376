import Foundation
import Testing
@testable import Audit
@testable import Reading
@testable import Import
import YusuanCore

/// Every figure of an imported document is accounted for, and a recognised table that yields nothing stops the
/// import (all or nothing) with the list.
@Suite struct ImportAccountingTests {
  @Test func aTableThatYieldsNothingStopsTheImport() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let doc = dir.appendingPathComponent("doc.txt")
    // A 一般公共预算支出表 printed without codes: its figures cannot become lines.
    try Data("示例办2024年一般公共预算支出表\n单位：万元\n科目名称\t合计\n行政运行\t10.00\n一般行政管理事务\t5.00\n\n".utf8).write(to: doc)
    let read = try DocumentReader.read(url: doc)
    let mapped = ImportMapping.lines(read, mode: .prior)
    #expect(mapped.yieldedNothing.count == 1)
    #expect(mapped.figures.total == 2 && mapped.figures.unplaced == 2 && mapped.unplaced.count == 2)

    let wb = TestSupport.tempPath("nothing")
    _ = try CLI.run(["new", wb, "--department", "示例办", "--year", "2025"])
    let before = try CLI.run(["export", wb, "--format", "script"]).stdout
    let r = try CLI.run(["import", wb, doc.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("一个也不能导入") && r.stderr.contains("一般公共预算支出表"))
    #expect(try CLI.run(["export", wb, "--format", "script"]).stdout == before, "nothing entered")
  }
}
