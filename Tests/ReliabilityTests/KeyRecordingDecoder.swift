import Foundation

/// Decodes a value from JSON while recording every key its `Decodable` implementation asks for,
/// including optional keys that are absent: the coding keys of a type, walked through a sample.
final class KeyRecordingDecoder {
    /// Every key asked for, as a dotted path such as `responses.actions.owner`.
    private(set) var paths: Set<String> = []

    func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        let tree = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return try Value(from: Node(value: tree, path: [], recorder: self))
    }

    fileprivate func record(_ path: [String]) { paths.insert(path.joined(separator: ".")) }

    fileprivate struct Node: Decoder {
        let value: Any
        let path: [String]
        let recorder: KeyRecordingDecoder
        var codingPath: [any CodingKey] { path.map { AnyKey(stringValue: $0) } }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard let object = value as? [String: Any] else { throw mismatch([String: Any].self) }
            return KeyedDecodingContainer(Keyed<Key>(object: object, path: path, recorder: recorder))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard let array = value as? [Any] else { throw mismatch([Any].self) }
            return Unkeyed(array: array, path: path, recorder: recorder)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(node: self) }

        func mismatch(_ type: Any.Type) -> DecodingError {
            DecodingError.typeMismatch(
                type,
                .init(codingPath: codingPath, debugDescription: "found \(Swift.type(of: value))")
            )
        }

        func primitive<T>(_ type: T.Type) throws -> T {
            if let value = value as? T { return value }
            if let number = value as? NSNumber {
                switch type {
                case is Int.Type: return number.intValue as! T
                case is Int64.Type: return number.int64Value as! T
                case is Int32.Type: return number.int32Value as! T
                case is Int16.Type: return number.int16Value as! T
                case is Int8.Type: return number.int8Value as! T
                case is UInt.Type: return number.uintValue as! T
                case is UInt64.Type: return number.uint64Value as! T
                case is UInt32.Type: return number.uint32Value as! T
                case is UInt16.Type: return number.uint16Value as! T
                case is UInt8.Type: return number.uint8Value as! T
                case is Double.Type: return number.doubleValue as! T
                case is Float.Type: return number.floatValue as! T
                case is Bool.Type: return number.boolValue as! T
                default: break
                }
            }
            throw mismatch(type)
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let object: [String: Any]
        let path: [String]
        let recorder: KeyRecordingDecoder
        var codingPath: [any CodingKey] { path.map { AnyKey(stringValue: $0) } }
        var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool {
            recorder.record(path + [key.stringValue])
            return object[key.stringValue] != nil
        }

        func node(_ key: Key) throws -> Node {
            recorder.record(path + [key.stringValue])
            guard let value = object[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
            }
            return Node(value: value, path: path + [key.stringValue], recorder: recorder)
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            recorder.record(path + [key.stringValue])
            return object[key.stringValue] == nil || object[key.stringValue] is NSNull
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try node(key).primitive(type) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try node(key).primitive(type) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try node(key).primitive(type) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try node(key).primitive(type) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try node(key).primitive(type) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try node(key).primitive(type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try node(key).primitive(type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try node(key).primitive(type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try node(key).primitive(type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try node(key).primitive(type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try node(key).primitive(type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try node(key).primitive(type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try node(key).primitive(type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try node(key).primitive(type) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try T(from: node(key)) }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type,
            forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try node(key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try node(key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { try node(Key(stringValue: "super")!) }
        func superDecoder(forKey key: Key) throws -> any Decoder { try node(key) }
    }

    private struct Unkeyed: UnkeyedDecodingContainer {
        let array: [Any]
        let path: [String]
        let recorder: KeyRecordingDecoder
        var currentIndex = 0
        var codingPath: [any CodingKey] { path.map { AnyKey(stringValue: $0) } }
        var count: Int? { array.count }
        var isAtEnd: Bool { currentIndex >= array.count }

        mutating func next() throws -> Node {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "at end"))
            }
            defer { currentIndex += 1 }
            return Node(value: array[currentIndex], path: path, recorder: recorder)
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, array[currentIndex] is NSNull else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try next().primitive(type) }
        mutating func decode(_ type: String.Type) throws -> String { try next().primitive(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try next().primitive(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try next().primitive(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try next().primitive(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().primitive(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().primitive(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().primitive(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().primitive(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try next().primitive(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().primitive(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().primitive(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().primitive(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().primitive(type) }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: next()) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
        mutating func superDecoder() throws -> any Decoder { try next() }
    }

    private struct Single: SingleValueDecodingContainer {
        let node: Node
        var codingPath: [any CodingKey] { node.codingPath }
        func decodeNil() -> Bool { node.value is NSNull }
        func decode(_ type: Bool.Type) throws -> Bool { try node.primitive(type) }
        func decode(_ type: String.Type) throws -> String { try node.primitive(type) }
        func decode(_ type: Double.Type) throws -> Double { try node.primitive(type) }
        func decode(_ type: Float.Type) throws -> Float { try node.primitive(type) }
        func decode(_ type: Int.Type) throws -> Int { try node.primitive(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try node.primitive(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try node.primitive(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try node.primitive(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try node.primitive(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try node.primitive(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try node.primitive(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try node.primitive(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try node.primitive(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try node.primitive(type) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: node) }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
