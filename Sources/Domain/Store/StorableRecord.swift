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

/// The fields of a record that a store indexes, so that queries need not decode every record.
public struct RecordIndex: Hashable, Sendable, Codable {
    /// The agency the record belongs to.
    public var agency: Agency.ID?
    /// The group the record belongs to.
    public var group: Group.ID?
    /// The reporting period the record is about.
    public var period: ReportingPeriod?
    /// The record's lifecycle status.
    public var status: String?
    /// The day the record falls due.
    public var dueDay: Day?
    /// The id of the record this one belongs to (an assessment's cycle, an action's recommendation).
    public var parent: Identifier<AnyRecordKind>?
    /// A further key that a module looks records up by (a finding's key, a notification's key).
    public var key: String?

    /// Creates an index from the fields that apply.
    public init(
        agency: Agency.ID? = nil,
        group: Group.ID? = nil,
        period: ReportingPeriod? = nil,
        status: String? = nil,
        dueDay: Day? = nil,
        parent: Identifier<AnyRecordKind>? = nil,
        key: String? = nil
    ) {
        self.agency = agency
        self.group = group
        self.period = period
        self.status = status
        self.dueDay = dueDay
        self.parent = parent
        self.key = key
    }
}

/// A step that brings a record's coded form from one schema version to the next.
///
/// Migrations work on the JSON form, so that a module can rename or restructure fields without
/// keeping the old Swift type:
///
/// ```swift
/// static var migrations: [RecordMigration] {
///     [RecordMigration(from: 1) { json in json.renamingKey("lead", to: "leadAgency") }]
/// }
/// ```
public struct RecordMigration: Sendable {
    /// The schema version this migration reads; it produces version `from + 1`.
    public var from: Int
    /// Transforms the coded form.
    public var migrate: @Sendable (JSONValue) throws -> JSONValue

    /// Creates a migration from a version to the next.
    public init(from: Int, migrate: @escaping @Sendable (JSONValue) throws -> JSONValue) {
        self.from = from
        self.migrate = migrate
    }
}

/// A record together with the version the store holds it at.
///
/// Pass the version back when saving a change: a save against a version that is no longer the
/// latest is refused with ``DomainError/Code/staleWrite``.
public struct Versioned<Value: Sendable>: Sendable {
    /// The record.
    public var value: Value
    /// The store's version of the record; 1 after the first save.
    public var version: Int

    /// Pairs a record with its version.
    public init(_ value: Value, version: Int) {
        self.value = value
        self.version = version
    }
}

extension Versioned: Equatable where Value: Equatable {}
extension Versioned: Hashable where Value: Hashable {}
