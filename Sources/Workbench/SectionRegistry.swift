import YusuanCore
import ProfileSection
import RevenueSection
import ExpenditureSection
import ThreePublicSection
import AssetsSection
import ProcurementSection
import PerformanceSection
import OtherMattersSection
import CrosscheckSection

/// The one ordered list of section plugins, in the order of the document and of the guided walk.
/// Swift has no runtime discovery; this list is the honest registry.
public enum SectionRegistry {
  public static let plugins: [any SectionPlugin] = [
    ProfilePlugin(),
    RevenuePlugin(),
    ExpenditurePlugin(),
    ThreePublicPlugin(),
    AssetsPlugin(),
    ProcurementPlugin(),
    PerformancePlugin(),
    OtherMattersPlugin(),
    CrosscheckPlugin(),
  ]

  /// Every entry command by its first word (and alias); built once from the plugins' declarations.
  public static let index = CommandIndex(plugins.flatMap(\.commands))

  /// First word (and alias) → the commands it starts (one, or a group such as 资产 车辆, 资产 设备 …).
  public static var commands: [String: [EntryCommand]] { index.byWord }

  /// Every rule `check` can report: the core's shared rules, the pipeline's own, then each plugin's in document order.
  /// RuleTests holds a breaking and a fixing input for each; docs/rules.md lists them.
  public static var rules: [RuleInfo] { CoreRuleID.entries + WorkbenchRuleID.entries + plugins.flatMap(\.rules) }

  /// Every keyword, for completion and for "did you mean".
  public static var keywords: [String] { index.keywords + [EntryParser.removeKeyword] }
}
