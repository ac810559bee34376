// Decoding of the stored facts' JSON, faster than Foundation's JSONDecoder.
//
// Opening a workbook decodes every fact (a 300-line department has ~800); with JSONDecoder that was 45 % of a
// folder `check` and the largest single cost of opening. The JSON here is what `commit` wrote with JSONEncoder
// (objects, arrays, strings, integers, booleans, null), so a small byte parser and a `Decoder` over its tree
// serve every fact type through their synthesized `Decodable`. Anything this decoder does not accept is
// decoded again with JSONDecoder by the caller, so an unusual body costs time, never a wrong fact.
import Foundation

/// A parsed JSON value. Object fields keep their order; facts have a handful of keys, so lookups scan.
enum StoredJSON {
  case object([(key: String, value: StoredJSON)])
  case array([StoredJSON])
  case string(String)
  /// The number as written (integers are parsed when a field asks for one; nothing stored is fractional).
  case number(String)
  case bool(Bool)
  case null

  struct Malformed: Error {}

  /// Parses one JSON text (the whole of `bytes`, surrounding whitespace allowed).
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> StoredJSON {
    var p = Parser(bytes: bytes)
    let value = try p.value(depth: 0)
    p.skipSpace()
    guard p.i == bytes.count else { throw Malformed() }
    return value
  }

  /// Decodes a `Decodable` value from one JSON text.
  static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
    var text = text
    let tree = try text.withUTF8 { try parse($0) }
    return try T(from: StoredJSONDecoder(node: tree, codingPath: []))
  }

  private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    mutating func skipSpace() {
      while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func value(depth: Int) throws -> StoredJSON {
      guard depth < 64 else { throw Malformed() }
      skipSpace()
      guard i < bytes.count else { throw Malformed() }
      switch bytes[i] {
      case 0x7B: return try object(depth: depth)
      case 0x5B: return try array(depth: depth)
      case 0x22: return .string(try string())
      case 0x74: try literal("true"); return .bool(true)
      case 0x66: try literal("false"); return .bool(false)
      case 0x6E: try literal("null"); return .null
      default: return .number(try number())
      }
    }

    mutating func object(depth: Int) throws -> StoredJSON {
      i += 1
      var fields: [(key: String, value: StoredJSON)] = []
      skipSpace()
      if i < bytes.count, bytes[i] == 0x7D { i += 1; return .object(fields) }
      while true {
        skipSpace()
        guard i < bytes.count, bytes[i] == 0x22 else { throw Malformed() }
        let key = try string()
        skipSpace()
        guard i < bytes.count, bytes[i] == 0x3A else { throw Malformed() }
        i += 1
        fields.append((key, try value(depth: depth + 1)))
        skipSpace()
        guard i < bytes.count else { throw Malformed() }
        if bytes[i] == 0x2C { i += 1; continue }
        if bytes[i] == 0x7D { i += 1; return .object(fields) }
        throw Malformed()
      }
    }

    mutating func array(depth: Int) throws -> StoredJSON {
      i += 1
      var items: [StoredJSON] = []
      skipSpace()
      if i < bytes.count, bytes[i] == 0x5D { i += 1; return .array(items) }
      while true {
        items.append(try value(depth: depth + 1))
        skipSpace()
        guard i < bytes.count else { throw Malformed() }
        if bytes[i] == 0x2C { i += 1; continue }
        if bytes[i] == 0x5D { i += 1; return .array(items) }
        throw Malformed()
      }
    }

    mutating func literal(_ word: StaticString) throws {
      let n = word.utf8CodeUnitCount
      guard i + n <= bytes.count else { throw Malformed() }
      for k in 0..<n where bytes[i + k] != word.utf8Start[k] { throw Malformed() }
      i += n
    }

    mutating func number() throws -> String {
      let start = i
      while i < bytes.count,
        (0x30...0x39).contains(bytes[i]) || bytes[i] == 0x2D || bytes[i] == 0x2B
          || bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45
      { i += 1 }
      guard i > start else { throw Malformed() }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    /// A string literal starting at the opening quote; escapes (rare in facts) take the slow path.
    mutating func string() throws -> String {
      i += 1
      let start = i
      while i < bytes.count, bytes[i] != 0x22, bytes[i] != 0x5C {
        guard bytes[i] >= 0x20 else { throw Malformed() }
        i += 1
      }
      guard i < bytes.count else { throw Malformed() }
      if bytes[i] == 0x22 {
        defer { i += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
      }
      var out = Array(bytes[start..<i])
      while i < bytes.count {
        let b = bytes[i]
        if b == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
        guard b >= 0x20 else { throw Malformed() }
        if b != 0x5C { out.append(b); i += 1; continue }
        i += 1
        guard i < bytes.count else { throw Malformed() }
        let e = bytes[i]
        i += 1
        switch e {
        case 0x22, 0x5C, 0x2F: out.append(e)
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x75:
          var scalar = try hex4()
          if (0xD800...0xDBFF).contains(scalar) {
            // A surrogate pair: \uD83D\uDE42.
            guard i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 else { throw Malformed() }
            i += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw Malformed() }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let u = Unicode.Scalar(scalar) else { throw Malformed() }
          out.append(contentsOf: Array(String(Character(u)).utf8))
        default: throw Malformed()
        }
      }
      throw Malformed()
    }

    mutating func hex4() throws -> UInt32 {
      guard i + 4 <= bytes.count else { throw Malformed() }
      var v: UInt32 = 0
      for _ in 0..<4 {
        let b = bytes[i]
        let d: UInt32
        switch b {
        case 0x30...0x39: d = UInt32(b - 0x30)
        case 0x41...0x46: d = UInt32(b - 0x41 + 10)
        case 0x61...0x66: d = UInt32(b - 0x61 + 10)
        default: throw Malformed()
        }
        v = v << 4 | d
        i += 1
      }
      return v
    }
  }
}

/// A `Decoder` over a `StoredJSON` tree.
struct StoredJSONDecoder: Decoder {
  let node: StoredJSON
  let codingPath: [CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let fields) = node else { throw Self.mismatch([String: Any].self, codingPath) }
    return KeyedDecodingContainer(Keyed<Key>(fields: fields, codingPath: codingPath))
  }

  func unkeyedContainer() throws -> UnkeyedDecodingContainer {
    guard case .array(let items) = node else { throw Self.mismatch([Any].self, codingPath) }
    return Unkeyed(items: items, codingPath: codingPath)
  }

  func singleValueContainer() throws -> SingleValueDecodingContainer { Single(node: node, codingPath: codingPath) }

  static func mismatch(_ type: Any.Type, _ path: [CodingKey]) -> DecodingError {
    .typeMismatch(type, .init(codingPath: path, debugDescription: "stored fact has another shape"))
  }

  /// Primitive conversions shared by the three containers.
  static func string(_ n: StoredJSON, _ path: [CodingKey]) throws -> String {
    guard case .string(let s) = n else { throw mismatch(String.self, path) }
    return s
  }

  static func bool(_ n: StoredJSON, _ path: [CodingKey]) throws -> Bool {
    guard case .bool(let b) = n else { throw mismatch(Bool.self, path) }
    return b
  }

  static func integer<T: FixedWidthInteger>(_ n: StoredJSON, _ path: [CodingKey]) throws -> T {
    guard case .number(let s) = n, let v = T(s) else { throw mismatch(T.self, path) }
    return v
  }

  static func floating<T: LosslessStringConvertible>(_ n: StoredJSON, _ path: [CodingKey]) throws -> T {
    guard case .number(let s) = n, let v = T(s) else { throw mismatch(T.self, path) }
    return v
  }

  static func value<T: Decodable>(_ type: T.Type, _ n: StoredJSON, _ path: [CodingKey]) throws -> T {
    if T.self == String.self { return try string(n, path) as! T }
    if T.self == Int64.self { return try integer(n, path) as Int64 as! T }
    if T.self == Int.self { return try integer(n, path) as Int as! T }
    if T.self == Bool.self { return try bool(n, path) as! T }
    return try T(from: StoredJSONDecoder(node: n, codingPath: path))
  }

  struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: [(key: String, value: StoredJSON)]
    let codingPath: [CodingKey]

    var allKeys: [Key] { fields.compactMap { Key(stringValue: $0.key) } }
    func contains(_ key: Key) -> Bool { fields.contains { $0.key == key.stringValue } }

    func node(_ key: Key) throws -> StoredJSON {
      let name = key.stringValue
      guard let f = fields.first(where: { $0.key == name }) else {
        throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no field \(name)"))
      }
      return f.value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
      if case .null = try node(key) { return true }
      return false
    }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try StoredJSONDecoder.bool(node(key), codingPath + [key]) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try StoredJSONDecoder.string(node(key), codingPath + [key]) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try StoredJSONDecoder.floating(node(key), codingPath + [key]) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try StoredJSONDecoder.floating(node(key), codingPath + [key]) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try StoredJSONDecoder.integer(node(key), codingPath + [key]) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try StoredJSONDecoder.integer(node(key), codingPath + [key]) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try StoredJSONDecoder.integer(node(key), codingPath + [key]) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try StoredJSONDecoder.integer(node(key), codingPath + [key]) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try StoredJSONDecoder.integer(node(key), codingPath + [key]) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try StoredJSONDecoder.integer(node(key), codingPath + [key]) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try StoredJSONDecoder.integer(node(key), codingPath + [key]) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try StoredJSONDecoder.integer(node(key), codingPath + [key]) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try StoredJSONDecoder.integer(node(key), codingPath + [key]) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try StoredJSONDecoder.integer(node(key), codingPath + [key]) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
      try StoredJSONDecoder.value(type, node(key), codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
      try StoredJSONDecoder(node: node(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
      try StoredJSONDecoder(node: node(key), codingPath: codingPath + [key]).unkeyedContainer()
    }
    func superDecoder() throws -> Decoder { StoredJSONDecoder(node: .object(fields), codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> Decoder { StoredJSONDecoder(node: try node(key), codingPath: codingPath + [key]) }
  }

  struct Unkeyed: UnkeyedDecodingContainer {
    let items: [StoredJSON]
    let codingPath: [CodingKey]
    var currentIndex = 0

    init(items: [StoredJSON], codingPath: [CodingKey]) { self.items = items; self.codingPath = codingPath }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    struct Index: CodingKey {
      var intValue: Int?
      var stringValue: String { "\(intValue ?? 0)" }
      init(_ i: Int) { intValue = i }
      init?(stringValue: String) { nil }
      init?(intValue: Int) { self.intValue = intValue }
    }

    mutating func next() throws -> (StoredJSON, [CodingKey]) {
      guard currentIndex < items.count else {
        throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "array ended"))
      }
      defer { currentIndex += 1 }
      return (items[currentIndex], codingPath + [Index(currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
      guard currentIndex < items.count else { return false }
      if case .null = items[currentIndex] { currentIndex += 1; return true }
      return false
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool { let (n, p) = try next(); return try StoredJSONDecoder.bool(n, p) }
    mutating func decode(_ type: String.Type) throws -> String { let (n, p) = try next(); return try StoredJSONDecoder.string(n, p) }
    mutating func decode(_ type: Double.Type) throws -> Double { let (n, p) = try next(); return try StoredJSONDecoder.floating(n, p) }
    mutating func decode(_ type: Float.Type) throws -> Float { let (n, p) = try next(); return try StoredJSONDecoder.floating(n, p) }
    mutating func decode(_ type: Int.Type) throws -> Int { let (n, p) = try next(); return try StoredJSONDecoder.integer(n, p) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { let (n, p) = try next(); return try StoredJSONDecoder.integer(n, p) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { let (n, p) = try next(); return try StoredJSONDecoder.integer(n, p) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { let (n, p) = try next(); return try StoredJSONDecoder.integer(n, p) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { let (n, p) = try next(); return try StoredJSONDecoder.integer(n, p) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { let (n, p) = try next(); return try StoredJSONDecoder.integer(n, p) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { let (n, p) = try next(); return try StoredJSONDecoder.integer(n, p) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { let (n, p) = try next(); return try StoredJSONDecoder.integer(n, p) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { let (n, p) = try next(); return try StoredJSONDecoder.integer(n, p) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { let (n, p) = try next(); return try StoredJSONDecoder.integer(n, p) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { let (n, p) = try next(); return try StoredJSONDecoder.value(type, n, p) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
      let (n, p) = try next()
      return try StoredJSONDecoder(node: n, codingPath: p).container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
      let (n, p) = try next()
      return try StoredJSONDecoder(node: n, codingPath: p).unkeyedContainer()
    }
    mutating func superDecoder() throws -> Decoder {
      let (n, p) = try next()
      return StoredJSONDecoder(node: n, codingPath: p)
    }
  }

  struct Single: SingleValueDecodingContainer {
    let node: StoredJSON
    let codingPath: [CodingKey]

    func decodeNil() -> Bool { if case .null = node { return true }; return false }
    func decode(_ type: Bool.Type) throws -> Bool { try StoredJSONDecoder.bool(node, codingPath) }
    func decode(_ type: String.Type) throws -> String { try StoredJSONDecoder.string(node, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try StoredJSONDecoder.floating(node, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try StoredJSONDecoder.floating(node, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try StoredJSONDecoder.integer(node, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try StoredJSONDecoder.integer(node, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try StoredJSONDecoder.integer(node, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try StoredJSONDecoder.integer(node, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try StoredJSONDecoder.integer(node, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try StoredJSONDecoder.integer(node, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try StoredJSONDecoder.integer(node, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try StoredJSONDecoder.integer(node, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try StoredJSONDecoder.integer(node, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try StoredJSONDecoder.integer(node, codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try StoredJSONDecoder.value(type, node, codingPath) }
  }
}
