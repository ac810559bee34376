import Testing
@testable import YusuanCore

/// Number entry: every form officers type, accepted or refused with the reason.
struct AmountParserTests {
  /// Accepted input → exact 万元 value with two decimals (as printed), and the exact fen.
  @Test(arguments: [
    ("1234.56", "1234.56", Int64(1_234_560_000)),
    ("1,234.56", "1234.56", 1_234_560_000),
    ("１２３．４５", "123.45", 123_450_000),
    ("１，２３４．５", "1234.50", 1_234_500_000),
    ("12.5万元", "12.50", 12_500_000),
    ("12.5万", "12.50", 12_500_000),
    ("3000元", "0.30", 300_000),
    ("1234.56元", "0.12", 123_456),
    (" 74 ", "74.00", 74_000_000),
    ("0", "0.00", 0),
    ("20", "20.00", 20_000_000),
    ("123。45", "123.45", 123_450_000),
    ("1,234,567.8", "1234567.80", 1_234_567_800_000),
    ("+5", "5.00", 5_000_000),
  ])
  func accepts(input: String, wan: String, fen: Int64) throws {
    let a = try AmountParser.parse(input).get()
    #expect(a.wan == wan)
    #expect(a.fen == fen)
  }

  /// Refused input → the reason, and a message in Chinese that shows a valid example.
  @Test(arguments: [
    ("457.90.", AmountInputError.Reason.misplacedSeparator),
    ("12.345", .tooManyDecimals(unit: .wan, allowed: 2)),
    ("12.345元", .tooManyDecimals(unit: .yuan, allowed: 2)),
    ("abc", .invalidCharacter("a")),
    ("12a", .invalidCharacter("a")),
    ("-5", .negativeNotAllowed),
    ("－5", .negativeNotAllowed),
    ("", .empty),
    ("万元", .empty),
    ("1,23.4", .misplacedSeparator),
    ("1234,567", .misplacedSeparator),
    (".5", .misplacedSeparator),
    ("5.", .misplacedSeparator),
    ("99999999999999999999", .tooLarge),
    ("1 234", .invalidCharacter(" ")),
  ])
  func refuses(input: String, reason: AmountInputError.Reason) {
    switch AmountParser.parse(input) {
    case .success(let a): Issue.record("accepted \(input) as \(a)")
    case .failure(let e):
      #expect(e.reason == reason)
      #expect(e.message.contains("“") || reason == .empty)
      #expect(e.message.contains("例"))
    }
  }

  @Test func negativeAllowedWhereAsked() throws {
    #expect(try AmountParser.parse("-36.35", allowNegative: true).get() == Amount(wanCents: -3635))
  }

  @Test func displayRoundsHalfUp() {
    #expect(Amount(fen: 6_124_150).wan == "6.12")  // 6.12415 万元
    #expect(Amount(fen: 6_125_000).wan == "6.13")  // 6.125 → 6.13
    #expect(Amount(fen: -6_125_000).wan == "-6.13")
  }

  /// What export writes, run reads back to the same amount, whether entered in 万元 or 元.
  @Test(arguments: ["0.26", "74", "612.42", "1234.56元", "3000元", "0.01元"])
  func scriptTextRoundTrips(input: String) throws {
    let a = try AmountParser.parse(input).get()
    #expect(try AmountParser.parse(a.scriptText).get() == a)
  }

  /// Shares and changes: each its own ratio, rounded half-up to two decimals (DESIGN §4).
  @Test(arguments: [
    (Int64(1590), Int64(61242), "2.60%"),  // the 2024 seed printed 2.59%
    (48655, 61242, "79.45%"),
    (2078, 52585, "3.95%"),  // the 2021 seed printed 3%
    (23325, 52585, "44.36%"),  // the 2021 seed printed 44.35%
    (1, 3, "33.33%"),
    (2, 3, "66.67%"),
  ])
  func shares(part: Int64, whole: Int64, printed: String) {
    #expect(Ratio.share(Amount(wanCents: part), of: Amount(wanCents: whole)) == printed)
  }

  @Test func shareOfZeroIsUndefined() {
    #expect(Ratio.share(Amount(wanCents: 5), of: .zero) == nil)
  }
}
