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

  /// Keyword (and alias) → the plugin and command that own it.
  public static let commands: [String: (plugin: any SectionPlugin, command: CommandSpec)] = {
    var m: [String: (plugin: any SectionPlugin, command: CommandSpec)] = [:]
    for p in plugins {
      for c in p.commands {
        for k in [c.keyword] + c.aliases {
          precondition(m[k] == nil, "entry command \(k) registered twice")
          m[k] = (p, c)
        }
      }
    }
    return m
  }()

  /// Every rule `check` can report: the core's shared rules, the pipeline's own, then each plugin's in document order.
  /// RuleTests holds a breaking and a fixing input for each; docs/rules.md lists them.
  public static var rules: [RuleInfo] { CoreRuleID.entries + WorkbenchRuleID.entries + plugins.flatMap(\.rules) }

  /// Every keyword, for completion and for "did you mean".
  public static var keywords: [String] { plugins.flatMap { $0.commands.map(\.keyword) } + ["删除"] }
}
