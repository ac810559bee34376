import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// `goto N` in the REPL goes to the walk's N-th table (issue 12: `goto 10` opened table 12 because a title there
/// contains 100万元, and `goto 2` opened table 11 for 12月).
@Suite struct WalkGotoTests {
  @Test func aNumberIsTheWalksTableNumber() throws {
    let wb = try TestSupport.workbook("")
    let steps = SectionRegistry.plugins.flatMap { $0.walk(wb.context) }
    #expect(steps.count >= 10)
    #expect(WalkStep.index(of: "10", in: steps) == 9)
    #expect(WalkStep.index(of: "2", in: steps) == 1)
    #expect(WalkStep.index(of: "１０", in: steps) == 9, "full-width digits")
    #expect(WalkStep.index(of: "0", in: steps) == nil && WalkStep.index(of: "\(steps.count + 1)", in: steps) == nil)
    // Names still work: a table id, a word of the title.
    let t5 = try #require(steps.firstIndex { $0.table == "T5" })
    #expect(WalkStep.index(of: "t5", in: steps) == t5)
    #expect(WalkStep.index(of: steps[t5].title, in: steps) == t5)
    #expect(WalkStep.index(of: "", in: steps) == nil)
  }
}
