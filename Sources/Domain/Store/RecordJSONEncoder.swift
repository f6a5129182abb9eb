package import Foundation

/// Encodes records as compact JSON with sorted keys, for the store's payloads.
///
/// It writes what Foundation's `JSONEncoder` writes with `.sortedKeys` and `.withoutEscapingSlashes`
/// for the values records hold, and Foundation's `JSONDecoder` reads it back, but several times
/// faster: encoding was most of the cost of importing a partnership. Like Foundation's encoder's
/// defaults, `Data` is written as Base64, `URL` as its absolute string, `Decimal` as a number and
/// `Date` as its own `Codable` form (seconds since the reference date); a non-finite number is an
/// error. Keys are sorted (in Swift's string order), so the same value always gives the same bytes.
///
/// A value whose type writes itself (``RecordPayloadEncodable``) is written by its own writer; any
/// other is written in one pass as its `encode(to:)` hands its values over
/// (`RecordJSONStreamEncoder`); one whose encoding asks for what a single pass cannot write (a
/// nested container, a super encoder, a container asked for twice) is written through a tree of
/// nodes instead, to the same bytes.
package struct RecordJSONEncoder {
    /// Whether every value is written through the tree, as the one-pass writer is tested against.
    package var alwaysThroughTree: Bool

    /// Creates the encoder.
    package init(alwaysThroughTree: Bool = false) {
        self.alwaysThroughTree = alwaysThroughTree
    }

    /// The value as JSON.
    package func encode<Value: Encodable>(_ value: Value) throws -> Data {
        if !alwaysThroughTree {
            if let writing = value as? any RecordPayloadEncodable, let bytes = RecordPayloadWriting.bytes(of: writing) {
                return Data(bytes)
            }
            if let bytes = try RecordJSONStreamEncoder.encode(value) { return Data(bytes) }
        }
        let root = try JSONNode.encoding(value, path: CodingPath(parent: nil, key: nil))
        var writer = JSONWriter()
        writer.bytes.reserveCapacity(256)
        try writer.write(root)
        return Data(writer.bytes)
    }
}

/// A value being encoded.
///
/// Objects and arrays are reference types so that a container handed out to the encoding code can
/// be filled after it has been attached to its parent.
private enum JSONNode {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case object(JSONObject)
    case array(JSONArray)
    /// A value encoded through a nested encoder (a super encoder), read when written.
    case deferred(NodeEncoder)

    /// Encodes a nested value.
    ///
    /// Comparing metatypes first spares the dynamic casts that dominate encoding when most values
    /// are strings and numbers.
    static func encoding<Value: Encodable>(_ value: Value, path: CodingPath) throws -> JSONNode {
        if Value.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if Value.self == Int.self { return .number(String(unsafeBitCast(value, to: Int.self))) }
        if Value.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if Value.self == Double.self { return try .double(unsafeBitCast(value, to: Double.self), path) }
        if Value.self == Data.self { return .string((value as! Data).base64EncodedString()) }
        if Value.self == URL.self { return .string((value as! URL).absoluteString) }
        if Value.self == Decimal.self { return .number((value as! Decimal).description) }
        let encoder = NodeEncoder(path: path)
        try value.encode(to: encoder)
        return encoder.node ?? .object(JSONObject())
    }

    static func double(_ value: Double, _ path: CodingPath) throws -> JSONNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: path.keys, debugDescription: "\(value) is not a JSON number")
            )
        }
        if let integer = value.payloadInteger { return .number(String(integer)) }
        return .number(value.description)
    }
}

private final class JSONObject {
    var members: [(key: String, value: JSONNode)] = []

    func set(_ key: String, _ value: JSONNode) {
        members.append((key, value))
    }
}

/// The path to a value, kept as a chain and turned into an array only for an error.
final class CodingPath {
    let parent: CodingPath?
    let key: (any CodingKey)?

    init(parent: CodingPath?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
    }

    func appending(_ key: any CodingKey) -> CodingPath { CodingPath(parent: self, key: key) }

    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node: CodingPath? = self
        while let current = node {
            if let key = current.key { keys.append(key) }
            node = current.parent
        }
        return keys.reversed()
    }
}

private final class JSONArray {
    var values: [JSONNode] = []
}

@usableFromInline struct JSONWriter: Sendable {
    @usableFromInline var bytes: [UInt8] = []

    fileprivate mutating func write(_ node: JSONNode) throws {
        switch node {
        case .null: bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let flag): bytes.append(contentsOf: flag ? Array("true".utf8) : Array("false".utf8))
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let text): writeString(text)
        case .array(let array):
            bytes.append(0x5B)
            for (index, value) in array.values.enumerated() {
                if index > 0 { bytes.append(0x2C) }
                try write(value)
            }
            bytes.append(0x5D)
        case .object(let object):
            bytes.append(0x7B)
            // Sorted by key (a stable sort); where a key was set twice, the last value stands.
            var members = object.members
            var sorted = true
            for index in members.indices.dropFirst() where !(members[index - 1].key < members[index].key) {
                sorted = false
                break
            }
            if !sorted {
                members = members.enumerated().sorted { lhs, rhs in
                    lhs.element.key == rhs.element.key ? lhs.offset < rhs.offset : lhs.element.key < rhs.element.key
                }.map(\.element)
            }
            var first = true
            for (position, member) in members.enumerated() {
                if position + 1 < members.count, members[position + 1].key == member.key { continue }
                if !first { bytes.append(0x2C) }
                first = false
                writeString(member.key)
                bytes.append(0x3A)
                try write(member.value)
            }
            bytes.append(0x7D)
        case .deferred(let encoder):
            try write(encoder.node ?? .object(JSONObject()))
        }
    }

    mutating func writeString(_ text: String) {
        var text = text
        // Native strings are contiguous UTF-8: scan and copy the bytes directly.
        text.withUTF8 { buffer in
            bytes.append(0x22)
            var start = 0
            for index in 0..<buffer.count {
                let byte = buffer[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                if index > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index])) }
                appendEscaped(byte)
                start = index + 1
            }
            if buffer.count > start {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<buffer.count]))
            }
            bytes.append(0x22)
        }
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
        case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
        case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
        case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
        case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
        }
    }
}

/// The `Encoder` the encoding code talks to; it leaves one node behind.
private final class NodeEncoder: Encoder {
    let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var node: JSONNode?

    init(path: CodingPath) {
        self.path = path
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONObject
        if case .object(let existing) = node {
            object = existing
        } else {
            object = JSONObject()
            node = .object(object)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(object: object, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONArray
        if case .array(let existing) = node {
            array = existing
        } else {
            array = JSONArray()
            node = .array(array)
        }
        return UnkeyedContainer(array: array, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONObject
    let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }

    mutating func encodeNil(forKey key: Key) throws { object.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { object.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        object.set(key.stringValue, try .double(value, path.appending(key)))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        object.set(key.stringValue, try .double(Double(value), path.appending(key)))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { object.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { object.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { object.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { object.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { object.set(key.stringValue, .number(String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        object.set(key.stringValue, .number(String(value)))
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        object.set(key.stringValue, .number(String(value)))
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        object.set(key.stringValue, .number(String(value)))
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.set(key.stringValue, try .encoding(value, path: path.appending(key)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        object.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, path: path.appending(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArray()
        object.set(key.stringValue, .array(nested))
        return UnkeyedContainer(array: nested, path: path.appending(key))
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named name: String) -> any Encoder {
        let encoder = NodeEncoder(path: path.appending(AnyKey(name)))
        object.set(name, .deferred(encoder))
        return encoder
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let array: JSONArray
    let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }
    var count: Int { array.values.count }

    private var nextPath: CodingPath { path.appending(AnyKey(index: array.values.count)) }

    mutating func encodeNil() throws { array.values.append(.null) }
    mutating func encode(_ value: Bool) throws { array.values.append(.bool(value)) }
    mutating func encode(_ value: String) throws { array.values.append(.string(value)) }
    mutating func encode(_ value: Double) throws { array.values.append(try .double(value, nextPath)) }
    mutating func encode(_ value: Float) throws { array.values.append(try .double(Double(value), nextPath)) }
    mutating func encode(_ value: Int) throws { array.values.append(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { array.values.append(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { array.values.append(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { array.values.append(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { array.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { array.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { array.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { array.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { array.values.append(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { array.values.append(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        array.values.append(try .encoding(value, path: nextPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        let path = nextPath
        array.values.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, path: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArray()
        let path = nextPath
        array.values.append(.array(nested))
        return UnkeyedContainer(array: nested, path: path)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = NodeEncoder(path: nextPath)
        array.values.append(.deferred(encoder))
        return encoder
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private var path: CodingPath { encoder.path }

    mutating func encodeNil() throws { encoder.node = .null }
    mutating func encode(_ value: Bool) throws { encoder.node = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.node = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.node = try .double(value, path) }
    mutating func encode(_ value: Float) throws { encoder.node = try .double(Double(value), path) }
    mutating func encode(_ value: Int) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.node = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.node = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.node = try .encoding(value, path: path)
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    init(index: Int) {
        stringValue = String(index)
        intValue = index
    }

    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}

extension Double {
    /// The integer a finite number is written as in a payload (`3` for `3.0`), or `nil` when it is
    /// written as Swift describes it: one rule for the one-pass writer and the tree.
    var payloadInteger: Int64? { self == rounded() && abs(self) < 1e15 ? Int64(self) : nil }
}
