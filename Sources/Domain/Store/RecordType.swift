/// The name of a kind of stored record, such as `domain.agency` or `audit.audit`.
///
/// Names are `module.kind` in lower case, so that two modules can never claim the same name.
public struct RecordType: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The type's name.
    public let rawValue: String

    /// Creates a record type from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a record type from a literal name.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The type's name.
    public var description: String { rawValue }

    /// Orders types by name.
    public static func < (lhs: RecordType, rhs: RecordType) -> Bool { lhs.rawValue < rhs.rawValue }
}

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
