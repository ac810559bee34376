import Foundation
import Testing

/// Bureau mode: a folder of workbooks checked and compiled in one go; bad ones reported, never stopping the batch.
struct BureauTests {
  @Test func checkAndCompileAFolder() throws {
    let demo = try CompileTests.demoWorkbook()
    let dir = URL(fileURLWithPath: TestSupport.tempPath()).deletingLastPathComponent().appendingPathComponent("bureau")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("街道"), withIntermediateDirectories: true)
    for i in 1...4 { try FileManager.default.copyItem(atPath: demo, toPath: dir.appendingPathComponent("dept\(i).yusuan").path) }
    // One with a defect, one corrupt (not a workbook), one in a subfolder.
    let bad = dir.appendingPathComponent("defect.yusuan").path
    try FileManager.default.copyItem(atPath: demo, toPath: bad)
    #expect(try CLI.run(["run", bad, try CLI.writeTemp("说明 T8 \"XX局没有政府性基金。\"")]).status == 0)
    try Data("not a workbook".utf8).write(to: dir.appendingPathComponent("corrupt.yusuan"))
    try FileManager.default.copyItem(atPath: demo, toPath: dir.appendingPathComponent("街道/dept5.yusuan").path)

    let text = try CLI.run(["check", dir.path])
    #expect(text.status == 2)  // the worst: one workbook could not be read
    #expect(text.stdout.contains("共 7 个工作簿：5 个无错误，1 个有错误，1 个无法读取。"), "\(text.stdout)")
    #expect(text.stderr.contains("检查：7/7"))  // plain progress lines without a terminal

    let json = try CLI.run(["check", dir.path, "--format", "json"])
    let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let books = try #require(report["workbooks"] as? [[String: Any]])
    #expect(books.count == 7)
    let byFile = Dictionary(uniqueKeysWithValues: books.map { (URL(fileURLWithPath: $0["file"] as! String).lastPathComponent, $0) })
    #expect(byFile["corrupt.yusuan"]?["status"] as? String == "无法读取")
    #expect(byFile["defect.yusuan"]?["errors"] as? Int == 1)
    let rules = ((byFile["defect.yusuan"]?["diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
    #expect(rules == ["text.residue"])
    #expect(byFile["dept5.yusuan"]?["status"] as? String == "通过")

    let out = dir.deletingLastPathComponent().appendingPathComponent("bureau-out")
    let compiled = try CLI.run(["compile", dir.path, "--out", out.path, "--format", "md,json"])
    #expect(compiled.status == 2)
    #expect(compiled.stdout.contains("未生成"))
    let made = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(made == ["dept1", "dept2", "dept3", "dept4", "dept5"])
  }
}
