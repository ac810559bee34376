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

  /// Keyword (and alias) → the plugin and command that own it.
  public let commands: [String: (plugin: any SectionPlugin, command: CommandSpec)]

  /// A registry of `plugins` in this order; two plugins claiming one keyword is a programming error.
  public init(_ plugins: [any SectionPlugin]) {
    self.plugins = plugins
    var m: [String: (plugin: any SectionPlugin, command: CommandSpec)] = [:]
    for p in plugins {
      for c in p.commands {
        for k in [c.keyword] + c.aliases {
          precondition(m[k] == nil, "entry command \(k) registered twice")
          m[k] = (p, c)
        }
      }
    }
    commands = m
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

  /// Every rule `check` can report: the core's shared rules, the pipeline's own, then each plugin's in document order.
  /// RuleTests holds a breaking and a fixing input for each; docs/rules.md lists them.
  public var rules: [RuleInfo] { CoreRuleID.entries + WorkbenchRuleID.entries + plugins.flatMap(\.rules) }

  /// Every keyword, for completion and for "did you mean".
  public var keywords: [String] { plugins.flatMap { $0.commands.map(\.keyword) } + ["删除"] }

  // The standard registry's, for what has no workbench at hand (the entry parser, completion, docs/rules.md).
  public static var plugins: [any SectionPlugin] { standard.plugins }
  public static var commands: [String: (plugin: any SectionPlugin, command: CommandSpec)] { standard.commands }
  public static var rules: [RuleInfo] { standard.rules }
  public static var keywords: [String] { standard.keywords }
}
