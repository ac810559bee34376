import Audit
import Import
import Reading
import Foundation
import FuzzSupport
import Workbench
import YusuanCore

/// The xlsx reader (`XlsxRows`) that `import` uses for the budget system's Excel export, then the import's lines;
/// and the same workbook as `audit` reads a published 预算表 attachment (every sheet, `DocumentReader`, then audit
/// and import, see `Audited`). An input starting with `PK` is taken as a whole .xlsx; any other is the worksheet XML
/// and, after a NUL byte, the shared strings XML, put in a stored zip (with a workbook part, so that `audit` takes
/// it for a workbook) here, so that mutations land in the XML the readers parse.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXlsx(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  var data = Fuzz.data(bytes, size)
  if !data.starts(with: [0x50, 0x4B]) {
    let parts = StoredZip.parts(data, count: 2)
    data = StoredZip.archive(
      [
        ("xl/workbook.xml", Data(#"<workbook><sheets><sheet name="表1" sheetId="1"/></sheets></workbook>"#.utf8)),
        ("xl/worksheets/sheet1.xml", parts[0])
      ] + (parts[1].isEmpty ? [] : [("xl/sharedStrings.xml", parts[1])]))
  }
  Audited.read(data, name: "fuzz.xlsx")
  guard let rows = try? XlsxRows.rows(data, name: "fuzz.xlsx") else { return 0 }
  Fuzz.require(rows.reduce(0) { $0 + $1.count } <= 2_000_000, "more cells kept than the reader's limit")
  if let r = try? TableImport.lines(rows: rows, file: "fuzz.xlsx", mapping: XlsxFuzz.shipped, asPrior: false) {
    EntryFuzz.parseImported(r.lines.map(\.text))
  }
  return 0
}

enum XlsxFuzz {
  static let shipped: TableImport.Mapping = {
    do { return try TableImport.mapping(nil, forms: FuzzForms.library) } catch { fatalError("fuzz-xlsx: \(error)") }
  }()
}
