import CSQLite
public import Domain
import Foundation

extension SQLiteStore {

    func seriesID(_ measure: MeasureID, _ scope: SeriesScope, create: Bool) throws -> (id: Int64, version: Int)? {
        let select = try connection.statement("SELECT id, version FROM series WHERE measure = ? AND scope = ?")
        select.bind(1, measure.rawValue)
        select.bind(2, scope.description)
        if try select.step(while: "reading a series") {
            defer { select.reset() }
            return (select.int64(0), select.int(1))
        }
        select.reset()
        guard create else { return nil }
        let insert = try connection.statement("INSERT INTO series (measure, scope, version) VALUES (?, ?, 0)")
        insert.bind(1, measure.rawValue)
        insert.bind(2, scope.description)
        try check(insert.run(), "creating a series")
        return (sqlite3_last_insert_rowid(connection.handle), 0)
    }

    /// Appends observations inside the caller's transaction: one prepared insert, reused for every
    /// row; each series is given once (``StoreRules``).
    func appendObservations(
        _ batch: [ObservationSeries],
        mode: ObservationWriteMode,
        context: ChangeContext
    ) throws -> ObservationWriteSummary {
        guard !batch.isEmpty else { return ObservationWriteSummary(inserted: 0, replaced: 0, series: 0) }
        var inserted = 0
        var replaced = 0
        let sql =
            mode == .insertOnly
            ? "INSERT INTO observations (series, period, value, numerator, denominator, status) VALUES (?, ?, ?, ?, ?, ?)"
            : """
            INSERT INTO observations (series, period, value, numerator, denominator, status) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (series, period) DO UPDATE SET value = excluded.value, numerator = excluded.numerator,
                denominator = excluded.denominator, status = excluded.status
            """
        var touched: [Int64] = []
        var wasEmpty: [Bool] = []
        let anyHeld = try connection.statement("SELECT EXISTS (SELECT 1 FROM observations WHERE series = ?)")
        for series in batch {
            let id = try seriesID(series.measure, series.scope, create: true)!.id
            touched.append(id)
            var held = Set<Int64>()
            if mode == .replaceExisting {
                let existing = try connection.statement("SELECT period FROM observations WHERE series = ?")
                existing.bind(1, id)
                while try existing.step(while: "reading held observations") { held.insert(existing.int64(0)) }
                existing.reset()
                wasEmpty.append(held.isEmpty)
            } else {
                anyHeld.bind(1, id)
                _ = try anyHeld.step(while: "reading whether a series holds observations")
                wasEmpty.append(anyHeld.int(0) == 0)
                anyHeld.reset()
            }
            let insert = try connection.statement(sql)
            for point in series.points {
                let code = point.period.code
                sqlite3_bind_int64(insert.handle, 1, id)
                sqlite3_bind_int64(insert.handle, 2, code)
                insert.bind(3, point.value)
                insert.bind(4, point.numerator)
                insert.bind(5, point.denominator)
                sqlite3_bind_int64(insert.handle, 6, Int64(point.status.code))
                let status = sqlite3_step(insert.handle)
                sqlite3_reset(insert.handle)
                if status & 0xFF == SQLITE_CONSTRAINT {
                    throw StoreRules.duplicateObservation(series, point.period)
                }
                try check(status, "appending observations")
                if held.contains(code) { replaced += 1 } else { inserted += 1 }
            }
        }
        let bump = try connection.statement("UPDATE series SET version = version + 1 WHERE id = ? RETURNING version")
        for ((series, id), empty) in zip(zip(batch, touched), wasEmpty) {
            bump.bind(1, id)
            guard try bump.step(while: "counting a series' appends") else {
                throw DomainError(.storeFailed, "series \(series.changeLogID) vanished while appending")
            }
            let version = bump.int(0)
            bump.reset()
            let reference = RecordReference(type: .observationSeries, id: series.changeLogID)
            try appendLog(
                context,
                .appended,
                reference,
                version,
                "\(series.points.count) observations appended",
                // A series that held nothing now holds exactly what was given: no need to read it back.
                content: empty ? ChangeLogChain.contentDigest(of: series.points) : try contentDigest(ofSeries: id)
            )
        }
        return ObservationWriteSummary(inserted: inserted, replaced: replaced, series: batch.count)
    }

    /// The digest of a series' points as held, read in period order.
    func contentDigest(ofSeries id: Int64) throws -> ChangeLogDigest {
        let count = try connection.statement("SELECT COUNT(*) FROM observations WHERE series = ?")
        count.bind(1, id)
        _ = try count.step(while: "counting a series' observations")
        var content = ChangeLogChain.SeriesContent(count: count.int(0))
        count.reset()
        let rows = try connection.statement(
            "SELECT period, value, numerator, denominator, status FROM observations WHERE series = ? ORDER BY period"
        )
        rows.bind(1, id)
        defer { rows.reset() }
        while try rows.step(while: "reading a series' observations") {
            content.add(
                period: rows.int64(0),
                value: rows.double(1),
                numerator: rows.double(2),
                denominator: rows.double(3),
                status: rows.int(4)
            )
        }
        return content.digest
    }

    func period(_ code: Int64) -> ReportingPeriod? {
        if let cached = periodCache[code] { return cached }
        let period = ReportingPeriod(code: code)
        periodCache[code] = period
        return period
    }

    /// The series that match a query, ordered by measure and scope, each in period order.
    public func observationSeries(matching query: ObservationQuery) async throws -> [ObservationSeries] {
        var series: [Int64: ObservationSeries] = [:]
        let list = try connection.statement("SELECT id, measure, scope FROM series")
        while try list.step(while: "listing series") {
            guard let measure = list.text(1).flatMap(MeasureID.init(rawValue:)),
                let scope = list.text(2).flatMap(SeriesScope.init)
            else { throw StoreRules.malformedSeries(row: list.int64(0), measure: list.text(1), scope: list.text(2)) }
            if let measures = query.measures, !measures.contains(measure) { continue }
            if let scopes = query.scopes, !scopes.contains(scope) { continue }
            series[list.int64(0)] = ObservationSeries(measure: measure, scope: scope, points: [])
        }
        list.reset()
        guard !series.isEmpty else { return [] }
        let rows = try connection.statement(
            "SELECT series, period, value, numerator, denominator, status FROM observations ORDER BY series, period"
        )
        let handle = rows.handle
        var currentID: Int64 = -1
        var points: [SeriesPoint] = []
        func flush() {
            if currentID >= 0, !points.isEmpty, series[currentID] != nil {
                series[currentID]!.points = points
            }
            points = []
        }
        while try rows.step(while: "reading observations") {
            let id = sqlite3_column_int64(handle, 0)
            if id != currentID {
                flush()
                currentID = id
            }
            guard series[id] != nil else { continue }
            let code = sqlite3_column_int64(handle, 1)
            guard let period = period(code) else { throw StoreRules.malformedPeriod(code, series: id) }
            guard query.includes(period) else { continue }
            let statusCode = Int(sqlite3_column_int64(handle, 5))
            guard let status = ObservationStatus(code: statusCode) else {
                throw StoreRules.unknownObservationStatus(statusCode, series: id, period: code)
            }
            points.append(
                SeriesPoint(
                    period: period,
                    value: rows.double(2),
                    numerator: rows.double(3),
                    denominator: rows.double(4),
                    status: status
                )
            )
        }
        flush()
        rows.reset()
        return series.values.filter { !$0.points.isEmpty }.map { held in
            var sorted = held
            if Set(held.points.map(\.period.kind)).count > 1 { sorted.points.sort { $0.period < $1.period } }
            return sorted
        }.sorted { ($0.measure, $0.scope) < ($1.measure, $1.scope) }
    }
}
