import Domain
import Foundation

/// Builds the Measures module's report sections from one analysis.
struct MeasuresSections {
    let module: MeasuresModule

    func sections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection] {
        let analysis = try await MeasureAnalysis.load(view, module: module, on: request.day)
        let names = analysis.names
        switch request.kind {
        case .practiceDevelopmentAssurance, .yearly:
            var sections = [scorecard(analysis, names)]
            sections += try await exceptions(analysis, view, order: 20)
            if let comparators = comparators(analysis) { sections.append(comparators) }
            sections += try await turnTheCurve(view, analysis, names)
            if let outcomes = try await outcomes(view, analysis) { sections.append(outcomes) }
            // The whole scorecard is detail behind the measures that need attention.
            return sections.placingDetail(for: request) { $0.id == "measures.scorecard" }
        case .agencyFeedback:
            let agencies = try await view.all(Agency.self)
            guard let agency = agencies.first(where: { $0.id == request.agency }) else { return [] }
            return feedback(analysis, agency: agency, agencies: agencies, request: request)
        case .dataPack:
            return [scorecard(analysis, names)] + smallMultiples(analysis, names, order: 20)
        case .mashQuarterly:
            return focus(analysis, names, role: .mash, id: "measures.mash", title: "MASH data measures")
        case .conferenceChairsQuarterly:
            return focus(
                analysis,
                names,
                role: .childProtectionConferences,
                id: "measures.conferences",
                title: "Child protection conference data measures"
            )
        default:
            return []
        }
    }

    private func scorecard(_ analysis: MeasureAnalysis, _ names: [String: String]) -> ReportSection {
        let rows: [[ReportCell]] = analysis.entries.filter { $0.series.scope == .partnership }.map { entry in
            let row = entry.row
            let cell = entry.definition.unit.cell
            let trend =
                row.trendPeriods > 0
                ? "\(row.trend == .up ? "up" : row.trend == .down ? "down" : "flat") \(row.trendPeriods)" : "—"
            return [
                .text(entry.definition.name), .text(entry.definition.question.description),
                row.current.map { .period($0.period) } ?? .empty, cell(row.current?.value), cell(row.prior?.value),
                cell(row.target), row.varianceFromTarget.map { .number($0, decimals: 1) } ?? .empty,
                row.baselinePercentChange.map { .number($0, decimals: 1) } ?? .empty, .text(trend),
                row.rag.map { .rag($0, label: $0.rawValue.capitalized) } ?? .empty, .text(row.isFresh ? "yes" : "late"),
            ]
        }
        let table = TableBlock(
            caption: "Scorecard of the partnership's measures",
            columns: [
                .init("Measure"), .init("Question"), .init("Latest period"), .init("Current", numeric: true),
                .init("Prior", numeric: true), .init("Target", numeric: true), .init("Variance", numeric: true),
                .init("Change from baseline %", numeric: true), .init("Trend (periods)"), .init("RAG"),
                .init("Up to date"),
            ],
            rows: rows
        )
        let red = analysis.entries.filter { $0.series.scope == .partnership && $0.row.rag == .red }.count
        let concern = analysis.entries.filter { $0.latestType == .concern }.count
        let improvement = analysis.entries.filter { $0.latestType == .improvement }.count
        return ReportSection(
            id: "measures.scorecard",
            title: "Scorecard",
            module: module.name,
            order: 10,
            blocks: [
                .keyFigures([
                    // Counts of measures, not of people: never suppressed.
                    KeyFigure(label: "Measures reported", value: .number(Double(rows.count), decimals: 0)),
                    KeyFigure(
                        label: "Red against target",
                        value: .number(Double(red), decimals: 0),
                        rag: red > 0 ? .red : .green
                    ),
                    KeyFigure(label: "Series in special-cause concern", value: .number(Double(concern), decimals: 0)),
                    KeyFigure(
                        label: "Series in special-cause improvement",
                        value: .number(Double(improvement), decimals: 0)
                    ),
                ]),
                .table(table),
            ]
        )
    }

    private func smallMultiples(_ analysis: MeasureAnalysis, _ names: [String: String], order: Int) -> [ReportSection] {
        let partnership = analysis.entries.filter { $0.series.scope == .partnership }
        var blocks: [ReportBlock] = []
        if !partnership.isEmpty {
            blocks.append(
                .smallMultiples(
                    SmallMultiples(
                        title: "Partnership measures",
                        columns: 4,
                        charts: partnership.map { chart($0, names) }
                    )
                )
            )
        }
        let byMeasure = Dictionary(
            grouping: analysis.entries.filter { $0.series.scope.locality != nil },
            by: \.series.measure
        )
        for definition in analysis.catalogue.definitions {
            guard let entries = byMeasure[definition.id], !entries.isEmpty else { continue }
            blocks.append(
                .smallMultiples(
                    SmallMultiples(
                        title: "\(definition.name) by locality",
                        columns: 5,
                        charts: entries.sorted { $0.series.scope < $1.series.scope }.map { chart($0, names) }
                    )
                )
            )
        }
        guard !blocks.isEmpty else { return [] }
        return [
            ReportSection(
                id: "measures.spc",
                title: "Statistical process control charts",
                module: module.name,
                order: order,
                blocks: [
                    .text(
                        TextBlock(paragraphs: [
                            "Each chart plots a measure with its mean and process limits (Making Data Count). Orange points "
                                + "are special-cause concern, blue special-cause improvement, purple special cause where "
                                + "neither direction is better, grey common-cause variation."
                        ])
                    )
                ] + blocks
            )
        ]
    }

    /// The chart of a series as a report shows it.
    ///
    /// A series with fewer observed points than ``MeasureAnalysis/minimumPointsForLimits`` is drawn
    /// as a run chart: its values and centre line, with no process limits, special-cause flags or
    /// icons. Limits are clamped to the unit's bounds (``MeasureUnit/bounds``): no lower limit below
    /// zero, and no percentage limit above 100.
    func chart(_ entry: MeasureAnalysis.Entry, _ names: [String: String]) -> SPCChart {
        let observed = entry.chart.points.filter { $0.value != nil }.count
        let isRunChart = observed < MeasureAnalysis.minimumPointsForLimits
        let bounds = entry.definition.unit.bounds
        func limit(_ value: Double?) -> Double? {
            guard !isRunChart, let value else { return nil }
            return min(max(value, bounds.lowerBound), bounds.upperBound)
        }
        let points = entry.chart.points.enumerated().map { index, point in
            let phase = entry.chart.phases[point.phase]
            return SPCChart.Point(
                label: entry.series.points[index].period.label,
                value: point.value,
                mean: phase.mean,
                lowerLimit: limit(phase.lowerLimit),
                upperLimit: limit(phase.upperLimit),
                lowerNearLimit: limit(phase.lowerNearLimit),
                upperNearLimit: limit(phase.upperNearLimit),
                pointType: isRunChart ? .commonCause : point.pointType,
                phase: point.phase
            )
        }
        return SPCChart(
            title: MeasureAnalysis.title(entry.definition, entry.series.scope, names: names),
            unit: entry.definition.unit.suffix.trimmingPrefixSpace,
            improvement: entry.definition.polarity.improvement,
            points: points,
            target: entry.series.points.last.flatMap { entry.definition.target(for: $0.period) },
            variationIcon: isRunChart ? nil : entry.chart.variation,
            assuranceIcon: isRunChart ? nil : entry.chart.assurance,
            trialLimits: isRunChart ? false : (entry.chart.latestPhase?.trialLimits ?? false),
            valuesAreCounts: entry.definition.unit.isCount,
            isRunChart: isRunChart
        )
    }

    private func comparators(_ analysis: MeasureAnalysis) -> ReportSection? {
        let byMeasure = analysis.entries.filter { $0.series.scope == .partnership }.keyed(by: \.series.measure)
        let allSeries = analysis.entries.keyed(by: \.series.measure, value: \.series)
        var rows: [[ReportCell]] = []
        for definition in analysis.catalogue.definitions {
            guard let own = byMeasure[definition.id],
                let median = allSeries[.statisticalNeighbourMedian(of: definition.id)],
                let latest = own.series.points.last(where: { $0.value != nil })
            else { continue }
            func value(_ series: ObservationSeries?) -> ReportCell {
                guard let point = series?.points.first(where: { $0.period == latest.period }) else { return .empty }
                if case .symbol(let symbol) = point.status { return .symbol(symbol) }
                return definition.unit.cell(point.value)
            }
            rows.append([
                .text(definition.name), .period(latest.period), definition.unit.cell(latest.value), value(median),
                value(allSeries[.england(of: definition.id)]), value(allSeries[.region(of: definition.id)]),
            ])
        }
        guard !rows.isEmpty else { return nil }
        return ReportSection(
            id: "measures.comparators",
            title: "How we compare",
            module: module.name,
            order: 30,
            blocks: [
                .table(
                    TableBlock(
                        caption: "The partnership beside its statistical neighbours, England and its region",
                        columns: [
                            .init("Measure"), .init("Year"), .init("Partnership", numeric: true),
                            .init("Statistical neighbours (median)", numeric: true), .init("England", numeric: true),
                            .init("Region", numeric: true),
                        ],
                        rows: rows
                    )
                )
            ]
        )
    }

    private func turnTheCurve(
        _ view: AssuranceView,
        _ analysis: MeasureAnalysis,
        _ names: [String: String]
    ) async throws
        -> [ReportSection]
    {
        let plans = try await view.all(TurnTheCurve.self)
        let definitions = analysis.catalogue.byID
        let partners = try await view.byID(Agency.self)
        return plans.enumerated().compactMap { offset, plan in
            guard let definition = definitions[plan.measure] else { return nil }
            var blocks: [ReportBlock] = []
            if let entry = analysis.entries.first(where: {
                $0.series.measure == plan.measure && $0.series.scope == plan.scope
            }) {
                blocks.append(.spcChart(chart(entry, names)))
            }
            blocks.append(.text(TextBlock(heading: "The story behind the curve", paragraphs: [plan.story])))
            blocks.append(
                .text(
                    TextBlock(
                        heading: "Partners with a role to play",
                        bullets: plan.partners.map { partners[$0]?.name ?? $0.rawValue }
                    )
                )
            )
            blocks.append(.text(TextBlock(heading: "What works", bullets: plan.whatWorks)))
            if !plan.forecast.isEmpty {
                blocks.append(
                    .table(
                        TableBlock(
                            caption: "Forecast if nothing changes: \(definition.name)",
                            columns: [.init("Period"), .init("Forecast", numeric: true)],
                            rows: plan.forecast.map {
                                [.period($0.period), $0.value.map { .number($0, decimals: 1) } ?? .empty]
                            }
                        )
                    )
                )
            }
            return ReportSection(
                id: "measures.turn-the-curve.\(plan.id)",
                title: "Turning the curve: \(definition.name)",
                module: module.name,
                order: 40 + offset,
                blocks: blocks
            )
        }
    }

    private func outcomes(_ view: AssuranceView, _ analysis: MeasureAnalysis) async throws -> ReportSection? {
        let results = try await view.all(PopulationResult.self)
        guard !results.isEmpty else { return nil }
        let definitions = analysis.catalogue.byID
        let latest = analysis.entries.filter { $0.series.scope == .partnership }.keyed(by: \.series.measure)
        let rows: [[ReportCell]] = results.flatMap { result in
            (result.indicators.map { ($0, "indicator") }
                + result.contributingMeasures.map { ($0, "performance measure") }).map {
                    measure,
                    role in
                    let entry = latest[measure]
                    return [
                        .text(result.title), .text(definitions[measure]?.name ?? measure.rawValue), .text(role),
                        entry.map { $0.definition.unit.cell($0.row.current?.value) } ?? .empty,
                        .text(
                            entry.map { $0.latestType.rawValue.replacingOccurrences(of: "_", with: " ") } ?? "no data"
                        ),
                    ]
                }
        }
        return ReportSection(
            id: "measures.outcomes",
            title: "Outcomes framework",
            module: module.name,
            order: 50,
            blocks: [
                .table(
                    TableBlock(
                        caption: "Population results, their indicators and the measures that contribute to them",
                        columns: [
                            .init("Result"), .init("Measure"), .init("Role"), .init("Latest", numeric: true),
                            .init("Variation"),
                        ],
                        rows: rows
                    )
                )
            ]
        )
    }

    private func focus(
        _ analysis: MeasureAnalysis,
        _ names: [String: String],
        role: MeasureRole,
        id: String,
        title: String
    ) -> [ReportSection] {
        let entries = analysis.entries.filter { $0.definition.plays(role) }
        guard !entries.isEmpty else { return [] }
        return [
            ReportSection(
                id: id,
                title: title,
                module: module.name,
                order: 10,
                blocks: [
                    .smallMultiples(SmallMultiples(title: title, columns: 4, charts: entries.map { chart($0, names) }))
                ]
            )
        ]
    }
}

extension String {
    var trimmingPrefixSpace: String { hasPrefix(" ") ? String(dropFirst()) : self }
}
