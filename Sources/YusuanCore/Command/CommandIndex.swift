/// The commands by their first word; a group (资产) is told apart by its second word (车辆, 设备 …).
public struct CommandIndex: Sendable {
  public private(set) var byWord: [String: [EntryCommand]] = [:]
  /// Every first word, in declaration order, once.
  public private(set) var keywords: [String] = []

  public init(_ commands: [EntryCommand]) {
    for c in commands {
      for k in [c.keyword] + c.aliases {
        precondition(!(byWord[k] ?? []).contains { $0.sub == c.sub }, "entry command \(k) \(c.sub ?? "") declared twice")
        if byWord[k] == nil { keywords.append(k) }
        byWord[k, default: []].append(c)
      }
    }
  }

  public subscript(word: String) -> [EntryCommand]? { byWord[word] }

  /// The command a line starts with: `args` stands after its first word, and after this call after its words.
  public func command(_ group: [EntryCommand], _ args: inout ArgReader) throws(EntryError) -> EntryCommand {
    guard group.count > 1 || group.first?.sub != nil, let head = group.first else { return group[0] }
    let subs = group.compactMap(\.sub)
    let what = head.subName ?? "类别"
    guard let t = args.next() else { throw args.fail("缺少\(what)（可选：\(subs.joined(separator: "、"))）。") }
    guard let c = group.first(where: { $0.sub == t.text }) else {
      throw args.fail("“\(t.text)”不是有效的\(what)。可选：\(subs.joined(separator: "、"))。", at: t)
    }
    return c
  }
}
