/// One entry command, declared once, as swift-argument-parser declares a command's options: its keyword, its
/// arguments (positional, then options in the order the export writes them), what they become (`build`), the fact a
/// `删除` line names (`key`) and the values of each fact it exports. Parsing, the 删除 grammar, the canonical export,
/// help, TAB completion and the walk's questions are all read from this declaration.
public struct EntryCommand: Sendable {
  /// The first word of the line (支出).
  public var keyword: String
  /// The second word, for a command of a group (资产 车辆); `subName` says what that word is (资产类别).
  public var sub: String?
  public var subName: String?
  public var aliases: [String]
  /// One line for help (一条支出（功能分类项级 × 基本/项目）).
  public var summary: String
  /// A valid line, shown under every refusal.
  public var example: String
  public var args: [ArgSpec]
  /// `X 无`: the section has nothing to enter.
  public var empty: EmptyForm?
  /// The arguments of a 删除 line when they are not the key arguments (核对 is removed by its number).
  public var removalArgs: [ArgSpec]?
  /// The option keyword meant by another word officers write (核对's 基本 for 基本支出), if any.
  let optionAlias: (@Sendable (String) -> String?)?
  /// The positional arguments and the options of an entry line, sorted out once.
  let positionalArgs: [ArgSpec]
  let optionTable: OptionTable
  let build: @Sendable (ArgValues, EntryContext) throws(EntryError) -> [FactEdit]
  let key: @Sendable (ArgValues, EntryContext) throws(EntryError) -> String
  let facts: @Sendable (FactSet) -> [[ArgBinding?]]

  /// - Parameters:
  ///   - args: positional arguments in their order, then the options in the order the export writes them.
  ///   - build: the fact edits of a parsed line (`values[arg]` reads an argument; `values.fail` refuses it).
  ///   - key: the key of the fact a `删除` line names, from the key arguments (`removalArgs`, if given).
  ///   - export: each fact's values, in the export's order (`arg.bind(value)`; nil or an absent option is not written).
  public init(
    _ keyword: String, sub: String? = nil, subName: String? = nil, aliases: [String] = [], summary: String, example: String,
    args: [any AnyArg], empty: EmptyForm? = nil, removalArgs: [any AnyArg]? = nil,
    optionAlias: (@Sendable (String) -> String?)? = nil,
    build: @escaping @Sendable (ArgValues, EntryContext) throws(EntryError) -> [FactEdit],
    key: @escaping @Sendable (ArgValues, EntryContext) throws(EntryError) -> String,
    export: @escaping @Sendable (FactSet) -> [[ArgBinding?]]
  ) {
    self.keyword = keyword; self.sub = sub; self.subName = subName; self.aliases = aliases; self.summary = summary; self.example = example
    self.args = args.map(\.spec); self.empty = empty; self.removalArgs = removalArgs?.map(\.spec)
    self.optionAlias = optionAlias
    positionalArgs = self.args.filter(\.isPositional)
    optionTable = OptionTable(self.args.filter { !$0.isPositional })
    self.build = build; self.key = key; self.facts = export
  }

  /// The words that start its lines: `支出`, `资产 车辆`.
  public var words: String { sub.map { "\(keyword) \($0)" } ?? keyword }

  public var positionals: [ArgSpec] { positionalArgs }
  public var options: [ArgSpec] { optionTable.options }

  /// The arguments a 删除 line writes.
  public var keyArgs: [ArgSpec] { removalArgs ?? args.filter(\.key) }

  public func arg(_ id: String) -> ArgSpec? { args.first { $0.id == id } }
}

/// Any declared argument, whatever the type its value is read as.
public protocol AnyArg: Sendable {
  var spec: ArgSpec { get }
}

extension Arg: AnyArg {
  /// This argument's value for an exported line.
  public func bind(_ value: Value) -> ArgBinding { ArgBinding(id: spec.id, value: encode(value)) }
}

/// An argument's value on a line to be written.
public struct ArgBinding: Sendable {
  public var id: String
  public var value: ArgValue?
}

/// `X 无`: the section has nothing (采购 无, 资产 车辆 无, 三公 无).
public struct EmptyForm: Sendable {
  /// The section `无` is kept for (an `EmptySection` fact), nil when `无` writes other facts (三公: four zeros).
  public var section: String?
  let build: @Sendable (EntryContext) -> Result<[FactEdit], EntryError>
  /// Whether the export writes `X 无`.
  let exported: @Sendable (FactSet) -> Bool

  public init(
    section: String?, build: @escaping @Sendable (EntryContext) -> Result<[FactEdit], EntryError>,
    exported: @escaping @Sendable (FactSet) -> Bool
  ) {
    self.section = section; self.build = build; self.exported = exported
  }

  /// `无` for a section of items: refused while it has items (`removals`: their 删除 lines), withdrawn by the next
  /// item entered, written by the export when the section has no items.
  public static func section(_ section: String, none: String, what: String, removals: @escaping @Sendable (FactSet) -> [String]) -> EmptyForm {
    EmptyForm(
      section: section,
      build: { c in
        let items = removals(c.facts)
        if let first = items.first {
          return .failure(EntryError(NoneBesideItems.refusal(none: none, what: what, count: items.count, example: first)))
        }
        return .success([.set(.emptySection(EmptySection(section: section)))])
      }, exported: { f in f.emptySections.contains(section) && removals(f).isEmpty })
  }

  var key: String? { section.map { Fact.emptySection(EmptySection(section: $0)).key } }
}
