import Domain
import Foundation

extension LearningSections {
    /// One agency's actions in the one tracker, from every source, and the recommendations it owns:
    /// what it must do by when, and what it has closed on evidence of impact.
    func feedback(_ state: LearningState, agency: Agency.ID, request: ReportRequest) -> [ReportSection] {
        let name = state.name(agency)
        // Its actions still open, and those it completed in the period.
        let actions = state.actions.filter { action in
            action.ownerAgency == agency
                && (!action.status.isComplete || (action.completedOn.map(request.period.contains) ?? false))
        }.sorted { ($0.dueOn, $0.id) < ($1.dueOn, $1.id) }
        let recommendations = state.recommendations.filter { $0.ownerAgency == agency }
        guard !actions.isEmpty || !recommendations.isEmpty else { return [] }
        let titles = state.recommendations.keyed(by: \.id, value: \.source.title)
        let open = actions.filter { !$0.status.isComplete }
        let overdue = open.filter { $0.dueOn < request.day }
        let closed = recommendations.filter { $0.status == .closed }
        var blocks: [ReportBlock] = [
            .keyFigures([
                KeyFigure(label: "Actions open", value: .number(Double(open.count), decimals: 0)),
                KeyFigure(
                    label: "Overdue",
                    value: .number(Double(overdue.count), decimals: 0),
                    rag: overdue.isEmpty ? .green : .red
                ),
                KeyFigure(
                    label: "Recommendations closed on evidence of impact",
                    value: .number(Double(closed.count), decimals: 0),
                    detail: "of \(recommendations.count) it owns"
                ),
            ])
        ]
        if !actions.isEmpty {
            blocks.append(
                .table(
                    TableBlock(
                        caption:
                            "\(Prose.possessive(name)) actions in the one tracker, open or completed in \(request.period.label), earliest due first",
                        columns: [.init("Action"), .init("From"), .init("Lead"), .init("Due"), .init("Status")],
                        rows: actions.map { action in
                            let status = action.effectiveStatus(on: request.day)
                            return [
                                .text(action.text), .text(titles[action.recommendation] ?? ""), .text(action.lead),
                                .day(action.dueOn),
                                .text(status.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst),
                            ]
                        }
                    )
                )
            )
        }
        return [
            ReportSection(
                id: "learning.feedback",
                title: "What \(name) must do, and by when",
                module: module.name,
                order: 20,
                part: .actions,
                blocks: blocks
            )
        ]
    }

    /// What reviews found and what to do differently, in plain words, with the learning products to
    /// use: for practitioners, safe for a public audience (no case references, no agency named).
    func briefing(_ state: LearningState, request: ReportRequest) -> [ReportSection] {
        let period = request.period
        let reviews = state.reviews.filter { review in
            [review[.reportToPartners], review[.rapidReviewSent], review[.publication]].contains {
                $0.map(period.contains) ?? false
            }
        }.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
        let products = state.products.filter { $0.issuedOn.map(period.contains) ?? false }
            .sorted { ($0.issuedOn!, $0.title) < ($1.issuedOn!, $1.title) }
        var blocks: [ReportBlock] = []
        for review in reviews {
            let asked = state.recommendations.filter { $0.source.record == review.reference }.map(\.text)
            blocks.append(
                .text(
                    TextBlock(
                        heading: "\(review.kind): \(review.themes.map(\.label).joined(separator: ", "))",
                        paragraphs: [
                            "It found that practice on "
                                + "\(review.themes.map { $0.label.lowercased() }.joined(separator: " and ")) must "
                                + "change. What to do differently from now:"
                        ],
                        bullets: asked.isEmpty ? ["Its recommendations are being agreed."] : asked
                    )
                )
            )
        }
        if !products.isEmpty {
            blocks.append(
                .table(
                    TableBlock(
                        caption: "Learning products to use, and where to find each",
                        columns: [
                            .init("Product"), .init("Kind"), .init("Issued"), .init("For"), .init("Where to find it"),
                        ],
                        rows: products.map {
                            [
                                .text($0.title),
                                .text($0.kind.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst),
                                .day($0.issuedOn!), .text(Self.roles($0)),
                                .text($0.location ?? "Ask the partnership's business team: not yet online"),
                            ]
                        }
                    )
                )
            )
        }
        if blocks.isEmpty {
            blocks.append(.text(TextBlock(paragraphs: ["No review reported its learning in \(period.label)."])))
        }
        return [
            ReportSection(
                id: "learning.briefing",
                title: "What reviews found, and what to do differently",
                module: module.name,
                order: 10,
                blocks: blocks
            )
        ]
    }

    /// The roles a product is for, or every practitioner; agencies and localities are not named in a
    /// briefing that may be public.
    static func roles(_ product: LearningProduct) -> String {
        let roles = product.audiences.compactMap { audience -> String? in
            if case .role(let role) = audience { return role }
            return nil
        }
        return roles.isEmpty ? "All practitioners" : roles.joined(separator: ", ").capitalizedFirst
    }
}
