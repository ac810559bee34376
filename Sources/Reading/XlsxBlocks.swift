import Foundation
import YusuanCore

/// A workbook of budget tables (the 部门预算表 attachment, one sheet a table or all on one) read into the blocks
/// every reader produces: each row with text is a row block of its sheet (titles, units and notes among them are
/// recognised by the assembler as in any table), except a cell of running prose (a sheet of 部门主要职能), which is
/// a paragraph. Line numbers are Excel's row numbers. Figures are read as stored, without a spreadsheet's binary
/// noise (1467842.0000000002 is 1467842.00).
package enum XlsxBlocks {
  package static func blocks(_ data: Data, name: String) throws -> [Block] {
    let sheets: [XlsxRows.Sheet]
    do { sheets = try XlsxRows.sheets(data, name: name) } catch let f as XlsxRows.Failure { throw AuditReadError(f.description) }
    var out: [Block] = []
    for (k, sheet) in sheets.enumerated() {
      // A sheet stores a row only up to its last filled cell: rows are padded to the sheet's width, as printed.
      let width = sheet.rows.map { row in (row.lastIndex { !$0.trimmingBlanks().isEmpty } ?? -1) + 1 }.max() ?? 0
      for (i, raw) in sheet.rows.enumerated() {
        var cells = raw.map { cleanNumber($0.trimmingBlanks()) }
        while cells.last?.isEmpty == true { cells.removeLast() }
        let filled = cells.filter { !$0.isEmpty }
        guard let only = filled.first else { continue }
        let line = i < sheet.rowNumbers.count ? sheet.rowNumbers[i] : i + 1
        if filled.count == 1, only.count > 40 || only.contains("。") {
          // Prose in one cell, possibly several paragraphs.
          for para in only.split(whereSeparator: \.isNewline).map({ String($0).trimmingBlanks() }) where !para.isEmpty {
            out.append(.text(para, line: line))
          }
          continue
        }
        out.append(.row(cells + Array(repeating: "", count: max(0, width - cells.count)), line: line, group: k + 1))
      }
    }
    return out
  }

  /// A stored figure with binary noise past the cent (a formula's 1467842.0000000002) as it is displayed; any
  /// other text unchanged, so a real third decimal is still seen.
  static func cleanNumber(_ s: String) -> String {
    guard s.match(#"^-?\d+\.\d{6,}$"#) != nil, let d = Decimal(string: s) else { return s }
    var value = d, rounded = Decimal()
    NSDecimalRound(&rounded, &value, 2, .plain)
    var diff = (rounded - d).magnitude
    var tiny = Decimal(string: "0.000001")!
    guard NSDecimalCompare(&diff, &tiny) == .orderedAscending else { return s }
    let f = NumberFormatter()
    f.locale = Locale(identifier: "en_US_POSIX"); f.minimumFractionDigits = 2; f.maximumFractionDigits = 2; f.usesGroupingSeparator = false
    return f.string(from: rounded as NSDecimalNumber) ?? s
  }
}
