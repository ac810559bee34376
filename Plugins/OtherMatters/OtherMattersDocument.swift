import YusuanCore

/// 机关运行经费 in 其他重要事项.
extension OtherMattersPlugin {
  public func explanations(_ c: CompileContext) throws -> [Explanation] {
    guard let cost = c.facts.operatingCost else { return [Explanation(key: "机关运行经费", blocks: [.paragraph(c.fill("other.operating.none"))])] }
    return [
      Explanation(
        key: "机关运行经费",
        blocks: [.paragraph(c.fill("other.operating", ["合计": c.figure(cost.amount), "增减": c.change(cost.amount, prior: cost.prior, subject: "机关运行经费")]))])
    ]
  }
}
