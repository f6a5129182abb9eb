import AssuranceTesting
import Domain
import Learning
import Testing

/// Reviews beyond their clocks: the reviewer, the agencies taking part and their contributions, the
/// decision on the route, and child protection clocks recorded for a case.
struct ReviewsInFullTests {
    let lead = PartnershipScenario.qaLead
    let police = PartnershipScenario.police
    let council = PartnershipScenario.council

    func learning(_ store: InMemoryStore, _ day: String) -> LearningTracker {
        LearningTracker(
            environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture(day)), ids: .incrementing)
        )
    }

    func openReview(_ store: InMemoryStore) async throws -> Review {
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        return try await learning(store, "2025-05-01").open(
            Review(
                id: "rr-1",
                kind: .rapidReview,
                title: "Rapid review 2025-001",
                milestones: [.localAuthorityAware: .fixture("2025-04-28")],
                themes: [.neglect]
            ),
            by: lead
        )
    }

    @Test func theReviewerIsAppointedWithTheDayThePartnersAgreed() async throws {
        let store = InMemoryStore()
        let review = try await openReview(store)
        let appointed = try await learning(store, "2025-05-02").appoint(
            reviewer: "Independent reviewer A",
            agreedOn: .fixture("2025-05-02"),
            for: review.id,
            by: lead
        )
        #expect(appointed.reviewer == "Independent reviewer A")
        #expect(appointed.reviewerAgreedOn == .fixture("2025-05-02"))
        let history = try await Records(store: store).history(of: Review.self, id: review.id, as: lead)
        #expect(history.count == 2)
    }

    @Test func aLateChronologyFiresTheDayAfterItIsDueAndClearsWhenItArrives() async throws {
        let store = InMemoryStore()
        let review = try await openReview(store)
        let tracker = learning(store, "2025-05-01")
        try await tracker.addParticipants(
            [
                Review.Participant(
                    agency: police,
                    chronologyDue: .fixture("2025-05-09"),
                    summaryDue: .fixture("2025-05-16")
                ),
                Review.Participant(agency: council, chronologyDue: .fixture("2025-05-09")),
            ],
            to: review.id,
            by: lead
        )
        try await tracker.recordContribution(
            .chronology,
            from: council,
            for: review.id,
            on: .fixture("2025-05-08"),
            by: lead
        )
        let rule = ContributionLateRule()
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-05-09"), in: store)
                == .firesAfter(["rr-1|police|chronology"])
        )
        let finding = try #require(
            try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-05-12")).first
        )
        #expect(
            finding.message
                == "Constabulary's chronology for Rapid review 2025-001 was due on 2025-05-09 and has not been received."
        )
        #expect(finding.level == .agency && finding.agency == police)
        // The police's summary is still owed: a deadline, reminded before it falls due.
        let owed = try await LearningModule().deadlines(in: AssuranceView(store: store), on: .fixture("2025-05-12"))
        #expect(
            owed.filter { $0.kind == .reviewContribution }.map(\.what) == [
                "Constabulary's summary for Rapid review 2025-001"
            ]
        )
        try await tracker.recordContribution(
            .chronology,
            from: police,
            for: review.id,
            on: .fixture("2025-05-12"),
            by: lead
        )
        #expect(try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-05-12")).isEmpty)
        await #expect(
            throws: DomainError(
                .invalidInput,
                "agency school-north is not taking part in review rr-1; add it before recording its summary"
            )
        ) {
            try await tracker.recordContribution(
                .summary,
                from: PartnershipScenario.school,
                for: review.id,
                on: .fixture("2025-05-12"),
                by: lead
            )
        }
    }

    @Test func aDecisionRecordsTheCriteriaTheReasonsAndTheRoute() async throws {
        let store = InMemoryStore()
        let review = try await openReview(store)
        let tracker = learning(store, "2025-05-20")
        await #expect(
            throws: DomainError(
                .invalidInput,
                "the decision on review rr-1 needs its reasons: why the criteria are met or not"
            )
        ) {
            try await tracker.recordDecision(criteriaMet: false, reasons: " ", route: nil, for: review.id, by: lead)
        }
        let decided = try await tracker.recordDecision(
            criteriaMet: false,
            reasons: "No new national learning; the learning is local and about two agencies working together.",
            route: .localLearningReview,
            for: review.id,
            by: lead
        )
        #expect(
            decided.decision
                == Review.Decision(
                    on: .fixture("2025-05-20"),
                    by: lead.id,
                    criteriaMet: false,
                    reasons: "No new national learning; the learning is local and about two agencies working together.",
                    route: .localLearningReview
                )
        )
    }

    @Test func aChildProtectionClockForACaseIsRemindedThenOverdueThenStopped() async throws {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        let tracker = learning(store, "2025-05-20")
        // The strategy discussion on Tuesday 20 May 2025: the initial conference is due 15 working
        // days later, past the spring bank holiday on 26 May: Wednesday 11 June.
        let clock = try await tracker.startCaseClock(
            "initial-conference",
            for: "CASE-0042",
            agency: council,
            on: .fixture("2025-05-20"),
            by: lead
        )
        #expect(clock.dueOn == .fixture("2025-06-11"))
        let owed = try await LearningModule().deadlines(in: AssuranceView(store: store), on: .fixture("2025-06-01"))
        #expect(owed.map(\.what) == ["Initial child protection conference for case CASE-0042"])
        let rule = CaseClockOverdueRule()
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-06-11"), in: store)
                == .firesAfter([clock.id.rawValue])
        )
        try await learning(store, "2025-06-13").stopCaseClock(clock.id, on: .fixture("2025-06-13"), by: lead)
        #expect(try await RuleBoundary.probe(rule, around: .fixture("2025-06-11"), in: store) == .firesAfter([]))
        await #expect(
            throws: DomainError(
                .invalidInput,
                "case clock \(clock.id) started on 2025-05-20; it cannot stop earlier, on 2025-05-19"
            )
        ) {
            try await tracker.stopCaseClock(clock.id, on: .fixture("2025-05-19"), by: lead)
        }
        await #expect(
            throws: DomainError(
                .invalidInput,
                "clock rapid-review runs for reviews (its start is a review's milestone), not for a case"
            )
        ) {
            try await tracker.startCaseClock(
                "rapid-review",
                for: "CASE-0042",
                agency: nil,
                on: .fixture("2025-05-20"),
                by: lead
            )
        }
        await #expect(throws: DomainError.self) {
            try await tracker.startCaseClock(
                "no-such-clock",
                for: "CASE-0042",
                agency: nil,
                on: .fixture("2025-05-20"),
                by: lead
            )
        }
    }

    /// Only timescales set by statute or guidance are encoded.
    ///
    /// Fact: of the review kinds, statute or national guidance sets timescales for rapid reviews
    /// (Children Act 2004 s16C(1); the Panel's FAQ) and local child safeguarding practice reviews
    /// (Working Together); for domestic homicide reviews and child death reviews their own guidance
    /// does; for the rest any clock is local. Source: domain-facts §1.2 and §1.2a.
    @Test func everyReviewKindSaysWhereItsTimescalesAreSetAndOnlyThoseSetAreEncoded() {
        for kind in ReviewKind.allCases { #expect(!kind.timescaleSource.isEmpty) }
        let encoded = Set(StatutoryClock.starter.flatMap(\.appliesTo))
        #expect(encoded == [.rapidReview, .localChildSafeguardingPracticeReview])
        #expect(ReviewKind.domesticHomicideReview.timescaleSource.contains("Section 5"))
        #expect(ReviewKind.safeguardingAdultReview.timescaleSource.contains("local default"))
    }
}
