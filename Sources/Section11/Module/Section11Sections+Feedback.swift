import Domain
import Foundation

extension Section11Sections {
    /// One agency's Section 11 feedback for the period.
    ///
    /// Each return it made to a cycle whose deadline
    /// falls in the period, criterion by criterion (self-rated, moderated, challenged), its standards
    /// beside the partnership's distribution, and its workforce judgement and walkabouts. No other
    /// agency's rating is shown: the partnership's figures are counts across all agencies.
    func feedback(for agency: Agency.ID, request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection]
    {
        let state = try await Section11State.load(view)
        let name = state.agencies[agency]?.name ?? agency.rawValue
        var sections: [ReportSection] = []
        for (offset, entry) in state.cycles.enumerated() where request.period.contains(entry.cycle.returnDeadline) {
            guard let own = entry.assessments.first(where: { $0.agency == agency }) else { continue }
            let scale = entry.set.scale
            func label(_ code: RatingCode?) -> ReportCell {
                guard let code else { return .text("Not rated") }
                guard let level = scale.level(code) else { return .text(code.rawValue) }
                return .rag(level.rag, label: level.label)
            }
            let rows: [[ReportCell]] = own.responses.map { response in
                let challenges = (response.challenges ?? []).map { "\($0.on): \($0.text)" }
                return [
                    .text(response.criterion.rawValue),
                    .text(entry.set.criterion(response.criterion)?.text ?? ""),
                    label(response.selfRating),
                    response.moderatedRating.map { label($0) } ?? .text("As self-rated"),
                    .text(challenges.isEmpty ? "None" : challenges.joined(separator: " ")),
                ]
            }
            var blocks: [ReportBlock] = [
                .text(
                    TextBlock(paragraphs: [
                        "\(Prose.possessive(name)) return to \(entry.cycle.name) is \(own.status.rawValue.replacingOccurrences(of: "-", with: " "))"
                            + (own.submittedOn.map { ", submitted on \($0)" } ?? "")
                            + ". Each criterion as the agency rated it, as moderation left it, and the challenge it met."
                    ])
                ),
                .table(
                    TableBlock(
                        caption: "\(name): \(entry.cycle.name), criterion by criterion",
                        columns: [
                            .init("Criterion"), .init("What good looks like"), .init("Self-rated"),
                            .init("Moderated"), .init("Challenge"),
                        ],
                        rows: rows
                    )
                ),
            ]
            blocks.append(.table(standing(of: own, in: entry, name: name)))
            sections.append(
                ReportSection(
                    id: "section11.feedback.\(entry.cycle.id)",
                    title: "\(entry.cycle.name): \(Prose.possessive(name)) return",
                    module: module.name,
                    order: offset * 10,
                    blocks: blocks
                )
            )
        }
        if let workforce = try await workforce(agency, name: name, request: request, in: view) {
            sections.append(workforce)
        }
        return sections
    }

    /// Each standard's rating by the agency (its worst criterion), beside how many agencies in the
    /// partnership rated it red, amber and green.
    private func standing(of own: SelfAssessment, in entry: Section11State.Cycle, name: String) -> TableBlock {
        let scale = entry.set.scale
        func worst(_ assessment: SelfAssessment, _ standard: Standard) -> RAG? {
            let codes = Set(standard.criteria.map(\.code))
            let rags = assessment.responses.filter { codes.contains($0.criterion) }
                .compactMap { $0.standingRating.flatMap(scale.level)?.rag }
            return rags.min()
        }
        let returned = entry.assessments.filter(\.status.isReturned)
        let rows: [[ReportCell]] = entry.set.standards.compactMap { standard in
            guard let mine = worst(own, standard) else { return nil }
            let all = returned.compactMap { worst($0, standard) }
            return [.text("\(standard.code). \(standard.title)"), .rag(mine, label: scale.name(of: mine))]
                + scale.colours.map { colour in .count(all.filter { $0 == colour }.count) }
        }
        let names = scale.colours.map { scale.words(for: $0) }
        return TableBlock(
            caption:
                "\(Prose.possessive(name)) standards beside the partnership's: agencies rating each \(names.listed)",
            columns: [.init("Standard"), .init(name)] + names.map { .init("Partnership \($0)", numeric: true) },
            rows: rows
        )
    }

    private func workforce(
        _ agency: Agency.ID,
        name: String,
        request: ReportRequest,
        in view: AssuranceView
    ) async throws -> ReportSection? {
        let judgements = try await view.all(WorkforceJudgement.self).filter {
            $0.agency == agency && $0.period.firstDay <= request.period.lastDay
                && request.period.firstDay <= $0.period.lastDay
        }
        let walkabouts = try await view.all(Walkabout.self).filter {
            $0.agency == agency && request.period.contains($0.day)
        }.sorted { $0.day < $1.day }
        guard !judgements.isEmpty || !walkabouts.isEmpty else { return nil }
        var blocks: [ReportBlock] = []
        for judgement in judgements {
            blocks.append(
                .ragTiles([
                    RAGTile(label: "Recruitment and retention", rag: judgement.recruitmentAndRetention, value: .empty),
                    RAGTile(label: "Agency staff", rag: judgement.agencyStaff, value: .empty),
                    RAGTile(label: "Training", rag: judgement.training, value: .empty),
                    RAGTile(label: "Supervision", rag: judgement.supervision, value: .empty),
                ])
            )
            blocks.append(
                .text(TextBlock(heading: "Workforce, \(judgement.period.label)", paragraphs: [judgement.narrative]))
            )
        }
        if !walkabouts.isEmpty {
            blocks.append(
                .table(
                    TableBlock(
                        caption: "Senior managers' walkabouts at \(name)",
                        columns: [
                            .init("Day"), .init("What was seen"), .init("Practitioners", numeric: true),
                            .init("Families", numeric: true), .init("Findings"),
                        ],
                        rows: walkabouts.map {
                            [
                                .day($0.day), .text($0.seen), .number(Double($0.practitionersSpokenTo), decimals: 0),
                                .number(Double($0.familiesSpokenTo), decimals: 0),
                                .text($0.findings.joined(separator: " ")),
                            ]
                        }
                    )
                )
            )
        }
        return ReportSection(
            id: "section11.feedback.workforce",
            title: "\(Prose.possessive(name)) workforce and walkabouts",
            module: module.name,
            order: 90,
            blocks: blocks
        )
    }
}
