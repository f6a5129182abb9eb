import Domain
import Foundation

/// Builds the Audit module's report sections.
struct AuditSections {
    let module: AuditModule

    func sections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection] {
        let state = try await AuditState.load(view)
        switch request.kind {
        case .practiceDevelopmentAssurance, .yearly:
            let analysis = state.analysis()
            var sections = [plan(state, request, priorities: try await view.byID(Priority.self))]
            sections += [grades(state, analysis), findings(state, request)]
            let recurring = analysis.recurringThemes(on: request.day, months: module.recurringThemeMonths)
            if !recurring.isEmpty { sections.append(recurringSection(state, recurring)) }
            let sessions = state.sessions.filter {
                request.period.contains($0.heldOn) || request.kind == .practiceDevelopmentAssurance
            }
            if !sessions.isEmpty { sections.append(challenges(state, sessions)) }
            if request.kind == .practiceDevelopmentAssurance, let said = exceptions(state, request) {
                sections.append(said)
            }
            // Every grade by theme and agency is detail behind the audits' findings.
            return sections.placingDetail(for: request) { $0.id == "audit.grades" }
        case .agencyFeedback:
            return request.agency.map { feedback(state, agency: $0, request: request) } ?? []
        case .practitionerBriefing:
            let texts = try await view.all(Recommendation.self).keyed(by: \.id, value: \.text)
            return briefing(state, recommendations: texts, request: request)
        case .mashQuarterly:
            return summaries(state, .mash, request)
        case .conferenceChairsQuarterly:
            return summaries(state, .conferenceChairs, request)
        default:
            return []
        }
    }

    private func plan(
        _ state: AuditState,
        _ request: ReportRequest,
        priorities: [Priority.ID: Priority]
    ) -> ReportSection {
        let year = ReportingPeriod.containing(request.period.lastDay, kind: .year, basis: .financial)
        let audits = state.audits.filter { year.contains($0.plannedFrom) || year.contains($0.plannedUntil) }
            .sorted { ($0.plannedFrom, $0.id) < ($1.plannedFrom, $1.id) }
        let done = audits.filter { [.reported, .challenge, .closed].contains($0.stage) }.count
        let late = audits.filter {
            $0.isActive && ![.reported, .challenge].contains($0.stage) && request.day > $0.plannedUntil
        }.count
        var byPriority: [Priority.ID: [Audit]] = [:]
        for audit in audits where audit.stage != .cancelled {
            for priority in audit.priorities ?? [] { byPriority[priority, default: []].append(audit) }
        }
        let priorityRows: [[ReportCell]] = byPriority.keys.sorted().map { id in
            let served = byPriority[id] ?? []
            return [
                .text(priorities[id]?.title ?? id.rawValue),
                .count(served.count),
                .count(served.filter { [.reported, .challenge, .closed].contains($0.stage) }.count),
                .text(served.map(\.title).joined(separator: "; ")),
            ]
        }
        var blocks: [ReportBlock] = [
            .keyFigures([
                KeyFigure(label: "Audits planned", value: .count(audits.count)),
                KeyFigure(label: "Reported or closed", value: .count(done)),
                KeyFigure(label: "Cancelled", value: .count(audits.filter { $0.stage == .cancelled }.count)),
                KeyFigure(label: "Past their window", value: .count(late), rag: late == 0 ? .green : .amber),
            ]),
            .table(
                TableBlock(
                    caption: "The forward plan and its progress",
                    columns: [
                        .init("Audit"), .init("Type"), .init("Themes"), .init("Why"), .init("Window"),
                        .init("Stage"),
                    ],
                    rows: audits.map {
                        [
                            .text($0.title), .text(module.label(of: $0.type)),
                            .text($0.themes.map(\.label).joined(separator: ", ")),
                            .text(module.label(of: $0.rationale)),
                            .text("\($0.plannedFrom) to \($0.plannedUntil)"), .text($0.stage.rawValue.capitalizedFirst),
                        ]
                    }
                )
            ),
        ]
        if !priorityRows.isEmpty {
            blocks.append(
                .table(
                    TableBlock(
                        caption: "Audits of the plan by the partnership priority they serve",
                        columns: [
                            .init("Priority"), .init("Audits", numeric: true), .init("Reported", numeric: true),
                            .init("Which"),
                        ],
                        rows: priorityRows
                    )
                )
            )
        }
        return ReportSection(
            id: "audit.plan",
            title: "The audit programme \(year.label)",
            module: module.name,
            order: 10,
            blocks: blocks
        )
    }

    private func grades(_ state: AuditState, _ analysis: AuditAnalysis) -> ReportSection {
        let levels = analysis.scale.levels.reversed().map(\.code)
        let labels = analysis.scale.levels.reversed().map(\.label)
        let themes = analysis.gradesByTheme.keys.sorted()
        var blocks: [ReportBlock] = [
            .table(
                TableBlock(
                    caption: "Moderated case grades by theme",
                    columns: [.init("Theme")] + labels.map { .init($0, numeric: true) },
                    rows: themes.map { theme in
                        [.text(theme.label)] + levels.map { .count(analysis.gradesByTheme[theme]?[$0] ?? 0) }
                    }
                )
            )
        ]
        let agencies = analysis.gradesByAgency.keys.sorted()
        if !agencies.isEmpty {
            blocks.append(
                .heatMap(
                    HeatMapBlock(
                        caption: "Agencies' own grades of the sections they audited",
                        rowHeading: "Agency",
                        columns: labels,
                        rows: agencies.map { agency in
                            let counts = analysis.gradesByAgency[agency] ?? [:]
                            return HeatMapBlock.Row(
                                label: state.name(agency),
                                cells: analysis.scale.levels.reversed().map { level in
                                    HeatMapBlock.Cell(
                                        rag: (counts[level.code] ?? 0) > 0 ? level.rag : nil,
                                        value: .count(counts[level.code] ?? 0)
                                    )
                                }
                            )
                        }
                    )
                )
            )
        }
        if !analysis.disagreements.isEmpty {
            blocks.append(
                .text(
                    TextBlock(paragraphs: [
                        "In \(analysis.disagreements.count) case sections the agencies' grades were two or more levels apart; the moderation meetings reconciled them."
                    ])
                )
            )
        }
        return ReportSection(
            id: "audit.grades",
            title: "Grades by theme and agency",
            module: module.name,
            order: 20,
            disclosure: .notPublic,
            blocks: blocks
        )
    }

    private func findings(_ state: AuditState, _ request: ReportRequest) -> ReportSection {
        let reported = state.audits.filter { audit in
            audit.reached(.reported).map { request.period.contains($0) } ?? false
        }
        .sorted { ($0.reached(.reported)!, $0.id) < ($1.reached(.reported)!, $1.id) }
        var blocks: [ReportBlock] = []
        if reported.isEmpty {
            blocks.append(.text(TextBlock(paragraphs: ["No audit was reported in \(request.period.label)."])))
        }
        for audit in reported {
            let byKind = Dictionary(grouping: audit.findings, by: \.kind)
            blocks.append(
                .text(
                    TextBlock(
                        heading: "\(audit.title) (\(audit.type.name), reported \(audit.reached(.reported)!))",
                        paragraphs: [
                            "\(audit.recommendations.count) recommendation\(audit.recommendations.count == 1 ? "" : "s") made."
                        ],
                        bullets: AuditFinding.Kind.allCases.flatMap { kind in
                            (byKind[kind] ?? []).map { "\(kind.rawValue.capitalized): \($0.text)" }
                        }
                    )
                )
            )
        }
        return ReportSection(
            id: "audit.findings",
            title: "Audit findings and recommendations",
            module: module.name,
            order: 30,
            blocks: blocks
        )
    }

    private func recurringSection(_ state: AuditState, _ recurring: [AuditAnalysis.RecurringTheme]) -> ReportSection {
        let titles = state.audits.keyed(by: \.id, value: \.title)
        return ReportSection(
            id: "audit.recurring",
            title: "Recurring themes across audits",
            module: module.name,
            order: 40,
            blocks: [
                .table(
                    TableBlock(
                        caption:
                            "Themes judged \(state.scale.belowGreen) in more than one audit in \(module.recurringThemeMonths) months",
                        columns: [.init("Theme"), .init("Audits")],
                        rows: recurring.map {
                            [
                                .text($0.theme.label),
                                .text($0.audits.map { titles[$0] ?? $0.rawValue }.joined(separator: "; ")),
                            ]
                        }
                    )
                )
            ]
        )
    }

    private func challenges(_ state: AuditState, _ sessions: [ChallengeSession]) -> ReportSection {
        let titles = state.audits.keyed(by: \.id, value: \.title)
        let outcomes = sessions.sorted { ($0.heldOn, $0.id) < ($1.heldOn, $1.id) }.flatMap { session in
            session.outcomes.map { (session, $0) }
        }
        let byJudgement = Dictionary(grouping: outcomes, by: \.1.judgement)
        return ReportSection(
            id: "audit.challenge",
            title: "Challenge sessions: has anything changed?",
            module: module.name,
            order: 50,
            blocks: [
                .barChart(
                    BarChart(
                        title: "Recommendations by judgement of impact",
                        unit: "recommendations",
                        category: "Judgement of impact",
                        bars: ChallengeSession.Judgement.allCases.map { judgement in
                            BarChart.Bar(
                                label: judgement.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst,
                                value: Double(byJudgement[judgement]?.count ?? 0),
                                rag: judgement == .embedded ? .green : (judgement == .notAchieved ? .red : .amber),
                                isCount: true
                            )
                        }
                    )
                ),
                .table(
                    TableBlock(
                        caption: "Evidence of impact at each challenge session",
                        columns: [.init("Audit"), .init("Held"), .init("Judgement"), .init("Evidence")],
                        rows: outcomes.map { session, outcome in
                            [
                                .text(titles[session.audit] ?? session.audit.rawValue), .day(session.heldOn),
                                .text(
                                    outcome.judgement.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst
                                ),
                                .text(outcome.evidence),
                            ]
                        }
                    )
                ),
            ]
        )
    }

    private func summaries(
        _ state: AuditState,
        _ source: QuarterlySummary.Source,
        _ request: ReportRequest
    ) -> [ReportSection] {
        let returned = state.summaries.filter { $0.source == source && request.period.contains($0.quarter) }
            .sorted { ($0.quarter, $0.id) < ($1.quarter, $1.id) }
        let title = source == .mash ? "MASH quality assurance summary" : "Conference chairs' summary"
        guard !returned.isEmpty else {
            return [
                ReportSection(
                    id: "audit.summary.\(source.rawValue)",
                    title: title,
                    module: module.name,
                    order: 5,
                    blocks: [
                        .text(
                            TextBlock(paragraphs: [
                                "No \(source == .mash ? "MASH" : "conference chairs'") summary was returned for \(request.period.label)."
                            ])
                        )
                    ]
                )
            ]
        }
        return returned.enumerated().map { offset, summary in
            ReportSection(
                id: "audit.summary.\(source.rawValue).\(summary.quarter)",
                title: "\(title), \(summary.quarter.label)",
                module: module.name,
                order: 5 + offset,
                blocks: source.headings.map { .text(TextBlock(heading: $0, paragraphs: [summary.sections[$0] ?? ""])) }
            )
        }
    }

    /// What the quarterly summaries of the report's period raise, heading by heading: the exceptions
    /// the MASH and the conference chairs report, and the headings under which they report none
    /// (a heading left empty, "none", or saying there are no exceptions).
    private func exceptions(_ state: AuditState, _ request: ReportRequest) -> ReportSection? {
        let returned = state.summaries.filter { request.period.contains($0.quarter) }
            .sorted { ($0.quarter, $0.source.rawValue) < ($1.quarter, $1.source.rawValue) }
        guard !returned.isEmpty else { return nil }
        var rows: [[ReportCell]] = []
        var quiet: [(String, [String])] = []
        for summary in returned {
            let who = summary.source == .mash ? "MASH" : "Conference chairs"
            var none: [String] = []
            for heading in summary.source.headings {
                let text = (summary.sections[heading] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                if QuarterlySummary.reportsNothing(text) {
                    none.append(heading)
                } else {
                    rows.append([.text(who), .period(summary.quarter), .text(heading), .text(text)])
                }
            }
            if !none.isEmpty { quiet.append(("\(who), \(summary.quarter.label)", none)) }
        }
        var blocks: [ReportBlock] = []
        if rows.isEmpty {
            blocks.append(.text(TextBlock(paragraphs: ["The summaries report no exceptions."])))
        } else {
            blocks.append(
                .table(
                    TableBlock(
                        caption: "Exceptions the quarterly summaries report",
                        columns: [.init("From"), .init("Quarter"), .init("Heading"), .init("What it says")],
                        rows: rows
                    )
                )
            )
        }
        if !quiet.isEmpty {
            blocks.append(
                .text(
                    TextBlock(
                        paragraphs: ["Headings under which they report no exceptions:"],
                        bullets: quiet.map { "\($0.0): \($0.1.joined(separator: ", "))" }
                    )
                )
            )
        }
        return ReportSection(
            id: "audit.summary.exceptions",
            title: "What the MASH and conference chairs' quarterly summaries report",
            module: module.name,
            order: 60,
            blocks: blocks
        )
    }

}
