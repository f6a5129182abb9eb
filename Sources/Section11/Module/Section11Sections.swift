import Domain

/// Builds the Section 11 module's report sections.
struct Section11Sections {
    /// The most overdue actions a report to the Executive lists: it reads exceptions first, and each
    /// agency's feedback report lists all of its own.
    static let longestOverdueShown = 25

    let module: Section11Module

    func sections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection] {
        let state = try await Section11State.load(view)
        var sections: [ReportSection] = []
        for (offset, entry) in state.cycles.enumerated() {
            let analysis = Section11Analysis(
                set: entry.set,
                assessments: entry.assessments,
                previous: entry.previous,
                previousSet: entry.previousSet,
                agencies: state.agencies,
                deadline: entry.cycle.returnDeadline,
                on: request.day
            )
            let base = offset * 10
            let prefix = "section11.\(entry.cycle.id)"
            let name: (Agency.ID) -> String = { state.agencies[$0]?.name ?? $0.rawValue }
            sections.append(completion(entry, analysis, prefix: prefix, order: base, name: name))
            sections.append(ratings(entry, analysis, prefix: prefix, order: base + 1))
            sections.append(gaps(entry, analysis, prefix: prefix, order: base + 2, name: name))
            if !analysis.movement.isEmpty {
                sections.append(movement(entry, analysis, prefix: prefix, order: base + 3, name: name))
            }
            if !analysis.outstandingActions.isEmpty {
                sections.append(actions(entry, analysis, prefix: prefix, order: base + 4, name: name, day: request.day))
            }
            let profiles = AgencyContribution.profiles(
                set: entry.set,
                assessments: entry.assessments,
                series: try await view.observationSeries().filter { $0.scope.agency != nil },
                meetings: try await view.all(Meeting.self),
                period: request.period,
                checks: module.contributionChecks,
                attendanceStandard: module.attendanceStandard,
                attendanceThreshold: module.attendanceShare
            )
            if profiles.contains(where: { !$0.contradictions.isEmpty }) {
                sections.append(contribution(entry, profiles, prefix: prefix, order: base + 5, name: name))
            }
        }
        // Movement and every outstanding action are detail behind the ratings and the findings.
        return sections.placingDetail(for: request) { $0.id.hasSuffix(".movement") || $0.id.hasSuffix(".actions") }
    }

    private func completion(
        _ entry: Section11State.Cycle,
        _ analysis: Section11Analysis,
        prefix: String,
        order: Int,
        name: (Agency.ID) -> String
    ) -> ReportSection {
        let completion = analysis.completion
        var blocks: [ReportBlock] = [
            .keyFigures([
                KeyFigure(label: "Agencies invited", value: .count(completion.invited)),
                KeyFigure(
                    label: "Returned",
                    value: .percentage(
                        completion.invited == 0 ? nil : Double(completion.returned) / Double(completion.invited) * 100,
                        numerator: completion.returned,
                        denominator: completion.invited,
                        decimals: 0
                    )
                ),
                KeyFigure(
                    label: "Late",
                    value: .count(completion.late.count),
                    rag: completion.late.isEmpty ? .green : .red
                ),
            ])
        ]
        if !completion.notReturned.isEmpty {
            blocks.append(
                .table(
                    TableBlock(
                        caption: "Agencies yet to return their \(entry.cycle.name) assessment",
                        columns: [.init("Agency"), .init("Due")],
                        rows: completion.notReturned.map { [.text(name($0)), .day(entry.cycle.returnDeadline)] }
                    )
                )
            )
        }
        return ReportSection(
            id: "\(prefix).completion",
            title: "\(entry.cycle.name): completion",
            module: module.name,
            order: order,
            disclosure: completion.notReturned.isEmpty ? .any : .notPublic,
            blocks: blocks
        )
    }

    private func ratings(
        _ entry: Section11State.Cycle,
        _ analysis: Section11Analysis,
        prefix: String,
        order: Int
    ) -> ReportSection {
        let scale = entry.set.scale
        let table = TableBlock(
            caption: "\(entry.cycle.name): criteria ratings by standard",
            columns: [.init("Standard")] + scale.colours.map { .init(scale.name(of: $0), numeric: true) },
            rows: analysis.standards.map { summary in
                [.text("\(summary.standard). \(summary.title)")] + scale.colours.map { .count(summary.counts[$0] ?? 0) }
            }
        )
        let sectors = Array(Set(analysis.standards.flatMap { $0.bySector.keys })).sorted()
        let heat = HeatMapBlock(
            caption: "\(entry.cycle.name): share of criteria rated \(scale.words(for: .green)), by standard and sector",
            rowHeading: "Standard",
            columns: sectors.map(\.label),
            rows: analysis.standards.map { summary in
                HeatMapBlock.Row(
                    label: summary.standard.rawValue,
                    cells: sectors.map { sector in
                        let counts = summary.bySector[sector] ?? [:]
                        let total = counts.values.reduce(0, +)
                        guard total > 0 else { return HeatMapBlock.Cell(rag: nil, value: .empty) }
                        let green = Double(counts[.green] ?? 0) / Double(total)
                        let rag: RAG = green >= 0.8 ? .green : (green >= 0.5 ? .amber : .red)
                        return HeatMapBlock.Cell(
                            rag: rag,
                            value: .percentage(
                                green * 100,
                                numerator: counts[.green] ?? 0,
                                denominator: total,
                                decimals: 0
                            )
                        )
                    }
                )
            }
        )
        return ReportSection(
            id: "\(prefix).ratings",
            title: "\(entry.cycle.name): ratings by standard",
            module: module.name,
            order: order,
            blocks: [.table(table), .heatMap(heat)]
        )
    }

    private func gaps(
        _ entry: Section11State.Cycle,
        _ analysis: Section11Analysis,
        prefix: String,
        order: Int,
        name: (Agency.ID) -> String
    ) -> ReportSection {
        let gaps = analysis.gaps(share: module.gapShare)
        let scale = entry.set.scale
        let share = "\(Int(module.gapShare * 100))%"
        var blocks: [ReportBlock] = []
        if gaps.isEmpty {
            blocks.append(
                .text(
                    TextBlock(paragraphs: [
                        "No criterion was rated \(scale.shortOfGreen) by \(share) or more of the agencies that rated it."
                    ])
                )
            )
        } else {
            blocks.append(
                .table(
                    TableBlock(
                        caption: "Criteria rated \(scale.shortOfGreen) by \(share) or more of agencies",
                        columns: [
                            .init("Criterion"), .init("What good looks like"), .init("Rated", numeric: true),
                            .init(scale.belowGreen.capitalizedFirst, numeric: true),
                            .init(scale.name(of: .red), numeric: true),
                        ],
                        rows: gaps.map {
                            [
                                .text($0.criterion.rawValue), .text($0.text), .count($0.rated), .count($0.belowGreen),
                                .count($0.red),
                            ]
                        }
                    )
                )
            )
        }
        if !analysis.lowered.isEmpty {
            blocks.append(
                .table(
                    TableBlock(
                        caption: "Ratings moderation lowered",
                        columns: [.init("Agency"), .init("Criterion"), .init("Self-rating"), .init("Moderated")],
                        rows: analysis.lowered.map {
                            [
                                .text(name($0.agency)), .text($0.criterion.rawValue),
                                .text(scale.level($0.selfRating)?.label ?? $0.selfRating.rawValue),
                                .text(scale.level($0.moderatedRating)?.label ?? $0.moderatedRating.rawValue),
                            ]
                        }
                    )
                )
            )
        }
        return ReportSection(
            id: "\(prefix).gaps",
            title: "\(entry.cycle.name): common themes and gaps",
            module: module.name,
            order: order,
            disclosure: analysis.lowered.isEmpty ? .any : .notPublic,
            blocks: blocks
        )
    }

    private func movement(
        _ entry: Section11State.Cycle,
        _ analysis: Section11Analysis,
        prefix: String,
        order: Int,
        name: (Agency.ID) -> String
    ) -> ReportSection {
        let byStandard = Dictionary(grouping: analysis.movement, by: \.standard)
        let rows: [[ReportCell]] = entry.set.standards.compactMap { standard in
            guard let moves = byStandard[standard.code], !moves.isEmpty else { return nil }
            let improved = moves.filter { $0.change > 0.0001 }.count
            let declined = moves.filter { $0.change < -0.0001 }.count
            return [
                .text("\(standard.code). \(standard.title)"), .count(improved),
                .count(moves.count - improved - declined), .count(declined),
            ]
        }
        return ReportSection(
            id: "\(prefix).movement",
            title: "\(entry.cycle.name): movement since the last cycle",
            module: module.name,
            order: order,
            blocks: [
                .table(
                    TableBlock(
                        caption: "Agencies whose ratings of each standard rose, held or fell",
                        columns: [
                            .init("Standard"), .init("Improved", numeric: true), .init("Unchanged", numeric: true),
                            .init("Declined", numeric: true),
                        ],
                        rows: rows
                    )
                )
            ]
        )
    }

    private func actions(
        _ entry: Section11State.Cycle,
        _ analysis: Section11Analysis,
        prefix: String,
        order: Int,
        name: (Agency.ID) -> String,
        day: Day
    ) -> ReportSection {
        let overdue = analysis.outstandingActions.filter { $0.action.dueOn < day }
            .sorted {
                ($0.action.dueOn, name($0.agency), $0.criterion) < ($1.action.dueOn, name($1.agency), $1.criterion)
            }
        let shown = overdue.prefix(Self.longestOverdueShown)
        let caption =
            shown.count < overdue.count
            ? "The \(shown.count) longest overdue of \(overdue.count) overdue Section 11 actions; each agency's feedback report lists all of its own"
            : "Overdue Section 11 actions, longest overdue first"
        return ReportSection(
            id: "\(prefix).actions",
            title: "\(entry.cycle.name): outstanding actions",
            module: module.name,
            order: order,
            disclosure: .notPublic,
            blocks: [
                .keyFigures([
                    KeyFigure(label: "Open actions", value: .count(analysis.outstandingActions.count)),
                    KeyFigure(label: "Overdue", value: .count(overdue.count), rag: overdue.isEmpty ? .green : .red),
                ]),
                .table(
                    TableBlock(
                        caption: caption,
                        columns: [.init("Agency"), .init("Criterion"), .init("Action"), .init("Owner"), .init("Due")],
                        rows: shown.map {
                            [
                                .text(name($0.agency)), .text($0.criterion.rawValue), .text($0.action.text),
                                .text($0.action.owner), .day($0.action.dueOn),
                            ]
                        }
                    )
                ),
            ]
        )
    }

    private func contribution(
        _ entry: Section11State.Cycle,
        _ profiles: [AgencyContribution],
        prefix: String,
        order: Int,
        name: (Agency.ID) -> String
    ) -> ReportSection {
        let rows: [[ReportCell]] = profiles.flatMap { profile in
            profile.contradictions.map {
                [.text(name(profile.agency)), .text($0.standard.rawValue), .text($0.evidence)]
            }
        }
        return ReportSection(
            id: "\(prefix).contribution",
            title: "\(entry.cycle.name): agency contribution",
            module: module.name,
            order: order,
            disclosure: .notPublic,
            blocks: [
                .text(
                    TextBlock(paragraphs: [
                        "Each agency's Section 11 ratings set beside the data about it: where an agency rated a standard "
                            + "\(entry.set.scale.words(for: .green)) and its own data falls short, the two disagree."
                    ])
                ),
                .table(
                    TableBlock(
                        caption: "Ratings the data does not bear out",
                        columns: [
                            .init("Agency"), .init("Standard rated \(entry.set.scale.words(for: .green))"),
                            .init("What the data shows"),
                        ],
                        rows: rows
                    )
                ),
            ]
        )
    }
}
