/// The encoder of one value: it names the value's frame, and hands out one container.
struct StreamEncoder: Encoder {
    let stream: JSONStream
    let frame: Int
    let serial: Int
    var codingPath: [any CodingKey] { stream.codingPath(through: frame) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        stream.open(.object(start: stream.byteCount, firstMember: stream.memberCount), in: frame, serial)
        return KeyedEncodingContainer(StreamKeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        stream.open(.array(count: 0), in: frame, serial)
        return StreamUnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        stream.open(.single(written: false), in: frame, serial)
        return StreamSingleValueContainer(encoder: self)
    }
}

private struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: StreamEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private var stream: JSONStream { encoder.stream }

    private func begin(_ key: Key) throws { try stream.beginMember(key.stringValue, in: encoder.frame, encoder.serial) }

    mutating func encodeNil(forKey key: Key) throws {
        try begin(key)
        stream.writeNull()
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try begin(key)
        stream.writeBool(value)
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        try begin(key)
        stream.writeString(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try begin(key)
        try stream.writeDouble(value, key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        try begin(key)
        try stream.writeDouble(Double(value), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try integer(value, key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try begin(key)
        try stream.write(value, key: key)
    }

    private func integer<Number: BinaryInteger>(_ value: Number, _ key: Key) throws {
        try begin(key)
        stream.writeNumber(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        _ = stream.giveUp()
        return KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(encoder: encoder))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        _ = stream.giveUp()
        return StreamUnkeyedContainer(encoder: encoder)
    }

    mutating func superEncoder() -> any Encoder {
        _ = stream.giveUp()
        return encoder
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        _ = stream.giveUp()
        return encoder
    }
}

private struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: StreamEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int {
        guard case .array(let count) = stream.shape(of: encoder.frame) else { return 0 }
        return count
    }
    private var stream: JSONStream { encoder.stream }

    private func begin() throws -> StreamIndexKey {
        StreamIndexKey(index: try stream.beginElement(in: encoder.frame, encoder.serial))
    }

    mutating func encodeNil() throws {
        _ = try begin()
        stream.writeNull()
    }
    mutating func encode(_ value: Bool) throws {
        _ = try begin()
        stream.writeBool(value)
    }
    mutating func encode(_ value: String) throws {
        _ = try begin()
        stream.writeString(value)
    }
    mutating func encode(_ value: Double) throws { try stream.writeDouble(value, try begin()) }
    mutating func encode(_ value: Float) throws { try stream.writeDouble(Double(value), try begin()) }
    mutating func encode(_ value: Int) throws { try integer(value) }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try stream.write(value, key: try begin()) }

    private func integer<Number: BinaryInteger>(_ value: Number) throws {
        _ = try begin()
        stream.writeNumber(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        _ = stream.giveUp()
        return KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(encoder: encoder))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        _ = stream.giveUp()
        return self
    }

    mutating func superEncoder() -> any Encoder {
        _ = stream.giveUp()
        return encoder
    }
}

private struct StreamSingleValueContainer: SingleValueEncodingContainer {
    let encoder: StreamEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private var stream: JSONStream { encoder.stream }

    private func begin() throws { try stream.beginSingle(in: encoder.frame, encoder.serial) }

    mutating func encodeNil() throws {
        try begin()
        stream.writeNull()
    }
    mutating func encode(_ value: Bool) throws {
        try begin()
        stream.writeBool(value)
    }
    mutating func encode(_ value: String) throws {
        try begin()
        stream.writeString(value)
    }
    mutating func encode(_ value: Double) throws {
        try begin()
        try stream.writeDouble(value, nil)
    }
    mutating func encode(_ value: Float) throws {
        try begin()
        try stream.writeDouble(Double(value), nil)
    }
    mutating func encode(_ value: Int) throws { try integer(value) }
    mutating func encode(_ value: Int8) throws { try integer(value) }
    mutating func encode(_ value: Int16) throws { try integer(value) }
    mutating func encode(_ value: Int32) throws { try integer(value) }
    mutating func encode(_ value: Int64) throws { try integer(value) }
    mutating func encode(_ value: UInt) throws { try integer(value) }
    mutating func encode(_ value: UInt8) throws { try integer(value) }
    mutating func encode(_ value: UInt16) throws { try integer(value) }
    mutating func encode(_ value: UInt32) throws { try integer(value) }
    mutating func encode(_ value: UInt64) throws { try integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try begin()
        try stream.write(value, key: nil)
    }

    private func integer<Number: BinaryInteger>(_ value: Number) throws {
        try begin()
        stream.writeNumber(value)
    }
}

/// An array element's place in a coding path: its index alone, so that it travels without an
/// allocation.
private struct StreamIndexKey: CodingKey {
    let index: Int
    var stringValue: String { String(index) }
    var intValue: Int? { index }

    init(index: Int) { self.index = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.init(index: intValue) }
}
