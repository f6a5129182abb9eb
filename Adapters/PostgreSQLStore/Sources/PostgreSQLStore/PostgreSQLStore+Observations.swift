public import Domain
import Foundation

extension PostgreSQLStore {
    static func copyRow(_ rows: inout CopyRows, series: Int64, _ point: SeriesPoint) {
        rows.beginRow(fields: 6)
        rows.integer64(series)
        rows.integer64(point.period.code)
        rows.double(point.value)
        rows.double(point.numerator)
        rows.double(point.denominator)
        rows.integer16(Int16(point.status.code))
    }

    /// Appends observations inside the caller's transaction through the store's own function
    /// (``Schema/writeFunctions``), which writes them, counts each series' append and seals its entry
    /// into the change log; each series is given once (``StoreRules``).
    ///
    /// The points travel as arrays, one per column, in one call.
    static func appendObservations(
        _ batch: [ObservationSeries],
        mode: ObservationWriteMode,
        context: ChangeContext,
        _ connection: Connection
    ) throws -> ObservationWriteSummary {
        guard !batch.isEmpty else { return ObservationWriteSummary(inserted: 0, replaced: 0, series: 0) }
        var owners: [Int] = []
        var periods: [Int] = []
        var values: [Double?] = []
        var numerators: [Double?] = []
        var denominators: [Double?] = []
        var statuses: [Int] = []
        for (position, series) in batch.enumerated() {
            for point in series.points {
                owners.append(position + 1)
                periods.append(Int(point.period.code))
                values.append(point.value)
                numerators.append(point.numerator)
                denominators.append(point.denominator)
                statuses.append(point.status.code)
            }
        }
        let written = try connection.execute(
            """
            SELECT inserted, replaced FROM qaf_append_observations($1::float8, $2, $3::boolean, $4::text[], $5::text[],
                $6::text[], $7::integer[], $8::bigint[], $9::float8[], $10::float8[], $11::float8[], $12::smallint[])
            """,
            [
                .double(context.at.timeIntervalSinceReferenceDate), .text(context.principal.rawValue),
                .text(mode == .replaceExisting ? "true" : "false"),
                .text(ArrayLiteral.texts(batch.map(\.measure.rawValue))),
                .text(ArrayLiteral.texts(batch.map(\.scope.description))),
                .text(ArrayLiteral.texts(batch.map(\.changeLogID.rawValue))),
                .text(ArrayLiteral.integers(owners)), .text(ArrayLiteral.integers(periods)),
                .text(ArrayLiteral.doubles(values)), .text(ArrayLiteral.doubles(numerators)),
                .text(ArrayLiteral.doubles(denominators)), .text(ArrayLiteral.integers(statuses)),
            ],
            while: "appending observations"
        )
        return ObservationWriteSummary(
            inserted: written.integer(0, 0) ?? 0,
            replaced: written.integer(0, 1) ?? 0,
            series: batch.count
        )
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
