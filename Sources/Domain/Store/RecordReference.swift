/// A reference to a stored record of any type: its type and its id.
public struct RecordReference: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The record's type.
    public var type: RecordType
    /// The record's id.
    public var id: Identifier<AnyRecordKind>

    /// Creates a reference from a type and an id.
    public init(type: RecordType, id: Identifier<AnyRecordKind>) {
        self.type = type
        self.id = id
    }

    /// A reference to a typed record.
    public init<Record: StorableRecord>(_ record: Record) {
        self.type = Record.recordType
        self.id = record.id.retyped()
    }

    /// A reference to the record of a type with an id.
    public init<Record: StorableRecord>(_: Record.Type, id: Record.ID) {
        self.type = Record.recordType
        self.id = id.retyped()
    }

    /// `type/id`, such as `audit.audit/a-17`.
    public var description: String { "\(type)/\(id)" }

    /// Orders references by type, then id.
    public static func < (lhs: RecordReference, rhs: RecordReference) -> Bool {
        (lhs.type, lhs.id) < (rhs.type, rhs.id)
    }
}

extension RecordReference: RecordPayloadDecodable {
    /// Reads a reference from a stored payload, as its synthesized `init(from:)` reads it.
    public init(payload: inout RecordObjectReader) throws {
        id = try payload.id(AnyRecordKind.self, "id")
        type = try payload.raw(RecordType.self, "type")
    }
}

extension RecordReference: RecordPayloadEncodable {
    /// Writes a reference's payload, as its synthesized `encode(to:)` writes it.
    public func write(payload: inout RecordObjectWriter) throws {
        try payload.id("id", id)
        try payload.raw("type", type)
    }
}

/// A value that names another record: an id whose kind is a record type.
///
/// Tables check that what a row names exists: a meeting's group, an agency's locality.
public protocol RecordReferring {
    /// The record named.
    var referenced: RecordReference { get }
}

extension Identifier: RecordReferring where Kind: StorableRecord {
    /// The record of the id's kind with this id.
    public var referenced: RecordReference { RecordReference(type: Kind.recordType, id: retyped()) }
}
