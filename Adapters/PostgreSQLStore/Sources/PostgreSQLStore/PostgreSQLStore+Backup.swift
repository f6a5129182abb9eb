public import Domain
import Foundation

extension PostgreSQLStore {
    /// Everything held, read in one repeatable-read transaction so that the backup is one moment's state
    /// while other writers go on.
    public func snapshot() async throws -> StoreSnapshot {
        try await pool.with { connection in
            try connection.transaction("reading a backup", readOnly: true) {
                let held = try connection.execute(
                    "SELECT \(Self.recordColumns) FROM records ORDER BY type, id",
                    while: "reading records"
                )
                let records = try (0..<held.count).map { try Self.readRecord(held, $0) }
                let versions = try connection.execute(
                    "SELECT measure, scope, version FROM series",
                    while: "reading series"
                )
                var seriesVersions: [String: Int] = [:]
                for row in 0..<versions.count {
                    seriesVersions["\(versions.text(row, 0) ?? "") \(versions.text(row, 1) ?? "")"] = versions.integer(
                        row,
                        2
                    )
                }
                let series = try Self.observationSeries(matching: .all, connection).map {
                    SnapshotSeries(series: $0, version: seriesVersions["\($0.measure.rawValue) \($0.scope)"] ?? 0)
                }
                let log = try Self.changeLog(from: .distantPast, to: .distantFuture, connection)
                return StoreSnapshot(records: records, series: series, changeLog: log)
            }
        }
    }

    /// Fills the empty store from a backup in one transaction, through `COPY`, after checking it
    /// (`StoreRules.checkedForRestore(_:)`): the change log keeps the hashes the backup carries.
    ///
    /// Run it as the role that owns the store: an application's role may not write the tables directly.
    public func restore(_ snapshot: StoreSnapshot) async throws {
        let snapshot = try StoreRules.checkedForRestore(snapshot)
        try await pool.with { connection in
            try connection.transaction("restoring a backup") {
                // Locked so that a write racing the restore waits, and then finds the store no longer empty.
                try connection.execute(
                    plain: "LOCK TABLE records, series, observations, change_log IN SHARE ROW EXCLUSIVE MODE",
                    while: "locking the store for a restore"
                )
                let counts = try connection.execute(
                    "SELECT (SELECT COUNT(*) FROM records), (SELECT COUNT(*) FROM series), (SELECT COUNT(*) FROM change_log)",
                    while: "counting what the store holds"
                )
                let held = (counts.integer(0, 0) ?? 0, counts.integer(0, 1) ?? 0, counts.integer(0, 2) ?? 0)
                guard held == (0, 0, 0) else {
                    throw StoreRules.notEmpty(records: held.0, series: held.1, changes: held.2)
                }
                try Self.restoreRecords(snapshot.records, connection)
                try Self.restoreLog(snapshot.changeLog, connection)
                try Self.restoreSeries(snapshot.series, connection)
            }
        }
    }

    private static func restoreRecords(_ snapshot: [StoredRecord], _ connection: Connection) throws {
        var records = CopyRows(capacity: snapshot.reduce(0) { $0 + $1.payload.count + 120 })
        for record in snapshot {
            records.beginRow(fields: 12)
            records.text(record.type.rawValue)
            records.text(record.id.rawValue)
            records.integer64(Int64(record.version))
            records.integer32(Int32(record.schemaVersion))
            records.text(record.index.agency?.rawValue)
            records.text(record.index.group?.rawValue)
            records.text(record.index.period?.description)
            records.text(record.index.status?.rawValue)
            records.integer32(record.index.dueDay.map { Int32($0.daysSinceEpoch) })
            records.text(record.index.parent?.rawValue)
            records.text(record.index.key)
            records.data(record.payload)
        }
        records.finish()
        try connection.copyIn(
            "COPY records (\(recordColumns)) FROM STDIN (FORMAT binary)",
            records,
            while: "restoring records"
        )
    }

    private static func restoreLog(_ changeLog: [ChangeLogEntry], _ connection: Connection) throws {
        var log = CopyRows(capacity: changeLog.count * 120)
        for entry in changeLog {
            log.beginRow(fields: 10)
            log.integer64(Int64(entry.sequence))
            log.double(entry.at.timeIntervalSinceReferenceDate)
            log.text(entry.principal.rawValue)
            log.text(entry.kind.rawValue)
            log.text(entry.record.type.rawValue)
            log.text(entry.record.id.rawValue)
            log.integer64(Int64(entry.version))
            log.text(entry.summary)
            if let content = entry.contentDigest { log.data(Data(content.bytes)) } else { log.null() }
            if let hash = entry.hash { log.data(Data(hash.bytes)) } else { log.null() }
        }
        log.finish()
        try connection.copyIn(
            "COPY change_log (\(logColumns)) FROM STDIN (FORMAT binary)",
            log,
            while: "restoring the change log"
        )
    }

    private static func restoreSeries(_ series: [SnapshotSeries], _ connection: Connection) throws {
        guard !series.isEmpty else { return }
        let created = try connection.execute(
            """
            INSERT INTO series (measure, scope, version)
            SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) RETURNING id, measure, scope
            """,
            [
                .text(ArrayLiteral.texts(series.map(\.series.measure.rawValue))),
                .text(ArrayLiteral.texts(series.map(\.series.scope.description))),
                .text(ArrayLiteral.integers(series.map(\.version))),
            ],
            while: "restoring series"
        )
        var ids: [String: Int64] = [:]
        for row in 0..<created.count {
            ids["\(created.text(row, 1) ?? "") \(created.text(row, 2) ?? "")"] = Int64(
                created.integer(row, 0) ?? 0
            )
        }
        var observations = CopyRows(capacity: series.reduce(0) { $0 + $1.series.points.count * 46 })
        for held in series {
            guard let id = ids["\(held.series.measure.rawValue) \(held.series.scope)"] else {
                throw DomainError(.invalidInput, "the backup holds the series \(held.series.changeLogID) twice")
            }
            for point in held.series.points { copyRow(&observations, series: id, point) }
        }
        observations.finish()
        try connection.copyIn(
            "COPY observations (series, period, value, numerator, denominator, status) FROM STDIN (FORMAT binary)",
            observations,
            while: "restoring observations"
        )
    }
}
