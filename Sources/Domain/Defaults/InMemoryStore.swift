public import Foundation

/// The default ``RecordStore``: everything in memory, for tests, previews and hosts that keep
/// nothing between runs.
///
/// It applies exactly the rules the SQLite store applies, and passes the same conformance suite.
public actor InMemoryStore: RecordStore {
    private struct SeriesState {
        var points: [Int64: SeriesPoint] = [:]
        var version = 0
    }

    private var records: [RecordReference: StoredRecord] = [:]
    private var log: [ChangeLogEntry] = []
    private var series: [SeriesKey: SeriesState] = [:]

    /// Creates an empty store.
    public init() {}

    /// The record with a type and id, or `nil`.
    public func record(_ reference: RecordReference) async throws -> StoredRecord? {
        records[reference]
    }

    /// The records that match a query, in id order.
    public func records(matching query: RecordQuery) async throws -> [StoredRecord] {
        records.values.filter { query.matches($0) }.sorted { $0.id < $1.id }
    }

    /// Makes a transaction's writes atomically: every write is checked against the state the
    /// transaction has built so far, and nothing is applied unless every write passes.
    @discardableResult
    public func apply(_ changes: StoreChanges, context: ChangeContext) async throws -> AppliedChanges {
        try StoreRules.validate(changes)
        var sequence = log.last?.sequence ?? 0
        var previous = log.last?.hash ?? ChangeLogChain.origin
        let (overlay, saved, recordEntries) = try stageRecords(
            changes.records,
            context: context,
            after: &sequence,
            chain: &previous
        )
        let (staged, summary, seriesEntries) = try stageObservations(
            changes.observations,
            mode: changes.observationMode,
            context: context,
            after: &sequence,
            chain: &previous
        )
        for (reference, value) in overlay { records[reference] = value }
        for (key, state) in staged { series[key] = state }
        log.append(contentsOf: recordEntries + seriesEntries)
        return AppliedChanges(records: saved, observations: summary)
    }

    private func stageRecords(
        _ writes: [RecordWrite],
        context: ChangeContext,
        after sequence: inout Int,
        chain previous: inout ChangeLogDigest
    ) throws -> ([RecordReference: StoredRecord?], [StoredRecord], [ChangeLogEntry]) {
        var overlay: [RecordReference: StoredRecord?] = [:]
        var saved: [StoredRecord] = []
        var entries: [ChangeLogEntry] = []
        for write in writes {
            let reference = write.reference
            let held: StoredRecord? = overlay[reference] ?? records[reference]
            let kind: ChangeKind
            let version: Int
            let content: ChangeLogDigest
            switch write {
            case .save(var record):
                guard held?.version ?? 0 == record.version else {
                    throw StoreRules.stale(reference, expected: record.version, held: held?.version)
                }
                kind = record.version == 0 ? .created : .updated
                record.version += 1
                version = record.version
                content = ChangeLogChain.contentDigest(of: record)
                overlay[reference] = .some(record)
                saved.append(record)
            case .delete(_, let expected):
                guard let held, held.version == expected else {
                    throw StoreRules.stale(reference, expected: expected, held: held?.version)
                }
                kind = .deleted
                version = expected
                content = ChangeLogChain.deletion
                overlay[reference] = .some(nil)
            }
            sequence += 1
            let entry = ChangeLogChain.sealed(
                ChangeLogEntry(
                    sequence: sequence,
                    at: context.at,
                    principal: context.principal,
                    kind: kind,
                    record: reference,
                    version: version
                ),
                content: content,
                after: previous
            )
            previous = entry.hash ?? previous
            entries.append(entry)
        }
        return (overlay, saved, entries)
    }

    private func stageObservations(
        _ batch: [ObservationSeries],
        mode: ObservationWriteMode,
        context: ChangeContext,
        after sequence: inout Int,
        chain previous: inout ChangeLogDigest
    ) throws -> ([SeriesKey: SeriesState], ObservationWriteSummary, [ChangeLogEntry]) {
        var staged: [SeriesKey: SeriesState] = [:]
        var entries: [ChangeLogEntry] = []
        var inserted = 0
        var replaced = 0
        for incoming in batch {
            var state = series[incoming.key] ?? SeriesState()
            for point in incoming.points {
                let code = point.period.code
                if state.points[code] != nil {
                    guard mode == .replaceExisting else {
                        throw StoreRules.duplicateObservation(incoming, point.period)
                    }
                    replaced += 1
                } else {
                    inserted += 1
                }
                state.points[code] = point
            }
            state.version += 1
            staged[incoming.key] = state
            sequence += 1
            let entry = ChangeLogChain.sealed(
                ChangeLogEntry(
                    sequence: sequence,
                    at: context.at,
                    principal: context.principal,
                    kind: .appended,
                    record: RecordReference(type: .observationSeries, id: incoming.changeLogID),
                    version: state.version,
                    summary: "\(incoming.points.count) observations appended"
                ),
                content: ChangeLogChain.contentDigest(of: Array(state.points.values)),
                after: previous
            )
            previous = entry.hash ?? previous
            entries.append(entry)
        }
        let summary = ObservationWriteSummary(inserted: inserted, replaced: replaced, series: batch.count)
        return (staged, summary, entries)
    }

    /// The change log of one record, oldest first.
    public func changeLog(for reference: RecordReference) async throws -> [ChangeLogEntry] {
        log.filter { $0.record == reference }
    }

    /// The change log between two instants, oldest first.
    public func changeLog(from start: Date, to end: Date) async throws -> [ChangeLogEntry] {
        log.filter { $0.at >= start && $0.at < end }
    }

    /// The highest schema version stored for each record type.
    public func storedSchemaVersions() async throws -> [RecordType: Int] {
        var versions: [RecordType: Int] = [:]
        for record in records.values {
            versions[record.type] = max(versions[record.type] ?? 0, record.schemaVersion)
        }
        return versions
    }

    /// The series that match a query, ordered by measure and scope, each in period order.
    public func observationSeries(matching query: ObservationQuery) async throws -> [ObservationSeries] {
        var result: [ObservationSeries] = []
        for (key, state) in series {
            if let measures = query.measures, !measures.contains(key.measure) { continue }
            if let scopes = query.scopes, !scopes.contains(key.scope) { continue }
            let points = state.points.keys.sorted().compactMap { code -> SeriesPoint? in
                let point = state.points[code]!
                return query.includes(point.period) ? point : nil
            }
            if points.isEmpty { continue }
            result.append(ObservationSeries(measure: key.measure, scope: key.scope, points: points))
        }
        return result.sorted { ($0.measure, $0.scope) < ($1.measure, $1.scope) }
    }

    /// Everything held.
    public func snapshot() async throws -> StoreSnapshot {
        let held = series.map { key, state in
            SnapshotSeries(
                series: ObservationSeries(
                    measure: key.measure,
                    scope: key.scope,
                    points: state.points.keys.sorted().map { state.points[$0]! }
                ),
                version: state.version
            )
        }
        return StoreSnapshot(
            records: records.values.sorted { $0.reference < $1.reference },
            series: held.sorted { ($0.series.measure, $0.series.scope) < ($1.series.measure, $1.series.scope) },
            changeLog: log
        )
    }

    /// Fills the empty store from a backup.
    public func restore(_ snapshot: StoreSnapshot) async throws {
        guard records.isEmpty, series.isEmpty, log.isEmpty else {
            throw StoreRules.notEmpty(records: records.count, series: series.count, changes: log.count)
        }
        let snapshot = try StoreRules.checkedForRestore(snapshot)
        for record in snapshot.records { records[record.reference] = record }
        for held in snapshot.series {
            var state = SeriesState()
            for point in held.series.points { state.points[point.period.code] = point }
            state.version = held.version
            series[held.series.key] = state
        }
        log = snapshot.changeLog
    }
}
