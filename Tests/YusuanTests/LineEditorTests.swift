import Foundation
import Testing
@testable import LineEditor

/// The line editor's logic that needs no terminal: plain lines through a pipe, where completion
/// words start, what libedit is handed, and the history file. (Typing in a real terminal is
/// covered by the REPL's tmux test.)
@Suite struct LineEditorTests {
  // MARK: Plain mode: lines from a pipe

  /// Feeds `bytes` through a pipe (written from another thread: a pipe holds only 64 KB) and
  /// reads every line back.
  func plainLines(_ bytes: [UInt8]) -> [PlainLineReader.Outcome] {
    let pipe = Pipe()
    let writer = pipe.fileHandleForWriting
    let data = Data(bytes)
    DispatchQueue.global().async {
      writer.write(data)
      try? writer.close()
    }
    let reader = PlainLineReader(fileDescriptor: pipe.fileHandleForReading.fileDescriptor)
    var outcomes: [PlainLineReader.Outcome] = []
    while true {
      let outcome = reader.readLine()
      outcomes.append(outcome)
      if outcome == .endOfInput { break }
    }
    return outcomes
  }

  @Test func pipedLinesIncludingALastLineWithoutNewline() {
    #expect(
      plainLines(Array("支出 2010301 行政运行 120000\n\n收入 一般公共预算拨款 5000".utf8)) == [
        .line("支出 2010301 行政运行 120000", repaired: false),
        .line("", repaired: false),
        .line("收入 一般公共预算拨款 5000", repaired: false),
        .endOfInput,
      ])
  }

  @Test func windowsLineEndsAndByteOrderMarkAreDropped() {
    #expect(
      plainLines([0xEF, 0xBB, 0xBF] + Array("单位：示例办\r\n年度：2025\r\n".utf8)) == [
        .line("单位：示例办", repaired: false),
        .line("年度：2025", repaired: false),
        .endOfInput,
      ])
  }

  /// Issue 14 (3): a lone `\r` ends a line too (old Mac files), also when the `\n` of a CRLF comes in a later read.
  @Test func oldMacLineEndsEndLines() {
    #expect(
      plainLines(Array("职责 \"甲\"\r任务 \"乙\"\r\r收入 5\r".utf8)) == [
        .line("职责 \"甲\"", repaired: false),
        .line("任务 \"乙\"", repaired: false),
        .line("", repaired: false),
        .line("收入 5", repaired: false),
        .endOfInput,
      ])
    // A CRLF split between two reads of the pipe is still one line end.
    let bytes = Array(String(repeating: "x", count: 65_535).utf8) + Array("\r\nb\n".utf8)
    #expect(plainLines(bytes) == [.line(String(repeating: "x", count: 65_535), repaired: false), .line("b", repaired: false), .endOfInput])
  }

  @Test func bytesThatAreNotUTF8AreReplacedAndReported() {
    // "行政" in GBK, then a valid line: the reader goes on after the bad one.
    #expect(
      plainLines([0xD0, 0xD0, 0xD5, 0xFE, 0x0A] + Array("好\n".utf8)) == [
        .line("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}", repaired: true),
        .line("好", repaired: false),
        .endOfInput,
      ])
  }

  @Test func emptyInputEndsAtOnce() {
    #expect(plainLines([]) == [.endOfInput])
  }

  @Test func longInputSpanningManyReads() {
    let lines = (1...20000).map { "第\($0)行 行政运行" }
    let outcomes = plainLines(Array(lines.joined(separator: "\n").utf8))
    #expect(outcomes.count == 20001)
    #expect(outcomes[19999] == .line("第20000行 行政运行", repaired: false))
  }

  // MARK: Completion: word starts, common prefixes, libedit's matches

  @Test(arguments: [
    ("支出 行政运", 6, 3),  // after a space
    ("支出，行政运", 6, 3),  // full-width comma
    ("科目、行政运", 6, 3),  // enumeration comma
    ("金额：12", 5, 3),  // full-width colon
    ("（行政运", 4, 1),  // full-width parenthesis
    ("行政运", 3, 0),  // whole line
    ("支出 行政运行", 5, 3),  // cursor inside a word: the part before the cursor
    ("支出 ", 3, 3),  // nothing typed yet
    ("", 0, 0),
  ])
  func wordStart(line: String, cursor: Int, start: Int) {
    #expect(LineEditor.wordStart(in: line, cursor: cursor) == start)
  }

  @Test func commonPrefixNeverSplitsACharacter() {
    #expect(CompletionPlan.commonPrefix(["2010301", "2010302", "2010399"]) == "20103")
    #expect(CompletionPlan.commonPrefix(["行政运行", "行政管理"]) == "行政")
    #expect(CompletionPlan.commonPrefix(["行政", "行"]) == "行")
    #expect(CompletionPlan.commonPrefix(["一般", "行政"]) == "")
    #expect(CompletionPlan.commonPrefix([]) == "")
  }

  @Test func scalarOffsetsBecomeCharacterOffsets() {
    #expect(CompletionPlan.characterOffset(ofScalarOffset: 3, in: "支出 行政") == 3)
    // "é" written as e + combining accent: two scalars, one character.
    #expect(CompletionPlan.characterOffset(ofScalarOffset: 3, in: "cafe\u{301} 行") == 3)
    #expect(CompletionPlan.characterOffset(ofScalarOffset: 6, in: "cafe\u{301} 行") == 5)
    #expect(CompletionPlan.characterOffset(ofScalarOffset: 99, in: "行政") == 2)
  }

  let codes = [
    Completion.Candidate("2010301", display: "2010301 行政运行"),
    Completion.Candidate("2010302", display: "2010302 一般行政管理事务"),
  ]

  @Test func aNameFragmentIsReplacedByTheOnlyCode() {
    let completion = Completion(start: 3, candidates: [codes[0]])
    #expect(CompletionPlan.matches(line: "支出 行政运", cursor: 6, libeditStart: 3, completion: completion) == ["2010301"])
  }

  @Test func severalCodesInsertTheirCommonPrefixWhenItExtendsWhatWasTyped() {
    let completion = Completion(start: 3, candidates: codes)
    #expect(
      CompletionPlan.matches(line: "支出 2010", cursor: 7, libeditStart: 3, completion: completion)
        == ["201030", "2010301 行政运行", "2010302 一般行政管理事务"])
    // "行政" is not a prefix of "201030": keep what was typed, only list.
    #expect(
      CompletionPlan.matches(line: "支出 行政", cursor: 5, libeditStart: 3, completion: completion)
        == ["", "2010301 行政运行", "2010302 一般行政管理事务"])
  }

  @Test func aCompletionStartingAfterLibeditsWordKeepsTheTextBetween() {
    // The completer completes only after "功能-" while libedit's word starts at "功能".
    let completion = Completion(start: 6, replacements: ["2010301"])
    #expect(CompletionPlan.matches(line: "支出 功能-行政", cursor: 8, libeditStart: 3, completion: completion) == ["功能-2010301"])
  }

  @Test func aCompletionStartingBeforeLibeditsWordUsesOnlyCandidatesThatFit() {
    // libedit's word starts after "，"; the completer wants to replace "甲，乙".
    let completion = Completion(start: 0, replacements: ["甲，乙丙", "丁"])
    #expect(CompletionPlan.matches(line: "甲，乙", cursor: 3, libeditStart: 2, completion: completion) == ["乙丙"])
  }

  @Test func noCandidatesMeansNoMatches() {
    #expect(CompletionPlan.matches(line: "行政", cursor: 2, libeditStart: 0, completion: .none) == nil)
  }

  @Test func listedEntriesLineUpDespiteCJK() {
    let width: (String) -> Int = { $0.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.value != 0xA0 ? 2 : 1) } }
    let entries = CompletionPlan.alignedForListing(["2010301 行政运行", "2010302 一般行政管理事务"], columns: width)
    // libedit's column: width + (longest byte count - byte count) must be the same for all.
    let longest = entries.map(\.utf8.count).max()!
    let taken = entries.map { width($0) + longest - $0.utf8.count }
    #expect(taken[0] == taken[1])
    #expect(entries[1] == "2010302 一般行政管理事务")
  }

  @Test func theLineIsRebuiltFromLibeditsTruncatedCopyAndTheWord() {
    // libedit's copy lacks the last byte; the word (start..<end) is exact.
    func rebuilt(_ line: String, word: String, start: Int, end: Int) -> String {
      CompletionPlan.reconstructedLine(
        truncatedCopy: Array(line.utf8.dropLast()), word: word, start: start, end: end, scalarCount: line.unicodeScalars.count)
    }
    #expect(rebuilt("支出 行政运", word: "行政运", start: 3, end: 6) == "支出 行政运")
    #expect(rebuilt("支出，", word: "", start: 3, end: 3) == "支出，")  // a full-width break before the cursor
    #expect(rebuilt("支出 ", word: "", start: 3, end: 3) == "支出 ")
    #expect(rebuilt("行政 x", word: "行政", start: 0, end: 2) == "行政  ")  // a last ASCII character after the cursor is lost
    #expect(
      rebuilt(String(repeating: "中", count: 400) + " 行政运", word: "行政运", start: 401, end: 404)
        == String(repeating: "中", count: 400) + " 行政运")
    #expect(CompletionPlan.reconstructedLine(truncatedCopy: [], word: "", start: 0, end: 0, scalarCount: 0) == "")
  }

  // MARK: History file

  func temporaryHistoryPath() -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("yusuan-history-\(UUID().uuidString)/sub/history").path
  }

  @Test func historySurvivesASessionWithoutBlanksOrRepeats() {
    let path = temporaryHistoryPath()
    let first = LineEditor(historyFile: path, completer: nil)
    for line in ["支出 2010301 120000", "支出 2010301 120000", "", "   ", "收入 5000", "两行\n合一"] {
      first.add(history: line)
    }
    #expect(first.history == ["支出 2010301 120000", "收入 5000", "两行 合一"])

    let second = LineEditor(historyFile: path, completer: nil)
    #expect(second.history == ["支出 2010301 120000", "收入 5000", "两行 合一"])
    second.add(history: "两行 合一")  // repeats the last entry of the previous session
    second.add(history: "检查")
    #expect(LineEditor(historyFile: path, completer: nil).history == ["支出 2010301 120000", "收入 5000", "两行 合一", "检查"])
  }

  @Test func historyFileIsCleanedAndCompactedOnLoad() throws {
    let path = temporaryHistoryPath()
    let file = HistoryFile(path: path, limit: 3)
    file.append("a")
    let text = "a\r\nb\n\nb\nc\nd\ne\nf\ng\n"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    #expect(file.load() == ["e", "f", "g"])
    // More than twice the limit: rewritten to the kept entries.
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "e\nf\ng\n")
  }

  @Test func noHistoryFileKeepsHistoryInMemory() {
    let editor = LineEditor(historyFile: nil, completer: nil)
    editor.add(history: "检查")
    #expect(editor.history == ["检查"])
  }
}
