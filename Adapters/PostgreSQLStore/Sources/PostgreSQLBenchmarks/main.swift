// The store benchmarks on PostgreSQL beside SQLite, with psql's \copy of the same rows as the peer for
// bulk loading. Run against a server, in release:
//
//   swift run qaf demo && swift run qaf export --db qaf-demo/partnership.sqlite -o qaf-demo/backup.json
//   Scripts/postgres.sh swift run -c release --package-path Adapters/PostgreSQLStore \
//       PostgreSQLBenchmarks --backup qaf-demo/backup.json
//
// Without --backup the county's cycle and report are left out. Prints one Markdown table.
//
// With --pipeline SCALE (county or national; --share 0.125 for a fraction of its partnerships), it runs
// every partnership of the scale through import, cycle and PDG report, a PostgreSQL schema each, and
// prints the figures as one line of JSON instead (Pipeline.swift).
import Audit
import Domain
import Foundation
import Learning
import Measures
import PostgreSQLStore
import Reporting
import SQLiteStore
import Section11

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("PostgreSQLBenchmarks: \(message)\n".utf8))
    exit(1)
}

func progress(_ message: String) {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
}

var arguments = Array(CommandLine.arguments.dropFirst())
var backupPath: String?
var runs = 3
var pipelineScale: String?
var share = 1.0
var workers = 2
let usage = "usage: PostgreSQLBenchmarks [--backup FILE] [--runs N] | --pipeline SCALE [--share S] [--workers N]"
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--backup": backupPath = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--runs": runs = arguments.isEmpty ? 3 : Int(arguments.removeFirst()) ?? 3
    case "--pipeline":
        guard !arguments.isEmpty else { fail("--pipeline needs a scale (county or national)\n\(usage)") }
        pipelineScale = arguments.removeFirst()
    case "--share":
        guard let value = arguments.first.flatMap(Double.init), value > 0, value <= 1 else {
            fail("--share needs a number above 0 and at most 1\n\(usage)")
        }
        arguments.removeFirst()
        share = value
    case "--workers":
        guard let value = arguments.first.flatMap({ Int($0) }), value > 0 else {
            fail("--workers needs a whole number above 0\n\(usage)")
        }
        arguments.removeFirst()
        workers = value
    default: fail(usage)
    }
}
guard let conninfo = ProcessInfo.processInfo.environment["QAF_POSTGRES"] else {
    fail("QAF_POSTGRES is not set; run through Scripts/postgres.sh")
}
if let pipelineScale { try await runPipeline(scale: pipelineScale, share: share, workers: workers, conninfo: conninfo) }
let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("qaf-pg-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: workspace) }

let clock = ContinuousClock()
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// The median of timed runs, each after an untimed setup.
func median<State>(
    _ runs: Int,
    setup: () async throws -> State,
    run body: (State) async throws -> Void
) async throws -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let state = try await setup()
        let started = clock.now
        try await body(state)
        times.append(seconds(started.duration(to: clock.now)))
    }
    return times.sorted()[times.count / 2]
}

var namespaceNumber = 0
@MainActor func postgres(maximumConnections: Int = 4) async throws -> PostgreSQLStore {
    namespaceNumber += 1
    return try await PostgreSQLStore(
        connectingTo: conninfo,
        options: PostgreSQLStore.Options(
            maximumConnections: maximumConnections,
            namespace: "bench_\(getpid())_\(namespaceNumber)"
        )
    )
}

@MainActor func sqlite(_ name: String) throws -> SQLiteStore {
    let path = "\(workspace)/\(name).sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    return try SQLiteStore(path: path)
}

struct Row {
    var name: String
    var sqlite: String
    var postgres: String
    var peer: String
    var note: String
}
var rows: [Row] = []

func rate(_ items: Int, _ seconds: Double) -> String {
    let perSecond = Double(items) / seconds
    return perSecond >= 1e6 ? String(format: "%.2fM/s", perSecond / 1e6) : String(format: "%.1fk/s", perSecond / 1e3)
}

func time(_ seconds: Double) -> String {
    seconds < 1e-3
        ? String(format: "%.0f µs", seconds * 1e6)
        : seconds < 1 ? String(format: "%.1f ms", seconds * 1e3) : String(format: "%.2f s", seconds)
}

// MARK: One million observations

let seriesCount = 1000
let months = 1000
let total = seriesCount * months
let lastMonth = try ReportingPeriod.month(3, of: 2026)
let periods = (0..<months).map { lastMonth.advanced(by: $0 - months + 1) }
let series = (0..<seriesCount).map { number in
    ObservationSeries(
        measure: MeasureID(rawValue: "bench-\(String(format: "%04d", number))")!,
        scope: .partnership,
        points: periods.enumerated().map { SeriesPoint(period: $1, value: Double(($0 * 7 + number) % 500)) }
    )
}
let context = ChangeContext(principal: "bench", at: Date(timeIntervalSince1970: 1_780_000_000))

progress("bulk insert…")
let sqliteInsert = try await median(
    runs,
    setup: { try sqlite("insert") },
    run: { try await $0.append(series, mode: .insertOnly, context: context) }
)
let postgresInsert = try await median(
    runs,
    setup: { try await postgres() },
    run: { try await $0.append(series, mode: .insertOnly, context: context) }
)

// The peer: psql's \copy of the same rows, as CSV, into the same table of a fresh store whose series
// rows exist, so that both load into the same keys and the same foreign key.
let psql = (ProcessInfo.processInfo.environment["QAF_POSTGRES_BIN"].map { "\($0)/psql" }) ?? "psql"
var csv = ""
csv.reserveCapacity(total * 24)
for number in 0..<seriesCount {
    for (index, period) in periods.enumerated() {
        csv += "\(number + 1),\(period.code),\((index * 7 + number) % 500),,,0\n"
    }
}
let csvPath = "\(workspace)/observations.csv"
try Data(csv.utf8).write(to: URL(fileURLWithPath: csvPath))
func runPsql(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", conninfo] + arguments
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { fail("psql failed: \(arguments)") }
}
let peerCopy = try await median(
    runs,
    setup: { () async throws -> String in
        let store = try await postgres()
        let namespace = store.options.namespace!
        try runPsql([
            "-c",
            "INSERT INTO \(namespace).series (id, measure, scope) SELECT n, 'bench-' || lpad((n - 1)::text, 4, '0'), "
                + "'partnership' FROM generate_series(1, \(seriesCount)) n",
        ])
        return namespace
    },
    run: { namespace in
        try runPsql([
            "-c",
            "\\copy \(namespace).observations (series, period, value, numerator, denominator, status) "
                + "FROM '\(csvPath)' WITH (FORMAT csv)",
        ])
    }
)
rows.append(
    Row(
        name: "bulk insert, 1,000,000 observations",
        sqlite: rate(total, sqliteInsert),
        postgres: rate(total, postgresInsert),
        peer: "psql \\copy \(rate(total, peerCopy))",
        note: String(format: "PostgreSQL at %.0f%% of \\copy's rate", 100 * peerCopy / postgresInsert)
    )
)

progress("bulk read…")
let sqliteRead = try sqlite("read")
try await sqliteRead.append(series, mode: .insertOnly, context: context)
let postgresRead = try await postgres()
try await postgresRead.append(series, mode: .insertOnly, context: context)
func readAll(_ store: any RecordStore) async throws {
    let read = try await store.observationSeries(matching: .all)
    precondition(read.reduce(0) { $0 + $1.points.count } == total)
}
let sqliteReadTime = try await median(runs + 2, setup: {}, run: { try await readAll(sqliteRead) })
let postgresReadTime = try await median(runs + 2, setup: {}, run: { try await readAll(postgresRead) })
rows.append(
    Row(
        name: "bulk read, 1,000,000 observations",
        sqlite: rate(total, sqliteReadTime),
        postgres: rate(total, postgresReadTime),
        peer: "",
        note: "PostgreSQL through binary COPY TO STDOUT"
    )
)

progress("single versioned saves…")
func singleSaves(_ store: any RecordStore) async throws -> Double {
    let records = Records(store: store, clock: .constant(context.at))
    var locality = Locality(id: "bench-locality", name: "Bench")
    var version = 0
    var latencies: [Double] = []
    for number in 0..<3000 {
        locality.name = "Bench \(number)"
        let started = clock.now
        version = try await records.save(locality, version: version, by: .system).version
        if number >= 200 { latencies.append(seconds(started.duration(to: clock.now))) }
    }
    return latencies.sorted()[latencies.count / 2]
}
let sqliteSave = try await singleSaves(try sqlite("single"))
let postgresSave = try await singleSaves(try await postgres())
rows.append(
    Row(
        name: "single versioned save (median of 2,800)",
        sqlite: time(sqliteSave),
        postgres: time(postgresSave),
        peer: "",
        note: "one record and its change-log entry, committed; PostgreSQL over a Unix socket"
    )
)

// MARK: The county's cycle and PDG report

if let backupPath {
    progress("the county's cycle and PDG report…")
    let backup = try StoreBackup.decode(try Data(contentsOf: URL(fileURLWithPath: backupPath)), source: backupPath)
    let moduleTypes: [any ProfileConfigurable.Type] = [
        PartnershipModule.self, Section11Module.self, AuditModule.self, MeasuresModule.self, LearningModule.self,
    ]
    let day = try Day(parsing: "2026-04-30")
    let period = ReportingPeriod.containing(day, kind: .quarter, basis: .financial).advanced(by: -1)
    let principal = Principal(id: "bench", roles: [.qaLead])
    func cycleAndReport(_ store: any RecordStore) async throws {
        let environment = AssuranceEnvironment(
            store: store,
            clock: .constant(day.start(in: .england).addingTimeInterval(12 * 3600)),
            ids: .seeded(7)
        )
        let framework = try AssuranceFramework(
            profile: PartnershipProfile.starter(modules: moduleTypes),
            modules: moduleTypes,
            environment: environment
        )
        _ = try await framework.runCycle(on: day, by: principal)
        let report = try await StandardReports(framework: framework).make(
            ReportRequest(kind: .practiceDevelopmentAssurance, period: period, audience: .partnership, day: day),
            as: principal
        )
        _ = HTMLRenderer().render(report)
    }
    var sqliteCounter = 0
    let sqliteCycle = try await median(
        runs,
        setup: { () async throws -> SQLiteStore in
            sqliteCounter += 1
            let store = try sqlite("county-\(sqliteCounter)")
            try await store.restore(backup)
            return store
        },
        run: cycleAndReport
    )
    let postgresCycle = try await median(
        runs,
        setup: { () async throws -> PostgreSQLStore in
            let store = try await postgres()
            try await store.restore(backup)
            return store
        },
        run: cycleAndReport
    )
    rows.append(
        Row(
            name: "the county's assurance cycle and PDG report",
            sqlite: time(sqliteCycle),
            postgres: time(postgresCycle),
            peer: "",
            note: String(
                format: "%d records, %d series; PostgreSQL at %.2f× SQLite's time",
                backup.records.count,
                backup.series.count,
                postgresCycle / sqliteCycle
            )
        )
    )
}

print("| what | SQLite | PostgreSQL | peer | note |")
print("| --- | --- | --- | --- | --- |")
for row in rows { print("| \(row.name) | \(row.sqlite) | \(row.postgres) | \(row.peer) | \(row.note) |") }
