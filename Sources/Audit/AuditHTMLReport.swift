import Foundation
import Reading
import YusuanCore

/// `audit --format html`: one self-contained page a reviewer reads next to the document. A header (document,
/// format, counts, the template it was judged against), the findings grouped by severity, each PDF finding beside a
/// crop of its page with the spot boxed, and a ledger of the tables read and of what could not be checked.
///
/// A pure function of the document, the findings and the rendered pages (`PageRenderer` renders them), so it can
/// be tested without poppler or a browser. No external resources: the crops are PNG data URIs, the style is inline.
public enum AuditHTMLReport {
  /// Points of page shown above and below the spot.
  public static let contextPoints = 120.0
  /// Points of white kept around the printed content, and around the spot inside its red frame.
  static let marginPoints = 12.0, spotPadding = 2.0

  /// `pages`: the rendered pages by number; `renderProblem`: why some or all crops are missing (said once).
  public static func render(_ doc: AuditDocument, findings: [Diagnostic], pages: [Int: PageRaster] = [:], renderProblem: String? = nil) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>审读报告：\(esc(doc.name))</title>
      <style>\(style)</style>
      </head>
      <body>

      """
    html += header(doc, findings, renderProblem: renderProblem)
    var crops = CropCache()
    if findings.isEmpty { html += "<p class=\"none\">未发现问题。</p>\n" }
    var number = 0
    for severity in [Severity.error, .warning, .info] {
      let group = findings.filter { $0.severity == severity }
      guard !group.isEmpty else { continue }
      html += "<section class=\"group \(severity.rawValue)\">\n<h2>\(severity.chinese)（\(group.count) 条）</h2>\n"
      for d in group {
        number += 1
        html += finding(d, number: number, pages: pages, crops: &crops)
      }
      html += "</section>\n"
    }
    html += ledger(doc, findings)
    html += "<footer>由 yusuan audit 生成。截图中的红框是问题所在的行或段落；页码为 PDF 的第几页（从 1 起）。</footer>\n</body>\n</html>\n"
    return html
  }

  // MARK: Sections

  static func header(_ doc: AuditDocument, _ findings: [Diagnostic], renderProblem: String?) -> String {
    let e = findings.errorCount, w = findings.warningCount, i = findings.count - e - w
    var out = "<header>\n<h1>审读报告</h1>\n"
    out += "<p class=\"doc\">文件：<strong>\(esc(doc.name))</strong>　格式：\(formatName(doc.format))</p>\n"
    out +=
      "<p class=\"counts\"><span class=\"n error\">错误 \(e) 条</span> <span class=\"n warning\">警告 \(w) 条</span> <span class=\"n info\">提示 \(i) 条</span></p>\n"
    if let template = findings.first(where: { $0.rule == AuditRuleID.readTemplate.id }) {
      out += "<p class=\"template\">\(esc(template.message))</p>\n"
    }
    if let renderProblem { out += "<p class=\"problem\">\(esc(renderProblem))</p>\n" }
    return out + "</header>\n"
  }

  static func finding(_ d: Diagnostic, number: Int, pages: [Int: PageRaster], crops: inout CropCache) -> String {
    var figure = ""
    if let page = d.page, let box = d.box, let raster = pages[page], let crop = crop(box, on: raster), let uri = crops.uri(crop, raster) {
      let s = crop.spot
      figure =
        "<figure class=\"crop\"><div class=\"frame\"><img src=\"\(uri)\" width=\"\(crop.columns.count)\" height=\"\(crop.rows.count)\" alt=\"第\(page)页局部\">"
        + "<div class=\"spot\" style=\"left:\(pct(s.x0));top:\(pct(s.y0));width:\(pct(s.width));height:\(pct(s.height))\"></div></div>"
        + "<figcaption>第\(page)页（局部）</figcaption></figure>"
    }
    var out = "<article class=\"finding \(d.severity.rawValue)\(figure.isEmpty ? "" : " with-crop")\" id=\"f\(number)\">\n<div class=\"text\">\n"
    out += "<p class=\"head\"><span class=\"badge\">\(d.severity.chinese)</span> <code>\(esc(d.rule))</code></p>\n"
    let loc = location(d)
    if !loc.isEmpty { out += "<p class=\"where\">\(esc(loc))</p>\n" }
    out += "<p class=\"msg\">\(esc(d.message))</p>\n"
    if d.expected != nil || d.actual != nil {
      out += "<p class=\"values\"><span>应为：<b>\(esc(d.expected ?? "—"))</b></span><span>实际：<b>\(esc(d.actual ?? "—"))</b></span></p>\n"
    }
    out += "</div>\n"
    if !figure.isEmpty { out += figure + "\n" }
    return out + "</article>\n"
  }

  static func ledger(_ doc: AuditDocument, _ findings: [Diagnostic]) -> String {
    var out = "<section class=\"ledger\">\n<h2>核对范围</h2>\n<h3>读出的表（\(doc.tables.count) 张）</h3>\n"
    if doc.tables.isEmpty {
      out += "<p>未读出表格。</p>\n"
    } else {
      out += "<table>\n<thead><tr><th>序号</th><th>表名</th><th>单位</th><th>所在页</th><th>行数</th></tr></thead>\n<tbody>\n"
      for t in doc.tables {
        let pages = Set(t.rows.compactMap { doc.spots[$0.line]?.page }).sorted()
        let title = (t.label.map { $0 + " " } ?? "") + (t.title ?? "无标题表格")
        out +=
          "<tr><td>\(t.index)</td><td>\(esc(title))</td><td>\(esc(t.unit?.rawValue ?? "未标明"))</td>"
          + "<td>\(pages.isEmpty ? "—" : esc(pageRanges(pages)))</td><td>\(t.rows.count)</td></tr>\n"
      }
      out += "</tbody>\n</table>\n"
    }
    let unchecked = findings.filter(AuditLedger.isUnchecked)
    out += "<h3>未能核对的部分（\(unchecked.count) 条）</h3>\n"
    if unchecked.isEmpty {
      out += "<p>没有报告未能核对的部分。</p>\n"
    } else {
      out += "<ul>\n"
      for d in unchecked {
        let loc = location(d)
        out += "<li><code>\(esc(d.rule))</code>" + (loc.isEmpty ? "" : " <span class=\"where\">\(esc(loc))</span>") + "：\(esc(d.message))</li>\n"
      }
      out += "</ul>\n"
    }
    return out + "</section>\n"
  }

  // MARK: Crops

  struct Crop: Equatable {
    var page: Int
    /// Pixels of the page shown.
    var columns: Range<Int>
    var rows: Range<Int>
    /// The spot as fractions (0…1) of the crop, for the CSS-positioned frame.
    var spot: Box
  }

  /// The band of the page around `box` (at most `contextPoints` above and below), cut where no printed line is split
  /// and narrowed to the printed content, and where the box sits in it. Nil when the box lies outside the page.
  static func crop(_ box: Box, on r: PageRaster) -> Crop? {
    let s = r.pixelsPerPoint
    let padded = Box(
      x0: max(0, box.x0 - spotPadding), y0: max(0, box.y0 - spotPadding),
      x1: min(r.widthPoints, box.x1 + spotPadding), y1: min(r.heightPoints, box.y1 + spotPadding))
    guard padded.x1 > padded.x0, padded.y1 > padded.y0 else { return nil }
    let spotRows = Int((padded.y0 * s).rounded(.down))..<Int((padded.y1 * s).rounded(.up))
    let band = (Int((max(0, padded.y0 - contextPoints) * s).rounded(.down))..<Int((min(r.heightPoints, padded.y1 + contextPoints) * s).rounded(.up)))
      .clamped(to: 0..<r.height)
    guard !band.isEmpty else { return nil }
    let margin = Int((marginPoints * s).rounded())
    let ink = band.map { r.inkCount(row: $0) }
    func inked(_ y: Int) -> Int { ink[y - band.lowerBound] }
    // Blank paper above and below the printed lines is left out (keeping a margin).
    var top = band.lowerBound, bottom = band.upperBound
    if let first = band.first(where: { inked($0) > 0 }), let last = band.last(where: { inked($0) > 0 }) {
      top = max(top, min(first - margin, spotRows.lowerBound))
      bottom = min(bottom, max(last + 1 + margin, spotRows.upperBound))
    }
    // An edge that falls through a printed line moves, towards the spot, to the emptiest row nearby (a line gap,
    // or between the text and the rules of a table row), so that no half line shows at the edge.
    let reach = Int((16 * s).rounded())
    if inked(top) > 0 {
      let window = top...max(top, min(top + reach, spotRows.lowerBound, bottom - 1))
      top = window.min { (inked($0), $0 - top) < (inked($1), $1 - top) } ?? top
    }
    if inked(bottom - 1) > 0 {
      let window = min(bottom - 1, max(bottom - 1 - reach, spotRows.upperBound - 1, top))...(bottom - 1)
      bottom = (window.min { (inked($0), bottom - $0) < (inked($1), bottom - $1) } ?? bottom - 1) + 1
    }
    let rows = top..<bottom
    // The printed content's width in the band (white page margins left out), never narrower than the spot.
    let spotX = Int((padded.x0 * s).rounded(.down))...Int((padded.x1 * s).rounded(.up))
    let inkX = r.inkColumns(rows: rows) ?? 0...(r.width - 1)
    let columns = (max(0, min(inkX.lowerBound, spotX.lowerBound) - margin)..<min(r.width, max(inkX.upperBound, spotX.upperBound) + 1 + margin))
    guard !rows.isEmpty, !columns.isEmpty else { return nil }
    let w = Double(columns.count), h = Double(rows.count)
    let spot = Box(
      x0: (padded.x0 * s - Double(columns.lowerBound)) / w, y0: (padded.y0 * s - Double(rows.lowerBound)) / h,
      x1: (padded.x1 * s - Double(columns.lowerBound)) / w, y1: (padded.y1 * s - Double(rows.lowerBound)) / h)
    return Crop(page: r.page, columns: columns, rows: rows, spot: spot)
  }

  /// Encoded crops, so that findings on the same spot share one encoding.
  struct CropCache {
    var uris: [String: String] = [:]
    mutating func uri(_ c: Crop, _ r: PageRaster) -> String? {
      let key = "\(c.page):\(c.columns):\(c.rows)"
      if let known = uris[key] { return known }
      guard let png = r.png(columns: c.columns, rows: c.rows) else { return nil }
      let uri = "data:image/png;base64," + png.base64EncodedString()
      uris[key] = uri
      return uri
    }
  }

  // MARK: Text

  /// Where the finding is: `第8页 · 正文第66段 · 七、项目经费情况说明`, `第2页 · 《…》 · 行 208 · 列 合计`, or `file:line`.
  static func location(_ d: Diagnostic) -> String {
    var parts: [String] = []
    if let page = d.page {
      parts.append("第\(page)页")
    } else if let file = d.file, let line = d.line {
      parts.append("\(file):\(line)" + (d.col.map { ":\($0)" } ?? ""))
    }
    if let table = d.table, table != "全文", table != "文件" { parts.append(table) }
    if let row = d.row { parts.append((d.table?.hasPrefix("正文") ?? false) ? row : "行 \(row)") }
    if let column = d.column { parts.append("列 \(column)") }
    return parts.joined(separator: " · ")
  }

  static func formatName(_ f: DocumentFormat) -> String {
    switch f {
    case .pdf: return "PDF"
    case .docx: return "Word（.docx）"
    case .xlsx: return "Excel（.xlsx）"
    case .text: return "文本"
    }
  }

  /// `3、5–7、9`.
  static func pageRanges(_ pages: [Int]) -> String {
    var out: [String] = [], k = 0
    while k < pages.count {
      var j = k
      while j + 1 < pages.count && pages[j + 1] == pages[j] + 1 { j += 1 }
      out.append(j > k ? "\(pages[k])–\(pages[j])" : "\(pages[k])")
      k = j + 1
    }
    return out.joined(separator: "、")
  }

  static func pct(_ v: Double) -> String { String(format: "%.2f%%", v * 100) }

  /// Text and attribute values, escaped (one escaping for all markup: `Markup.escape`).
  public static func esc(_ s: String) -> String { Markup.escape(s) }

  static let style = """
    body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1400px;padding:0 16px;color:#222;line-height:1.6}
    h1{font-size:24px;margin:0 0 8px}h2{font-size:20px;margin:28px 0 12px;padding-bottom:4px;border-bottom:2px solid #ccc}h3{font-size:16px;margin:16px 0 8px}
    header{border-bottom:1px solid #ddd;padding-bottom:12px}header p{margin:4px 0}
    .n{display:inline-block;padding:2px 10px;margin-right:8px;border-radius:4px;font-weight:bold}
    .n.error,.error .badge{background:#fde2e2;color:#a40000}.n.warning,.warning .badge{background:#fff1cc;color:#7a5200}.n.info,.info .badge{background:#e4eefb;color:#1d4f91}
    .template{color:#444}.problem{background:#fff6e0;border-left:4px solid #e0a000;padding:6px 10px}
    .finding{display:grid;grid-template-columns:minmax(0,1fr);gap:16px;border:1px solid #ddd;border-left-width:4px;border-radius:4px;padding:12px 14px;margin:12px 0;break-inside:avoid}
    .finding.with-crop{grid-template-columns:minmax(260px,1fr) minmax(0,2.6fr)}
    .finding.error{border-left-color:#c00}.finding.warning{border-left-color:#d90}.finding.info{border-left-color:#37c}
    .finding p{margin:4px 0}.badge{padding:1px 8px;border-radius:4px;font-size:13px;font-weight:bold}
    code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:13px;color:#555}
    .where{color:#555;font-size:14px}.msg{white-space:pre-wrap}.values span{margin-right:24px}
    figure.crop{margin:0}.frame{position:relative;display:inline-block;max-width:100%;border:1px solid #bbb;line-height:0}
    .frame img{display:block;max-width:100%;height:auto}
    .spot{position:absolute;border:2px solid #e00;box-sizing:border-box;pointer-events:none}
    figcaption{font-size:12px;color:#666}
    .ledger table{border-collapse:collapse;font-size:14px}.ledger th,.ledger td{border:1px solid #ccc;padding:3px 8px;text-align:left}
    .ledger li{margin:4px 0}footer{margin:32px 0 8px;font-size:12px;color:#777}
    """
}
