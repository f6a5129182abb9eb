public import Domain
public import Foundation

/// A `RecordStore` that keeps a partnership in one JSON file, in the package's lossless
/// `qaf-backup` format, and rewrites the file atomically after every change.
///
/// It suits a single user with a few hundred records who wants a file they can read, diff and copy;
/// it reads the whole file on open and writes it whole on each change, so it is no store for a
/// county's years of data. It is written on the package's public API alone: the checks and errors
/// of ``StoreRules``, the backup format of ``StoreBackup``, and nothing else.
///
/// ```swift
/// let store = try JSONFileStore(path: "partnership.json")
/// let environment = AssuranceEnvironment(store: store)
/// ```
public actor JSONFileStore: RecordStore {
    /// The file.
    public nonisolated let path: String

    private struct Held: Sendable {
        var records: [RecordReference: StoredRecord] = [:]
        var series: [SeriesKey: Series] = [:]
        var log: [ChangeLogEntry] = []

        var nextSequence: Int { (log.last?.sequence ?? 0) + 1 }

        /// Appends an entry sealed into the log's chain after the last one.
        mutating func append(_ entry: ChangeLogEntry, content: ChangeLogDigest) {
            log.append(ChangeLogChain.sealed(entry, content: content, after: log.last?.hash ?? ChangeLogChain.origin))
        }
    }

    private struct Series: Sendable {
        var points: [ReportingPeriod: SeriesPoint] = [:]
        var version = 0
    }

    private var held: Held

    /// Opens the store in a file, reading what it holds; a missing file is an empty store.
    ///
    /// - Throws: `DomainError` `invalidInput` or `schemaTooNew` for a file that is not a
    ///   `qaf-backup` this build reads, naming the field; `storeFailed` when it cannot be read.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            held = Held()
            return
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DomainError(.storeFailed, "cannot read the store's file \(path): \(error.localizedDescription)")
        }
        held = try Self.load(StoreBackup.decode(data, source: path))
    }

    private static func load(_ snapshot: StoreSnapshot) throws -> Held {
        let snapshot = try StoreRules.checkedForRestore(snapshot)
        var state = Held()
        for record in snapshot.records { state.records[record.reference] = record }
        for kept in snapshot.series {
            var series = Series(version: kept.version)
            for point in kept.series.points { series.points[point.period] = point }
            state.series[kept.series.key] = series
        }
        state.log = snapshot.changeLog
        return state
    }

    /// Writes a new state to the file, then keeps it: a change that cannot be written is not made.
    private func commit(_ state: Held) throws {
        let data = StoreBackup.encode(Self.snapshot(of: state))
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DomainError(.storeFailed, "cannot write the store's file \(path): \(error.localizedDescription)")
        }
        held = state
    }

    private static func snapshot(of state: Held) -> StoreSnapshot {
        StoreSnapshot(
            records: state.records.values.sorted { $0.reference < $1.reference },
            series: state.series.map { key, series in
                SnapshotSeries(
                    series: ObservationSeries(
                        measure: key.measure,
                        scope: key.scope,
                        points: series.points.keys.sorted().compactMap { series.points[$0] }
                    ),
                    version: series.version
                )
            }.sorted { ($0.series.measure, $0.series.scope) < ($1.series.measure, $1.series.scope) },
            changeLog: state.log
        )
    }

    // MARK: Records

    /// The record with a type and id, or `nil`.
    public func record(_ reference: RecordReference) async throws -> StoredRecord? { held.records[reference] }

    /// The records that match a query, in id order.
    public func records(matching query: RecordQuery) async throws -> [StoredRecord] {
        held.records.values.filter(query.matches).sorted { $0.id < $1.id }
    }

    /// Makes a transaction's writes: records, then observations, each against the state the
    /// transaction has made so far, and the file is written once, with all of them or none.
    @discardableResult
    public func apply(_ changes: StoreChanges, context: ChangeContext) async throws -> AppliedChanges {
        try StoreRules.validate(changes)
        var state = held
        let saved = try Self.write(changes.records, into: &state, context: context)
        let summary = try Self.append(
            changes.observations,
            mode: changes.observationMode,
            into: &state,
            context: context
        )
        if !changes.isEmpty { try commit(state) }
        return AppliedChanges(records: saved, observations: summary)
    }

    private static func write(
        _ writes: [RecordWrite],
        into state: inout Held,
        context: ChangeContext
    ) throws -> [StoredRecord] {
        var saved: [StoredRecord] = []
        for write in writes {
            let reference = write.reference
            let current = state.records[reference]
            let entry: (kind: ChangeKind, version: Int, content: ChangeLogDigest)
            switch write {
            case .save(var record):
                if (current?.version ?? 0) != record.version {
                    throw StoreRules.stale(reference, expected: record.version, held: current?.version)
                }
                record.version += 1
                entry = (
                    record.version == 1 ? .created : .updated, record.version, ChangeLogChain.contentDigest(of: record)
                )
                state.records[reference] = record
                saved.append(record)
            case .delete(_, let version):
                guard let current, current.version == version else {
                    throw StoreRules.stale(reference, expected: version, held: current?.version)
                }
                entry = (.deleted, version, ChangeLogChain.deletion)
                state.records[reference] = nil
            }
            state.append(
                ChangeLogEntry(
                    sequence: state.nextSequence,
                    at: context.at,
                    principal: context.principal,
                    kind: entry.kind,
                    record: reference,
                    version: entry.version
                ),
                content: entry.content
            )
        }
        return saved
    }

    /// The change log of one record, oldest first.
    public func changeLog(for reference: RecordReference) async throws -> [ChangeLogEntry] {
        held.log.filter { $0.record == reference }
    }

    /// The change log from one instant up to another, oldest first.
    public func changeLog(from start: Date, to end: Date) async throws -> [ChangeLogEntry] {
        held.log.filter { start <= $0.at && $0.at < end }
    }

    /// The highest schema version held of each record type.
    public func storedSchemaVersions() async throws -> [RecordType: Int] {
        held.records.values.reduce(into: [:]) { versions, record in
            versions[record.type] = max(versions[record.type] ?? 0, record.schemaVersion)
        }
    }

    // MARK: Observations

    /// Appends observations to a state.
    ///
    /// In insert-only mode one held period refuses the whole transaction. ``StoreRules`` has
    /// already refused a series or a period given twice.
    private static func append(
        _ batch: [ObservationSeries],
        mode: ObservationWriteMode,
        into state: inout Held,
        context: ChangeContext
    ) throws -> ObservationWriteSummary {
        var summary = ObservationWriteSummary(inserted: 0, replaced: 0, series: batch.count)
        for incoming in batch {
            var series = state.series[incoming.key] ?? Series()
            for point in incoming.points {
                if series.points[point.period] == nil {
                    summary.inserted += 1
                } else if mode == .insertOnly {
                    throw StoreRules.duplicateObservation(incoming, point.period)
                } else {
                    summary.replaced += 1
                }
                series.points[point.period] = point
            }
            series.version += 1
            state.series[incoming.key] = series
            state.append(
                ChangeLogEntry(
                    sequence: state.nextSequence,
                    at: context.at,
                    principal: context.principal,
                    kind: .appended,
                    record: RecordReference(type: .observationSeries, id: incoming.changeLogID),
                    version: series.version,
                    summary: "\(incoming.points.count) observations appended"
                ),
                content: ChangeLogChain.contentDigest(of: Array(series.points.values))
            )
        }
        return summary
    }

    /// The series that match a query, ordered by measure and scope, each in period order.
    public func observationSeries(matching query: ObservationQuery) async throws -> [ObservationSeries] {
        held.series.compactMap { key, series -> ObservationSeries? in
            if let measures = query.measures, !measures.contains(key.measure) { return nil }
            if let scopes = query.scopes, !scopes.contains(key.scope) { return nil }
            let points = series.points.keys.sorted().filter(query.includes).compactMap { series.points[$0] }
            return points.isEmpty ? nil : ObservationSeries(measure: key.measure, scope: key.scope, points: points)
        }.sorted { ($0.measure, $0.scope) < ($1.measure, $1.scope) }
    }

    // MARK: Backups

    /// Everything held.
    public func snapshot() async throws -> StoreSnapshot { Self.snapshot(of: held) }

    /// Fills the empty store from a backup.
    public func restore(_ snapshot: StoreSnapshot) async throws {
        guard held.records.isEmpty, held.series.isEmpty, held.log.isEmpty else {
            throw StoreRules.notEmpty(records: held.records.count, series: held.series.count, changes: held.log.count)
        }
        try commit(try Self.load(snapshot))
    }
}
