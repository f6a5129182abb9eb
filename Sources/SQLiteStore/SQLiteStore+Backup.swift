import CSQLite
public import Domain
import Foundation

extension SQLiteStore {

    /// Everything held.
    public func snapshot() async throws -> StoreSnapshot {
        let recordsStatement = try connection.statement("SELECT \(Self.recordColumns) FROM records ORDER BY type, id")
        var records: [StoredRecord] = []
        var texts = RepeatedTexts()
        while try recordsStatement.step(while: "reading records") {
            records.append(readRecord(recordsStatement, sharing: &texts))
        }
        recordsStatement.reset()
        let versions = try connection.statement("SELECT measure, scope, version FROM series")
        var seriesVersions: [String: Int] = [:]
        while try versions.step(while: "reading series") {
            seriesVersions["\(versions.text(0) ?? "") \(versions.text(1) ?? "")"] = versions.int(2)
        }
        versions.reset()
        let series = try await observationSeries(matching: .all).map {
            SnapshotSeries(series: $0, version: seriesVersions["\($0.measure.rawValue) \($0.scope)"] ?? 0)
        }
        let log = try await changeLog(from: .distantPast, to: .distantFuture)
        return StoreSnapshot(records: records, series: series, changeLog: log)
    }

    /// Fills the empty store from a backup in one transaction.
    public func restore(_ snapshot: StoreSnapshot) async throws {
        let counts = (
            try connection.integer("SELECT COUNT(*) FROM records", while: "counting records") ?? 0,
            try connection.integer("SELECT COUNT(*) FROM series", while: "counting series") ?? 0,
            try connection.integer("SELECT COUNT(*) FROM change_log", while: "counting the change log") ?? 0
        )
        guard counts == (0, 0, 0) else {
            throw StoreRules.notEmpty(records: Int(counts.0), series: Int(counts.1), changes: Int(counts.2))
        }
        let snapshot = try StoreRules.checkedForRestore(snapshot)
        try connection.transaction("restoring a backup") {
            for record in snapshot.records { try upsert(record) }
            for entry in snapshot.changeLog { try insertLog(entry) }
            let insert = try connection.statement(
                "INSERT INTO observations (series, period, value, numerator, denominator, status) VALUES (?, ?, ?, ?, ?, ?)"
            )
            let setVersion = try connection.statement("UPDATE series SET version = ? WHERE id = ?")
            for held in snapshot.series {
                let id = try seriesID(held.series.measure, held.series.scope, create: true)!.id
                setVersion.bind(1, held.version)
                setVersion.bind(2, id)
                try check(setVersion.run(), "restoring a series")
                for point in held.series.points {
                    insert.bind(1, id)
                    insert.bind(2, point.period.code)
                    insert.bind(3, point.value)
                    insert.bind(4, point.numerator)
                    insert.bind(5, point.denominator)
                    insert.bind(6, Int64(point.status.code))
                    try check(insert.run(), "restoring observations")
                }
            }
        }
    }

    // MARK: Maintenance

    /// SQLite's full integrity check: `["ok"]` when the file is sound.
    public func integrityCheck() async throws -> [String] {
        try connection.texts("PRAGMA integrity_check", while: "checking integrity")
    }

    /// Writes the WAL back into the database file.
    public func checkpoint() async throws {
        try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)", while: "checkpointing")
    }
}
