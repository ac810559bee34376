import Foundation
import Reading
import YusuanCore

/// `audit.prose.subject` (error): a figure the prose states for a 科目 named by its whole path —
/// `“一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元` or `“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元`
/// — is not what the tables print for that 科目. The path picks the one row (行政运行 exists under many 款), so
/// the check is exact: the row's 合计, in 万元 half-up when the table is in 元.
/// `audit.prose.subject-change` (error): the same item's `执行数为A万元，安排B万元，比上年执行数增加/减少P%` —
/// P or its direction disagree with A and B, or 持平 is said of two different figures.
/// Paths no table prints are listed once as not checked (info), never guessed.
enum SubjectPathRule {
  struct Item {
    var path: [String]
    var amount: ProseAmount
    var prior: ProseAmount?
    var stated: (word: String, percent: PrintedPercent)?
  }

  static let bracketPath = try! NSRegularExpression(
    pattern: #"([^“”"，。；：、（）()]{2,40}?)[（(]类[)）]\s*([^“”"，。；（）()]{2,40}?(?:[（(][^类款项)）]{1,6}[)）][^“”"，。；（）()]{0,30}?)?)[（(]款[)）]\s*([^“”"，。；]{2,60}?)[（(]项[)）]"#
  )
  static let dashPath = try! NSRegularExpression(pattern: #"[“"]([^“”"，。；-]{2,40})[-－—]([^“”"，。；-]{2,60})[-－—]([^“”"，。；-]{2,60})[”"]"#)

  static func items(_ sp: ScannedParagraph) -> [Item] {
    let text = ProseScanner.normalize(sp.paragraph.text)
    let ns = text as NSString
    var out: [Item] = []
    let matches =
      (bracketPath.matches(in: text, range: NSRange(location: 0, length: ns.length))
      + dashPath.matches(in: text, range: NSRange(location: 0, length: ns.length))).sorted { $0.range.location < $1.range.location }
    for (k, m) in matches.enumerated() {
      var path = (1...3).map { ns.substring(with: m.range(at: $0)).trimmingCharacters(in: CharacterSet(charactersIn: "“”\" ")) }
      // An item's number is not part of the 类 name: 1.一般公共服务支出（类）….
      path[0] = Heuristics.itemName(path[0])
      let end = k + 1 < matches.count ? matches[k + 1].range.location : ns.length
      // The amounts of this item: those after the path, before the next path and within its sentence.
      let sentenceEnd = ns.range(of: "。", range: NSRange(location: NSMaxRange(m.range), length: end - NSMaxRange(m.range))).location
      let stop = sentenceEnd == NSNotFound ? end : sentenceEnd
      let own = sp.amounts.filter { $0.range.location >= NSMaxRange(m.range) && $0.range.location < stop }
      guard var current = own.first else { continue }
      var prior: ProseAmount? = nil
      // 执行数为A万元，安排B万元: the first is last year's, the figure of this year follows 安排.
      let head = ns.substring(with: NSRange(location: NSMaxRange(m.range), length: current.range.location - NSMaxRange(m.range)))
      if head.contains("执行数"), own.count >= 2 { prior = current; current = own[1] }
      var stated: (String, PrintedPercent)? = nil
      let tail = ns.substring(with: NSRange(location: NSMaxRange(current.range), length: stop - NSMaxRange(current.range)))
      if tail.contains("持平") || tail.contains("无变化") {
        stated = ("持平", PrintedPercent("0")!)
      } else if let r = tail.match(#"(增加|减少|增长|下降)\s*(\d+(?:\.\d+)?)\s*%"#) {
        let piece = String(tail[r])
        let word = String(piece.prefix(2))
        if let p = PrintedPercent(String(piece.dropFirst(2)).trimmingBlanks()) { stated = (word, p) }
      }
      out.append(Item(path: path, amount: current, prior: prior, stated: stated))
    }
    return out
  }

  /// The printed row of a 项 whose 类, 款 and 项 names are the path, in the function-coded tables.
  static func figure(for path: [String], in doc: AuditDocument) -> (table: AuditTable, row: AuditRow, amount: Amount)? {
    let keys = path.map { NameKey.of($0).replacingOccurrences(of: " ", with: "") }
    for kind in [TableKind.general, .expenditure, .revenue] {
      for t in doc.tables(kind) {
        let shape = TableShape(t)
        guard let cc = shape.codeColumn, let amountColumn = shape.amountColumns.first else { continue }
        var names: [String: String] = [:]
        for row in t.rows where TableReading.isCode(row.cell(cc)) { names[row.cell(cc)] = NameKey.of(row.cell(cc + 1)).replacingOccurrences(of: " ", with: "") }
        for row in t.rows {
          let code = row.cell(cc)
          guard code.count == 7, names[code] == keys[2], names[String(code.prefix(5))] == keys[1], names[String(code.prefix(3))] == keys[0],
            let v = t.value(row, amountColumn).value
          else { continue }
          return (t, row, v)
        }
      }
    }
    return nil
  }

  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    var unresolved: [String] = []
    let hasTables = c.document.tables.contains { $0.kind.isFunctionCoded && !$0.isEmptyTable }
    for sp in c.scanned {
      for item in items(sp) {
        let m = c.money(in: sp)
        let name = item.path.joined(separator: "-")
        if let p = item.prior, let s = item.stated, s.word == "持平" {
          if p.amount != item.amount.amount {
            out.append(
              c.at(
                sp.paragraph, .proseSubjectChange, .error,
                "「\(name)」执行数 \(m(p.amount))\(m.word)、安排 \(m(item.amount.amount))\(m.word)，并不持平，文中却写“持平”。",
                expected: item.amount.amount > p.amount ? "增加" : "减少", actual: "持平"))
          }
        } else if let p = item.prior, let s = item.stated {
          let up = item.amount.amount > p.amount, down = item.amount.amount < p.amount
          let saysUp = s.word == "增加" || s.word == "增长", saysDown = !saysUp
          if (up && saysDown) || (down && saysUp) {
            out.append(
              c.at(
                sp.paragraph, .proseSubjectChange, .error,
                "「\(name)」执行数 \(m(p.amount))\(m.word)、安排 \(m(item.amount.amount))\(m.word)，是\(up ? "增加" : "减少")，文中却写“\(s.word)\(s.percent.text)”。",
                expected: up ? "增加" : "减少", actual: s.word))
          } else if !p.amount.isZero, !s.percent.agrees((item.amount.amount - p.amount).magnitude, p.amount) {
            let right =
              PrintedPercent.ratio((item.amount.amount - p.amount).magnitude, p.amount, decimals: s.percent.decimals).map {
                PrintedPercent.format($0, decimals: s.percent.decimals)
              } ?? "—"
            out.append(
              c.at(
                sp.paragraph, .proseSubjectChange, .error,
                "「\(name)」执行数 \(m(p.amount))\(m.word)、安排 \(m(item.amount.amount))\(m.word)，变化为 \(PrintedPercent.working(in: m.unit, (item.amount.amount - p.amount).magnitude, p.amount))，应写 \(right)，文中写 \(s.percent.text)。",
                expected: right, actual: s.percent.text))
          }
        }
        guard hasTables else { continue }
        guard let f = figure(for: item.path, in: c.document) else { unresolved.append(name); continue }
        let p = item.amount
        if p.truncates(f.amount) {
          out.append(
            c.at(
              sp.paragraph, .proseTruncated, .warning,
              "说明中「\(name)」\(p.text)是把表中的 \(f.table.show(t: f.row)) 截尾而不是四舍五入，四舍五入应为 \(p.rounding(f.amount))\(p.unit.rawValue)。",
              expected: p.rounding(f.amount), actual: p.rounding(p.amount)))
        } else if !p.states(f.amount) {
          out.append(
            c.at(
              sp.paragraph, .proseSubject, .error,
              "说明中「\(name)」\(p.text)，而\(f.table.ref)中该科目（\(f.row.cell(TableShape(f.table).codeColumn ?? 0))）为 \(f.table.show(t: f.row))\(f.table.moneyUnit == p.unit ? "" : "，即 \(p.shown(f.amount))\(p.unit.rawValue)")。",
              expected: p.shown(f.amount), actual: p.shown(p.amount)))
        }
      }
    }
    if !unresolved.isEmpty {
      out.append(
        c.at(
          document: .proseSubject, .info,
          "未能核对 \(unresolved.count) 处按科目列出的金额：表中找不到名称相同的类、款、项（\(unresolved.prefix(5).joined(separator: "；"))\(unresolved.count > 5 ? " 等" : "")）。请对照预算表人工核对。"))
    }
    return out
  }
}

extension AuditTable {
  /// The first figure of a row as printed, in the table's unit (for messages).
  func show(t row: AuditRow) -> String {
    let shape = TableShape(self)
    guard let col = shape.amountColumns.first, let v = value(row, col).value else { return "—" }
    return show(v) + moneyUnit.rawValue
  }
}
