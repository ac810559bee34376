import Foundation
import Testing
@testable import Workbench
@testable import YusuanCore

/// Issue 13 item 3: each entry command is declared once (`EntryCommand`), and its parse, 删除, export, help and walk
/// questions are read from the declaration. These tests hold the declarations to what the readers assume.
@Suite struct CommandDeclarationTests {
  static let commands = SectionRegistry.plugins.flatMap(\.commands)
  static let context = try! TestSupport.workbook("").context

  /// Values are kept by argument id, so two arguments of one command never share one; a 删除 line writes the key
  /// arguments, which must lead the positional ones (a 删除 line stops after them).
  @Test(arguments: commands.map(\.words)) func argumentsAreWellFormed(_ words: String) throws {
    let c = try #require(Self.commands.first { $0.words == words })
    let ids = c.args.map(\.id)
    #expect(Set(ids).count == ids.count, "\(words): \(ids)")
    let positionalKeys = c.positionals.map(\.key)
    #expect(positionalKeys == positionalKeys.sorted { $0 && !$1 }, "\(words): key arguments first")
    #expect(!c.summary.isEmpty && !c.example.isEmpty)
  }

  /// Every command's example is accepted by its own parser (the example shown under each refusal is valid).
  @Test(arguments: commands.map(\.words)) func everyExampleParses(_ words: String) throws {
    let c = try #require(Self.commands.first { $0.words == words })
    let facts = try TestSupport.workbook("项目 \"调研活动经费\" 类型 日常运转类 金额 74").facts
    var context = Self.context
    context.facts = facts
    let edits = try EntryParser.edits(for: c.example, context: context)
    #expect(!edits.isEmpty, "\(c.example)")
  }

  /// Help is derived: the syntax lists the positional arguments, then the options in brackets, then `X 无`.
  @Test func syntaxIsDerivedFromTheDeclaration() throws {
    func syntax(_ words: String) throws -> String { try #require(Self.commands.first { $0.words == words }).syntax(Self.context) }
    #expect(try syntax("支出") == "支出 功能科目编码 基本|项目 金额 [来源 资金来源] [单位 \"预算单位\"] [名称 \"科目名称\"] [上年 金额] [原因 \"文字\"]")
    #expect(try syntax("采购") == "采购 货物|工程|服务 \"采购项目名称\" 金额 金额 | 采购 无")
    #expect(try syntax("职责") == "职责 [序号] \"文字\"")
    #expect(try syntax("项目") == "项目 \"项目名称\" 类型 日常运转类|特定目标类|其他运转类 [科目 功能科目编码] [单位 \"单位\"] 金额 金额 [上年 金额] [绩效管理] [待确认]")
    #expect(try syntax("资产 车辆").hasPrefix("资产 车辆 \"车辆类别\" 数量 | 资产 车辆 无"))
    let removal = try #require(Self.commands.first { $0.words == "支出" }).removalSyntax(Self.context)
    #expect(removal == "支出 功能科目编码 基本|项目 [来源 资金来源] [单位 \"预算单位\"]")
  }

  /// The example under a refused 删除 line is the 删除 grammar (the key arguments), not the entry grammar.
  @Test func aRefusedRemovalShowsTheRemovalGrammar() throws {
    let wb = try TestSupport.workbook("支出 2010301 基本 10")
    #expect(throws: ApplyError.self) { try wb.apply(TestSupport.lines("删除 支出 2010301"), source: .script) }
    do {
      try wb.apply(TestSupport.lines("删除 支出 2010301"), source: .script)
    } catch let e as ApplyError {
      let message = e.errors[0].message
      #expect(message.contains("缺少支出类别（可选：基本、项目）"))
      #expect(message.contains("示例：删除 支出 功能科目编码 基本|项目"), "\(message)")
    }
  }

  /// A command added only as a declaration is parsed, removed and exported by it, and its help is its syntax: the
  /// declaration is the one place a command's grammar lives.
  @Test func aDeclarationAloneParsesRemovesAndExports() throws {
    let name = Arg<String>.text("名称", key: true)
    let amount = Arg<Amount>.amount("金额")
    let prior = Arg<Amount?>.option("上年", .amount)
    let command = EntryCommand(
      "试验", summary: "试验", example: "试验 \"甲\" 5", args: [name, amount, prior],
      build: { a, _ in
        [.set(.operatingCost(OperatingCost(amount: a[amount], prior: a[prior])))] + [.set(.unit(BudgetUnit(ordinal: 1, name: a[name], nature: "机关")))]
      },
      key: { a, _ in Fact.unit(BudgetUnit(ordinal: 0, name: a[name], nature: "")).key },
      export: { f in f.operatingCost.map { [[name.bind(f.units.first?.name ?? ""), amount.bind($0.amount), prior.bind($0.prior)]] } ?? [] })
    let line = try Lexer.tokenize("试验 \"甲\" 5万元 上年 4")
    var args = ArgReader(line: line, startingAt: 1, example: command.example)
    var facts = FactSet()
    for e in try command.edits(&args, Self.context) { facts.apply(e) }
    #expect(facts.operatingCost?.amount == wan("5") && facts.operatingCost?.prior == wan("4"))
    #expect(command.export(facts) == ["试验 \"甲\" 5 上年 4"])
    #expect(command.syntax() == "试验 \"名称\" 金额 [上年 金额]")
    var removal = ArgReader(line: try Lexer.tokenize("删除 试验 \"甲\""), startingAt: 2, example: "")
    #expect(try command.removalKey(&removal, Self.context) == "单位|甲")
    var bad = ArgReader(line: try Lexer.tokenize("试验 \"甲\" 5 下年 4"), startingAt: 1, example: command.example)
    #expect(throws: EntryError.self) { _ = try command.edits(&bad, Self.context) }
  }

  /// Every question of the walk answers an argument of its step's command (or of none, for a table only shown), and
  /// asks it as declared: its keyword, and a choice offers the declared words.
  @Test func walkQuestionsAreTheCommandsArguments() throws {
    let wb = try TestSupport.workbook("")
    for step in SectionRegistry.plugins.flatMap({ $0.walk(wb.context) }) {
      guard let command = step.command else { #expect(step.fields.isEmpty); continue }
      for f in step.fields {
        let arg = try #require(f.arg, "\(step.id): \(f.prompt)")
        #expect(command.arg(arg.id) != nil, "\(step.id): \(arg.id) is not an argument of \(command.words)")
        if case .funds = arg.type { continue }
        #expect(f.keyword == arg.keyword, "\(step.id): \(f.prompt)")
        if case .choice(let c) = arg.type, case .choice(let offered) = f.kind {
          #expect(Set(c.values(wb.context)).isSubset(of: Set(offered)), "\(step.id): \(f.prompt)")
        }
      }
    }
  }
}
