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
/// - ``apply(_:context:)`` makes a transaction's record writes and observation appends atomically:
///   all of them or none. It checks them first with ``StoreRules/validate(_:)-(StoreChanges)``.
/// - Each saved record's ``StoredRecord/version`` says which version the writer read (0 for a new
///   record). The store refuses the whole transaction with ``DomainError/Code/staleWrite`` when the
///   version it holds differs, naming the record and both versions, and otherwise stores the record
///   at the next version. Two concurrent writers of one record: one wins, the other gets that error.
/// - Every write appends to the change log in the same transaction; the log cannot be edited.
///   Records are logged in the order written, then one entry per observation series appended.
/// - Every refusal is one of ``StoreRules``' errors, so that a host's handling works with any store.
public protocol RecordStore: Sendable {
    /// The record with a type and id, or `nil`.
    func record(_ reference: RecordReference) async throws -> StoredRecord?

    /// The records that match a query, in id order.
    func records(matching query: RecordQuery) async throws -> [StoredRecord]

    /// Makes record writes and observation appends in one transaction, appending each to the
    /// change log, and returns the saved records at their new versions.
    ///
    /// - Throws: ``DomainError/Code/staleWrite`` when any record's version is not the one the store
    ///   holds; ``DomainError/Code/duplicate`` in ``ObservationWriteMode/insertOnly`` when a
    ///   measure, scope and period is already held; any of ``StoreRules``' refusals. Nothing is written.
    @discardableResult
    func apply(_ changes: StoreChanges, context: ChangeContext) async throws -> AppliedChanges

    /// The change log of one record, oldest first.
    func changeLog(for reference: RecordReference) async throws -> [ChangeLogEntry]

    /// The change log between two instants (from `start`, before `end`), oldest first.
    func changeLog(from start: Date, to end: Date) async throws -> [ChangeLogEntry]

    /// The highest schema version stored for each record type.
    func storedSchemaVersions() async throws -> [RecordType: Int]

    /// The observation series that match a query, ordered by measure, then scope, each in period order.
    func observationSeries(matching query: ObservationQuery) async throws -> [ObservationSeries]

    /// Everything the store holds, for a backup.
    func snapshot() async throws -> StoreSnapshot

    /// Fills an empty store from a backup, keeping versions and the change log exactly.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` when the store is not empty; nothing is written.
    func restore(_ snapshot: StoreSnapshot) async throws
}

extension RecordStore {
    /// Applies record writes atomically and returns the saved records at their new versions.
    ///
    /// - Throws: ``DomainError/Code/staleWrite`` when any record's version is not the one the store
    ///   holds; nothing is written.
    @discardableResult
    public func write(_ writes: [RecordWrite], context: ChangeContext) async throws -> [StoredRecord] {
        try await apply(StoreChanges(records: writes), context: context).records
    }

    /// Appends observations through the bulk path, in one transaction.
    ///
    /// - Throws: ``DomainError/Code/duplicate`` in ``ObservationWriteMode/insertOnly`` when a
    ///   measure, scope and period is already held, or a series or period is given twice; nothing
    ///   is written.
    @discardableResult
    public func append(
        _ series: [ObservationSeries],
        mode: ObservationWriteMode,
        context: ChangeContext
    ) async throws -> ObservationWriteSummary {
        try await apply(StoreChanges(observations: series, observationMode: mode), context: context).observations
    }
}
