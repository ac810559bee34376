import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore
import YusuanStore

/// Issue 14 (1): amounts are capped so every sum fits in Int64, and a workbook beyond that is a finding or a
/// refusal, never a trap (93 lines of 100000000000 万元 overflowed the rollup and crashed run, check and compile).
struct AmountLimitTests {
  /// The old largest amount, accepted before the limit: 93 of them overflowed Int64.
  static let oldMax = "100000000000"

  @Test func oneAmountIsAtMostOneHundredMillionWan() throws {
    #expect(try AmountParser.parse("100000000").get() == Amount.largestEntry)
    #expect(try AmountParser.parse("1000000000000元").get() == Amount.largestEntry)
    for input in ["100000000.01", "1000000000000.01元", Self.oldMax] {
      guard case .failure(let e) = AmountParser.parse(input) else { Issue.record("accepted \(input)"); continue }
      #expect(e.reason == .tooLarge)
      #expect(e.message.contains("每笔金额不能超过 100000000 万元"), "\(e.message)")
    }
    // The limit leaves room: 92 233 amounts at the limit still add up within Int64.
    #expect(Int64.max / Amount.largestEntry.fen > 90_000)
    #expect(Int64.max / Amount.largestWorkbookSum >= 9)
  }

  /// Amount arithmetic saturates instead of trapping, whatever it is given.
  @Test func arithmeticNeverTraps() {
    let top = Amount(fen: .max)
    #expect(top + Amount(fen: 1) == top)
    #expect(-top - Amount(fen: 2) == -top)
    #expect([top, top, top].sum() == top)
    #expect((-Amount(fen: .min)).fen == .max)
    #expect(Amount(fen: .min).magnitude.fen == .max)
    #expect(Amount(wanCents: .max) == top)
    #expect(Ratio.percentHundredths(top, of: Amount(fen: 1)) == .max)
  }

  /// A script of 93 lines at the old largest amount is refused by `run` (exit 2, Chinese, nothing entered).
  @Test func runRefusesTheOldLargestAmount() throws {
    let w = TestSupport.tempPath()
    _ = try CLI.run(["new", w, "--department", "示例办", "--year", "2025"])
    let script = (1...93).map { "支出 20103\($0 < 10 ? "0" : "")\($0) 基本 \(Self.oldMax)" }.joined(separator: "\n")
    let path = try CLI.writeTemp(script)
    let r = try CLI.run(["run", w, path])
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("\(path):93:"))
    #expect(r.stderr.contains("每笔金额不能超过 100000000 万元"))
    #expect(r.stderr.contains("本次没有录入任何内容"))
    #expect(try CLI.run(["check", w]).status != 132)
    #expect(!(try CLI.run(["export", w]).stdout.contains("支出")))
  }

  /// Lines under the per-amount limit that would take the workbook past `largestWorkbookSum` are refused at
  /// the line that crosses it; the batch enters nothing.
  @Test func applyRefusesTheLineThatTakesTheSumPastTheLimit() throws {
    let wb = try TestSupport.workbook("")
    // Amount and prior at the limit: 2 × 10^14 分 a line, so line 5001 crosses 10^18 分.
    let lines = (0..<5_001).map { i in
      "支出 \(2_010_301 + i / 2) \(i % 2 == 0 ? "基本" : "项目") 100000000 上年 100000000"
    }
    #expect(throws: ApplyError.self) { try wb.apply(TestSupport.lines(lines.joined(separator: "\n")), source: .script) }
    do { try wb.apply(TestSupport.lines(lines.joined(separator: "\n")), source: .script) } catch let e as ApplyError {
      #expect(e.errors.map(\.line) == [5_001])
      #expect(e.errors.first?.message.contains("全部金额之和将超过 1000000000000 万元") == true)
    }
    #expect(wb.facts.expenditures.isEmpty)
    // Without the last line the batch fits.
    #expect(try wb.apply(TestSupport.lines(lines.dropLast().joined(separator: "\n")), source: .script) == 5_000)
  }

  /// A workbook that already holds such figures (entered before the limit) is checkable: one finding, no trap;
  /// compile refuses with the same message.
  @Test func aWorkbookBeyondTheLimitIsAFindingNotATrap() throws {
    let wb = try TestSupport.workbook(TestSupport.consistent)
    let legacy = (1...93).map { i in
      Fact.expenditure(ExpenditureLine(code: "20103\(i < 10 ? "0" : "")\(i)", kind: .basic, amount: Amount(fen: 100_000_000_000_000_000)))
    }
    let changes = legacy.map { FactChange(key: $0.key, before: nil, after: $0) }
    _ = try wb.store.commit([JournalEntry(source: .script, location: "legacy.ys:1", command: "legacy", changes: changes)], expectedHead: try wb.store.head())
    try wb.reload()
    #expect(!wb.facts.amountsFit)
    let findings = wb.check()
    #expect(findings.map(\.rule) == ["amount.overflow"])
    #expect(findings.first?.severity == .error)
    #expect(findings.first?.message.contains("全部金额之和超过 1000000000000 万元") == true)
    #expect(throws: Compiler.Failure.self) { try wb.compile(draft: true) }

    // The real binary on that file: check exits 1 with the finding, compile exits 2 with the message.
    let check = try CLI.run(["check", wb.store.path, "--format", "json"])
    #expect(check.status == 1, "\(check.stderr)")
    #expect(check.stdout.contains("amount.overflow"))
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-out-\(UUID().uuidString)").path
    let compile = try CLI.run(["compile", wb.store.path, "--out", out, "--draft"])
    #expect(compile.status == 2, "\(compile.stderr)")
    #expect(compile.stderr.contains("超出可以处理的范围"))
  }
}
