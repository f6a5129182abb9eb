import Domain

extension MeasuresSections {
    /// The data about one agency: each measure that describes its sector, its latest value in the
    /// period, in its unit, beside the partnership's and the mean of other agencies of its sector.
    func feedback(
        _ analysis: MeasureAnalysis,
        agency: Agency,
        agencies: [Agency],
        request: ReportRequest
    ) -> [ReportSection] {
        let name = agency.name
        let partnership = analysis.entries.filter { $0.series.scope == .partnership }.keyed(by: \.series.measure)
        let peers = Set(agencies.filter { $0.sector == agency.sector && $0.id != agency.id }.map(\.id))
        var peerSeries: [MeasureID: [MeasureAnalysis.Entry]] = [:]
        var agencySeries: [MeasureID: [MeasureAnalysis.Entry]] = [:]
        for entry in analysis.entries {
            guard let scoped = entry.series.scope.agency else { continue }
            agencySeries[entry.series.measure, default: []].append(entry)
            if peers.contains(scoped) { peerSeries[entry.series.measure, default: []].append(entry) }
        }
        func mean(_ entries: [MeasureAnalysis.Entry]?, in period: ReportingPeriod) -> Double? {
            let values = (entries ?? []).compactMap { entry in entry.series.points.first { $0.period == period }?.value
            }
            return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        }
        let own = analysis.entries.filter {
            $0.series.scope.agency == agency.id && $0.definition.describes(agency.sector)
        }
        .sorted { $0.definition.name < $1.definition.name }
        let rows: [[ReportCell]] = own.compactMap { entry in
            guard let latest = entry.series.points.last(where: { $0.period.lastDay <= request.period.lastDay })
            else { return nil }
            let unit = entry.definition.unit
            func cell(_ value: Double?) -> ReportCell {
                guard let value else { return .empty }
                return unit == .percentage
                    ? .percentage(value, numerator: nil, denominator: nil, decimals: 1) : unit.cell(value)
            }
            func cell(_ point: SeriesPoint) -> ReportCell {
                if case .symbol(let symbol) = point.status { return .symbol(symbol) }
                return cell(point.value)
            }
            func average(_ value: Double?) -> ReportCell {
                value.map { unit.isCount ? .number($0, decimals: 1) : cell($0) } ?? .text("—")
            }
            let shared = partnership[entry.series.measure]?.series.points.first { $0.period == latest.period }
            return [
                .text(entry.definition.name), .period(latest.period), cell(latest),
                shared.map(cell) ?? average(mean(agencySeries[entry.series.measure], in: latest.period)),
                average(mean(peerSeries[entry.series.measure], in: latest.period)),
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
                                "\(Prose.possessive(name)) measures, latest to \(request.period.label), beside the "
                                + "partnership's (the mean of every agency's where the partnership has no figure of "
                                + "its own) and the mean of the other agencies in its sector, "
                                + "\(agency.sector.label.lowercased()) (— where there are none)",
                            columns: [
                                .init("Measure"), .init("Period"), .init(name, numeric: true),
                                .init("Partnership", numeric: true),
                                .init("Others in its sector", numeric: true),
                            ],
                            rows: rows
                        )
                    )
                ]
            )
        ]
    }
}
