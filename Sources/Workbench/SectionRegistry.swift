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

/// An ordered list of section plugins, in the order of the document and of the guided walk. Swift has no runtime
/// discovery; `standard` is the honest registry, and a workbench may be given another (a test adds a plugin that
/// throws, to see it become a `plugin.failed` finding).
public struct SectionRegistry: Sendable {
  public let plugins: [any SectionPlugin]

  /// Every entry command by its first word (and alias); built once from the plugins' declarations.
  public let index: CommandIndex

  /// A registry of `plugins` in this order.
  public init(_ plugins: [any SectionPlugin]) {
    self.plugins = plugins
    index = CommandIndex(plugins.flatMap(\.commands))
  }

  /// The sections of the disclosure document.
  public static let standard = SectionRegistry([
    ProfilePlugin(),
    RevenuePlugin(),
    ExpenditurePlugin(),
    ThreePublicPlugin(),
    AssetsPlugin(),
    ProcurementPlugin(),
    PerformancePlugin(),
    OtherMattersPlugin(),
    CrosscheckPlugin(),
  ])

  /// First word (and alias) → the commands it starts (one, or a group such as 资产 车辆, 资产 设备 …).
  public var commands: [String: [EntryCommand]] { index.byWord }

  /// Every rule `check` can report: the core's shared rules, the pipeline's own, then each plugin's in document order.
  /// RuleTests holds a breaking and a fixing input for each; docs/rules.md lists them.
  public var rules: [RuleInfo] { CoreRuleID.entries + WorkbenchRuleID.entries + plugins.flatMap(\.rules) }

  /// Every keyword, for completion and for "did you mean".
  public var keywords: [String] { index.keywords + [EntryParser.removeKeyword] }

  // The standard registry's, for what has no workbench at hand (the entry parser, the walk's completion, docs).
  public static var plugins: [any SectionPlugin] { standard.plugins }
  public static var index: CommandIndex { standard.index }
  public static var commands: [String: [EntryCommand]] { standard.commands }
  public static var rules: [RuleInfo] { standard.rules }
  public static var keywords: [String] { standard.keywords }
}
