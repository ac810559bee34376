import Reading
import YusuanCore

/// `audit.sum.two-sided` (error): the 收支总表 and 财政拨款收支总表 print 收入 on the left and 支出 on the right.
/// Each side's 本年小计 must be the sum of its numbered items (一、二、…), each 总计 must be 本年 + 结转, and
/// 收入总计 must equal 支出总计.
enum TwoSidedRule {
  static let ordinal = #"^[一二三四五六七八九十]+[、.．]"#

  struct Side {
    var name: String
    var labelColumn: Int
    var amountColumns: [Int]
    var items: [AuditRow] = []
    var subtotal: AuditRow?
    var carry: AuditRow?
    var total: AuditRow?
  }

  static func run(_ c: AuditContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for t in c.document.tables where t.kind.isTwoSided {
      let shape = TableShape(t)
      guard let split = shape.splitColumn, let left = shape.labelColumns.first else { continue }
      var sides = [
        Side(name: "收入", labelColumn: left, amountColumns: shape.amountColumns.filter { $0 < split }),
        Side(name: "支出", labelColumn: split, amountColumns: shape.amountColumns.filter { $0 > split }),
      ]
      for i in sides.indices {
        for row in t.rows {
          let label = NameKey.of(row.cell(sides[i].labelColumn))
          if label.isEmpty { continue }
          if label.match(ordinal) != nil {
            sides[i].items.append(row)
          } else if label.contains("本年") && (label.contains("小计") || label.contains("合计")) {
            sides[i].subtotal = row
          } else if label == "上年结转" || label == "结转下年" || label.hasPrefix("上年结转") && label.count <= 6 {
            sides[i].carry = row
          } else if label.contains("总计") {
            sides[i].total = row
          }
        }
        out += check(c, t, sides[i])
      }
      if let rt = sides[0].total, let et = sides[1].total, let rc = sides[0].amountColumns.first, let ec = sides[1].amountColumns.first,
        let r = t.value(rt, rc).value, let e = t.value(et, ec).value, r != e
      {
        out.append(
          c.at(
            t, row: "收入总计/支出总计", .sumTwoSided, .error,
            "\(t.ref)收入总计 \(t.show(r)) 与支出总计 \(t.show(e)) 不相等：收支总表两边必须平衡。", expected: t.show(r), actual: t.show(e)))
      }
    }
    return out
  }

  static func check(_ c: AuditContext, _ t: AuditTable, _ s: Side) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for col in s.amountColumns {
      if let sub = s.subtotal, !s.items.isEmpty, let declared = t.value(sub, col).value {
        let values = s.items.map { t.value($0, col).value }
        if !values.contains(where: { $0 == nil }) {
          let sum = values.compactMap { $0 }.sum()
          if sum != declared {
            out.append(
              c.at(
                t, row: sub.cell(s.labelColumn), column: t.columnName(col), .sumTwoSided, .error,
                "\(t.ref)\(s.name)方“\(sub.cell(s.labelColumn))”印 \(t.show(declared))，而各\(s.name)项目之和为 \(t.show(sum))。",
                expected: t.show(sum), actual: t.show(declared)))
          }
        }
      }
      if let sub = s.subtotal, let tot = s.total, let a = t.value(sub, col).value, let total = t.value(tot, col).value {
        let carry = s.carry.flatMap { t.value($0, col).value } ?? .zero
        if a + carry != total {
          out.append(
            c.at(
              t, row: tot.cell(s.labelColumn), column: t.columnName(col), .sumTwoSided, .error,
              "\(t.ref)\(s.name)方总计印 \(t.show(total))，而本年 \(t.show(a)) + 结转 \(t.show(carry)) = \(t.show(a + carry))。",
              expected: t.show(a + carry), actual: t.show(total)))
        }
      }
    }
    return out
  }
}
