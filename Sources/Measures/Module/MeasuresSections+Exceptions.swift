import Domain
import Foundation

extension MeasuresSections {
    /// Why a series is an exception the Executive reads first, if it is one.
    ///
    /// Its latest point shows special-cause concern, it is red against its target, or its process will
    /// consistently fail its target. A run chart (too few points) is an exception only by its target.
    static func exception(_ entry: MeasureAnalysis.Entry) -> String? {
        let observed = entry.chart.points.filter { $0.value != nil }.count
        let charted = observed >= MeasureAnalysis.minimumPointsForLimits
        var reasons: [String] = []
        if charted, entry.latestType == .concern {
            reasons.append("special-cause concern" + (entry.latestRule.map { " (\($0.words))" } ?? ""))
        }
        if entry.row.rag == .red { reasons.append("red against its target") }
        if charted, entry.chart.assurance == .consistentFail { reasons.append("will consistently fail its target") }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    /// The open findings about each series, by its change-log id: about the series itself, or about a
    /// signal about it.
    static func findingsBySeries(in view: AssuranceView) async throws -> [String: [Finding]] {
        let signals = try await view.all(Signal.self)
        var seriesOfSignal: [RecordReference: String] = [:]
        for signal in signals {
            if let measure = signal.measure, let scope = signal.scope {
                seriesOfSignal[signal.reference] = "\(measure.rawValue):\(scope.description)"
            }
        }
        let open = try await view.all(Finding.self).filter { $0.status == .open }
        var findings: [String: [Finding]] = [:]
        for finding in open {
            let key =
                finding.subject.type == .observationSeries
                ? finding.subject.id.rawValue : seriesOfSignal[finding.subject]
            if let key { findings[key, default: []].append(finding) }
        }
        return findings
    }

    /// The charts that need attention, beside the open findings they support; the full chart pack is
    /// the data pack.
    func exceptions(
        _ analysis: MeasureAnalysis,
        _ view: AssuranceView,
        order: Int
    ) async throws -> [ReportSection] {
        let names = analysis.names
        let flagged = analysis.entries.compactMap { entry in Self.exception(entry).map { (entry, $0) } }
            .sorted { ($0.0.series.measure, $0.0.series.scope) < ($1.0.series.measure, $1.0.series.scope) }
        let findings = try await Self.findingsBySeries(in: view)
        var blocks: [ReportBlock] = [
            .text(
                TextBlock(paragraphs: [
                    flagged.isEmpty
                        ? "No measure shows special-cause concern, is red against its target or will consistently fail it."
                        : "\(flagged.count) of \(analysis.entries.count) series need attention: special-cause concern, "
                            + "red against the target, or a process that will consistently fail it. Each is charted "
                            + "with the findings it supports. Every measure's chart, by partnership and locality, is in "
                            + "the data pack."
                ])
            )
        ]
        if !flagged.isEmpty {
            blocks.append(
                .smallMultiples(
                    SmallMultiples(
                        title: "Charts of the measures that need attention",
                        columns: 4,
                        charts: flagged.map { chart($0.0, names) }
                    )
                )
            )
            blocks.append(
                .table(
                    TableBlock(
                        caption: "Why each chart needs attention, and the findings it supports",
                        columns: [.init("Chart"), .init("Why"), .init("Open findings")],
                        rows: flagged.map { entry, why in
                            // In the framework's order, never the store's: finding ids are drawn at random.
                            let supported = (findings[entry.series.changeLogID.rawValue] ?? [])
                                .sorted(by: Finding.inFrameworkOrder)
                            return [
                                .text(MeasureAnalysis.title(entry.definition, entry.series.scope, names: names)),
                                .text(why),
                                .text(
                                    supported.isEmpty
                                        ? "None"
                                        : supported.map {
                                            "\(Prose.longDays(in: $0.message)) (\(view.document.name(of: $0.level)))"
                                        }
                                        .joined(separator: " ")
                                ),
                            ]
                        }
                    )
                )
            )
        }
        return [
            ReportSection(
                id: "measures.exceptions",
                title: "Measures that need attention",
                module: module.name,
                order: order,
                blocks: blocks
            )
        ]
    }
}
