import YusuanCore

/// A 科目 printed with its code and name in one cell (`201 一般公共服务支出`, `2010501行政运行`, `[20105]统计信息事务`,
/// `2010501-行政运行`), as many provinces print it: split into a 科目编码 column and the name, so the code hierarchy is
/// read as in any coded table (adding 类, 款 and 项 rows together would double every total). Found when most body
/// rows of the first column read so; a row that does not (合计) keeps its text as the name.
package enum CodeNameCells {
  package static let pattern = #"^[\[【〔(（]?(\d{3}|\d{5}|\d{7})[\]】〕)）]?[\s\-－—:：、.．]*(?=[\p{Han}“"（(])"#

  /// The code and the name of one cell, or nil when it is not a code then a name.
  package static func split(_ cell: String) -> (code: String, name: String)? {
    let t = cell.trimmingBlanks()
    guard let r = t.match(pattern) else { return nil }
    let code = String(t[r].filter { $0.isASCII && $0.isNumber })
    return (code, String(t[r.upperBound...]).trimmingBlanks())
  }

  /// Whether the table's first column holds code-and-name cells: at least two rows and most of the rows with text.
  package static func applies(headers: [[String]], body: [[String]]) -> Bool {
    // A table with a code column of its own does not need it.
    if headers.contains(where: { $0.contains { $0.contains("编码") || $0.contains("代码") || NameKey.of($0) == "类" } }) { return false }
    let firsts = body.compactMap { $0.first?.trimmingBlanks() }.filter { !$0.isEmpty }
    let coded = firsts.filter { split($0) != nil }.count
    return coded >= 2 && coded * 3 >= firsts.count * 2
  }

  static func header(_ row: [String]) -> [String] {
    guard let first = row.first else { return row }
    return ["科目编码", first] + row.dropFirst()
  }

  static func row(_ cells: [String]) -> [String] {
    guard let first = cells.first else { return cells }
    if let s = split(first) { return [s.code, s.name] + cells.dropFirst() }
    return ["", first] + cells.dropFirst()
  }
}
