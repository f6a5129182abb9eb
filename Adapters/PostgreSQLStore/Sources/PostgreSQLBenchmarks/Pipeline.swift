import Foundation
import PostgreSQLStore
import SyntheticPartnership

/// Many partnerships on one PostgreSQL server, one schema each: every partnership of a synthetic
/// scale imported into a schema of its own (`qaf_p001`, `qaf_p002`, …), judged by a full cycle and
/// reported on, on two workers, as the root package's benchmarks do with a SQLite file each.
///
/// Prints the pipeline's figures as one line of JSON (`PartnershipPipeline.Figures` and the peak
/// resident memory), which the root package's `Benchmarks --scale national` reads and shows beside
/// SQLite's.
func runPipeline(scale name: String, share: Double, workers: Int, conninfo: String) async throws -> Never {
    guard let pipeline = PartnershipPipeline(scale: name, share: share) else {
        fail("unknown scale \(name); expected county or national")
    }
    progress("the pipeline on PostgreSQL: \(pipeline.partnerships) partnerships, a schema each, \(workers) workers…")
    let run = getpid()
    let figures = try await pipeline.run(workers: workers) { index in
        // One schema per partnership; each worker's store holds two connections, so the server sees
        // at most two per worker whatever the number of partnerships.
        try await PostgreSQLStore(
            connectingTo: conninfo,
            options: PostgreSQLStore.Options(
                maximumConnections: 2,
                namespace: String(format: "qaf_%d_p%03d", run, index + 1)
            )
        )
    } written: { _, store, html in
        precondition(!html.isEmpty)
        await (store as? PostgreSQLStore)?.close()
    }
    let line = PipelineLine(scale: pipeline.scaleName, figures: figures, peakResidentBytes: peakResident())
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    FileHandle.standardOutput.write(try encoder.encode(line) + Data("\n".utf8))
    exit(0)
}

/// What `--pipeline` prints.
struct PipelineLine: Codable {
    var scale: String
    var figures: PartnershipPipeline.Figures
    var peakResidentBytes: Int
}

/// The process's peak resident memory so far, from `/proc/self/status` (0 where there is none).
func peakResident() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return (line.split(separator: " ").compactMap { Int($0) }.first ?? 0) * 1024
    }
    return 0
}
