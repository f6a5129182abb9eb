import AssuranceTesting
import Domain
import Foundation
import Section11
import Testing

/// Section 11 in the one chain: an agency's re-rating as evidence of impact, and a standard moved
/// to green as good practice, at its edges.
struct Section11ChainTests {
    let qaLead = PartnershipScenario.qaLead
    let policeLead = PartnershipScenario.policeLead
    let ids = IDGenerator.incrementing

    func service(_ store: InMemoryStore, _ day: String) -> SelfAssessments {
        SelfAssessments(environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture(day)), ids: ids))
    }

    func respond(
        _ ratings: [CriterionCode: RatingCode],
        to id: SelfAssessment.ID,
        with service: SelfAssessments
    )
        async throws
    {
        for (criterion, rating) in ratings.sorted(by: { $0.key < $1.key }) {
            let actions =
                rating == "green"
                ? nil
                : [
                    AssessmentAction(
                        id: "a",
                        text: "Close the gap on \(criterion)",
                        owner: "Lead",
                        dueOn: .fixture("2026-03-31")
                    )
                ]
            try await service.respond(
                CriterionResponse(criterion: criterion, selfRating: rating, actions: actions),
                to: id,
                by: policeLead
            )
        }
    }

    /// The police's returns to two cycles a year apart, with the ratings given.
    func twoCycles(
        _ store: InMemoryStore,
        first: [CriterionCode: RatingCode],
        second: [CriterionCode: RatingCode]
    ) async throws -> (SelfAssessment.ID, SelfAssessment.ID) {
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        let opening = service(store, "2025-05-01")
        try await opening.save(testSet, by: qaLead)
        let cycle = try await opening.openCycle(
            name: "Section 11 2025",
            standardSet: testSet.id,
            cadence: .yearly,
            issuedOn: .fixture("2025-05-01"),
            returnDeadline: .fixture("2025-06-30"),
            invite: [PartnershipScenario.police],
            by: qaLead
        )
        let before = try #require(try await opening.assessments(in: cycle.id, as: qaLead).first).value.id
        let june = service(store, "2025-06-02")
        try await respond(first, to: before, with: june)
        try await june.submit(before, by: policeLead)
        let reopening = service(store, "2026-05-01")
        let next = try await reopening.openCycle(
            name: "Section 11 2026",
            standardSet: testSet.id,
            cadence: .yearly,
            issuedOn: .fixture("2026-05-01"),
            returnDeadline: .fixture("2026-06-30"),
            invite: [PartnershipScenario.police],
            previous: cycle.id,
            by: qaLead
        )
        let after = try #require(try await reopening.assessments(in: next.id, as: qaLead).first).value.id
        let laterJune = service(store, "2026-06-02")
        try await respond(second, to: after, with: laterJune)
        try await laterJune.submit(after, by: policeLead)
        return (before, after)
    }

    @Test func aReRatingIsEvidenceOfImpactJudgedByTheMove() async throws {
        let store = InMemoryStore()
        let (before, after) = try await twoCycles(
            store,
            first: ["1.1": "amber", "1.2": "red", "7.1": "amber"],
            second: ["1.1": "green", "1.2": "amber", "7.1": "amber"]
        )
        let earlier = try await Records(store: store).require(SelfAssessment.self, id: before, as: qaLead).value
        let recording = service(store, "2026-06-10")
        let embedded = try await recording.recordReRating(
            of: earlier.trackingRecommendationID(for: "1.1"),
            criterion: "1.1",
            in: after,
            by: qaLead
        )
        #expect(embedded.judgement == .embedded)
        #expect(embedded.source == RecordReference(type: SelfAssessment.recordType, id: after.retyped()))
        #expect(
            embedded.evidence.map(\.summary) == ["Criterion 1.1 re-rated green from amber in assessment \(after)."]
        )
        #expect(embedded.evidence.map(\.kind) == [.reRating])
        let progressing = try await recording.recordReRating(
            of: earlier.trackingRecommendationID(for: "1.2"),
            criterion: "1.2",
            in: after,
            by: qaLead
        )
        #expect(progressing.judgement == .progressing)
        let same = try await recording.recordReRating(
            of: earlier.trackingRecommendationID(for: "7.1"),
            criterion: "7.1",
            in: after,
            by: qaLead
        )
        #expect(same.judgement == .notAchieved)

        // The recommendation closes on the re-rating; one rated no better cannot.
        let tracker = ActionTracker(
            environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture("2026-06-11")))
        )
        #expect(
            try await tracker.closeRecommendation(earlier.trackingRecommendationID(for: "1.1"), by: qaLead).status
                == .closed
        )
        await #expect(throws: DomainError.self) {
            try await tracker.closeRecommendation(earlier.trackingRecommendationID(for: "7.1"), by: qaLead)
        }
    }

    @Test func aReRatingMustComeFromALaterReturnThatRatesTheCriterion() async throws {
        let store = InMemoryStore()
        let (before, after) = try await twoCycles(
            store,
            first: ["1.1": "amber", "1.2": "green", "7.1": "green"],
            second: ["1.1": "green", "1.2": "green", "7.1": "green"]
        )
        let earlier = try await Records(store: store).require(SelfAssessment.self, id: before, as: qaLead).value
        let recommendation = earlier.trackingRecommendationID(for: "1.1")
        let recording = service(store, "2026-06-10")
        await #expect(
            throws: DomainError(
                .invalidInput,
                "assessment \(before) is the return recommendation \(recommendation) came from; re-rate in a later one"
            )
        ) {
            try await recording.recordReRating(of: recommendation, criterion: "1.1", in: before, by: qaLead)
        }
        await #expect(
            throws: DomainError(
                .invalidInput,
                "assessment \(after) does not rate criterion 9.9; expected a rating on the scale \(testSet.scale.name)"
            )
        ) {
            try await recording.recordReRating(of: recommendation, criterion: "9.9", in: after, by: qaLead)
        }
        try await recording.returnForRework(after, reason: "Evidence for 1.1 is missing.", by: qaLead)
        await #expect(
            throws: DomainError(
                .invalidInput,
                "assessment \(after) is returned; a re-rating counts as evidence once the assessment is returned"
            )
        ) {
            try await recording.recordReRating(of: recommendation, criterion: "1.1", in: after, by: qaLead)
        }
        #expect(try await Records(store: store).all(ImpactRecord.self, as: qaLead).isEmpty)
    }

    @Test func aStandardMovedToGreenIsGoodPracticeFromTheReturnForTwelveMonths() async throws {
        let store = InMemoryStore()
        _ = try await twoCycles(
            store,
            first: ["1.1": "amber", "1.2": "green", "7.1": "green"],
            second: ["1.1": "green", "1.2": "green", "7.1": "green"]
        )
        let cycle = try #require(
            try await Records(store: store).all(AssessmentCycle.self, as: qaLead).map(\.value).first {
                $0.name == "Section 11 2026"
            }
        )
        let key = "\(cycle.id)|1"
        let rule = StandardMovedToGreenRule(months: 12)
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2026-06-02"), in: store)
                == RuleBoundary(dayBefore: [], day: [key], dayAfter: [key])
        )
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2027-06-02"), in: store)
                == RuleBoundary(dayBefore: [key], day: [], dayAfter: [])
        )
        let finding = try #require(
            try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2026-07-01")).first
        )
        #expect(finding.severity == .goodPractice)
        #expect(
            finding.message
                == "Constabulary now rates every criterion of standard 1 (Leadership) green in Section 11 2026, where it did not in the cycle before."
        )
        #expect(finding.themes == [.governance])
    }
}

/// The Section 11 returns the cycle reminds agencies of.
struct Section11DeadlineTests {
    let qaLead = PartnershipScenario.qaLead
    let policeLead = PartnershipScenario.policeLead

    @Test func aReturnIsOwedByItsDeadlineAndAReworkedOneTenWorkingDaysAfterItWasReturned() async throws {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        let service = SelfAssessments(
            environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-05-01")), ids: .incrementing)
        )
        try await service.save(testSet, by: qaLead)
        let cycle = try await service.openCycle(
            name: "Section 11 2025",
            standardSet: testSet.id,
            cadence: .yearly,
            issuedOn: .fixture("2025-05-01"),
            returnDeadline: .fixture("2025-06-30"),
            invite: [PartnershipScenario.police],
            by: qaLead
        )
        let police = try #require(try await service.assessments(in: cycle.id, as: qaLead).first).value.id
        let module = Section11Module()
        func owed(on day: String) async throws -> [String] {
            try await module.deadlines(in: AssuranceView(store: store), on: .fixture(day)).map {
                "\($0.what) \($0.dueOn)"
            }
        }
        #expect(try await owed(on: "2025-06-01") == ["Constabulary's return to Section 11 2025 2025-06-30"])
        #expect(try await owed(on: "2025-07-01").isEmpty, "an overdue return is a finding, not a reminder")
        let june = SelfAssessments(
            environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-06-02")))
        )
        for criterion: CriterionCode in ["1.1", "1.2", "7.1"] {
            try await june.respond(
                CriterionResponse(criterion: criterion, selfRating: "green"),
                to: police,
                by: policeLead
            )
        }
        try await june.submit(police, by: policeLead)
        #expect(try await owed(on: "2025-06-03").isEmpty)
        try await june.returnForRework(police, reason: "Evidence is missing for 1.1.", by: qaLead)
        // Returned on Monday 2 June; ten working days later is Monday 16 June.
        #expect(
            try await owed(on: "2025-06-03") == [
                "Constabulary's return to Section 11 2025, resubmitted after rework 2025-06-16"
            ]
        )
    }
}
