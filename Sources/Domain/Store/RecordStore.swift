public import Foundation

/// The storage seam: where every module keeps its records, with versions and an append-only change log.
///
/// The package ships ``InMemoryStore`` and, in the `SQLiteStore` module, a store on the system
/// SQLite. A host with its own database conforms a type of its own and runs the conformance suite
/// in `AssuranceTesting` against it (`StoreConformance`).
///
/// A store keeps records as ``StoredRecord`` values: a type, an id, a version, the schema version of
/// the coded form, the indexed fields and the coded payload. Modules do not call the store directly;
/// they go through ``Records``, which codes values, checks access and stamps each write with the
/// acting principal and the time.
///
/// ## What every store must do
/// - ``write(_:context:)`` applies a batch of writes atomically: all of them or none.
/// - Each saved record's ``StoredRecord/version`` says which version the writer read (0 for a new
///   record). The store refuses the whole batch with ``DomainError/Code/staleWrite`` when the version
///   it holds differs, naming the record and both versions, and otherwise stores the record at the
///   next version. Two concurrent writers of one record: one wins, the other gets that error.
/// - Every write appends to the change log in the same transaction; the log cannot be edited.
/// - Observations travel a bulk path (``append(_:mode:context:)``), one change-log entry per series.
public protocol RecordStore: Sendable {
    /// The record with a type and id, or `nil`.
    func record(_ reference: RecordReference) async throws -> StoredRecord?

    /// The records that match a query, in id order.
    func records(matching query: RecordQuery) async throws -> [StoredRecord]

    /// Applies a batch of writes atomically and returns the saved records at their new versions.
    ///
    /// - Throws: ``DomainError/Code/staleWrite`` when any record's version is not the one the store
    ///   holds; nothing is written.
    @discardableResult
    func write(_ writes: [RecordWrite], context: ChangeContext) async throws -> [StoredRecord]

    /// The change log of one record, oldest first.
    func changeLog(for reference: RecordReference) async throws -> [ChangeLogEntry]

    /// The change log between two instants (from `start`, before `end`), oldest first.
    func changeLog(from start: Date, to end: Date) async throws -> [ChangeLogEntry]

    /// The highest schema version stored for each record type.
    func storedSchemaVersions() async throws -> [RecordType: Int]

    /// Appends observations through the bulk path, in one transaction.
    ///
    /// - Throws: ``DomainError/Code/duplicate`` in ``ObservationWriteMode/insertOnly`` when a
    ///   measure, scope and period is already held; nothing is written.
    @discardableResult
    func append(
        _ series: [ObservationSeries],
        mode: ObservationWriteMode,
        context: ChangeContext
    ) async throws -> ObservationWriteSummary

    /// The observation series that match a query, ordered by measure, then scope, each in period order.
    func observationSeries(matching query: ObservationQuery) async throws -> [ObservationSeries]

    /// Everything the store holds, for a backup.
    func snapshot() async throws -> StoreSnapshot

    /// Fills an empty store from a backup, keeping versions and the change log exactly.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` when the store is not empty; nothing is written.
    func restore(_ snapshot: StoreSnapshot) async throws
}

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

/// One write in a batch.
public enum RecordWrite: Hashable, Sendable {
    /// Save a record; its ``StoredRecord/version`` is the version the writer read, 0 for a new record.
    case save(StoredRecord)
    /// Delete a record held at a version.
    case delete(RecordReference, version: Int)

    /// The record written.
    public var reference: RecordReference {
        switch self {
        case .save(let record): record.reference
        case .delete(let reference, _): reference
        }
    }
}

/// Who is writing and when, stamped on every change-log entry of a batch.
public struct ChangeContext: Hashable, Sendable {
    /// The acting principal.
    public var principal: Principal.ID
    /// The instant of the write, from the clock seam.
    public var at: Date

    /// Creates a context.
    public init(principal: Principal.ID, at: Date) {
        self.principal = principal
        self.at = at
    }
}

/// The kind of change a change-log entry records.
public enum ChangeKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A record was created (version 1).
    case created
    /// A record was changed.
    case updated
    /// A record was deleted.
    case deleted
    /// Observations were appended to a series.
    case appended
}

/// One entry of the append-only change log.
public struct ChangeLogEntry: Hashable, Sendable, Codable {
    /// The entry's position in the log, from 1.
    public var sequence: Int
    /// When the change was made.
    public var at: Date
    /// Who made it.
    public var principal: Principal.ID
    /// What kind of change it was.
    public var kind: ChangeKind
    /// The record changed; for observations, type `domain.observation-series` and id `measure:scope`.
    public var record: RecordReference
    /// The record's version after the change (for a deletion, the version deleted).
    public var version: Int
    /// A summary, such as `12 observations inserted, 0 replaced`.
    public var summary: String?

    /// Creates an entry.
    public init(
        sequence: Int,
        at: Date,
        principal: Principal.ID,
        kind: ChangeKind,
        record: RecordReference,
        version: Int,
        summary: String? = nil
    ) {
        self.sequence = sequence
        self.at = at
        self.principal = principal
        self.kind = kind
        self.record = record
        self.version = version
        self.summary = summary
    }
}

/// Which records a query asks for: a type, and any of the indexed fields.
public struct RecordQuery: Hashable, Sendable {
    /// The record type.
    public var type: RecordType
    /// The fields to match.
    public var filter: RecordFilter

    /// Creates a query.
    public init(_ type: RecordType, _ filter: RecordFilter = RecordFilter()) {
        self.type = type
        self.filter = filter
    }

    /// Whether a stored record matches.
    public func matches(_ record: StoredRecord) -> Bool {
        record.type == type && filter.matches(record.index)
    }
}

/// Conditions on a record's indexed fields; a field left `nil` matches anything.
public struct RecordFilter: Hashable, Sendable {
    /// The agency.
    public var agency: Agency.ID?
    /// The group.
    public var group: Group.ID?
    /// The period.
    public var period: ReportingPeriod?
    /// The status.
    public var status: String?
    /// Records due on or before this day.
    public var dueOnOrBefore: Day?
    /// The parent record's id.
    public var parent: Identifier<AnyRecordKind>?
    /// The key.
    public var key: String?

    /// Creates a filter.
    public init(
        agency: Agency.ID? = nil,
        group: Group.ID? = nil,
        period: ReportingPeriod? = nil,
        status: String? = nil,
        dueOnOrBefore: Day? = nil,
        parent: Identifier<AnyRecordKind>? = nil,
        key: String? = nil
    ) {
        self.agency = agency
        self.group = group
        self.period = period
        self.status = status
        self.dueOnOrBefore = dueOnOrBefore
        self.parent = parent
        self.key = key
    }

    /// Whether an index matches.
    public func matches(_ index: RecordIndex) -> Bool {
        if let agency, index.agency != agency { return false }
        if let group, index.group != group { return false }
        if let period, index.period != period { return false }
        if let status, index.status != status { return false }
        if let dueOnOrBefore {
            guard let due = index.dueDay, due <= dueOnOrBefore else { return false }
        }
        if let parent, index.parent != parent { return false }
        if let key, index.key != key { return false }
        return true
    }
}

/// What happens when appended observations are already held.
public enum ObservationWriteMode: String, Hashable, Sendable, Codable {
    /// Refuse the whole batch if any measure, scope and period is already held.
    case insertOnly = "insert-only"
    /// Replace held values, such as provisional figures superseded by actuals.
    case replaceExisting = "replace-existing"
}

/// What an observation append did.
public struct ObservationWriteSummary: Hashable, Sendable, Codable {
    /// Observations newly stored.
    public var inserted: Int
    /// Observations that replaced held values.
    public var replaced: Int
    /// Series touched.
    public var series: Int

    /// Creates a summary.
    public init(inserted: Int, replaced: Int, series: Int) {
        self.inserted = inserted
        self.replaced = replaced
        self.series = series
    }
}

/// Which observation series to read; a field left `nil` matches everything.
public struct ObservationQuery: Hashable, Sendable {
    /// The measures.
    public var measures: Set<MeasureID>?
    /// The scopes.
    public var scopes: Set<SeriesScope>?
    /// Points whose period ends on or after this day.
    public var from: Day?
    /// Points whose period starts on or before this day.
    public var through: Day?

    /// Creates a query.
    public init(
        measures: Set<MeasureID>? = nil,
        scopes: Set<SeriesScope>? = nil,
        from: Day? = nil,
        through: Day? = nil
    ) {
        self.measures = measures
        self.scopes = scopes
        self.from = from
        self.through = through
    }

    /// Every series.
    public static var all: ObservationQuery { ObservationQuery() }

    /// Whether a point's period falls within the query's days.
    public func includes(_ period: ReportingPeriod) -> Bool {
        if let from, period.lastDay < from { return false }
        if let through, period.firstDay > through { return false }
        return true
    }
}

/// Everything a store holds: records, observations and the change log, for backups.
public struct StoreSnapshot: Hashable, Sendable {
    /// Every record, ordered by type and id.
    public var records: [StoredRecord]
    /// Every observation series, ordered by measure and scope, with the number of writes to each.
    public var series: [SnapshotSeries]
    /// The whole change log, oldest first.
    public var changeLog: [ChangeLogEntry]

    /// Creates a snapshot.
    public init(records: [StoredRecord], series: [SnapshotSeries], changeLog: [ChangeLogEntry]) {
        self.records = records
        self.series = series
        self.changeLog = changeLog
    }

    /// Whether the snapshot holds nothing.
    public var isEmpty: Bool { records.isEmpty && series.isEmpty && changeLog.isEmpty }
}

/// An observation series in a snapshot, with its version (the number of appends that touched it).
public struct SnapshotSeries: Hashable, Sendable {
    /// The series.
    public var series: ObservationSeries
    /// The number of appends that touched it.
    public var version: Int

    /// Creates a snapshot series.
    public init(series: ObservationSeries, version: Int) {
        self.series = series
        self.version = version
    }
}

extension RecordType {
    /// The type named in change-log entries for observation appends.
    public static let observationSeries: RecordType = "domain.observation-series"
}

extension ObservationSeries {
    /// The id of the series in the change log: `measure:scope`.
    public var changeLogID: Identifier<AnyRecordKind> {
        Identifier(unchecked: "\(measure.rawValue):\(scope.description)")
    }
}
