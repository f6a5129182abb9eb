import Domain
import Foundation
import Measures
import SQLiteStore
import SyntheticPartnership

func csvBenchmarks(_ harness: Harness) async throws {
    guard harness.wantsAny(["csv.parse-observations", "csv.import-observations", "peer.python-csv"]) else { return }
    let data = MillionRows.csv()
    let catalogue = try MillionRows.catalogue()
    let today = try Day(parsing: "2026-04-30")
    try await harness.measure(
        "csv.parse-observations",
        items: MillionRows.rows,
        unit: "rows",
        runs: 3,
        note: "\(data.count / 1_048_576) MiB: read, check every value, group into series"
    ) {
        let parsed = try ObservationImport(
            csv: data,
            source: "bench.csv",
            catalogue: catalogue,
            agencies: [],
            localities: [],
            today: today
        )
        precondition(parsed.rows == MillionRows.rows)
    }
    let directory = "\(Workspace.directory)/store"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try await harness.measure(
        "csv.import-observations",
        items: MillionRows.rows,
        unit: "rows",
        runs: 3,
        note: "parse, check and write 1,000,000 observations in one transaction",
        setup: { () -> SQLiteStore in
            let path = "\(directory)/import.sqlite"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            return try SQLiteStore(path: path)
        },
        run: { store in
            let parsed = try ObservationImport(
                csv: data,
                source: "bench.csv",
                catalogue: catalogue,
                agencies: [],
                localities: [],
                today: today
            )
            try await store.append(
                parsed.series,
                mode: .insertOnly,
                context: ChangeContext(principal: "bench", at: Date(timeIntervalSince1970: 0))
            )
        }
    )
    if harness.wants("peer.python-csv") {
        let path = "\(directory)/observations-import.csv"
        try data.write(to: URL(fileURLWithPath: path))
        let script = """
            import csv, json, sys, time
            best = None
            for _ in range(3):
                t = time.perf_counter()
                with open(sys.argv[1], newline='', encoding='utf-8') as f:
                    rows = sum(1 for _ in csv.reader(f))
                e = time.perf_counter() - t
                best = e if best is None or e < best else best
            print(json.dumps({"rows": rows - 1, "seconds": best}))
            """
        if let outcome = run("/usr/bin/env", ["python3", "-c", script, path]),
            let json = try? JSONSerialization.jsonObject(with: outcome.output) as? [String: Any],
            let seconds = json["seconds"] as? Double
        {
            let ours = harness.results.first { $0.name == "csv.parse-observations" }
            let ratio =
                ours.map {
                    String(
                        format: "; our parse and check is %.1f× its throughput",
                        $0.itemsPerSecond / (Double(MillionRows.rows) / seconds)
                    )
                } ?? ""
            harness.recordPeer(
                "peer.python-csv",
                items: MillionRows.rows,
                unit: "rows",
                seconds: seconds,
                runs: 3,
                note: "Python's csv module splitting the same file into fields (best of 3), no checks\(ratio)"
            )
        } else {
            harness.note("peer.python-csv", "skipped: python3 is not installed")
        }
    }
}

/// Every series of the scale, from the county's database.
///
/// For many partnerships (one database each, so no one store holds them all) the series are
/// generated in memory before timing starts.
func loadSeries(_ workspace: Workspace) async throws -> (MeasureCatalogue, [ObservationSeries]) {
    let catalogue = try workspace.generator.measures()
    guard workspace.scale.partnerships > 1 else {
        return (catalogue, try await workspace.database().observationSeries(matching: .all))
    }
    var series: [ObservationSeries] = []
    for index in 0..<workspace.scale.partnerships {
        series += try workspace.generator.partnership(index).series
    }
    return (catalogue, series)
}

func spcBenchmarks(_ harness: Harness, workspace: Workspace) async throws {
    guard
        harness.wantsAny(
            [
                "spc.all-series", "spc.scaling-1/8", "spc.scaling-1/4", "spc.scaling-1/2", "peer.abspc",
                "peer.pyqicharts",
            ])
    else { return }
    let (catalogue, series) = try await loadSeries(workspace)
    let definitions = catalogue.byID
    let points = series.reduce(0) { $0 + $1.points.count }
    let engines = try Dictionary(
        uniqueKeysWithValues: catalogue.definitions.map { definition -> (MeasureID, SPCEngine) in
            (definition.id, try SPCEngine(options: SPCOptions(improvement: definition.polarity.improvement)))
        }
    )
    func analyseAll(_ subset: ArraySlice<ObservationSeries>) -> Int {
        var special = 0
        for held in subset {
            guard let engine = engines[held.measure] else { continue }
            let chart = engine.analyse(held)
            if chart.points.last?.isSpecialCause == true { special += 1 }
        }
        return special
    }
    // Each run is under a millisecond, so a median of many runs steadies the figure on a noisy machine.
    try await harness.measure(
        "spc.all-series",
        items: points,
        unit: "points",
        runs: 101,
        note: "\(series.count) series, reference rules, one core"
    ) {
        _ = analyseAll(series[...])
    }
    // Scaling: the cost per point should stay flat from an eighth of the series to all of them.
    for share in [8, 4, 2] where harness.wants("spc.scaling-1/\(share)") {
        // Every share-th series, so each fraction has the same mix of monthly, quarterly and yearly series.
        let subset = ArraySlice(series.enumerated().filter { $0.offset % share == 0 }.map(\.element))
        let subsetPoints = subset.reduce(0) { $0 + $1.points.count }
        try await harness.measure(
            "spc.scaling-1/\(share)",
            items: subsetPoints,
            unit: "points",
            runs: 101,
            note: "\(subset.count) series"
        ) {
            _ = analyseAll(subset)
        }
    }
    try await spcPeers(harness, series: series, definitions: definitions)
}

func scorecardBenchmark(_ harness: Harness, workspace: Workspace) async throws {
    guard harness.wants("measures.scorecard-and-spc") else { return }
    let store = try await workspace.database()
    let module = MeasuresModule(catalogue: try workspace.generator.measures())
    let day = workspace.generator.referenceDay
    let seriesCount = try await store.observationSeries(matching: .all).count
    try await harness.measure(
        "measures.scorecard-and-spc",
        items: seriesCount,
        unit: "series",
        runs: 5,
        note: "read every series from SQLite, SPC, scorecard rows, signals"
    ) {
        let view = AssuranceView(store: store)
        let signals = try await module.signals(in: view, on: day)
        precondition(!signals.isEmpty || seriesCount == 0)
    }
}
