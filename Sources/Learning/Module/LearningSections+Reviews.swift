import Domain

extension LearningSections {
    /// The partners' decisions on reviews: whether the case met the criteria, the route and why.
    ///
    /// Not for the public: the reasons speak of the case.
    func reviewDecisions(_ state: LearningState) -> ReportSection? {
        let decided: [(Review, Review.Decision)] = state.reviews.compactMap { review in
            review.decision.map { (review, $0) }
        }.sorted { ($0.1.on, $0.0.id) < ($1.1.on, $1.0.id) }
        guard !decided.isEmpty else { return nil }
        return ReportSection(
            id: "learning.reviews.decisions",
            title: "Decisions on reviews",
            module: module.name,
            order: 11,
            disclosure: .notPublic,
            blocks: [
                .table(
                    TableBlock(
                        caption: "Whether each case met the criteria for a local review, the route taken and why",
                        columns: [
                            .init("Review"), .init("Decided"), .init("Criteria met"), .init("Route"),
                            .init("Reasons"),
                        ],
                        rows: decided.map { review, decision in
                            [
                                .text(review.title), .day(decision.on), .text(decision.criteriaMet ? "Yes" : "No"),
                                .text(decision.route?.description ?? "No further review"), .text(decision.reasons),
                            ]
                        }
                    )
                )
            ]
        )
    }

    /// Each agency's contributions to the reviews still open: chronology and summary, due and come.
    ///
    /// Detail behind the late-contribution findings; not for the public, as it names agencies.
    func reviewContributions(_ state: LearningState, day: Day) -> ReportSection? {
        let open: [Review] = state.reviews.filter { $0.status == .open && !($0.participants ?? []).isEmpty }
            .sorted { $0.id < $1.id }
        guard !open.isEmpty else { return nil }
        func progress(due: Day?, received: Day?) -> String {
            if let received {
                guard let due else { return "Received" }
                return received > due ? "Came late" : "On time"
            }
            guard let due else { return "Not asked" }
            return due < day ? "Overdue" : "Not yet due"
        }
        var rows: [[ReportCell]] = []
        for review in open {
            let participants: [Review.Participant] = (review.participants ?? []).sorted {
                state.name($0.agency) < state.name($1.agency)
            }
            for participant in participants {
                let chronologyDue: ReportCell = participant.chronologyDue.map { .day($0) } ?? .empty
                let summaryDue: ReportCell = participant.summaryDue.map { .day($0) } ?? .empty
                rows.append([
                    .text(review.title), .text(state.name(participant.agency)), chronologyDue,
                    .text(progress(due: participant.chronologyDue, received: participant.chronologyReceived)),
                    summaryDue,
                    .text(progress(due: participant.summaryDue, received: participant.summaryReceived)),
                ])
            }
        }
        return ReportSection(
            id: "learning.reviews.contributions",
            title: "Agencies' contributions to open reviews",
            module: module.name,
            order: 12,
            disclosure: .notPublic,
            blocks: [
                .table(
                    TableBlock(
                        caption: "Each agency's chronology and summary for each open review: due, and whether it came",
                        columns: [
                            .init("Review"), .init("Agency"), .init("Chronology due"), .init("Chronology"),
                            .init("Summary due"), .init("Summary"),
                        ],
                        rows: rows
                    )
                )
            ]
        )
    }
}

extension LearningSections {
    /// A sub-group's own work in the tracker: the actions of the sources it follows, by work stream,
    /// and those of them overdue; a group that follows none says so.
    func ownWork(_ own: LearningState, group: Group, day: Day) -> [ReportSection] {
        let kinds = LearningState.sourcesFollowed(by: group.kind)
        guard !kinds.isEmpty else {
            return [
                ReportSection(
                    id: "learning.tracker",
                    title: "\(group.name)'s work in the action tracker",
                    module: module.name,
                    order: 20,
                    blocks: [
                        .text(
                            TextBlock(paragraphs: [
                                "\(group.name) follows no source of recommendations through the action tracker."
                            ])
                        )
                    ]
                )
            ]
        }
        let sources = Recommendation.Source.Kind.allCases.filter(kinds.contains).map(\.plural)
        var tracker = self.tracker(own, day: day)
        tracker.title = "\(group.name)'s work in the action tracker"
        tracker.blocks.insert(
            .text(TextBlock(paragraphs: ["The actions that answer the recommendations of \(Prose.listed(sources))."])),
            at: 0
        )
        return [tracker] + (overdue(own, day: day).map { [$0] } ?? [])
    }
}
