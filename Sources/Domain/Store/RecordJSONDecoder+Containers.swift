import Foundation

/// A decoder positioned on one node of a document.
struct RecordNodeDecoder: Decoder {
    unowned(unsafe) let document: RecordJSONDocument
    let node: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy _: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard document.nodes[node].kind == .object else { throw RecordDecodingDeclined() }
        return KeyedDecodingContainer(RecordKeyedContainer<Key>(document: document, node: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard document.nodes[node].kind == .array else { throw RecordDecodingDeclined() }
        return RecordUnkeyedContainer(document: document, node: node)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        RecordSingleValue(document: document, node: node)
    }

    /// Decodes a value here, reading the types Foundation's decoder reads specially as it does.
    func decodeValue<Value: Decodable>(_ type: Value.Type) throws -> Value {
        // Metatype comparisons, not casts: this runs for every value decoded.
        if Value.self == String.self { return try document.string(node) as! Value }
        if Value.self == Int.self { return try document.integer(node, as: Int.self) as! Value }
        if Value.self == Double.self { return try document.double(node) as! Value }
        if Value.self == Bool.self {
            return try RecordSingleValue(document: document, node: node).decode(Bool.self) as! Value
        }
        if Value.self == Data.self {
            guard let data = Data(base64Encoded: try document.string(node)) else { throw RecordDecodingDeclined() }
            return data as! Value
        }
        if Value.self == URL.self {
            guard let url = URL(string: try document.string(node)) else { throw RecordDecodingDeclined() }
            return url as! Value
        }
        if Value.self == Decimal.self {
            let text = document.raw(document.nodes[node])
            guard document.nodes[node].kind == .number,
                let decimal = Decimal(string: String(decoding: text, as: UTF8.self), locale: nil)
            else { throw RecordDecodingDeclined() }
            return decimal as! Value
        }
        return try Value(from: self)
    }
}

struct RecordKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    unowned(unsafe) let document: RecordJSONDocument
    let node: Int

    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        var keys: [Key] = []
        var index = node + 1
        let end = Int(document.nodes[node].end)
        while index < end {
            if let text = try? document.string(index), let key = Key(stringValue: text) { keys.append(key) }
            index = Int(document.nodes[index + 1].end)
        }
        return keys
    }

    /// The value node for a key, or `nil` when the object has no such key.
    private func find(_ key: Key) -> Int? {
        var index = node + 1
        let end = Int(document.nodes[node].end)
        let text = key.stringValue
        while index < end {
            if document.keyMatches(index, text) { return index + 1 }
            index = Int(document.nodes[index + 1].end)
        }
        return nil
    }

    private func value(_ key: Key) throws -> Int {
        guard let index = find(key) else { throw RecordDecodingDeclined() }
        return index
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        // Foundation's decoder throws for a missing key here; its answer is the one given.
        guard let index = find(key) else { throw RecordDecodingDeclined() }
        return document.nodes[index].kind == .null
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = find(key), document.nodes[index].kind != .null else { return nil }
        return try RecordNodeDecoder(document: document, node: index).decodeValue(type)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try RecordSingleValue(document: document, node: try value(key)).decode(type)
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try document.string(try value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try document.double(try value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try RecordSingleValue(document: document, node: try value(key)).decode(type)
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try document.integer(try value(key), as: type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try document.integer(try value(key), as: type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try document.integer(try value(key), as: type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try document.integer(try value(key), as: type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try document.integer(try value(key), as: type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try document.integer(try value(key), as: type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try document.integer(try value(key), as: type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try document.integer(try value(key), as: type)
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try document.integer(try value(key), as: type)
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try document.integer(try value(key), as: type)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try RecordNodeDecoder(document: document, node: try value(key)).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try RecordNodeDecoder(document: document, node: try value(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try RecordNodeDecoder(document: document, node: try value(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { throw RecordDecodingDeclined() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw RecordDecodingDeclined() }
}

struct RecordUnkeyedContainer: UnkeyedDecodingContainer {
    unowned(unsafe) let document: RecordJSONDocument
    let node: Int
    private var next: Int
    private(set) var currentIndex = 0

    init(document: RecordJSONDocument, node: Int) {
        self.document = document
        self.node = node
        next = node + 1
    }

    var codingPath: [any CodingKey] { [] }
    var count: Int? { Int(document.nodes[node].count) }
    var isAtEnd: Bool { currentIndex >= count! }

    private mutating func advance() throws -> Int {
        guard !isAtEnd else { throw RecordDecodingDeclined() }
        let index = next
        next = Int(document.nodes[index].end)
        currentIndex += 1
        return index
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw RecordDecodingDeclined() }
        if document.nodes[next].kind == .null {
            _ = try advance()
            return true
        }
        return false
    }

    mutating func decode(_ type: String.Type) throws -> String { try document.string(try advance()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try document.double(try advance()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try document.integer(try advance(), as: type) }
    mutating func decode(_ type: Bool.Type) throws -> Bool {
        try RecordSingleValue(document: document, node: try advance()).decode(type)
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try RecordNodeDecoder(document: document, node: try advance()).decodeValue(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try RecordNodeDecoder(document: document, node: try advance()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try RecordNodeDecoder(document: document, node: try advance()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { throw RecordDecodingDeclined() }
}

struct RecordSingleValue: SingleValueDecodingContainer {
    unowned(unsafe) let document: RecordJSONDocument
    let node: Int

    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { document.nodes[node].kind == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch document.nodes[node].kind {
        case .true: return true
        case .false: return false
        default: throw RecordDecodingDeclined()
        }
    }

    func decode(_ type: String.Type) throws -> String { try document.string(node) }
    func decode(_ type: Double.Type) throws -> Double { try document.double(node) }
    func decode(_ type: Float.Type) throws -> Float { try document.float(node) }
    func decode(_ type: Int.Type) throws -> Int { try document.integer(node, as: type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(node, as: type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(node, as: type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(node, as: type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(node, as: type) }
    func decode(_ type: UInt.Type) throws -> UInt { try document.integer(node, as: type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(node, as: type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(node, as: type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(node, as: type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(node, as: type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try RecordNodeDecoder(document: document, node: node).decodeValue(type)
    }
}
