import Domain

extension MeasuresSections {
    /// The data about one agency: each measure it is measured by, its latest value in the period
    /// beside the partnership's for the same period.
    func feedback(
        _ analysis: MeasureAnalysis,
        agency: Agency.ID,
        request: ReportRequest,
        name: String
    )
        -> [ReportSection]
    {
        let partnership = analysis.entries.filter { $0.series.scope == .partnership }.keyed(by: \.series.measure)
        let own = analysis.entries.filter { $0.series.scope.agency == agency }
            .sorted { $0.definition.name < $1.definition.name }
        let rows: [[ReportCell]] = own.compactMap { entry in
            guard let latest = entry.series.points.last(where: { $0.period.lastDay <= request.period.lastDay })
            else { return nil }
            let shared = partnership[entry.series.measure]?.series.points.first { $0.period == latest.period }
            let unit = entry.definition.unit
            func cell(_ point: SeriesPoint) -> ReportCell {
                if case .symbol(let symbol) = point.status { return .symbol(symbol) }
                return unit.cell(point.value)
            }
            return [
                .text(entry.definition.name), .period(latest.period), cell(latest), shared.map(cell) ?? .empty,
            ]
        }
        guard !rows.isEmpty else { return [] }
        return [
            ReportSection(
                id: "measures.feedback",
                title: "What the data say about \(name)",
                module: module.name,
                order: 50,
                blocks: [
                    .table(
                        TableBlock(
                            caption:
                                "\(Prose.possessive(name)) measures, latest to \(request.period.label), beside the partnership's",
                            columns: [
                                .init("Measure"), .init("Period"), .init(name, numeric: true),
                                .init("Partnership", numeric: true),
                            ],
                            rows: rows
                        )
                    )
                ]
            )
        ]
    }
}
