/// The department's name is printed in every table title and in the document's title: one rule for what it may be,
/// asked by `yusuan new` and by the REPL's first question alike.
public enum DepartmentName {
  /// Longer than any real department's name (上海市普陀区人民政府办公室 is 13; a 省级 department with its full
  /// province prefix stays under 30), short enough that every table title still fits on one line.
  public static let longest = 40

  /// Why `name` cannot be the department's name, in Chinese, or nil when it can; `place` says where it was given.
  public static func problem(_ name: String, place: String = "部门名称") -> String? {
    let s = name.trimmingBlanks()
    if s.isEmpty { return "\(place)不能为空。" }
    if let (_, c) = CharacterNames.firstRefused(in: s), let scalar = CharacterNames.refusedScalar(in: c) {
      return CharacterNames.refusal(scalar, in: "\(place)“\(CharacterNames.visible(s))”中")
    }
    if s.count > longest {
      return "\(place)有 \(s.count) 个字，超过 \(longest) 个字：它印在每张表的标题中，太长会使标题折行。请用部门的正式名称（如“上海市普陀区人民政府办公室”）。"
    }
    return nil
  }
}
