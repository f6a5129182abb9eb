public import Domain
import Foundation

extension PostgreSQLStore {
    /// The ids of series, creating those not yet held.
    static func seriesIDs(_ keys: [SeriesKey], _ connection: Connection) throws -> [SeriesKey: Int64] {
        let measures = SQLValue.text(ArrayLiteral.texts(keys.map(\.measure.rawValue)))
        let scopes = SQLValue.text(ArrayLiteral.texts(keys.map(\.scope.description)))
        try connection.execute(
            "INSERT INTO series (measure, scope) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
            [measures, scopes],
            while: "creating series"
        )
        let result = try connection.execute(
            "SELECT id, measure, scope FROM series WHERE (measure, scope) IN (SELECT * FROM unnest($1::text[], $2::text[]))",
            [measures, scopes],
            while: "reading series"
        )
        var ids: [SeriesKey: Int64] = [:]
        for row in 0..<result.count {
            guard let measure = result.text(row, 1).flatMap(MeasureID.init(rawValue:)),
                let scope = result.text(row, 2).flatMap(SeriesScope.init)
            else {
                throw DomainError(.corruptDatabase, "the series table holds a malformed measure or scope at row \(row)")
            }
            ids[SeriesKey(measure, scope)] = Int64(result.integer(row, 0) ?? 0)
        }
        return ids
    }

    static func copyRow(_ rows: inout CopyRows, series: Int64, _ point: SeriesPoint) {
        rows.beginRow(fields: 6)
        rows.integer64(series)
        rows.integer64(point.period.code)
        rows.double(point.value)
        rows.double(point.numerator)
        rows.double(point.denominator)
        rows.integer16(Int16(point.status.code))
    }

    /// Appends observations inside the caller's transaction through `COPY` in the binary format,
    /// returning what it did and the log entries to make; each series is given once (``StoreRules``).
    ///
    /// New observations are copied straight into their table, so the bulk path costs what `COPY`
    /// costs; replacements go through a temporary table and one `INSERT … ON CONFLICT DO UPDATE`.
    static func appendObservations(
        _ batch: [ObservationSeries],
        mode: ObservationWriteMode,
        _ connection: Connection
    ) throws -> (ObservationWriteSummary, [LogEntry]) {
        guard !batch.isEmpty else { return (ObservationWriteSummary(inserted: 0, replaced: 0, series: 0), []) }
        let keys = batch.map(\.key)
        let rowCount = batch.reduce(0) { $0 + $1.points.count }
        let ids = try seriesIDs(keys, connection)
        var inserted = 0
        var replaced = 0
        switch mode {
        case .insertOnly:
            var rows = CopyRows(capacity: rowCount * 46)
            for (series, key) in zip(batch, keys) {
                let id = ids[key]!
                for point in series.points { copyRow(&rows, series: id, point) }
            }
            rows.finish()
            try connection.copyIn(
                "COPY observations (series, period, value, numerator, denominator, status) FROM STDIN (FORMAT binary)",
                rows,
                while: "appending observations"
            )
            inserted = rowCount
        case .replaceExisting:
            (inserted, replaced) = try replace(batch, ids: ids, connection)
        }
        let bumped = try connection.execute(
            "UPDATE series SET version = version + 1 WHERE id = ANY($1::bigint[]) RETURNING id, version",
            [.text(ArrayLiteral.integers(keys.map { Int(ids[$0]!) }))],
            while: "counting the series' appends"
        )
        var versions: [Int64: Int] = [:]
        for row in 0..<bumped.count {
            versions[Int64(bumped.integer(row, 0) ?? 0)] = bumped.integer(row, 1)
        }
        let log = zip(batch, keys).map { series, key in
            LogEntry(
                kind: .appended,
                reference: RecordReference(type: .observationSeries, id: series.changeLogID),
                version: versions[ids[key]!] ?? 0,
                summary: "\(series.points.count) observations appended"
            )
        }
        return (ObservationWriteSummary(inserted: inserted, replaced: replaced, series: batch.count), log)
    }

    /// Writes a batch that may replace held values: counts what it replaces, then merges it through a
    /// temporary table.
    static func replace(
        _ batch: [ObservationSeries],
        ids: [SeriesKey: Int64],
        _ connection: Connection
    ) throws -> (inserted: Int, replaced: Int) {
        let heldRows = try connection.execute(
            "SELECT series, period FROM observations WHERE series = ANY($1::bigint[])",
            [.text(ArrayLiteral.integers(Set(ids.values).map { Int($0) }))],
            while: "reading held observations"
        )
        var held = Set<[Int64]>()
        for row in 0..<heldRows.count {
            held.insert([Int64(heldRows.integer(row, 0) ?? 0), Int64(heldRows.integer(row, 1) ?? 0)])
        }
        var inserted = 0
        var replaced = 0
        var latest: [[Int64]: (Int64, SeriesPoint)] = [:]
        var order: [[Int64]] = []
        for series in batch {
            let id = ids[series.key]!
            for point in series.points {
                let key = [id, point.period.code]
                if held.insert(key).inserted { inserted += 1 } else { replaced += 1 }
                if latest.updateValue((id, point), forKey: key) == nil { order.append(key) }
            }
        }
        var rows = CopyRows(capacity: order.count * 46)
        for key in order {
            let (id, point) = latest[key]!
            copyRow(&rows, series: id, point)
        }
        rows.finish()
        try connection.execute(
            plain: "CREATE TEMPORARY TABLE incoming_observations (LIKE observations) ON COMMIT DROP",
            while: "staging observations"
        )
        try connection.copyIn(
            "COPY incoming_observations (series, period, value, numerator, denominator, status) FROM STDIN (FORMAT binary)",
            rows,
            while: "staging observations"
        )
        try connection.execute(
            plain: """
                INSERT INTO observations SELECT * FROM incoming_observations
                ON CONFLICT (series, period) DO UPDATE SET value = excluded.value, numerator = excluded.numerator,
                    denominator = excluded.denominator, status = excluded.status
                """,
            while: "replacing observations"
        )
        return (inserted, replaced)
    }

    /// The first observation of a refused insert-only batch that was already held, or repeated
    /// across the batch's series, in batch order.
    func duplicate(in batch: [ObservationSeries]) async throws -> DomainError? {
        let keys = Array(Set(batch.map(\.key)))
        let held: Set<[String]> = try await pool.with { connection in
            let result = try connection.execute(
                """
                SELECT s.measure, s.scope, o.period::text FROM observations o JOIN series s ON s.id = o.series
                WHERE (s.measure, s.scope) IN (SELECT * FROM unnest($1::text[], $2::text[]))
                """,
                [
                    .text(ArrayLiteral.texts(keys.map(\.measure.rawValue))),
                    .text(ArrayLiteral.texts(keys.map(\.scope.description))),
                ],
                while: "finding the observation already held"
            )
            return Set(
                (0..<result.count).map {
                    [result.text($0, 0) ?? "", result.text($0, 1) ?? "", result.text($0, 2) ?? ""]
                }
            )
        }
        var seen = held
        for series in batch {
            for point in series.points {
                let key = [series.measure.rawValue, series.scope.description, String(point.period.code)]
                if !seen.insert(key).inserted { return StoreRules.duplicateObservation(series, point.period) }
            }
        }
        return nil
    }

    /// The series that match a query, ordered by measure and scope, each in period order.
    public func observationSeries(matching query: ObservationQuery) async throws -> [ObservationSeries] {
        try await pool.with { connection in
            try connection.transaction("reading observations", readOnly: true) {
                try Self.observationSeries(matching: query, connection)
            }
        }
    }

    static func observationSeries(
        matching query: ObservationQuery,
        _ connection: Connection
    ) throws -> [ObservationSeries] {
        let list = try connection.execute("SELECT id, measure, scope FROM series", while: "listing series")
        var assembler = SeriesAssembler(query: query)
        for row in 0..<list.count {
            guard let measure = list.text(row, 1).flatMap(MeasureID.init(rawValue:)),
                let scope = list.text(row, 2).flatMap(SeriesScope.init)
            else {
                throw StoreRules.malformedSeries(
                    row: Int64(list.integer(row, 0) ?? 0),
                    measure: list.text(row, 1),
                    scope: list.text(row, 2)
                )
            }
            if let measures = query.measures, !measures.contains(measure) { continue }
            if let scopes = query.scopes, !scopes.contains(scope) { continue }
            assembler.series[Int64(list.integer(row, 0) ?? 0)] = ObservationSeries(
                measure: measure,
                scope: scope,
                points: []
            )
        }
        guard !assembler.series.isEmpty else { return [] }
        if assembler.series.count == list.count {
            try connection.copyOut(
                "COPY (SELECT series, period, value, numerator, denominator, status FROM observations "
                    + "ORDER BY series, period) TO STDOUT (FORMAT binary)",
                while: "reading observations"
            ) { row in
                try assembler.add(
                    row.integer() ?? 0,
                    row.integer() ?? 0,
                    row.double(),
                    row.double(),
                    row.double(),
                    Int(row.integer() ?? 0)
                )
            }
        } else {
            let result = try connection.execute(
                "SELECT series, period, value, numerator, denominator, status FROM observations "
                    + "WHERE series = ANY($1::bigint[]) ORDER BY series, period",
                [.text(ArrayLiteral.integers(assembler.series.keys.map { Int($0) }))],
                while: "reading observations"
            )
            for row in 0..<result.count {
                try assembler.add(
                    Int64(result.integer(row, 0) ?? 0),
                    Int64(result.integer(row, 1) ?? 0),
                    result.double(row, 2),
                    result.double(row, 3),
                    result.double(row, 4),
                    result.integer(row, 5) ?? 0
                )
            }
        }
        return assembler.finished()
    }

    /// Gathers observation rows, in series and period order, into the series they belong to.
    struct SeriesAssembler {
        let query: ObservationQuery
        var series: [Int64: ObservationSeries] = [:]
        var periods: [Int64: ReportingPeriod] = [:]
        var currentID: Int64 = -1
        var points: [SeriesPoint] = []

        init(query: ObservationQuery) { self.query = query }

        mutating func flush() {
            if currentID >= 0, !points.isEmpty, series[currentID] != nil { series[currentID]!.points = points }
            points = []
        }

        mutating func add(
            _ id: Int64,
            _ code: Int64,
            _ value: Double?,
            _ numerator: Double?,
            _ denominator: Double?,
            _ status: Int
        ) throws {
            if id != currentID {
                flush()
                currentID = id
            }
            guard series[id] != nil else { return }
            let period: ReportingPeriod
            if let known = periods[code] {
                period = known
            } else {
                guard let made = ReportingPeriod(code: code) else { throw StoreRules.malformedPeriod(code, series: id) }
                periods[code] = made
                period = made
            }
            guard query.includes(period) else { return }
            guard let status = ObservationStatus(code: status) else {
                throw StoreRules.unknownObservationStatus(status, series: id, period: code)
            }
            points.append(
                SeriesPoint(
                    period: period,
                    value: value,
                    numerator: numerator,
                    denominator: denominator,
                    status: status
                )
            )
        }

        mutating func finished() -> [ObservationSeries] {
            flush()
            return series.values.filter { !$0.points.isEmpty }.map { held in
                var sorted = held
                if Set(held.points.map(\.period.kind)).count > 1 { sorted.points.sort { $0.period < $1.period } }
                return sorted
            }.sorted { ($0.measure, $0.scope) < ($1.measure, $1.scope) }
        }
    }
}
