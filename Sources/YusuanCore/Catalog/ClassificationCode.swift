/// The two classification systems a departmental budget uses.
public enum CodeSystem: String, Sendable, Codable, CaseIterable {
  /// 支出功能分类: 类 3 digits → 款 5 → 项 7 (201 → 20103 → 2010301).
  case function = "func"
  /// 部门预算支出经济分类: 类 3 → 款 5 (301 → 30101).
  case economic = "econ_dept"
  /// 政府预算支出经济分类 (50101 …), kept for reference; departmental tables do not use it.
  case governmentEconomic = "econ_gov"

  public var chineseName: String {
    switch self {
    case .function: return "支出功能分类"
    case .economic: return "部门预算支出经济分类"
    case .governmentEconomic: return "政府预算支出经济分类"
    }
  }

  /// Code lengths of 类, 款 and (function only) 项.
  public var levelLengths: [Int] { self == .function ? [3, 5, 7] : [3, 5] }

  public static func levelName(_ length: Int) -> String {
    switch length {
    case 3: return "类"
    case 5: return "款"
    case 7: return "项"
    default: return "?"
    }
  }
}

/// What is wrong with the shape of a code, whatever the catalog says.
public enum CodeShapeProblem: Equatable, Sendable {
  case notDigits
  case wrongLength(Int)
  case wrongPrefix(expected: String)
}

public enum CodeShape {
  /// Checks a code's shape for a system: all digits, a level length, the right leading digit.
  public static func problem(_ code: String, in system: CodeSystem) -> CodeShapeProblem? {
    // Bytes, not Characters: this runs for every line on every check.
    guard !code.isEmpty, code.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return .notDigits }
    guard system.levelLengths.contains(code.utf8.count) else { return .wrongLength(code.utf8.count) }
    switch system {
    case .function: if code.first != "2" { return .wrongPrefix(expected: "2") }
    case .economic: if code.first != "3" { return .wrongPrefix(expected: "3") }
    case .governmentEconomic: if code.first != "5" { return .wrongPrefix(expected: "5") }
    }
    return nil
  }

  /// The codes of the 类 and 款 above a code (`2010301` → [`201`, `20103`]).
  public static func ancestors(_ code: String) -> [String] {
    [3, 5].filter { $0 < code.count }.map { String(code.prefix($0)) }
  }

  /// The immediate parent (`2010301` → `20103`), nil for a 类.
  public static func parent(_ code: String) -> String? {
    switch code.count {
    case 7: return String(code.prefix(5))
    case 5: return String(code.prefix(3))
    default: return nil
    }
  }

  public static func describe(_ problem: CodeShapeProblem, code: String, system: CodeSystem) -> String {
    let lengths = system.levelLengths.map { "\($0)位" }.joined(separator: "/")
    switch problem {
    case .notDigits:
      return "科目编码“\(code)”应只由数字组成（\(system.chineseName)编码为\(lengths)数字）"
    case .wrongLength(let n):
      return "科目编码“\(code)”有\(n)位，\(system.chineseName)编码应为\(lengths)数字"
    case .wrongPrefix(let p):
      return "科目编码“\(code)”不属于\(system.chineseName)（应以\(p)开头）"
    }
  }
}
