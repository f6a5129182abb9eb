import Domain
import Foundation

/// Builds the Learning module's report sections.
struct LearningSections {
    let module: LearningModule

    func sections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection] {
        let state = try await LearningState.load(view)
        let day = request.day
        let development = try await DevelopmentState.load(view)
        let groups = try await view.all(Group.self)
        let words = DevelopmentWords(
            holder: view.document.name(of: .practiceDevelopmentGroup),
            workforce: groups.first { $0.kind == .workforceDevelopmentGroup }?.name
        )
        switch request.kind {
        case .agencyFeedback:
            return request.agency.map {
                feedback(state, agency: $0, request: request)
                    + developmentFeedback(state, development, agency: $0, request: request)
            } ?? []
        case .scrutinyPack:
            // The programme is the Workforce Development Group's to scrutinise.
            guard let group = request.group, groups.first(where: { $0.id == group })?.kind == .workforceDevelopmentGroup
            else { return [] }
            return self.development(state, development, request: request, words: words)
        case .practitionerBriefing:
            return briefing(state, request: request)
        default:
            break
        }
        if request.kind == .subGroupReport, let group = groups.first(where: { $0.id == request.group }) {
            return ownWork(state.followed(by: group), group: group, day: day)
        }
        var sections: [ReportSection] = []
        if [.practiceDevelopmentAssurance, .yearly].contains(request.kind) {
            sections += self.development(state, development, request: request, words: words)
        }
        sections.append(reviews(state, day: day, calendar: view.calendar))
        if let decisions = reviewDecisions(state) { sections.append(decisions) }
        if let contributions = reviewContributions(state, day: day) { sections.append(contributions) }
        // One table of the recommendations' positions serves the tracker and the loop, which count
        // apart, each over every action, on two cores where there are two.
        let positions = RecommendationPositions(state.recommendations)
        async let loopSection = loop(state, positions: positions)
        sections.append(tracker(state, day: day, positions: positions))
        sections.append(dissemination(state, period: request.period))
        sections.append(await loopSection)
        if let overdue = overdue(state, day: day) { sections.append(overdue) }
        // The whole tracker, every chain of the loop, every overdue action and the places taken by
        // agency are detail behind the findings and the programme.
        let detail: Set<String> = [
            "learning.tracker", "learning.loop", "learning.overdue", "learning.development.attendance",
            "learning.reviews.contributions",
        ]
        return sections.placingDetail(for: request) { detail.contains($0.id) }
    }

    /// The longest overdue actions, with how many there are: the Executive reads exceptions first.
    func overdue(_ state: LearningState, day: Day) -> ReportSection? {
        // Positions, not copies, are sorted: a national tracker has tens of thousands overdue.
        let actions = state.actions
        let overdue = actions.indices.filter { actions[$0].effectiveStatus(on: day) == .overdue }.sorted {
            (actions[$0].dueOn, actions[$0].id) < (actions[$1].dueOn, actions[$1].id)
        }
        guard !overdue.isEmpty else { return nil }
        let shown = overdue.prefix(25).map { actions[$0] }
        let caption =
            shown.count < overdue.count
            ? "The \(shown.count) longest overdue of \(overdue.count) actions past their due day"
            : "Actions past their due day, longest overdue first"
        return ReportSection(
            id: "learning.overdue",
            title: "Overdue actions",
            module: module.name,
            order: 50,
            disclosure: .notPublic,
            blocks: [
                .table(
                    TableBlock(
                        caption: caption,
                        columns: [
                            .init("Action"), .init("Owner"), .init("Lead"), .init("Due"),
                            .init("Days overdue", numeric: true),
                        ],
                        rows: shown.map {
                            [
                                .text($0.text), .text(state.name($0.ownerAgency)), .text($0.lead),
                                .day($0.dueOn), .count($0.dueOn.days(until: day)),
                            ]
                        }
                    )
                )
            ]
        )
    }

    private func reviews(_ state: LearningState, day: Day, calendar: any WorkingDayCalendar) -> ReportSection {
        let reviewClocks = state.clocks.filter { !$0.appliesTo.isEmpty }
        var rows: [[ReportCell]] = []
        for review in state.reviews.sorted(by: { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }) {
            for clock in reviewClocks where clock.appliesTo.contains(review.kind) {
                let reading = ClockReading.read(clock, for: review, on: day, calendar: calendar)
                let rag: RAG? =
                    switch reading.state {
                    case .met: .green
                    case .running: .amber
                    case .breached: .red
                    case .notStarted: nil
                    }
                rows.append([
                    .text(review.title), .text(review.kind.description), .text(clock.name),
                    reading.due.map { .day($0) } ?? .empty, reading.stopped.map { .day($0) } ?? .empty,
                    rag.map { .rag($0, label: reading.state.rawValue.replacingOccurrences(of: "-", with: " ")) }
                        ?? .text("not started"),
                    .text(reading.breachReason ?? (reading.state == .breached ? "no reason recorded" : "")),
                ])
            }
        }
        let open = state.reviews.filter { $0.status == .open }.count
        return ReportSection(
            id: "learning.reviews",
            title: "Reviews and their statutory clocks",
            module: module.name,
            order: 10,
            blocks: [
                .keyFigures([
                    KeyFigure(label: "Reviews", value: .count(state.reviews.count)),
                    KeyFigure(label: "Open", value: .count(open)),
                    KeyFigure(
                        label: "Clocks breached",
                        value: .count(rows.filter { if case .rag(.red, _) = $0[5] { true } else { false } }.count)
                    ),
                ]),
                .table(
                    TableBlock(
                        caption: "Each review's clocks: due, stopped, and whether met",
                        columns: [
                            .init("Review"), .init("Kind"), .init("Clock"), .init("Due"), .init("Stopped"),
                            .init("State"), .init("Reason"),
                        ],
                        rows: rows
                    )
                ),
            ]
        )
    }

    func tracker(_ state: LearningState, day: Day, positions: RecommendationPositions? = nil) -> ReportSection {
        // Counted in one pass over the tracker, and each recommendation's source kind mapped once:
        // a national tracker has hundreds of thousands of each, and grouping copies of them was
        // most of this section's time.
        var byStream: [String: StreamTally] = [:]
        // An action's stream is usually its neighbour's, so its tally is found once a run.
        var run: (stream: String, tally: StreamTally)?
        for action in state.actions {
            let stream = action.workStream?.rawValue ?? ""
            if run?.stream != stream {
                if let held = run { byStream[held.stream, default: StreamTally()].add(held.tally) }
                run = (stream, StreamTally())
            }
            run?.tally.count(action.effectiveStatus(on: day))
        }
        if let held = run { byStream[held.stream, default: StreamTally()].add(held.tally) }
        var positions = positions ?? RecommendationPositions(state.recommendations)
        var tiles: [RAGTile] = []
        var rows: [[ReportCell]] = []
        for stream in state.streams.sorted(by: { $0.title < $1.title }) {
            let tally = byStream[stream.id.rawValue] ?? StreamTally()
            let (overdue, atRisk, completed) = (tally.overdue, tally.atRisk, tally.completed)
            let rag: RAG = overdue > 0 ? .red : (atRisk > 0 ? .amber : .green)
            let sources = Set(
                stream.members.compactMap { positions.position(of: $0.recommendation) }.map {
                    state.recommendations[$0].source.kind
                }
            )
            .sorted { $0.rawValue < $1.rawValue }.map(\.plural)
            tiles.append(
                RAGTile(
                    label: stream.title,
                    rag: rag,
                    value: .count(tally.actions),
                    detail:
                        "\(completed) done, \(overdue) overdue; answers \(Prose.counted(stream.recommendations.count, "recommendation")) "
                        + "from \(Prose.listed(sources))"
                )
            )
            rows.append([
                .text(stream.title), .text(sources.joined(separator: ", ")), .count(stream.recommendations.count),
                .count(tally.actions),
                .count(completed), .count(atRisk), .count(overdue), .rag(rag, label: rag.rawValue),
            ])
        }
        return ReportSection(
            id: "learning.tracker",
            title: "The action tracker by work stream",
            module: module.name,
            order: 20,
            blocks: [
                .ragTiles(tiles),
                .table(
                    TableBlock(
                        caption: "Work streams, the sources they answer, and their actions",
                        columns: [
                            .init("Work stream"), .init("Sources"), .init("Recommendations", numeric: true),
                            .init("Actions", numeric: true),
                            .init("Completed", numeric: true), .init("At risk", numeric: true),
                            .init("Overdue", numeric: true), .init("RAG"),
                        ],
                        rows: rows
                    )
                ),
            ]
        )
    }

    private func dissemination(_ state: LearningState, period: ReportingPeriod) -> ReportSection {
        let issued = state.products.filter { $0.issuedOn.map(period.contains) ?? false }.sorted {
            ($0.issuedOn!, $0.id) < ($1.issuedOn!, $1.id)
        }
        let byKind = Dictionary(grouping: issued, by: \.kind)
        return ReportSection(
            id: "learning.dissemination",
            title: "Dissemination and reach",
            module: module.name,
            order: 30,
            blocks: [
                .barChart(
                    BarChart(
                        title: "Learning products issued in \(period.label), by kind",
                        unit: "products",
                        category: "Kind",
                        bars: LearningProduct.Kind.allCases.compactMap { kind in
                            byKind[kind].map {
                                BarChart.Bar(
                                    label: kind.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst,
                                    value: Double($0.count),
                                    isCount: true
                                )
                            }
                        }
                    )
                ),
                .table(
                    TableBlock(
                        caption: "Learning products issued, with their reach",
                        columns: [
                            .init("Issued"), .init("Product"), .init("Kind"), .init("Issued to", numeric: true),
                            .init("Opened", numeric: true),
                            .init("Attended", numeric: true),
                        ],
                        rows: issued.map {
                            [
                                .day($0.issuedOn!), .text($0.title), .text($0.kind.rawValue),
                                $0.reach.issued.map { .count($0) } ?? .empty,
                                $0.reach.opened.map { .count($0) } ?? .empty,
                                $0.reach.attended.map { .count($0) } ?? .empty,
                            ]
                        }
                    )
                ),
            ]
        )
    }

    private func loop(_ state: LearningState, positions: RecommendationPositions) -> ReportSection {
        let chains = LearningChain.chains(
            positions: positions,
            reviews: state.reviews,
            recommendations: state.recommendations,
            streams: state.streams,
            actions: state.actions,
            products: state.products,
            impact: state.impact
        )
        let whole = chains.filter { $0.brokenAt == nil }
        var blocks = loopSummary(chains, whole: whole)
        if let table = closedChains(whole, state) { blocks.append(table) }
        if let table = openChains(chains) { blocks.append(table) }
        blocks.append(unthemed(state))
        return ReportSection(
            id: "learning.loop",
            title: "Closing the learning loop",
            module: module.name,
            order: 40,
            blocks: blocks
        )
    }

    private func loopSummary(_ chains: [LearningChain], whole: [LearningChain]) -> [ReportBlock] {
        let kinds: [Recommendation.Source.Kind] = [
            .review, .audit, .section11, .scrutiny, .measure, .inspection, .partnershipPlan, .other,
        ]
        let byKind = Dictionary(grouping: chains, by: \.kind)
        return [
            .keyFigures([
                KeyFigure(label: "Sources of learning", value: .count(chains.count)),
                KeyFigure(label: "Followed through to impact and closed", value: .count(whole.count)),
            ]),
            .table(
                TableBlock(
                    caption: "Sources of learning by kind, and how many are followed through to impact and closed",
                    columns: [
                        .init("Source"), .init("Sources", numeric: true), .init("Recommendations", numeric: true),
                        .init("With impact", numeric: true), .init("Closed on impact", numeric: true),
                    ],
                    rows: kinds.compactMap { kind in
                        guard let held = byKind[kind], !held.isEmpty else { return nil }
                        return [
                            .text(Self.label(kind)), .count(held.count),
                            .count(held.reduce(0) { $0 + $1.recommendations }),
                            .count(held.reduce(0) { $0 + $1.withImpact }),
                            .count(held.filter { $0.brokenAt == nil }.count),
                        ]
                    }
                )
            ),
        ]
    }

    /// Each chain closed on evidence of impact, with its source's first closing note.
    private func closedChains(_ whole: [LearningChain], _ state: LearningState) -> ReportBlock? {
        guard !whole.isEmpty else { return nil }
        // Each source's first closing note, found in one pass rather than grouping copies of
        // every recommendation by source.
        var closingNotes: [RecordReference: String] = [:]
        for recommendation in state.recommendations {
            guard let source = recommendation.source.record, let note = recommendation.closingNote,
                closingNotes[source] == nil
            else { continue }
            closingNotes[source] = note
        }
        return .table(
            TableBlock(
                caption: "Chains closed on evidence of impact: finding, work stream, action, impact, closed",
                columns: [
                    .init("Kind"), .init("Source"), .init("Recommendations", numeric: true), .init("Impact"),
                ],
                rows: whole.map { chain in
                    [
                        .text(Self.label(chain.kind)), .text(chain.title), .count(chain.recommendations),
                        .text(closingNotes[chain.source] ?? ""),
                    ]
                }
            )
        )
    }

    /// The chains still open, and the first link each is missing.
    private func openChains(_ chains: [LearningChain]) -> ReportBlock? {
        func isOpen(_ chain: LearningChain) -> Bool { chain.brokenAt != nil && chain.recommendations > 0 }
        let openCount = chains.count(where: isOpen)
        guard openCount > 0 else { return nil }
        let shown = chains.positions(ofFirst: 40, where: isOpen) {
            ($0.kind.rawValue, $0.title) < ($1.kind.rawValue, $1.title)
        }.map { chains[$0] }
        return
            .table(
                TableBlock(
                    caption: "Chains still open, and the first link missing"
                        + (openCount > shown.count ? " (the first \(shown.count) of \(openCount))" : ""),
                    columns: [
                        .init("Kind"), .init("Source"), .init("Recommendations", numeric: true),
                        .init("In a work stream", numeric: true), .init("Actions done"),
                        .init("With impact", numeric: true), .init("Missing"),
                    ],
                    rows: shown.map {
                        [
                            .text(Self.label($0.kind)), .text($0.title), .count($0.recommendations),
                            .count($0.inWorkStreams), .text("\($0.actionsCompleted) of \($0.actions)"),
                            .count($0.withImpact), .text($0.brokenAt?.description ?? ""),
                        ]
                    }
                )
            )
    }

    private func unthemed(_ state: LearningState) -> ReportBlock {
        let unthemed = state.recommendations.filter { $0.status == .open && $0.themes.isEmpty }
        return
            .text(
                TextBlock(
                    heading: "Recommendations without a theme",
                    paragraphs: [
                        unthemed.isEmpty
                            ? "Every open recommendation has a theme and sits in its theme's work stream."
                            : "\(unthemed.count) open recommendation\(unthemed.count == 1 ? " has" : "s have") no theme, "
                                + "so no work stream holds \(unthemed.count == 1 ? "it" : "them"): "
                                + unthemed.prefix(10).map { "\($0.source.title): \($0.text)" }.joined(separator: "; ")
                                + (unthemed.count > 10 ? "; and \(unthemed.count - 10) more." : ".")
                    ]
                )
            )
    }

    static func label(_ kind: Recommendation.Source.Kind) -> String {
        switch kind {
        case .review: "Review"
        case .audit: "Audit"
        case .section11: "Section 11"
        case .scrutiny: "Scrutiny"
        case .partnershipPlan: "Partnership plan"
        case .inspection: "Inspection"
        case .measure: "Data signal"
        case .other: "Other"
        }
    }

}

/// A work stream's actions counted by their status on a day.
private struct StreamTally {
    var actions = 0
    var completed = 0
    var atRisk = 0
    var overdue = 0

    mutating func add(_ other: StreamTally) {
        actions += other.actions
        completed += other.completed
        atRisk += other.atRisk
        overdue += other.overdue
    }

    mutating func count(_ status: TrackedAction.Status) {
        actions += 1
        if status.isComplete { completed += 1 }
        if status == .atRisk { atRisk += 1 }
        if status == .overdue { overdue += 1 }
    }
}
