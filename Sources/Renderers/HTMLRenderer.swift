// One self-contained page for the 预决算公开专栏: no scripts, no external resources (the column's CMS
// often strips them, and a published page must not depend on another server), readable on a phone.
import Foundation
import YusuanCore

public enum HTMLRenderer: DocumentRenderer {
  public static let fileExtension = "html"

  public static func render(_ doc: PublishedDocument) throws -> Data { Data(renderString(doc).utf8) }

  public static func renderString(_ doc: PublishedDocument) -> String {
    var h = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(esc(doc.title))\(doc.draft ? "（草稿）" : "")</title>
      <style>\(css)</style>
      </head>
      <body\(doc.draft ? " class=\"draft\"" : "")>

      """
    if doc.draft {
      h += "<div class=\"draft-banner\" role=\"note\">草稿 — 本文件尚有未解决的问题，不得公开</div>\n"
      h += "<div class=\"draft-mark\" aria-hidden=\"true\">草稿</div>\n"
    }
    h += "<main>\n<h1>\(esc(doc.title))</h1>\n"
    if let cover = doc.cover {
      h += "<section class=\"cover\">\n" + cover.filter { !$0.isEmpty }.map { "<p class=\"table-title\">\(esc($0))</p>\n" }.joined() + "</section>\n"
    }
    if let contents = doc.contents {
      h += "<nav class=\"contents\">\n<h2>\(esc(contents.title))</h2>\n"
      h += contents.lines.map { "<p\($0.level > 1 ? " style=\"margin-left:2em\"" : "")>\(esc($0.text))</p>\n" }.joined() + "</nav>\n"
    }
    // Element ids are unique in a page: a table printed twice (one 绩效目标表 per project) gets -2, -3 …
    var ids: [String: Int] = [:]
    for part in doc.parts {
      h += "<section class=\"part\">\n" + (part.title.isEmpty ? "" : "<h2>\(esc(part.title))</h2>\n")
      for block in part.blocks {
        switch block {
        case .heading(let level, let text):
          let tag = "h\(min(max(level, 1), 3) + 2)"
          h += "<\(tag)>\(esc(text))</\(tag)>\n"
        case .paragraph(let text):
          h += "<p>\(lines(text))</p>\n"
        case .table(let table):
          ids[table.id, default: 0] += 1
          let n = ids[table.id]!
          h += tableHTML(table, id: n == 1 ? table.id : "\(table.id)-\(n)")
        }
      }
      h += "</section>\n"
    }
    h += "</main>\n</body>\n</html>\n"
    return h
  }

  static func tableHTML(_ table: DocTable, id: String? = nil) -> String {
    let layout = TableLayout(table)
    // The caption (label, title, unit) must be the figure's first child.
    var h = "<figure class=\"table\" id=\"\(esc(id ?? table.id))\">\n<figcaption>\n"
    if let label = table.label, !label.isEmpty { h += "<p class=\"table-label\">\(esc(label))</p>\n" }
    h += "<p class=\"table-title\">\(esc(table.title))</p>\n"
    if let preparer = table.preparer {
      h += "<p class=\"table-unit\" style=\"display:flex;justify-content:space-between\"><span>\(esc(preparer))</span><span>\(esc(table.unit))</span></p>\n"
    } else if !table.unit.isEmpty {
      h += "<p class=\"table-unit\">\(esc(table.unit))</p>\n"
    }
    h += "</figcaption>\n"
    h += "<div class=\"table-wrap\" tabindex=\"0\">\n<table>\n"
    if layout.headerRowCount > 0 {
      h += "<thead>\n"
      for r in 0..<layout.headerRowCount {
        h += "<tr>"
        for c in 0..<layout.columnCount {
          if let cell = layout.cellStarting(row: r, col: c) {
            var attrs = ""
            if cell.colSpan > 1 { attrs += " colspan=\"\(cell.colSpan)\"" }
            if cell.rowSpan > 1 { attrs += " rowspan=\"\(cell.rowSpan)\"" }
            // A header over several columns heads a group of them (screen readers announce it for each).
            attrs += cell.colSpan == 1 ? " scope=\"col\"" : " scope=\"colgroup\""
            h += "<th\(attrs)>\(esc(cell.text))</th>"
          } else if layout.cellCovering(row: r, col: c) == nil {
            h += "<th></th>"
          }
        }
        h += "</tr>\n"
      }
      h += "</thead>\n"
    }
    h += "<tbody>\n"
    for (rowIndex, row) in table.rows.enumerated() {
      if row.kind == .emptyMarker {
        h += "<tr class=\"empty\"><td colspan=\"\(layout.columnCount)\">\(esc(TableLayout.emptyMarkerText(row)))</td></tr>\n"
        continue
      }
      let cls = row.kind == .detail ? "" : " class=\"\(row.kind.rawValue)\""
      h += "<tr\(cls)>"
      for (c, cell) in layout.cells(of: row).enumerated() {
        let merge = layout.merge(row: rowIndex, col: c)
        if merge.covered { continue }
        var classes: [String] = []
        // Bold by cell where the row says so (a two-sided table's 收入 total beside an ordinary 类).
        if row.bold != nil { classes.append(row.isBold(c) ? "b" : "n") }
        switch layout.columns[c].kind {
        case .code: classes.append("code")
        case .amount, .count: classes.append("num")
        case .text: break
        }
        if case .amount = cell, !classes.contains("num") { classes.append("num") }
        if case .count = cell, !classes.contains("num") { classes.append("num") }
        if c == layout.nameColumn, row.level > 0 { classes.append("l\(min(row.level, 6))") }
        var attr = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        if let m = merge.start {
          if m.colSpan > 1 { attr += " colspan=\"\(m.colSpan)\"" }
          if m.rowSpan > 1 { attr += " rowspan=\"\(m.rowSpan)\"" }
        }
        h += "<td\(attr)>\(esc(layout.text(cell)))</td>"
      }
      h += "</tr>\n"
    }
    h += "</tbody>\n</table>\n</div>\n"
    if let note = table.note, !note.isEmpty { h += "<p class=\"table-note\">\(lines(note))</p>\n" }
    return h + "</figure>\n"
  }

  /// Escapes text for HTML content and attributes (also drops control characters).
  static func esc(_ s: String) -> String { XML.escape(s) }

  /// Escaped text with its line breaks kept.
  static func lines(_ s: String) -> String {
    s.split(separator: "\n", omittingEmptySubsequences: false).map { esc(String($0)) }.joined(separator: "<br>")
  }

  static let css = """

    :root{--ink:#1a1a1a;--rule:#444;--muted:#666}
    *{box-sizing:border-box}
    body{margin:0;color:var(--ink);background:#fff;font-family:"FangSong","仿宋","仿宋_GB2312","STFangsong","Noto Serif CJK SC","Source Han Serif SC","Songti SC","SimSun","宋体",serif;font-size:17px;line-height:1.8;-webkit-text-size-adjust:100%;text-size-adjust:100%}
    main{max-width:60rem;margin:0 auto;padding:1rem}
    h1,h2,h3,h4,h5,.table-title,th,.table-label{font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","微软雅黑","Noto Sans CJK SC","Source Han Sans SC","SimHei","黑体",sans-serif}
    h1{font-size:1.6rem;text-align:center;line-height:1.4;margin:1rem 0 1.5rem}
    h2{font-size:1.3rem;text-align:center;margin:2rem 0 1rem}
    h3{font-size:1.1rem;margin:1.2rem 0 .4rem}
    h4{font-size:1.05rem;font-family:"KaiTi","楷体","楷体_GB2312","STKaiti","Noto Serif CJK SC",serif;margin:1rem 0 .3rem}
    h5{font-size:1rem;margin:.8rem 0 .3rem}
    p{margin:.4rem 0;text-indent:2em;text-align:justify}
    figure.table{margin:1.5rem 0 2rem}
    .table-label{text-indent:0;text-align:right;margin:0;font-size:.9rem}
    .table-title{text-indent:0;text-align:center;font-weight:bold;font-size:1.1rem;margin:.3rem 0}
    .table-unit{text-indent:0;text-align:right;margin:0 0 .2rem;font-size:.9rem}
    .table-note{text-indent:0;font-size:.9rem;color:var(--muted)}
    .table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
    table{border-collapse:collapse;margin:0 auto;font-size:.9rem;line-height:1.4;font-family:"Songti SC","SimSun","宋体","Noto Serif CJK SC",serif}
    th,td{border:1px solid var(--rule);padding:.25rem .45rem;vertical-align:middle}
    th{font-weight:bold;text-align:center;background:#f4f4f4}
    td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
    td.code{white-space:nowrap}
    td.l1{padding-left:1.45rem}td.l2{padding-left:2.45rem}td.l3{padding-left:3.45rem}td.l4{padding-left:4.45rem}td.l5{padding-left:5.45rem}td.l6{padding-left:6.45rem}
    tr.total td,tr.subtotal td,td.b{font-weight:bold}
    tr td.n{font-weight:normal}
    tr.empty td{text-align:center}
    .draft-banner{position:sticky;top:0;z-index:2;background:#b00020;color:#fff;text-align:center;font-weight:bold;padding:.4rem;font-family:sans-serif}
    .draft-mark{position:fixed;top:40%;left:0;right:0;z-index:1;text-align:center;font-size:9rem;color:rgba(160,160,160,.18);transform:rotate(-30deg);pointer-events:none;font-family:sans-serif;font-weight:bold}
    @page{size:A4;margin:25mm 20mm 20mm 20mm;@bottom-center{content:"— " counter(page) " —"}}
    @media print{.draft-banner{position:static}.table-wrap{overflow:visible}thead{display:table-header-group}}
    @media (max-width:40rem){body{font-size:16px}main{padding:.6rem}table{font-size:.85rem}}

    """
}
