public import Foundation

/// A record as a store holds it: its type, id, version, schema version, indexed fields and coded payload.
public struct StoredRecord: Hashable, Sendable {
    /// The record's type.
    public var type: RecordType
    /// The record's id.
    public var id: Identifier<AnyRecordKind>
    /// The version: when saving, the version the writer read (0 for new); when read, the version held.
    public var version: Int
    /// The schema version of the coded payload.
    public var schemaVersion: Int
    /// The indexed fields.
    public var index: RecordIndex
    /// The coded record (JSON).
    public var payload: Data

    /// Creates a stored record.
    public init(
        type: RecordType,
        id: Identifier<AnyRecordKind>,
        version: Int,
        schemaVersion: Int,
        index: RecordIndex,
        payload: Data
    ) {
        self.type = type
        self.id = id
        self.version = version
        self.schemaVersion = schemaVersion
        self.index = index
        self.payload = payload
    }

    /// A reference to the record.
    public var reference: RecordReference { RecordReference(type: type, id: id) }
}
