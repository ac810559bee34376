import Reading
import YusuanCore

/// Year-on-year changes in prose (比20XX年…增加/减少X万元，增长/下降Y%), checked against their own arithmetic
/// (上年 = 本年 − 增减额, DESIGN §4):
/// - `audit.prose.change-percent` (error): Y is not X ÷ 上年 at the printed precision (增加0.7万元，增加2% on 43.6).
/// - `audit.prose.new-item` (error): a percentage on a line whose prior year was zero; it should say 新增.
/// - `audit.prose.change-direction` (error): 增加 with 下降 (or the reverse).
/// - `audit.prose.change-impossible` (error): a change that leaves last year's figure negative (增加 more than this
///   year's figure).
/// - `audit.prose.zero-change` (warning): 增加0万元，增长0% instead of 与上年持平.
/// - `audit.prose.percent-format` (warning, or info when only the look differs): percentages not printed with the
///   document's decimals, with the correct values (`PercentPrecision`).
enum ChangeRule {
  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let precision = c.percentPrecision
    for sp in c.scanned {
      let m = c.money(in: sp)
      var format: [(pct: PrintedPercent, right: String, breach: PercentPrecision.Breach)] = []
      for ch in sp.changes {
        let p = sp.paragraph
        let quote = "「\(ch.excerpt)」"
        if ch.direction == 0 { continue }
        // The direction needs no figure of this year: 减0.04万元，增0.01% contradicts itself.
        if let pct = ch.percent, let word = ch.percentWord, ["增长", "增加", "上升"].contains(word) != (ch.direction > 0) {
          out.append(c.at(p, .proseChangeDirection, .error, "\(quote)：金额\(ch.direction > 0 ? "增加" : "减少")，百分比却写“\(word)\(pct.text)”。", actual: word))
        }
        guard let cur = ch.current?.amount else { continue }
        if ch.delta.isZero {
          out.append(c.at(p, .proseZeroChange, .warning, "\(quote)：变化为0，应写“与\(ch.priorLabel)持平”，不写增加0万元、增长0%。", expected: "与上年持平", actual: ch.excerpt))
          continue
        }
        let prior = cur - ch.signedDelta
        if prior.isNegative {
          out.append(
            c.at(
              p, .proseChangeImpossible, .error, "\(quote)：\(ch.direction > 0 ? "增加额" : "减少额") \(m(ch.delta)) 大于本年数 \(m(cur))，上年数成了负数，数字有误。", actual: ch.excerpt
            ))
          continue
        }
        guard let pct = ch.percent, let word = ch.percentWord else { continue }
        if prior.isZero {
          out.append(
            c.at(
              p, .proseNewItem, .error,
              "\(quote)：上年为0（本年 \(m(cur)) − 增加 \(m(ch.delta)) = 0），增长率无从计算，应写“新增\(m(ch.delta))\(m.word)”，不写“\(word)\(pct.text)”。",
              expected: "新增\(m(ch.delta))\(m.word)", actual: "\(word)\(pct.text)"))
          continue
        }
        let right = PrintedPercent.twoDecimals(ch.delta, prior) ?? "?"
        if !pct.agrees(ch.delta, prior) {
          out.append(
            c.at(
              p, .proseChangePercent, .error,
              "\(quote)：上年为 \(m(prior))（\(m(cur)) \(ch.direction > 0 ? "−" : "+") \(m(ch.delta))），\(PrintedPercent.working(in: m.unit, ch.delta, prior))，应为 \(right)，印作 \(pct.text)。",
              expected: right, actual: pct.text))
        }
        if let b = precision.breach(pct, ch.delta, prior) { format.append((pct, right, b)) }
      }
      out += precision.findings(c, sp.paragraph, "增减百分比", format)
    }
    return out
  }
}
