import AssuranceTesting
import Domain
import Foundation
import Section11
import Testing

/// A set rated Met, Partially met and Not met is reported in those words: tables, captions,
/// messages and refusals, never Red, Amber and Green.
struct ScaleWordsTests {
    let qaLead = PartnershipScenario.qaLead
    let policeLead = PartnershipScenario.policeLead
    let ids = IDGenerator.incrementing

    static let metScale = try! RatingScale(
        id: "met",
        name: "Met / Partially met / Not met",
        levels: [
            RatingLevel(code: "not-met", label: "Not met", rank: 0, rag: .red),
            RatingLevel(code: "partially-met", label: "Partially met", rank: 1, rag: .amber),
            RatingLevel(code: "met", label: "Met", rank: 2, rag: .green),
        ]
    )

    @Test func theScaleNamesItsColours() {
        #expect(Self.metScale.name(of: .red) == "Not met")
        #expect(Self.metScale.words(for: .amber) == "partially met")
        #expect(Self.metScale.belowGreen == "below met")
        #expect(Self.metScale.shortOfGreen == "not met or partially met")
        #expect(RatingScale.rag.shortOfGreen == "red or amber")
        #expect(RatingScale.rag.belowGreen == "below green")
        #expect(RatingScale.fourPoint.name(of: .green) == "Outstanding or Good")
        #expect(RatingScale.fourPoint.words(for: .green) == "outstanding or good")
        #expect(RatingScale.zeroToThree.words(for: .amber) == "2 – mostly met or 1 – partly met")
        let yesNo = try! RatingScale(
            id: "yes-no",
            name: "Yes / No",
            levels: [
                RatingLevel(code: "no", label: "No", rank: 0, rag: .red),
                RatingLevel(code: "yes", label: "Yes", rank: 1, rag: .green),
            ]
        )
        #expect(yesNo.colours == [.red, .green], "a scale with no amber level has no amber column")
    }

    @Test func reportsAndRefusalsUseTheSetsOwnWords() async throws {
        let store = InMemoryStore()
        let day = Day.fixture("2025-07-15")
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: ids)
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        var set = testSet
        set.scale = Self.metScale
        let service = SelfAssessments(environment: environment)
        try await service.save(set, by: qaLead)
        let cycle = try await service.openCycle(
            name: "Section 11 2025",
            standardSet: set.id,
            cadence: .yearly,
            issuedOn: .fixture("2025-05-01"),
            returnDeadline: .fixture("2025-06-30"),
            invite: [PartnershipScenario.police],
            by: qaLead
        )
        let police = try #require(try await service.assessments(in: cycle.id, as: qaLead).first).value.id
        try await service.respond(
            [
                CriterionResponse(criterion: "1.1", selfRating: "met"),
                CriterionResponse(criterion: "1.2", selfRating: "met"),
                CriterionResponse(criterion: "7.1", selfRating: "not-met"),
            ],
            to: police,
            by: policeLead
        )
        await #expect(
            throws: DomainError(
                .invalidInput,
                "assessment \(police) cannot be submitted: 7.1 (not met) rated below met with no action"
            )
        ) {
            try await service.submit(police, by: policeLead)
        }
        let action = AssessmentAction(id: "a1", text: "Attend", owner: "Head of safeguarding", dueOn: day)
        try await service.respond(
            CriterionResponse(criterion: "7.1", selfRating: "not-met", actions: [action]),
            to: police,
            by: policeLead
        )
        try await service.submit(police, by: policeLead)

        let framework = try AssuranceFramework(modules: [Section11Module()], environment: environment)
        let request = ReportRequest(
            kind: .practiceDevelopmentAssurance,
            period: try ReportingPeriod(parsing: "FY2025-26-Q2"),
            audience: .partnership,
            day: day
        )
        let sections = try await framework.reportSections(
            for: request,
            in: try framework.view(for: request, as: qaLead)
        )
        let tables = sections.flatMap(\.blocks).compactMap { block -> TableBlock? in
            if case .table(let table) = block { table } else { nil }
        }
        let ratings = try #require(tables.first { $0.caption.hasSuffix("criteria ratings by standard") })
        #expect(ratings.columns.map(\.title) == ["Standard", "Not met", "Partially met", "Met"])
        let gaps = try #require(tables.first { $0.caption.hasPrefix("Criteria rated") })
        #expect(gaps.caption == "Criteria rated not met or partially met by 25% or more of agencies")
        #expect(gaps.columns.map(\.title) == ["Criterion", "What good looks like", "Rated", "Below met", "Not met"])
        let heat = sections.flatMap(\.blocks).compactMap { block -> HeatMapBlock? in
            if case .heatMap(let map) = block { map } else { nil }
        }
        #expect(heat.map(\.caption) == ["Section 11 2025: share of criteria rated met, by standard and sector"])
        let words = sections.flatMap(\.blocks).map { "\($0)" }.joined()
        #expect(!words.contains("Amber") && !words.contains("Green"), "no RAG word for a scale that has none")
    }
}
