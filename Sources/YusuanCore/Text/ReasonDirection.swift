/// Which way a reason argues: 压减一般性支出 explains a decrease, 新增编制人员 an increase. One list for the
/// workbench (a reason entered against the change it explains) and the audit (a printed reason against its change).
public enum ReasonDirection {
  public static let upWords = ["增加", "增长", "新增", "提高", "上升", "扩大", "提标"]
  public static let downWords = ["减少", "下降", "压减", "节约", "缩减", "降低", "核减", "取消"]

  /// Words that weigh one thing against another (新增1辆公务用车，但车型不同): such a reason may explain either way.
  public static let contrastWords = ["但", "然而", "不过", "虽", "尽管"]

  /// +1 when the reason speaks only of more, −1 only of less, 0 when it says neither or both, or weighs one
  /// thing against another.
  public static func of(_ reason: String) -> Int {
    if contrastWords.contains(where: { reason.contains($0) }) { return 0 }
    let up = upWords.contains { reason.contains($0) }, down = downWords.contains { reason.contains($0) }
    return up == down ? 0 : up ? 1 : -1
  }

  /// Whether `reason` argues against the change from `prior` to `current`.
  public static func contradicts(_ reason: String, current: Amount, prior: Amount) -> Bool {
    guard current != prior else { return false }
    let argues = of(reason)
    return argues != 0 && (argues > 0) != (current > prior)
  }
}
