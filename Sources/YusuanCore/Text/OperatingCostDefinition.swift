import Foundation

/// A glossary that defines 机关运行经费 as the 公用经费 (Anhui 2021: 机关运行经费是指各部门的公用经费): the two are then
/// one figure in that document, and printing them different contradicts it. One pattern for the workbench (an
/// edition's glossary against the entered figures) and the audit (a printed glossary against printed figures).
public enum OperatingCostDefinition {
  public static func isPublicUse(_ text: String) -> Bool {
    text.range(of: #"机关运行经费[^。；]{0,6}(是指|指|即)[^。；]{0,8}公用经费"#, options: .regularExpression) != nil
  }
}
