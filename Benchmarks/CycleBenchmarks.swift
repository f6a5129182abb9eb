import Audit
import Domain
import Foundation
import Learning
import Measures
import Reporting
import SQLiteStore
import Section11
import SyntheticPartnership

/// Every module, as a host that composed the whole package would have it.
func allModules() -> [any AssuranceModule] { PartnershipPipeline.modules() }

/// The framework over a store, on the generator's reference day with counting identifiers.
func benchmarkFramework(_ store: any RecordStore, day: Day) throws -> AssuranceFramework {
    try AssuranceFramework(
        modules: allModules(),
        environment: AssuranceEnvironment(store: store, clock: .constant(day.start(in: .england)), ids: .incrementing)
    )
}

let benchmarkLead = PartnershipPipeline.lead

/// A copy of the workspace's database that a benchmark may write to.
func scratchCopy(of workspace: Workspace, name: String) async throws -> String {
    let source = try await workspace.database()
    try await source.checkpoint()
    let path = "\(Workspace.directory)/\(workspace.scale.name)-\(name).sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    try FileManager.default.copyItem(atPath: workspace.databasePath, toPath: path)
    return path
}

/// The full assurance cycle and the PDG report; `suffix` names a scaling run, such as `scaling-1/8`.
func cycleBenchmarks(_ harness: Harness, workspace: Workspace, suffix: String? = nil) async throws {
    func named(_ name: String) -> String { suffix.map { "\(name).\($0)" } ?? name }
    let reports = ["report.pdg-html", "report.pdg-public", "report.pdg-html-cold", "report.pdg-render-only"].map(
        named
    )
    guard harness.wantsAny(["cycle.first-run", "cycle.rerun"].map(named) + reports) else { return }
    let day = workspace.generator.referenceDay
    let database = try await workspace.database()
    var records = 0
    for module in allModules() + [PartnershipModule()] {
        for type in module.recordTypes {
            records += try await database.records(matching: RecordQuery(type.recordType)).count
        }
    }
    records += try await AssuranceView(store: database).observationSeries().reduce(0) { $0 + $1.points.count }
    if harness.wants(named("cycle.first-run")) {
        try await harness.measure(
            named("cycle.first-run"),
            items: records,
            unit: "records and observations",
            runs: 3,
            warmup: false,
            note: "every rule of every module for one day on a database with no findings yet; raises and stores them",
            setup: { () -> SQLiteStore in
                let path = try await scratchCopy(of: workspace, name: "cycle")
                return try SQLiteStore(path: path, options: .init(checkIntegrityOnOpen: false))
            },
            run: { store in
                let outcome = try await benchmarkFramework(store, day: day).runCycle(on: day, by: benchmarkLead)
                precondition(!outcome.raised.isEmpty)
            }
        )
    }
    // The steady state: the weekly cycle over findings that are already open.
    let path = try await scratchCopy(of: workspace, name: "cycled")
    let store = try SQLiteStore(path: path, options: .init(checkIntegrityOnOpen: false))
    _ = try await benchmarkFramework(store, day: day).runCycle(on: day, by: benchmarkLead)
    try await harness.measure(
        named("cycle.rerun"),
        items: records,
        unit: "records and observations",
        runs: 3,
        note: "the same day again: every rule re-evaluated, open findings matched and left alone"
    ) {
        let outcome = try await benchmarkFramework(store, day: day).runCycle(on: day, by: benchmarkLead)
        precondition(outcome.raised.isEmpty)
    }
    if harness.wantsAny(reports) { try await reportBenchmarks(harness, store: store, day: day, named: named) }
}

func reportBenchmarks(_ harness: Harness, store: SQLiteStore, day: Day, named: (String) -> String) async throws {
    let framework = try benchmarkFramework(store, day: day)
    let request = ReportRequest(
        kind: .practiceDevelopmentAssurance,
        period: .containing(day.adding(days: -31), kind: .quarter, basis: .financial),
        audience: .partnership,
        day: day
    )
    let probe = try await StandardReports(framework: framework).make(request, as: benchmarkLead)
    let charts = probe.sections.flatMap(\.blocks).reduce(0) { total, block in
        switch block {
        case .spcChart, .barChart: total + 1
        case .smallMultiples(let grid): total + grid.charts.count
        default: total
        }
    }
    let html = HTMLRenderer().render(probe)
    try html.write(
        toFile: "\(Workspace.directory)/\(named(harness.scale).replacingOccurrences(of: "/", with: "-"))-pdg.html",
        atomically: true,
        encoding: .utf8
    )
    precondition(
        html.utf8.count < 5_000_000,
        "the PDG report's HTML is \(html.utf8.count) bytes; the target is under 5 MB"
    )
    let partnership = try await harness.measure(
        named("report.pdg-html"),
        items: charts,
        unit: "charts",
        runs: 5,
        note: String(
            format: "assemble from SQLite and render the PDG report to HTML: %d sections, %.2f MB",
            probe.sections.count,
            Double(html.utf8.count) / 1_000_000
        )
    ) {
        let report = try await StandardReports(framework: framework).make(request, as: benchmarkLead)
        let text = HTMLRenderer().render(report)
        precondition(text.utf8.count == html.utf8.count)
    }
    try await publicReportBenchmark(harness, framework: framework, request: request, beside: partnership, named: named)
    try await harness.measure(
        named("report.pdg-html-cold"),
        items: charts,
        unit: "charts",
        runs: 5,
        note: "the same from a fresh environment: every record decoded from SQLite first",
        setup: { try benchmarkFramework(store, day: day) },
        run: { fresh in
            let report = try await StandardReports(framework: fresh).make(request, as: benchmarkLead)
            precondition(HTMLRenderer().render(report).utf8.count == html.utf8.count)
        }
    )
    try await harness.measure(
        named("report.pdg-render-only"),
        items: charts,
        unit: "charts",
        runs: 5,
        note: "HTML, Markdown, JSON and CSV from an assembled report"
    ) {
        _ = HTMLRenderer().render(probe)
        _ = MarkdownRenderer().render(probe)
        _ = JSONRenderer().render(probe)
        _ = CSVRenderer().render(probe)
    }
}

/// The public PDG report beside the partnership's: primary and secondary suppression and the
/// disclosure audit of every table may add at most half again to its time.
func publicReportBenchmark(
    _ harness: Harness,
    framework: AssuranceFramework,
    request: ReportRequest,
    beside partnership: BenchmarkResult?,
    named: (String) -> String
) async throws {
    var published = request
    published.audience = .public
    let probe = try await StandardReports(framework: framework).make(published, as: benchmarkLead)
    let tables = probe.sections.flatMap(\.blocks).filter { block in
        if case .table = block { return true }
        return false
    }.count
    let result = try await harness.measure(
        named("report.pdg-public"),
        items: tables,
        unit: "tables",
        runs: 5,
        note: "the same report for a public audience: suppression, secondary suppression and its audit"
    ) {
        let report = try await StandardReports(framework: framework).make(published, as: benchmarkLead)
        _ = HTMLRenderer().render(report)
    }
    if let result, let partnership {
        let ratio = result.medianSeconds / partnership.medianSeconds
        harness.annotate(
            result.name,
            with: String(format: "%.2f× the partnership report in the same run (target at most 1.5×)", ratio)
        )
    }
}
