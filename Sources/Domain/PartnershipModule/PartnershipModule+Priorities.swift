import Foundation

extension PartnershipModule {
    /// Progress on the partnership's priorities of the period's year.
    ///
    /// Who works on each, what its learning has closed on evidence of impact, and where its measures
    /// stand. A report about a
    /// group shows the priorities the group serves, when it names any.
    func prioritiesSection(_ view: AssuranceView, request: ReportRequest) async throws -> ReportSection? {
        let period = request.period
        let groups = try await view.all(Group.self).filter { $0.isActive(on: period.lastDay) }
        let served = request.group.flatMap { id in groups.first { $0.id == id }?.priorities }.map(Set.init)
        let priorities = try await view.all(Priority.self).filter {
            $0.year.firstDay <= period.lastDay && period.firstDay <= $0.year.lastDay
                && (served?.isEmpty != false || served?.contains($0.id) == true)
        }.sorted { ($0.year, $0.title, $0.id) < ($1.year, $1.title, $1.id) }
        guard !priorities.isEmpty else { return nil }
        let streams = try await view.all(WorkStream.self)
        let recommendations = try await view.byID(Recommendation.self)
        let series = try await view.observationSeries().filter { $0.scope == .partnership }.keyed(by: \.measure)
        var rows: [[ReportCell]] = []
        for priority in priorities {
            let themes = Set(priority.themes)
            let serving = streams.filter { $0.priorities?.contains(priority.id) == true || themes.contains($0.theme) }
            let named =
                groups.filter { $0.priorities?.contains(priority.id) == true }.map(\.name)
                + serving.map(\.title)
            let learning = Set(serving.flatMap(\.recommendations)).compactMap { recommendations[$0] }
            let closed = learning.filter { $0.status == .closed && $0.closedOn.map(period.contains) == true }.count
            let open = learning.filter { $0.status != .closed }.count
            let measures = priority.measures.map { measure -> String in
                let held = series[measure]?.points.filter { $0.value != nil && $0.period.lastDay <= period.lastDay }
                let name = view.name(of: measure)
                guard let latest = held?.last, let value = latest.value else { return "\(name): no data" }
                let unit = view.measures[measure]?.unitSuffix ?? ""
                return "\(name): \(NumberText.shortest(value))\(unit) (\(latest.period.label))"
            }
            rows.append([
                .text(priority.title),
                .text(priority.outcome),
                .text(named.isEmpty ? "No group or work stream" : named.joined(separator: "; ")),
                // Counts of recommendations, not of people: never suppressed.
                .number(Double(open), decimals: 0),
                .number(Double(closed), decimals: 0),
                .text(measures.isEmpty ? "None named yet" : measures.joined(separator: "; ")),
            ])
        }
        let years = Set(priorities.map(\.year.label)).sorted().joined(separator: ", ")
        return ReportSection(
            id: "partnership.priorities",
            title: "Progress on the partnership's priorities",
            module: name,
            order: 5,
            blocks: [
                .text(
                    TextBlock(paragraphs: [
                        "The priorities of \(years), as the annual report sets them out: the groups and themed "
                            + "work streams working on each, its recommendations still open and those closed in "
                            + "\(period.label) on evidence of impact, and the latest value of each measure that "
                            + "shows whether it is achieved."
                    ])
                ),
                .table(
                    TableBlock(
                        caption: "Progress on the partnership's priorities, \(period.label)",
                        columns: [
                            .init("Priority"), .init("Outcome sought"), .init("Working on it"),
                            .init("Recommendations open", numeric: true),
                            .init("Closed on impact", numeric: true), .init("Measures"),
                        ],
                        rows: rows
                    )
                ),
            ]
        )
    }
}
