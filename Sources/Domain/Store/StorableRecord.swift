/// A value the package keeps in a ``RecordStore``: a module's record type.
///
/// A record type names itself (``recordType``), says which version of its coded form it writes
/// (``schemaVersion``) and how to bring an older form up to date (``migrations``), and describes
/// itself to the store's indexes (``index``) and to the access policy (``accessScope``).
///
/// ```swift
/// struct WalkaboutNote: StorableRecord {
///     static var noun: String { "walkabout note" }
///     static var recordType: RecordType { "host.walkabout-note" }
///     var id: Identifier<WalkaboutNote>
///     var agency: Agency.ID
///     var index: RecordIndex { RecordIndex(agency: agency) }
///     var accessScope: AccessScope { AccessScope(.partnershipStructure, agency: agency) }
/// }
/// ```
public protocol StorableRecord: Codable, Sendable, Identifiable where ID == Identifier<IDKind> {
    /// The kind of the record's identifier: the record type itself unless it shares a kind with
    /// another (a measure definition's id is Domain's ``MeasureID``).
    associatedtype IDKind: IdentifierKind = Self

    /// The record's type name, unique across every module.
    static var recordType: RecordType { get }
    /// The version of the coded form this build writes; 1 unless the form has changed.
    static var schemaVersion: Int { get }
    /// Migrations that bring older coded forms up to ``schemaVersion``, one per version step.
    static var migrations: [RecordMigration] { get }
    /// The fields the store indexes for queries.
    var index: RecordIndex { get }
    /// What the access policy needs to know to decide who may read or change the record.
    var accessScope: AccessScope { get }
}

extension StorableRecord {
    /// Version 1.
    public static var schemaVersion: Int { 1 }
    /// No migrations.
    public static var migrations: [RecordMigration] { [] }
    /// No indexed fields.
    public var index: RecordIndex { RecordIndex() }
    /// A reference to this record.
    public var reference: RecordReference { RecordReference(self) }
}
