import FuzzSupport
import Workbench
import YusuanCore

/// The CSV reader, as `import` uses it for the budget system's export (two column mappings: the shipped one and
/// 金额 + 支出类型 columns) and as `catalog import` uses it; the entry lines an import makes are then parsed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCsv(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = Fuzz.text(bytes, size)
  let read = CSVReader.read(text)
  Fuzz.require(read.rows.count == read.lines.count, "\(read.rows.count) rows but \(read.lines.count) line numbers")
  if read.unterminatedQuoteLine == nil {
    for (mapping, asPrior) in [(CSVFuzz.shipped, false), (CSVFuzz.kindColumns, true)] {
      if let r = try? TableImport.lines(rows: read.rows, rowLines: read.lines, file: "fuzz.csv", mapping: mapping, asPrior: asPrior) {
        EntryFuzz.parseImported(r.lines.map(\.text))
      }
    }
  }
  _ = CatalogCSV.parse(text)
  return 0
}

enum CSVFuzz {
  static let shipped: TableImport.Mapping = {
    do { return try TableImport.mapping(nil, forms: FuzzForms.library) } catch { fatalError("fuzz-csv: \(error)") }
  }()
  static let kindColumns: TableImport.Mapping = {
    do { return try TableImport.mapping("code=科目编码,name=科目名称,total=金额,kind=支出类型,source=资金来源,unit=单位,money=万元", forms: FuzzForms.library) } catch {
      fatalError("fuzz-csv: \(error)")
    }
  }()
}
