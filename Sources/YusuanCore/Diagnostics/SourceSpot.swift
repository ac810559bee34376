/// Where a finding or a reading sits on a PDF page: points, origin at the top left, y growing downwards (as
/// poppler reports it). Lives in the core so that a `Diagnostic` can carry it as evidence.
public struct Box: Sendable, Equatable, Codable {
  public var x0: Double, y0: Double, x1: Double, y1: Double

  public init(x0: Double, y0: Double, x1: Double, y1: Double) {
    self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
  }

  public var width: Double { x1 - x0 }
  public var height: Double { y1 - y0 }
  public var midX: Double { (x0 + x1) / 2 }
  public var midY: Double { (y0 + y1) / 2 }

  public func union(_ o: Box) -> Box {
    Box(x0: Swift.min(x0, o.x0), y0: Swift.min(y0, o.y0), x1: Swift.max(x1, o.x1), y1: Swift.max(y1, o.y1))
  }

  public func contains(x: Double, y: Double, slack: Double = 0) -> Bool {
    x >= x0 - slack && x <= x1 + slack && y >= y0 - slack && y <= y1 + slack
  }

  /// How much of the shorter of two vertical extents the two boxes share (0…1): words on one printed line share most.
  public func verticalOverlap(_ o: Box) -> Double {
    let shared = Swift.min(y1, o.y1) - Swift.max(y0, o.y0)
    let shorter = Swift.min(height, o.height)
    return shorter > 0 ? Swift.max(0, shared) / shorter : 0
  }

  /// The union of several boxes, nil when there are none.
  public static func enclosing(_ boxes: [Box]) -> Box? {
    guard var b = boxes.first else { return nil }
    for o in boxes.dropFirst() { b = b.union(o) }
    return b
  }
}

/// Where something was read: the page and box in a PDF; for text and .docx only the line (or paragraph) number.
public struct SourceSpot: Sendable, Equatable, Codable {
  public var line: Int
  public var page: Int?
  public var box: Box?

  public init(line: Int, page: Int? = nil, box: Box? = nil) { self.line = line; self.page = page; self.box = box }
}
