import CSQLite
import Domain
import Foundation
import Measures
import SQLiteStore
import Section11

/// One million observation rows: 1,000 series of 1,000 months each.
enum MillionRows {
    static let seriesCount = 1000
    static let months = 1000
    static let rows = seriesCount * months
    static let lastMonth = try! ReportingPeriod.month(3, of: 2026)

    static func series() -> [ObservationSeries] {
        let periods = (0..<months).map { lastMonth.advanced(by: $0 - months + 1) }
        return (0..<seriesCount).map { number in
            ObservationSeries(
                measure: MeasureID(rawValue: "bench-\(String(format: "%04d", number))")!,
                scope: .partnership,
                points: periods.enumerated().map { SeriesPoint(period: $1, value: Double(($0 * 7 + number) % 500)) }
            )
        }
    }

    /// The same rows as CSV in the import format.
    static func csv() -> Data {
        var text = "measure,scope,period,value\n"
        text.reserveCapacity(rows * 36)
        let periods = (0..<months).map { lastMonth.advanced(by: $0 - months + 1).description }
        for number in 0..<seriesCount {
            let measure = "bench-\(String(format: "%04d", number))"
            for (index, period) in periods.enumerated() {
                text += "\(measure),partnership,\(period),\((index * 7 + number) % 500)\n"
            }
        }
        return Data(text.utf8)
    }

    /// A catalogue of the benchmark's measures.
    static func catalogue() throws -> MeasureCatalogue {
        try MeasureCatalogue(
            (0..<seriesCount).map { number in
                MeasureDefinition(
                    id: MeasureID(rawValue: "bench-\(String(format: "%04d", number))")!,
                    name: "Bench \(number)",
                    summary: "",
                    question: .howMuch,
                    unit: .count,
                    polarity: .neither,
                    source: "benchmark"
                )
            }
        )
    }
}

func storeBenchmarks(_ harness: Harness) async throws {
    guard harness.wantsAny(["store.bulk-insert", "store.bulk-read", "store.single-save", "peer.sqlite3-import"]) else {
        return
    }
    let directory = "\(Workspace.directory)/store"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    func fresh(_ name: String) throws -> SQLiteStore {
        let path = "\(directory)/\(name).sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return try SQLiteStore(path: path)
    }
    let series = MillionRows.series()
    let context = ChangeContext(principal: "bench", at: Date(timeIntervalSince1970: 1_780_000_000))

    try await harness.measure(
        "store.bulk-insert",
        items: MillionRows.rows,
        unit: "rows",
        runs: 3,
        note: "1,000,000 observations, one transaction, SQLite WAL",
        setup: { try fresh("insert") },
        run: { store in
            try await store.append(series, mode: .insertOnly, context: context)
        }
    )

    if harness.wants("store.bulk-read") {
        let store = try fresh("read")
        try await store.append(series, mode: .insertOnly, context: context)
        try await harness.measure("store.bulk-read", items: MillionRows.rows, unit: "rows", runs: 5) {
            let read = try await store.observationSeries(matching: .all)
            precondition(read.reduce(0) { $0 + $1.points.count } == MillionRows.rows)
        }
    }

    if harness.wants("store.single-save") {
        // Each save is timed on its own; the result is the median of single saves.
        let store = try fresh("single")
        let records = Records(store: store, clock: .constant(context.at))
        var latencies: [Double] = []
        let clock = ContinuousClock()
        var locality = Locality(id: "bench-locality", name: "Bench")
        var version = 0
        for number in 0..<3000 {
            locality.name = "Bench \(number)"
            let started = clock.now
            version = try await records.save(locality, version: version, by: .system).version
            let elapsed = started.duration(to: clock.now)
            if number >= 200 {
                latencies.append(Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
            }
        }
        latencies.sort()
        let median = latencies[latencies.count / 2]
        harness.record(
            BenchmarkResult(
                name: "store.single-save",
                scale: harness.scale,
                items: 1,
                unit: "saves",
                runs: latencies.count,
                medianSeconds: median,
                minSeconds: latencies.first!,
                maxSeconds: latencies.last!,
                itemsPerSecond: 1 / median,
                peakResidentBytes: peakResident(),
                note: "one versioned record with its change-log entry; median of \(latencies.count) single saves"
            )
        )
    }

    if harness.wants("peer.sqlite3-import") {
        try await sqliteShellImport(harness, series: series)
    }
}

/// The system `sqlite3` shell importing the same rows from CSV into the same table.
func sqliteShellImport(_ harness: Harness, series: [ObservationSeries]) async throws {
    guard let shell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: FileManager.default.isExecutableFile)
    else {
        harness.note("peer.sqlite3-import", "skipped: the sqlite3 shell is not installed")
        return
    }
    let directory = "\(Workspace.directory)/store"
    let csvPath = "\(directory)/observations.csv"
    var text = "series,period,value,numerator,denominator,status\n"
    for (index, held) in series.enumerated() {
        for point in held.points {
            text += "\(index + 1),\(point.period.code),\(Int(point.value ?? 0)),,,0\n"
        }
    }
    try text.write(toFile: csvPath, atomically: true, encoding: .utf8)
    var seconds: [Double] = []
    for _ in 0..<3 {
        let path = "\(directory)/shell.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try SQLiteStore(path: path)
        // The same series rows, so the import meets the same foreign key.
        try await store.append(
            series.map { ObservationSeries(measure: $0.measure, scope: $0.scope, points: []) },
            mode: .insertOnly,
            context: ChangeContext(principal: "bench", at: Date(timeIntervalSince1970: 0))
        )
        _ = store
        guard
            let outcome = run(
                shell,
                [
                    "-cmd", "PRAGMA journal_mode=WAL", "-cmd", "PRAGMA synchronous=NORMAL", "-cmd",
                    "PRAGMA foreign_keys=ON",
                    path, ".import --csv --skip 1 \(csvPath) observations",
                ]
            )
        else {
            harness.note("peer.sqlite3-import", "skipped: the sqlite3 shell failed to import")
            return
        }
        seconds.append(outcome.seconds)
    }
    seconds.sort()
    let median = seconds[1]
    let ours = harness.results.first { $0.name == "store.bulk-insert" }
    let ratio =
        ours.map {
            String(
                format: "; ours is %.2f× its throughput",
                (Double(MillionRows.rows) / median) > 0 ? $0.itemsPerSecond / (Double(MillionRows.rows) / median) : 0
            )
        } ?? ""
    harness.record(
        BenchmarkResult(
            name: "peer.sqlite3-import",
            scale: harness.scale,
            items: MillionRows.rows,
            unit: "rows",
            runs: 3,
            medianSeconds: median,
            minSeconds: seconds.first!,
            maxSeconds: seconds.last!,
            itemsPerSecond: Double(MillionRows.rows) / median,
            peakResidentBytes: 0,
            note: "sqlite3 .import of the same rows from CSV into the same table (process wall clock)\(ratio)"
        )
    )
}

/// The store's record encoder against Foundation's, on the county's Section 11 assessments.
func codecBenchmarks(_ harness: Harness, workspace: Workspace) async throws {
    guard
        harness.wantsAny([
            "codec.encode-records", "codec.foundation-encode-records", "codec.decode-records",
            "codec.foundation-decode-records", "store.seal-records",
        ])
    else {
        return
    }
    let assessments = try await AssuranceView(store: try await workspace.database()).all(SelfAssessment.self)
    let stored = try assessments.map { try RecordCoder.encode($0, version: 1) }
    let bytes = stored.reduce(0) { $0 + $1.payload.count }
    try await harness.measure(
        "codec.encode-records",
        items: assessments.count,
        unit: "records",
        runs: 5,
        note: String(format: "Section 11 assessments, %.1f MB of JSON: the store's encoder", Double(bytes) / 1e6)
    ) {
        for assessment in assessments { _ = try RecordJSONEncoder().encode(assessment) }
    }
    try await harness.measure(
        "store.seal-records",
        items: assessments.count,
        unit: "records",
        runs: 9,
        note: String(format: "the change log's SHA-256 content digest of each, %.1f MB", Double(bytes) / 1e6)
    ) {
        for record in stored { _ = ChangeLogChain.contentDigest(of: record) }
    }
    let foundation = JSONEncoder()
    foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    try await harness.measure(
        "codec.foundation-encode-records",
        items: assessments.count,
        unit: "records",
        runs: 5,
        note: "the same with Foundation's JSONEncoder (sorted keys)"
    ) {
        for assessment in assessments { _ = try foundation.encode(assessment) }
    }
    let ours = try await harness.measure(
        "codec.decode-records",
        items: assessments.count,
        unit: "records",
        runs: 5,
        note: "the store's decoder reading them back"
    ) {
        let decoder = RecordJSONDecoder()
        for record in stored { _ = try decoder.decode(SelfAssessment.self, from: record.payload) }
    }
    let decoder = JSONDecoder()
    let theirs = try await harness.measure(
        "codec.foundation-decode-records",
        items: assessments.count,
        unit: "records",
        runs: 5,
        note: "Foundation's JSONDecoder reading the same records"
    ) {
        for record in stored { _ = try decoder.decode(SelfAssessment.self, from: record.payload) }
    }
    if let ours, let theirs {
        // The same values, or the figure means nothing.
        let fast = RecordJSONDecoder()
        for record in stored {
            let mine = try fast.decode(SelfAssessment.self, from: record.payload)
            let foundation = try decoder.decode(SelfAssessment.self, from: record.payload)
            precondition(mine == foundation, "the store's decoder read \(record.reference) differently")
        }
        harness.note(
            "codec.decoder-ratio",
            String(
                format: "the store's decoder is %.1f× Foundation's JSONDecoder",
                ours.itemsPerSecond / theirs.itemsPerSecond
            )
        )
    }
}
