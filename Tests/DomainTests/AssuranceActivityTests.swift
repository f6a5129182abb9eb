import AssuranceTesting
import Domain
import Foundation
import Testing

/// Independent scrutiny's judgements, inspections in the one tracker, and surveys feeding measures.
struct AssuranceActivityTests {
    let qaLead = PartnershipScenario.qaLead
    let scrutineer = Principal(id: "scrutineer", roles: [.independentScrutineer])
    let year = try! ReportingPeriod(parsing: "FY2025-26")

    func activity(_ store: InMemoryStore, _ day: String = "2026-04-20") -> AssuranceActivity {
        AssuranceActivity(environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture(day))))
    }

    func areas(_ ratings: [RatingCode]) -> [ScrutinyJudgement.AreaJudgement] {
        zip(ScrutinyJudgement.Area.allCases, ratings).map {
            .init(area: $0, rating: $1, evidence: "Seen at the Executive.")
        }
    }

    /// The scrutineer's judgements cover the framework's three areas.
    ///
    /// Fact: independent scrutiny judges three areas: leadership and governance; how far the
    /// arrangements protect and safeguard children; their capacity to improve. Source: Devon SCP
    /// Quality Assurance Framework, "Independent Scrutiny".
    @Test func theScrutineerJudgesTheThreeAreasWithEvidenceAndRecordsThemSelf() async throws {
        #expect(
            ScrutinyJudgement.Area.allCases.map(\.description) == [
                "Leadership and governance", "Protecting and safeguarding children",
                "Capacity to improve and develop services",
            ]
        )
        #expect(
            throws: DomainError(
                .invalidInput,
                "the scrutiny judgement s1 must judge each of the three areas once; not judged: Capacity to improve and develop services"
            )
        ) {
            try ScrutinyJudgement(
                id: "s1",
                year: year,
                scrutineer: "A",
                judgedOn: .fixture("2026-04-20"),
                areas: areas(["good", "good"])
            )
        }
        #expect(
            throws: DomainError(
                .invalidInput,
                "the scrutiny judgement s1: Leadership and governance is rated \"great\", not on the scale Outstanding / Good / Requires improvement / Inadequate; expected one of inadequate, requires-improvement, good, outstanding"
            )
        ) {
            try ScrutinyJudgement(
                id: "s1",
                year: year,
                scrutineer: "A",
                judgedOn: .fixture("2026-04-20"),
                areas: areas(["great", "good", "good"])
            )
        }
        let judgement = try ScrutinyJudgement(
            id: "s1",
            year: year,
            scrutineer: "Independent scrutineer",
            judgedOn: .fixture("2026-04-20"),
            areas: areas(["good", "requires-improvement", "good"]).reversed()
        )
        #expect(judgement.areas.map(\.area) == ScrutinyJudgement.Area.allCases, "kept in the framework's order")
        let store = InMemoryStore()
        #expect(try await activity(store).record(judgement, by: scrutineer) == judgement)
        // The scrutineer writes judgements and nothing else.
        await #expect(throws: DomainError.self) {
            try await activity(store).record(
                Survey(id: "x", stream: .practitioners, audience: "a", period: year, responses: 1, findings: ["f"]),
                by: scrutineer
            )
        }
    }

    @Test func anInspectionsRecommendationsEnterTheOneTrackerInOneTransaction() async throws {
        let store = InMemoryStore()
        let inspection = Inspection(
            id: "jtai-2025",
            inspectorate: "Ofsted, CQC, HMICFRS",
            title: "Joint targeted area inspection",
            reportedOn: .fixture("2025-11-14")
        )
        await #expect(throws: DomainError(.invalidInput, "inspection jtai-2025: recommendation 2 has no text")) {
            try await activity(store).record(
                inspection,
                recommendations: [.init("Share information.", themes: [.informationSharing]), .init(" ", themes: [])],
                by: qaLead
            )
        }
        #expect(try await Records(store: store).all(Inspection.self, as: qaLead).isEmpty)
        let (recorded, raised) = try await activity(store).record(
            inspection,
            recommendations: [
                .init("Share missing episodes with schools within a day.", themes: [.missingChildren]),
                .init(
                    "Hear from young people in every plan.",
                    themes: [.exploitation],
                    owner: PartnershipScenario.council
                ),
            ],
            by: qaLead
        )
        #expect(recorded.recommendations == ["jtai-2025-rec-1", "jtai-2025-rec-2"])
        #expect(raised.allSatisfy { $0.source.kind == .inspection && $0.source.record == inspection.reference })
        let streams = try await Records(store: store).all(WorkStream.self, as: qaLead).map(\.value)
        #expect(Set(streams.map(\.theme)) == [.missingChildren, .exploitation])
    }

    @Test func aSurveysResultsBecomeItsMeasuresObservationsAndItIsEvidenceOfImpact() async throws {
        let store = InMemoryStore()
        let quarter = try ReportingPeriod(parsing: "FY2025-26-Q4")
        let survey = Survey(
            id: "cyp-q4",
            stream: .childrenAndFamilies,
            audience: "Children on child protection plans",
            period: quarter,
            responses: 142,
            findings: ["Most feel safer since their plan began."],
            results: ["children-feel-safer": 61.5]
        )
        let service = activity(store)
        await #expect(throws: DomainError(.invalidInput, "survey cyp-q4 has 0 responses; expected at least 1")) {
            var empty = survey
            empty.responses = 0
            try await service.record(empty, by: qaLead)
        }
        await #expect(
            throws: DomainError(
                .invalidInput,
                "survey cyp-q4: the result for children-feel-safer is -3.0; expected a number of 0 or more"
            )
        ) {
            var negative = survey
            negative.results = ["children-feel-safer": -3]
            try await service.record(negative, by: qaLead)
        }
        try await service.record(survey, by: qaLead)
        let series = try await store.observationSeries(matching: ObservationQuery(measures: ["children-feel-safer"]))
        #expect(series.first?.points == [SeriesPoint(period: quarter, value: 61.5)])
        // Recorded twice: refused, and its figure is not written again.
        await #expect(throws: DomainError.self) { try await service.record(survey, by: qaLead) }
        let evidence = survey.evidence("61.5% of children feel safer, up from 54%.")
        #expect(evidence.kind == .childrenAndFamiliesSurvey && evidence.reference == survey.reference)
        #expect(Survey.Stream.learningImpact.evidenceKind == .trainingEvaluation)
        #expect(Survey.Stream.allCases.count == 4)
    }
}
