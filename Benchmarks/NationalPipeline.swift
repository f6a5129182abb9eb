import Domain
import Foundation
import Reporting
import SQLiteStore
import SyntheticPartnership

/// The whole pipeline from empty databases, for many partnerships: each partnership's records are
/// generated (timed apart and left out of the figure), imported into a new SQLite database of its
/// own, judged by a full assurance cycle, and reported on as the PDG's HTML report, on every core.
///
/// One database per partnership is how a host serving many partnerships keeps each partnership's
/// records apart; it also lets the work spread across cores with nothing shared but the disk.
func pipelineBenchmark(_ harness: Harness, scale: SyntheticScale, name: String) async throws {
    guard harness.wants(name) else { return }
    let generator = PartnershipGenerator(scale: scale)
    let directory = "\(Workspace.directory)/pipeline-\(scale.name)"
    try? FileManager.default.removeItem(atPath: directory)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let day = generator.referenceDay
    let request = ReportRequest(
        kind: .practiceDevelopmentAssurance,
        period: ReportingPeriod.containing(day, kind: .quarter).advanced(by: -1),
        audience: .partnership,
        day: day
    )
    let queue = WorkQueue(count: scale.partnerships)
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    progress("running \(name): \(scale.partnerships) partnerships on \(workers) workers…")
    resetPeakResident()
    let clock = ContinuousClock()
    let started = clock.now
    let totals = try await withThrowingTaskGroup(of: WorkerTotals.self) { group in
        for _ in 0..<workers {
            group.addTask {
                var totals = WorkerTotals()
                while let index = await queue.next() {
                    let begin = clock.now
                    let generated = try generator.generated(index)
                    let generatedAt = clock.now
                    totals.generation += begin.duration(to: generatedAt)
                    let store = try SQLiteStore(path: "\(directory)/p\(index + 1).sqlite")
                    // One environment for the partnership, as a host would hold: what the import
                    // writes, the cycle and the report read without decoding it again.
                    let framework = try benchmarkFramework(store, day: day)
                    try await generator.load(generated, through: framework.environment.records, withReferenceData: true)
                    let importedAt = clock.now
                    totals.importing += generatedAt.duration(to: importedAt)
                    let outcome = try await framework.runCycle(on: day, by: benchmarkLead)
                    let cycledAt = clock.now
                    totals.cycle += importedAt.duration(to: cycledAt)
                    let report = try await StandardReports(framework: framework).make(request, as: benchmarkLead)
                    let html = HTMLRenderer().render(report)
                    try html.write(toFile: "\(directory)/p\(index + 1)-pdg.html", atomically: false, encoding: .utf8)
                    try await store.checkpoint()
                    totals.report += cycledAt.duration(to: clock.now)
                    totals.findings += outcome.raised.count
                    totals.partnerships += 1
                    totals.busyExcludingGeneration += generatedAt.duration(to: clock.now)
                }
                return totals
            }
        }
        var all: [WorkerTotals] = []
        for try await totals in group { all.append(totals) }
        return all
    }
    let wall = started.duration(to: clock.now)
    // With generation free, each worker would have finished after its own busy time; the slowest sets the wall.
    let excluding = totals.map(\.busyExcludingGeneration).max() ?? .zero
    let sum = totals.reduce(into: WorkerTotals()) { $0.add($1) }
    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
    let note = String(
        format: "%d partnerships, %d findings; summed over workers: import %.1f s, cycle %.1f s, report %.1f s; "
            + "generation %.1f s left out (wall with it %.1f s)",
        sum.partnerships,
        sum.findings,
        seconds(sum.importing),
        seconds(sum.cycle),
        seconds(sum.report),
        seconds(sum.generation),
        seconds(wall)
    )
    harness.record(
        BenchmarkResult(
            name: name,
            scale: scale.name,
            items: sum.partnerships,
            unit: "partnerships",
            runs: 1,
            medianSeconds: seconds(excluding),
            minSeconds: seconds(excluding),
            maxSeconds: seconds(excluding),
            itemsPerSecond: Double(sum.partnerships) / seconds(excluding),
            peakResidentBytes: peakResident(),
            note: note
        )
    )
    try? FileManager.default.removeItem(atPath: directory)
}

/// Hands out partnership indexes to workers.
actor WorkQueue {
    private var nextIndex = 0
    let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        guard nextIndex < count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }
}

struct WorkerTotals: Sendable {
    var generation = Duration.zero
    var importing = Duration.zero
    var cycle = Duration.zero
    var report = Duration.zero
    var busyExcludingGeneration = Duration.zero
    var findings = 0
    var partnerships = 0

    mutating func add(_ other: WorkerTotals) {
        generation += other.generation
        importing += other.importing
        cycle += other.cycle
        report += other.report
        busyExcludingGeneration += other.busyExcludingGeneration
        findings += other.findings
        partnerships += other.partnerships
    }
}
