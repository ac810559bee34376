extension FactChange {
  /// The fact the change is about: what it wrote, or what it removed.
  public var fact: Fact? { after ?? before }

  /// The row a finding about this fact names: the first part of its key after its kind (a code, a source, an item,
  /// a project's name).
  public var row: String? {
    let parts = key.split(separator: "|", omittingEmptySubsequences: false)
    return parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
  }
}
