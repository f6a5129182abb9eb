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
