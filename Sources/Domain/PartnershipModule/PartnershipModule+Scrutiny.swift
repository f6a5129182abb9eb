extension PartnershipModule {
    static func overlaps(_ period: ReportingPeriod, _ other: ReportingPeriod) -> Bool {
        other.firstDay <= period.lastDay && period.firstDay <= other.lastDay
    }

    /// The independent scrutineer's judgements of the years the period touches, area by area.
    func judgementsSection(_ view: AssuranceView, request: ReportRequest) async throws -> ReportSection? {
        let judgements = try await view.all(ScrutinyJudgement.self)
            .filter { Self.overlaps(request.period, $0.year) }
            .sorted { ($0.year, $0.judgedOn, $0.id) < ($1.year, $1.judgedOn, $1.id) }
        guard !judgements.isEmpty else { return nil }
        let blocks: [ReportBlock] = judgements.map { judgement in
            .table(
                TableBlock(
                    caption:
                        "\(judgement.scrutineer)'s judgements of \(judgement.year.label), made on \(judgement.judgedOn)",
                    columns: [.init("Area"), .init("Judgement"), .init("Evidence")],
                    rows: judgement.areas.map { area in
                        let level = judgement.scale.level(area.rating)
                        return [
                            .text(area.area.description),
                            level.map { .rag($0.rag, label: $0.label) } ?? .text(area.rating.rawValue),
                            .text(area.evidence),
                        ]
                    }
                )
            )
        }
        return ReportSection(
            id: "partnership.scrutiny-judgements",
            title: "Independent scrutiny: judgements",
            module: name,
            order: 28,
            blocks: [
                .text(
                    TextBlock(paragraphs: [
                        "The independent scrutineer judges the arrangements in the framework's three areas: their "
                            + "leadership and governance, how far they protect and safeguard children, and their "
                            + "capacity to improve and develop services."
                    ])
                )
            ] + blocks
        )
    }

    /// The inspections reported in the period, and how far their recommendations have got.
    func inspectionsSection(_ view: AssuranceView, request: ReportRequest) async throws -> ReportSection? {
        let inspections = try await view.all(Inspection.self).filter { request.period.contains($0.reportedOn) }
            .sorted { ($0.reportedOn, $0.id) < ($1.reportedOn, $1.id) }
        guard !inspections.isEmpty else { return nil }
        let recommendations = try await view.byID(Recommendation.self)
        return ReportSection(
            id: "partnership.inspections",
            title: "Inspections",
            module: name,
            order: 29,
            blocks: [
                .table(
                    TableBlock(
                        caption:
                            "External inspections reported in \(request.period.label), with their recommendations in the one tracker",
                        columns: [
                            .init("Inspection"), .init("By"), .init("Reported"), .init("Judgement"),
                            .init("Recommendations", numeric: true), .init("Closed on impact", numeric: true),
                        ],
                        rows: inspections.map { inspection in
                            let held = inspection.recommendations.compactMap { recommendations[$0] }
                            return [
                                .text(inspection.title), .text(inspection.inspectorate), .day(inspection.reportedOn),
                                .text(inspection.judgement ?? "None given"),
                                .number(Double(held.count), decimals: 0),
                                .number(Double(held.filter { $0.status == .closed }.count), decimals: 0),
                            ]
                        }
                    )
                )
            ]
        )
    }

    /// The surveys of the period, by the framework's four streams, with what they found.
    func surveysSection(_ view: AssuranceView, request: ReportRequest) async throws -> ReportSection? {
        let surveys = try await view.all(Survey.self).filter { Self.overlaps(request.period, $0.period) }
            .sorted { ($0.period, $0.stream.rawValue, $0.id) < ($1.period, $1.stream.rawValue, $1.id) }
        guard !surveys.isEmpty else { return nil }
        return ReportSection(
            id: "partnership.surveys",
            title: "What surveys told us",
            module: name,
            order: 27,
            blocks: [
                .table(
                    TableBlock(
                        caption: "Surveys of \(request.period.label), by the framework's survey streams",
                        columns: [
                            .init("Stream"), .init("Who was asked"), .init("Period"),
                            .init("Responses", numeric: true), .init("What it found"),
                        ],
                        rows: surveys.map { survey in
                            [
                                .text(survey.stream.description), .text(survey.audience), .period(survey.period),
                                .count(survey.responses),
                                .text(survey.findings.joined(separator: " ")),
                            ]
                        }
                    )
                )
            ]
        )
    }
}
