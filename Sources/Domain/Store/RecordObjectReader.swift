import Foundation

/// A record type that reads itself from a payload the store's decoder has parsed, without `Decodable`'s
/// containers.
///
/// `Decodable` costs a keyed container (with its generic metadata) for every object and a search for
/// every optional key; for the records read in their tens of thousands that is most of the time an
/// analysis takes. A conforming type reads the same keys its synthesized `init(from:)` reads, with the
/// same meaning (a missing or null optional is `nil`; unknown keys are ignored). Anything unexpected
/// throws, and the store's decoder then decodes the payload with Foundation's decoder, so values and
/// errors stay exactly `Decodable`'s. A test decodes every conforming type both ways and compares.
public protocol RecordPayloadDecodable: Decodable {
    /// Reads a value from an object of a parsed payload.
    init(payload: inout RecordObjectReader) throws
}

// A reader belongs to the one decode that lent it.
@available(*, unavailable) extension RecordObjectReader: Sendable {}

/// Reads one object of a parsed payload by key.
///
/// Keys are looked up from where the last one was found, so a type that asks for its keys in sorted
/// order (the order the store's encoder writes them) finds each where it looks first.
///
/// A reader reads the decoder's parsed payload in place, without retaining it; it cannot be copied,
/// so it cannot outlive the decode that lent it to `init(payload:)`.
public struct RecordObjectReader: ~Copyable {
    @usableFromInline unowned(unsafe) let document: RecordJSONDocument
    private let node: Int
    private let end: Int
    private var cursor: Int

    @usableFromInline init(document: RecordJSONDocument, node: Int) throws {
        guard document.nodes[node].kind == .object else { throw RecordDecodingDeclined() }
        self.document = document
        self.node = node
        self.end = Int(document.nodes[node].end)
        self.cursor = node + 1
    }

    /// The value node of a key, or `nil` when the object has no such key.
    private mutating func find(_ key: StaticString) -> Int? {
        var index = cursor
        while index < end {
            if matches(index, key) { return found(index) }
            index = Int(document.nodes[index + 1].end)
        }
        index = node + 1
        while index < cursor {
            if matches(index, key) { return found(index) }
            index = Int(document.nodes[index + 1].end)
        }
        return nil
    }

    private mutating func found(_ keyIndex: Int) -> Int {
        cursor = Int(document.nodes[keyIndex + 1].end)
        if cursor >= end { cursor = node + 1 }
        return keyIndex + 1
    }

    private func matches(_ index: Int, _ key: StaticString) -> Bool {
        let keyNode = document.nodes[index]
        let count = key.utf8CodeUnitCount
        guard keyNode.kind == .string else {
            return keyNode.kind == .escapedString && (try? document.string(index)) == key.description
        }
        guard Int(keyNode.count) == count else { return false }
        return memcmp(document.bytes.baseAddress! + Int(keyNode.start), key.utf8Start, count) == 0
    }

    @usableFromInline mutating func required(_ key: StaticString) throws -> Int {
        guard let index = find(key) else { throw RecordDecodingDeclined() }
        return index
    }

    /// The value node of an optional key: `nil` when missing or null, as `decodeIfPresent` reads it.
    @usableFromInline mutating func optional(_ key: StaticString) -> Int? {
        guard let index = find(key), document.nodes[index].kind != .null else { return nil }
        return index
    }

    /// A string.
    public mutating func string(_ key: StaticString) throws -> String { try document.string(try required(key)) }

    /// An optional string.
    public mutating func stringIfPresent(_ key: StaticString) throws -> String? {
        guard let index = optional(key) else { return nil }
        return try document.string(index)
    }

    /// A Boolean.
    public mutating func bool(_ key: StaticString) throws -> Bool { try boolean(try required(key)) }

    /// An optional Boolean.
    public mutating func boolIfPresent(_ key: StaticString) throws -> Bool? {
        guard let index = optional(key) else { return nil }
        return try boolean(index)
    }

    private func boolean(_ index: Int) throws -> Bool {
        switch document.nodes[index].kind {
        case .true: return true
        case .false: return false
        default: throw RecordDecodingDeclined()
        }
    }

    /// An integer.
    public mutating func int(_ key: StaticString) throws -> Int {
        try document.integer(try required(key), as: Int.self)
    }

    /// An optional integer.
    public mutating func intIfPresent(_ key: StaticString) throws -> Int? {
        guard let index = optional(key) else { return nil }
        return try document.integer(index, as: Int.self)
    }

    /// A number.
    public mutating func double(_ key: StaticString) throws -> Double { try document.double(try required(key)) }

    /// An optional number.
    public mutating func doubleIfPresent(_ key: StaticString) throws -> Double? {
        guard let index = optional(key) else { return nil }
        return try document.double(index)
    }

    /// A value written as its raw text: an enumeration or a code.
    @inlinable public mutating func raw<Value: RawRepresentable>(_: Value.Type, _ key: StaticString) throws -> Value
    where Value.RawValue == String {
        try rawValue(try required(key))
    }

    /// An optional value written as its raw text.
    @inlinable public mutating func rawIfPresent<Value: RawRepresentable>(
        _: Value.Type,
        _ key: StaticString
    ) throws -> Value?
    where Value.RawValue == String {
        guard let index = optional(key) else { return nil }
        return try rawValue(index)
    }

    @inlinable func rawValue<Value: RawRepresentable>(_ index: Int) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try text(index)) else { throw RecordDecodingDeclined() }
        return value
    }

    @usableFromInline func text(_ index: Int) throws -> String { try document.string(index) }

    /// An identifier.
    @inlinable public mutating func id<Kind>(_: Kind.Type, _ key: StaticString) throws -> Identifier<Kind> {
        try rawValue(try required(key))
    }

    /// An optional identifier.
    @inlinable public mutating func idIfPresent<Kind>(_: Kind.Type, _ key: StaticString) throws -> Identifier<Kind>? {
        guard let index = optional(key) else { return nil }
        return try rawValue(index)
    }

    /// A day, written in ISO 8601.
    public mutating func day(_ key: StaticString) throws -> Day { try parseDay(try required(key)) }

    /// An optional day.
    public mutating func dayIfPresent(_ key: StaticString) throws -> Day? {
        guard let index = optional(key) else { return nil }
        return try parseDay(index)
    }

    private func parseDay(_ index: Int) throws -> Day {
        do { return try Day(parsing: try document.string(index)) } catch { throw RecordDecodingDeclined() }
    }

    /// Any decodable value, through the store's decoder's `Decodable` containers.
    public mutating func decode<Value: Decodable>(_: Value.Type, _ key: StaticString) throws -> Value {
        try RecordNodeDecoder(document: document, node: try required(key)).decodeValue(Value.self)
    }

    /// Any optional decodable value.
    public mutating func decodeIfPresent<Value: Decodable>(_: Value.Type, _ key: StaticString) throws -> Value? {
        guard let index = optional(key) else { return nil }
        return try RecordNodeDecoder(document: document, node: index).decodeValue(Value.self)
    }

    /// A value that reads itself.
    @inlinable public mutating func object<Value: RecordPayloadDecodable>(
        _: Value.Type,
        _ key: StaticString
    ) throws -> Value {
        var reader = try RecordObjectReader(document: document, node: try required(key))
        return try Value(payload: &reader)
    }

    /// An optional value that reads itself.
    @inlinable public mutating func objectIfPresent<Value: RecordPayloadDecodable>(
        _: Value.Type,
        _ key: StaticString
    ) throws -> Value? {
        guard let index = optional(key) else { return nil }
        var reader = try RecordObjectReader(document: document, node: index)
        return try Value(payload: &reader)
    }

    /// An array of values that read themselves.
    @inlinable public mutating func array<Element: RecordPayloadDecodable>(
        _: Element.Type,
        _ key: StaticString
    ) throws -> [Element] {
        try elements(try required(key))
    }

    /// An optional array of values that read themselves.
    @inlinable public mutating func arrayIfPresent<Element: RecordPayloadDecodable>(
        _: Element.Type,
        _ key: StaticString
    ) throws -> [Element]? {
        guard let index = optional(key) else { return nil }
        return try elements(index)
    }

    @inlinable func elements<Element: RecordPayloadDecodable>(_ index: Int) throws -> [Element] {
        let (count, end) = try arrayBounds(index)
        var elements: [Element] = []
        elements.reserveCapacity(count)
        var child = index + 1
        while child < end {
            var reader = try RecordObjectReader(document: document, node: child)
            elements.append(try Element(payload: &reader))
            child = nextSibling(child)
        }
        return elements
    }

    /// An array of strings.
    public mutating func strings(_ key: StaticString) throws -> [String] {
        let index = try required(key)
        let (count, end) = try arrayBounds(index)
        var strings: [String] = []
        strings.reserveCapacity(count)
        var child = index + 1
        while child < end {
            strings.append(try document.string(child))
            child = nextSibling(child)
        }
        return strings
    }

    /// An array of values written as their raw text.
    @inlinable public mutating func rawArray<Value: RawRepresentable>(
        _: Value.Type,
        _ key: StaticString
    ) throws -> [Value] where Value.RawValue == String {
        try rawElements(try required(key))
    }

    /// An optional array of values written as their raw text: `nil` when missing or null.
    @inlinable public mutating func rawArrayIfPresent<Value: RawRepresentable>(
        _: Value.Type,
        _ key: StaticString
    ) throws -> [Value]? where Value.RawValue == String {
        guard let index = optional(key) else { return nil }
        return try rawElements(index)
    }

    @inlinable func rawElements<Value: RawRepresentable>(_ index: Int) throws -> [Value]
    where Value.RawValue == String {
        let (count, end) = try arrayBounds(index)
        var values: [Value] = []
        values.reserveCapacity(count)
        var child = index + 1
        while child < end {
            values.append(try rawValue(child))
            child = nextSibling(child)
        }
        return values
    }

    /// An object read as a dictionary of values written as their raw text.
    @inlinable public mutating func rawDictionary<Value: RawRepresentable>(
        _: Value.Type,
        _ key: StaticString
    ) throws -> [String: Value] where Value.RawValue == String {
        let index = try required(key)
        var dictionary: [String: Value] = [:]
        dictionary.reserveCapacity(try memberCount(index))
        try forEachMember(index) { name, value in
            guard dictionary.updateValue(try rawValue(value), forKey: name) == nil else {
                throw RecordDecodingDeclined()
            }
        }
        return dictionary
    }

    /// An object read as a dictionary of values written as their raw text, keyed by codes.
    @inlinable public mutating func rawDictionary<Key: RawRepresentable & Hashable, Value: RawRepresentable>(
        _: Value.Type,
        keyedBy _: Key.Type,
        _ key: StaticString
    ) throws -> [Key: Value] where Key.RawValue == String, Value.RawValue == String {
        let index = try required(key)
        var dictionary: [Key: Value] = [:]
        dictionary.reserveCapacity(try memberCount(index))
        try forEachMember(index) { name, value in
            guard let code = Key(rawValue: name), dictionary.updateValue(try rawValue(value), forKey: code) == nil
            else { throw RecordDecodingDeclined() }
        }
        return dictionary
    }

    /// An object read as a dictionary of values that read themselves, keyed by codes.
    @inlinable public mutating func dictionary<Key: RawRepresentable & Hashable, Value: RecordPayloadDecodable>(
        _: Value.Type,
        keyedBy _: Key.Type,
        _ key: StaticString
    ) throws -> [Key: Value] where Key.RawValue == String {
        try keyedMembers(try required(key))
    }

    /// An optional object read as a dictionary of values that read themselves, keyed by codes.
    @inlinable
    public mutating func dictionaryIfPresent<
        Key: RawRepresentable & Hashable,
        Value: RecordPayloadDecodable
    >(
        _: Value.Type,
        keyedBy _: Key.Type,
        _ key: StaticString
    ) throws -> [Key: Value]? where Key.RawValue == String {
        guard let index = optional(key) else { return nil }
        return try keyedMembers(index)
    }

    @inlinable func keyedMembers<Key: RawRepresentable & Hashable, Value: RecordPayloadDecodable>(
        _ index: Int
    ) throws -> [Key: Value] where Key.RawValue == String {
        var dictionary: [Key: Value] = [:]
        dictionary.reserveCapacity(try memberCount(index))
        try forEachMember(index) { name, value in
            var reader = try RecordObjectReader(document: document, node: value)
            guard let code = Key(rawValue: name),
                dictionary.updateValue(try Value(payload: &reader), forKey: code) == nil
            else { throw RecordDecodingDeclined() }
        }
        return dictionary
    }

    /// An object read as a dictionary of values that read themselves.
    @inlinable public mutating func dictionary<Value: RecordPayloadDecodable>(
        _: Value.Type,
        _ key: StaticString
    ) throws -> [String: Value] {
        try members(try required(key))
    }

    /// An optional object read as a dictionary of values that read themselves.
    @inlinable public mutating func dictionaryIfPresent<Value: RecordPayloadDecodable>(
        _: Value.Type,
        _ key: StaticString
    ) throws -> [String: Value]? {
        guard let index = optional(key) else { return nil }
        return try members(index)
    }

    /// An object read as an array, in the order its members are written: `read` makes each element
    /// from a member's name and a reader of its value, which must be an object.
    ///
    /// For a projection that needs a dictionary's contents but not its hashing: a case return's
    /// grades by section, read as pairs. The names must be in increasing order (as the store's
    /// encoder writes them, keys sorted); otherwise, as on any other surprise, the reader gives up
    /// and the payload is decoded by the type's `init(from:)`.
    @inlinable public mutating func members<Element>(
        _ key: StaticString,
        _ read: (_ name: String, _ value: inout RecordObjectReader) throws -> Element
    ) throws -> [Element] {
        let index = try required(key)
        var elements: [Element] = []
        elements.reserveCapacity(try memberCount(index))
        var previous: String?
        try forEachMember(index) { name, value in
            if let previous, previous >= name { throw RecordDecodingDeclined() }
            var reader = try RecordObjectReader(document: document, node: value)
            elements.append(try read(name, &reader))
            previous = name
        }
        return elements
    }

    @inlinable func members<Value: RecordPayloadDecodable>(_ index: Int) throws -> [String: Value] {
        var dictionary: [String: Value] = [:]
        dictionary.reserveCapacity(try memberCount(index))
        try forEachMember(index) { name, value in
            var reader = try RecordObjectReader(document: document, node: value)
            guard dictionary.updateValue(try Value(payload: &reader), forKey: name) == nil else {
                throw RecordDecodingDeclined()
            }
        }
        return dictionary
    }

    /// The number of members of an object node.
    @usableFromInline func memberCount(_ index: Int) throws -> Int {
        let object = document.nodes[index]
        guard object.kind == .object else { throw RecordDecodingDeclined() }
        return Int(object.count)
    }

    /// Calls `body` with each member's name and value node, in order; a repeated name is refused by the callers.
    @usableFromInline func forEachMember(_ index: Int, _ body: (String, Int) throws -> Void) throws {
        let end = Int(document.nodes[index].end)
        var member = index + 1
        while member < end {
            try body(try document.string(member), member + 1)
            member = nextSibling(member + 1)
        }
    }

    /// An array node's element count and the index after its last element.
    @usableFromInline func arrayBounds(_ index: Int) throws -> (count: Int, end: Int) {
        let array = document.nodes[index]
        guard array.kind == .array else { throw RecordDecodingDeclined() }
        return (Int(array.count), Int(array.end))
    }

    /// The node after a value and everything in it.
    @usableFromInline func nextSibling(_ index: Int) -> Int { Int(document.nodes[index].end) }
}
