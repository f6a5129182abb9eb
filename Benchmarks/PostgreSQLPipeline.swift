import Foundation
import SyntheticPartnership

/// The national pipeline on one PostgreSQL server, a schema for each partnership, beside SQLite's
/// database per partnership: the PostgreSQL adapter's benchmark executable (its own package, which
/// links libpq) run against the throw-away server of `Scripts/postgres.sh`, its figures read back.
///
/// The adapter's executable is built first (in release, incrementally after the first time). Where
/// it cannot be built or no server can be started, the row says so and is skipped, never passed.
func postgresPipelineBenchmark(_ harness: Harness, scale: SyntheticScale, share: Double, name: String) {
    guard harness.wants(name) else { return }
    let package = "Adapters/PostgreSQLStore"
    progress("building the PostgreSQL adapter's benchmarks (release)…")
    let build = ["swift", "build", "-c", "release", "--package-path", package, "--product", "PostgreSQLBenchmarks"]
    guard run("/usr/bin/env", build, showingErrors: true) != nil else {
        harness.note(name, "skipped: the PostgreSQL adapter's benchmarks did not build (libpq-dev installed?)")
        return
    }
    let executable = "\(package)/.build/release/PostgreSQLBenchmarks"
    let arguments = ["--pipeline", scale.name, "--share", "\(share)", "--workers", "2"]
    // A server of the host's when QAF_POSTGRES names one; otherwise a throw-away one.
    let command =
        ProcessInfo.processInfo.environment["QAF_POSTGRES"] != nil
        ? (executable, arguments) : ("Scripts/postgres.sh", [executable] + arguments)
    guard let output = run(command.0, command.1, showingErrors: true)?.output,
        let line = output.split(separator: UInt8(ascii: "\n")).last,
        let result = try? JSONDecoder().decode(PostgreSQLPipelineLine.self, from: Data(line))
    else {
        harness.note(name, "skipped: no PostgreSQL server could be started, or the pipeline failed (see above)")
        return
    }
    harness.record(
        pipelineResult(
            result.figures,
            name: name,
            scale: result.scale,
            peakResidentBytes: result.peakResidentBytes,
            store: "PostgreSQL 15, a schema each on one server over a Unix socket"
        )
    )
}

/// What the adapter's `PostgreSQLBenchmarks --pipeline` prints.
private struct PostgreSQLPipelineLine: Decodable {
    var scale: String
    var figures: PartnershipPipeline.Figures
    var peakResidentBytes: Int
}
