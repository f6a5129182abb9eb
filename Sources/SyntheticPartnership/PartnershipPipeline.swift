import Audit
public import Domain
import Foundation
import Learning
import Measures
import Reporting
import Section11

/// Every partnership of a synthetic scale taken from an empty store to its Practice Development
/// Group report: its records generated (timed apart and left out of the figure), imported through
/// ``Domain/Records``, judged by a full assurance cycle and reported on as HTML, on several workers.
///
/// It is how the benchmarks measure a host that serves many partnerships, each in a store of its
/// own (a SQLite file, a PostgreSQL schema): the caller makes each partnership's empty store and
/// decides what happens to the report, so the same pipeline runs against any store.
///
/// ```swift
/// let pipeline = PartnershipPipeline(scale: "national")!
/// let figures = try await pipeline.run(workers: 2) { index in
///     try SQLiteStore(path: "p\(index + 1).sqlite")
/// } written: { index, store, html in
///     try html.write(toFile: "p\(index + 1)-pdg.html", atomically: false, encoding: .utf8)
/// }
/// print(figures.slowestWorker)
/// ```
public struct PartnershipPipeline: Sendable {
    /// What a run took, in seconds; times spent by several workers are summed over them.
    public struct Figures: Sendable, Codable, Equatable {
        /// Partnerships taken through the pipeline.
        public var partnerships = 0
        /// Findings the cycles raised, over every partnership.
        public var findings = 0
        /// Generating the partnerships' records, left out of the figure.
        public var generation = 0.0
        /// Importing them into the stores.
        public var importing = 0.0
        /// The assurance cycles.
        public var cycle = 0.0
        /// Making, rendering and handing over the reports (the `written` callback included).
        public var report = 0.0
        /// The busiest worker's time without generation: the pipeline's time had the records been
        /// given, not generated.
        public var slowestWorker = 0.0
        /// The run from start to end, generation included.
        public var wall = 0.0

        /// Creates empty figures.
        public init() {}

        mutating func add(_ other: Figures) {
            partnerships += other.partnerships
            findings += other.findings
            generation += other.generation
            importing += other.importing
            cycle += other.cycle
            report += other.report
            slowestWorker = max(slowestWorker, other.slowestWorker)
        }
    }

    let generator: PartnershipGenerator

    /// The pipeline over a named scale (`county`, `national`), or over a share of its partnerships.
    ///
    /// Returns `nil` for a name that is not one of the generator's scales.
    public init?(scale name: String, share: Double = 1) {
        guard let scale = SyntheticScale.named.first(where: { $0.name == name }) else { return nil }
        self.init(scale: share == 1 ? scale : scale.fraction(share))
    }

    /// The pipeline over a scale.
    package init(scale: SyntheticScale) {
        generator = PartnershipGenerator(scale: scale)
    }

    /// The number of partnerships a run takes through.
    public var partnerships: Int { generator.scale.partnerships }

    /// The scale's name, with its share when it is a fraction (`national×0.125`).
    public var scaleName: String { generator.scale.name }

    /// Runs every partnership through the pipeline.
    ///
    /// - Parameters:
    ///   - workers: How many partnerships are worked on at once.
    ///   - store: Makes partnership `index`'s empty store (from 0).
    ///   - written: Hands over the partnership's report as HTML, timed as part of the report.
    /// - Returns: What the run took.
    /// - Throws: Any error from the stores, the cycle or the callbacks; the run stops at the first.
    public func run(
        workers: Int,
        store: @escaping @Sendable (_ index: Int) async throws -> any RecordStore,
        written: @escaping @Sendable (_ index: Int, _ store: any RecordStore, _ html: String) async throws -> Void
    ) async throws -> Figures {
        let queue = Queue(count: partnerships)
        let clock = ContinuousClock()
        let started = clock.now
        var figures = try await withThrowingTaskGroup(of: Figures.self) { group in
            for _ in 0..<max(1, workers) {
                group.addTask {
                    var figures = Figures()
                    while let index = await queue.next() {
                        try await runOne(index, into: &figures, store: store, written: written)
                    }
                    return figures
                }
            }
            var all = Figures()
            for try await one in group { all.add(one) }
            return all
        }
        figures.wall = seconds(started.duration(to: clock.now))
        return figures
    }

    private func runOne(
        _ index: Int,
        into figures: inout Figures,
        store makeStore: @Sendable (Int) async throws -> any RecordStore,
        written: @Sendable (Int, any RecordStore, String) async throws -> Void
    ) async throws {
        let clock = ContinuousClock()
        let begin = clock.now
        let generated = try generator.generated(index)
        let generatedAt = clock.now
        let store = try await makeStore(index)
        // One environment for the partnership, as a host would hold: what the import writes, the
        // cycle and the report read without decoding it again.
        let framework = try AssuranceFramework(
            modules: Self.modules(),
            environment: AssuranceEnvironment(
                store: store,
                clock: .constant(generator.referenceDay.start(in: .england)),
                ids: .incrementing
            )
        )
        try await generator.load(generated, through: framework.environment.records, withReferenceData: true)
        let importedAt = clock.now
        let outcome = try await framework.runCycle(on: generator.referenceDay, by: Self.lead)
        let cycledAt = clock.now
        let day = generator.referenceDay
        let request = ReportRequest(
            kind: .practiceDevelopmentAssurance,
            period: ReportingPeriod.containing(day, kind: .quarter).advanced(by: -1),
            audience: .partnership,
            day: day
        )
        let report = try await StandardReports(framework: framework).make(request, as: Self.lead)
        try await written(index, store, HTMLRenderer().render(report))
        let end = clock.now
        figures.generation += seconds(begin.duration(to: generatedAt))
        figures.importing += seconds(generatedAt.duration(to: importedAt))
        figures.cycle += seconds(importedAt.duration(to: cycledAt))
        figures.report += seconds(cycledAt.duration(to: end))
        figures.slowestWorker += seconds(generatedAt.duration(to: end))
        figures.findings += outcome.raised.count
        figures.partnerships += 1
    }

    /// Every module, as a host that composed the whole package would have it.
    package static func modules() -> [any AssuranceModule] {
        [PartnershipModule(), Section11Module(), AuditModule(), MeasuresModule(), LearningModule()]
    }

    /// Who runs the cycles and asks for the reports.
    package static let lead = Principal(id: "benchmark", roles: [.partnershipLead])

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Hands out partnership indexes to workers.
    private actor Queue {
        private var nextIndex = 0
        let count: Int

        init(count: Int) { self.count = count }

        func next() -> Int? {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }
}
