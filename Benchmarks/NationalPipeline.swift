import Foundation
import SQLiteStore
import SyntheticPartnership

/// The whole pipeline from empty databases, for many partnerships: each partnership's records are
/// generated (timed apart and left out of the figure), imported into a new SQLite database of its
/// own, judged by a full assurance cycle, and reported on as the PDG's HTML report, on every core
/// (`PartnershipPipeline`, which the PostgreSQL adapter's benchmarks run against schemas).
///
/// One database per partnership is how a host serving many partnerships keeps each partnership's
/// records apart; it also lets the work spread across cores with nothing shared but the disk.
func pipelineBenchmark(_ harness: Harness, scale: SyntheticScale, name: String) async throws {
    guard harness.wants(name) else { return }
    let pipeline = PartnershipPipeline(scale: scale)
    let directory = "\(Workspace.directory)/pipeline-\(scale.name)"
    try? FileManager.default.removeItem(atPath: directory)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    progress("running \(name): \(scale.partnerships) partnerships on \(workers) workers…")
    resetPeakResident()
    let figures = try await pipeline.run(workers: workers) { index in
        try SQLiteStore(path: "\(directory)/p\(index + 1).sqlite")
    } written: { index, store, html in
        try html.write(toFile: "\(directory)/p\(index + 1)-pdg.html", atomically: false, encoding: .utf8)
        try await (store as? SQLiteStore)?.checkpoint()
    }
    harness.record(pipelineResult(figures, name: name, scale: scale.name, peakResidentBytes: peakResident()))
    try? FileManager.default.removeItem(atPath: directory)
}

/// A pipeline's figures as a benchmark row: the busiest worker's time without generation.
func pipelineResult(
    _ figures: PartnershipPipeline.Figures,
    name: String,
    scale: String,
    peakResidentBytes: Int,
    store: String = "SQLite, a database file each"
) -> BenchmarkResult {
    let note = String(
        format: "%@; %d partnerships, %d findings; summed over workers: import %.1f s, cycle %.1f s, "
            + "report %.1f s; generation %.1f s left out (wall with it %.1f s)",
        store,
        figures.partnerships,
        figures.findings,
        figures.importing,
        figures.cycle,
        figures.report,
        figures.generation,
        figures.wall
    )
    return BenchmarkResult(
        name: name,
        scale: scale,
        items: figures.partnerships,
        unit: "partnerships",
        runs: 1,
        medianSeconds: figures.slowestWorker,
        minSeconds: figures.slowestWorker,
        maxSeconds: figures.slowestWorker,
        itemsPerSecond: Double(figures.partnerships) / figures.slowestWorker,
        peakResidentBytes: peakResidentBytes,
        note: note
    )
}
