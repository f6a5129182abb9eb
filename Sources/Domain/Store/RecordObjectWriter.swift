import Foundation

/// A record type that writes its own payload, without `Encodable`'s containers.
///
/// `Encodable` costs a keyed container (with its generic metadata, retains and releases) for every
/// object and a dynamic call for every value; for the records a partnership's import writes in their
/// tens of thousands that was most of what encoding cost. A conforming type writes the members its
/// synthesized `encode(to:)` writes, in sorted key order (the order the store's payloads hold them),
/// each value as `Encodable` writes it: an absent optional is left out. The bytes must equal the
/// `Encodable` path's, which a test checks for every conforming type (`PayloadEncodingCheck`).
///
/// Anything the writer cannot vouch for (keys out of order or repeated, a value that throws) makes
/// the store's encoder write the whole value through `Encodable` instead, so the payload and any
/// error stay exactly `Encodable`'s.
///
/// ```swift
/// extension MissingEpisode: RecordPayloadEncodable {
///     public func write(payload: inout RecordObjectWriter) throws {
///         try payload.id("agency", agency)
///         try payload.day("reportedOn", reportedOn)
///         try payload.dayIfPresent("returnedOn", returnedOn)
///     }
/// }
/// ```
public protocol RecordPayloadEncodable: Encodable {
    /// Writes the value's members, in sorted key order.
    func write(payload: inout RecordObjectWriter) throws
}

/// Thrown when a value's own writer asks for what the encoder cannot vouch for.
struct RecordEncodingDeclined: Error {}

/// Writes a value's own payload, or `nil` when its writer declines: the store's encoder then writes it
/// through `Encodable`.
package enum RecordPayloadWriting {
    /// The value's payload as its own writer writes it, or `nil` when it declines or throws.
    package static func bytes(of value: some RecordPayloadEncodable) -> [UInt8]? {
        var output = JSONWriter()
        output.bytes.reserveCapacity(512)
        let written = withUnsafeMutablePointer(to: &output) { pointer in
            (try? RecordObjectWriter.writeObject(value, to: pointer)) != nil
        }
        return written ? output.bytes : nil
    }
}

// A writer belongs to the one encode that lent it.
@available(*, unavailable) extension RecordObjectWriter: Sendable {}

/// Writes one object of a payload, member by member, in sorted key order.
///
/// A writer writes into the encoder's buffer in place; it cannot be copied, so it cannot outlive the
/// encode that lent it to `write(payload:)`.
public struct RecordObjectWriter: ~Copyable {
    @usableFromInline let output: UnsafeMutablePointer<JSONWriter>
    private var previousKey: StaticString?

    @usableFromInline init(output: UnsafeMutablePointer<JSONWriter>) {
        self.output = output
    }

    @usableFromInline static func writeObject<Value: RecordPayloadEncodable>(
        _ value: Value,
        to output: UnsafeMutablePointer<JSONWriter>
    ) throws {
        output.pointee.bytes.append(0x7B)
        var writer = RecordObjectWriter(output: output)
        try value.write(payload: &writer)
        output.pointee.bytes.append(0x7D)
    }

    /// Writes a member's key, after a comma when it is not the first; a key that does not follow the one
    /// before in sorted order declines, as does one that JSON would need to escape.
    @usableFromInline mutating func key(_ key: StaticString) throws {
        // A one-character literal may be held as a scalar rather than bytes; `withUTF8Buffer` reads both.
        let plain = key.withUTF8Buffer { name in
            !name.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 >= 0x80 }
        }
        guard plain else { throw RecordEncodingDeclined() }
        if let previous = previousKey {
            guard Self.precedes(previous, key) else { throw RecordEncodingDeclined() }
            output.pointee.bytes.append(0x2C)
        }
        previousKey = key
        output.pointee.bytes.append(0x22)
        key.withUTF8Buffer { output.pointee.bytes.append(contentsOf: $0) }
        output.pointee.bytes.append(contentsOf: [0x22, 0x3A])
    }

    /// Whether one ASCII key sorts strictly before another, as Swift orders their strings.
    private static func precedes(_ left: StaticString, _ right: StaticString) -> Bool {
        left.withUTF8Buffer { left in right.withUTF8Buffer { left.lexicographicallyPrecedes($0) } }
    }

    @usableFromInline func text(_ value: String) { output.pointee.writeString(value) }

    @usableFromInline func dayText(_ value: Day) {
        let (year, month, day) = value.components
        guard (0...9999).contains(year) else { return output.pointee.writeString(value.description) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 12) { digits in
            digits[0] = 0x22
            digits[1] = 0x30 + UInt8(year / 1000)
            digits[2] = 0x30 + UInt8(year / 100 % 10)
            digits[3] = 0x30 + UInt8(year / 10 % 10)
            digits[4] = 0x30 + UInt8(year % 10)
            digits[5] = 0x2D
            digits[6] = 0x30 + UInt8(month / 10)
            digits[7] = 0x30 + UInt8(month % 10)
            digits[8] = 0x2D
            digits[9] = 0x30 + UInt8(day / 10)
            digits[10] = 0x30 + UInt8(day % 10)
            digits[11] = 0x22
            output.pointee.bytes.append(contentsOf: UnsafeBufferPointer(digits))
        }
    }

    /// A string.
    public mutating func string(_ key: StaticString, _ value: String) throws {
        try self.key(key)
        text(value)
    }

    /// An optional string, left out when `nil`.
    public mutating func stringIfPresent(_ key: StaticString, _ value: String?) throws {
        guard let value else { return }
        try string(key, value)
    }

    /// A Boolean.
    public mutating func bool(_ key: StaticString, _ value: Bool) throws {
        try self.key(key)
        output.pointee.bytes.append(contentsOf: value ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65])
    }

    /// An optional Boolean, left out when `nil`.
    public mutating func boolIfPresent(_ key: StaticString, _ value: Bool?) throws {
        guard let value else { return }
        try bool(key, value)
    }

    /// An integer.
    public mutating func int(_ key: StaticString, _ value: Int) throws {
        try self.key(key)
        output.pointee.bytes.append(contentsOf: String(value).utf8)
    }

    /// An optional integer, left out when `nil`.
    public mutating func intIfPresent(_ key: StaticString, _ value: Int?) throws {
        guard let value else { return }
        try int(key, value)
    }

    /// A day, as its ISO 8601 text.
    public mutating func day(_ key: StaticString, _ value: Day) throws {
        try self.key(key)
        dayText(value)
    }

    /// An optional day, left out when `nil`.
    public mutating func dayIfPresent(_ key: StaticString, _ value: Day?) throws {
        guard let value else { return }
        try day(key, value)
    }

    /// An identifier, as its text.
    @inlinable public mutating func id<Kind>(_ key: StaticString, _ value: Identifier<Kind>) throws {
        try self.key(key)
        text(value.rawValue)
    }

    /// An optional identifier, left out when `nil`.
    @inlinable public mutating func idIfPresent<Kind>(_ key: StaticString, _ value: Identifier<Kind>?) throws {
        guard let value else { return }
        try id(key, value)
    }

    /// A value coded as its raw text: a `String`-backed enumeration or a code.
    @inlinable public mutating func raw<Value: RawRepresentable>(_ key: StaticString, _ value: Value) throws
    where Value.RawValue == String {
        try self.key(key)
        text(value.rawValue)
    }

    /// An optional value coded as its raw text, left out when `nil`.
    @inlinable public mutating func rawIfPresent<Value: RawRepresentable>(_ key: StaticString, _ value: Value?) throws
    where Value.RawValue == String {
        guard let value else { return }
        try raw(key, value)
    }

    /// An array of values coded as their raw texts.
    @inlinable public mutating func rawArray<Value: RawRepresentable>(_ key: StaticString, _ values: [Value]) throws
    where Value.RawValue == String {
        try self.key(key)
        output.pointee.bytes.append(0x5B)
        for (index, value) in values.enumerated() {
            if index > 0 { output.pointee.bytes.append(0x2C) }
            text(value.rawValue)
        }
        output.pointee.bytes.append(0x5D)
    }

    /// An optional array of values coded as their raw texts, left out when `nil`.
    @inlinable public mutating func rawArrayIfPresent<Value: RawRepresentable>(
        _ key: StaticString,
        _ values: [Value]?
    ) throws where Value.RawValue == String {
        guard let values else { return }
        try rawArray(key, values)
    }

    /// An array of strings.
    public mutating func strings(_ key: StaticString, _ values: [String]) throws {
        try self.key(key)
        output.pointee.bytes.append(0x5B)
        for (index, value) in values.enumerated() {
            if index > 0 { output.pointee.bytes.append(0x2C) }
            text(value)
        }
        output.pointee.bytes.append(0x5D)
    }

    /// A dictionary keyed by texts or codes, as `Dictionary` codes it: an object whose members are
    /// named by the keys (in sorted order) and hold values coded as their raw texts.
    @inlinable public mutating func rawDictionary<Key: CodingKeyRepresentable & Hashable, Value: RawRepresentable>(
        _ key: StaticString,
        _ values: [Key: Value]
    ) throws where Value.RawValue == String {
        try self.key(key)
        writeMembers(values.map { ($0.key.codingKey.stringValue, $0.value) }) { text($0.rawValue) }
    }

    /// A dictionary keyed by texts or codes, as `Dictionary` codes it: an object whose members are
    /// named by the keys (in sorted order) and hold values that write themselves.
    @inlinable public mutating func dictionary<Key: CodingKeyRepresentable & Hashable, Value: RecordPayloadEncodable>(
        _ key: StaticString,
        _ values: [Key: Value]
    ) throws {
        try self.key(key)
        try writeMembers(values.map { ($0.key.codingKey.stringValue, $0.value) }) { value in
            try Self.writeObject(value, to: output)
        }
    }

    /// An optional dictionary of values that write themselves, left out when `nil`.
    @inlinable
    public mutating func dictionaryIfPresent<
        Key: CodingKeyRepresentable & Hashable,
        Value: RecordPayloadEncodable
    >(_ key: StaticString, _ values: [Key: Value]?) throws {
        guard let values else { return }
        try dictionary(key, values)
    }

    /// Writes an object of named members in the order `Dictionary`'s coded form takes in the store:
    /// sorted by name.
    @usableFromInline func writeMembers<Value>(
        _ members: [(name: String, value: Value)],
        _ write: (Value) throws -> Void
    ) rethrows {
        output.pointee.bytes.append(0x7B)
        for (index, member) in members.sorted(by: { $0.name < $1.name }).enumerated() {
            if index > 0 { output.pointee.bytes.append(0x2C) }
            text(member.name)
            output.pointee.bytes.append(0x3A)
            try write(member.value)
        }
        output.pointee.bytes.append(0x7D)
    }

    /// A value that writes itself.
    @inlinable public mutating func object<Value: RecordPayloadEncodable>(_ key: StaticString, _ value: Value) throws {
        try self.key(key)
        try Self.writeObject(value, to: output)
    }

    /// An optional value that writes itself, left out when `nil`.
    @inlinable public mutating func objectIfPresent<Value: RecordPayloadEncodable>(
        _ key: StaticString,
        _ value: Value?
    ) throws {
        guard let value else { return }
        try object(key, value)
    }

    /// An array of values that write themselves.
    @inlinable public mutating func array<Element: RecordPayloadEncodable>(
        _ key: StaticString,
        _ values: [Element]
    ) throws {
        try self.key(key)
        output.pointee.bytes.append(0x5B)
        for (index, value) in values.enumerated() {
            if index > 0 { output.pointee.bytes.append(0x2C) }
            try Self.writeObject(value, to: output)
        }
        output.pointee.bytes.append(0x5D)
    }

    /// An optional array of values that write themselves, left out when `nil`.
    @inlinable public mutating func arrayIfPresent<Element: RecordPayloadEncodable>(
        _ key: StaticString,
        _ values: [Element]?
    ) throws {
        guard let values else { return }
        try array(key, values)
    }

    /// Any encodable value, through the store's one-pass `Encodable` writer; one that writer cannot
    /// write declines.
    public mutating func encode<Value: Encodable>(_ key: StaticString, _ value: Value) throws {
        try self.key(key)
        guard let bytes = try RecordJSONStreamEncoder.encode(value) else { throw RecordEncodingDeclined() }
        output.pointee.bytes.append(contentsOf: bytes)
    }

    /// Any optional encodable value, left out when `nil`.
    public mutating func encodeIfPresent<Value: Encodable>(_ key: StaticString, _ value: Value?) throws {
        guard let value else { return }
        try encode(key, value)
    }
}
