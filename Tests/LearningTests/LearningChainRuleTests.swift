import AssuranceTesting
import Domain
import Foundation
import Learning
import Testing

/// The Learning rules of the one chain at their edges.
struct LearningChainRuleTests {
    let lead = PartnershipScenario.qaLead

    func tracker(_ store: InMemoryStore, _ day: String) -> ActionTracker {
        ActionTracker(environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture(day)), ids: .incrementing))
    }

    func recommendation(_ id: Recommendation.ID, themes: [Theme], raisedOn: String = "2025-04-01") -> Recommendation {
        Recommendation(
            id: id,
            source: .init(.review, title: "Rapid review A"),
            text: "Recommendation \(id).",
            themes: themes,
            raisedOn: .fixture(raisedOn)
        )
    }

    @Test func aRecommendationClosedOnEmbeddedImpactIsGoodPracticeForTwelveMonths() async throws {
        let store = InMemoryStore()
        try await tracker(store, "2025-04-01").raise(recommendation("embedded", themes: [.neglect]), by: lead)
        try await tracker(store, "2025-04-01").raise(recommendation("progressing", themes: [.neglect]), by: lead)
        let judging = tracker(store, "2025-09-01")
        for (id, judgement) in [("embedded", ImpactRecord.Judgement.embedded), ("progressing", .progressing)] {
            try await judging.recordImpact(
                of: Recommendation.ID(rawValue: id)!,
                judgement: judgement,
                evidence: [.init(kind: .reAudit, summary: "Re-audit: \(judgement).")],
                by: lead
            )
        }
        let closing = tracker(store, "2025-09-10")
        try await closing.closeRecommendation("embedded", by: lead)
        // The starter framework closes a recommendation on a change embedded only.
        await #expect(
            throws: DomainError(
                .invalidTransition,
                "recommendation progressing has no evidence that practice changed as the partnership requires "
                    + "(embedded); record its impact before closing it"
            )
        ) {
            try await closing.closeRecommendation("progressing", by: lead)
        }
        // A partnership whose framework accepts a change in progress closes it.
        let accepting = ActionTracker(
            environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-09-10")), ids: .incrementing),
            closesOn: [.embedded, .progressing]
        )
        #expect(
            try await accepting.closeRecommendation("progressing", by: lead).closingNote?.hasPrefix(
                "Impact progressing"
            ) == true
        )
        let rule = ImpactEvidencedRule(months: 12)
        // Only the change judged embedded is good practice, from the day it closed.
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-09-10"), in: store)
                == RuleBoundary(dayBefore: [], day: ["embedded"], dayAfter: ["embedded"])
        )
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2026-09-10"), in: store)
                == RuleBoundary(dayBefore: ["embedded"], day: [], dayAfter: [])
        )
        let finding = try #require(
            try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-10-01")).first
        )
        #expect(finding.severity == .goodPractice)
        #expect(
            finding.message
                == "Rapid review A: \"Recommendation embedded.\" closed on 2025-09-10; the change is embedded: Re-audit: embedded."
        )
    }

    @Test func anUnthemedRecommendationIsFoundFromTheDayItIsRaisedUntilItHasATheme() async throws {
        let store = InMemoryStore()
        let (raised, stream) = try await tracker(store, "2025-05-01").raise(
            recommendation("bare", themes: [], raisedOn: "2025-05-01"),
            by: lead
        )
        #expect(stream == nil)
        #expect(try await Records(store: store).all(WorkStream.self, as: lead).isEmpty)
        let rule = RecommendationWithoutThemeRule()
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-05-01"), in: store)
                == RuleBoundary(dayBefore: [], day: ["bare"], dayAfter: ["bare"])
        )
        let finding = try #require(
            try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-05-01")).first
        )
        #expect(finding.level == .subGroup)
        #expect(
            finding.message
                == "Rapid review A: \"Recommendation bare.\" has no theme, so it is in no work stream; give it a theme."
        )
        try await Records(store: store).modify(Recommendation.self, id: raised.id, by: lead) { $0.themes = [.neglect] }
        #expect(try await RuleBoundary.probe(rule, around: .fixture("2025-05-01"), in: store).dayAfter.isEmpty)
    }
}

/// What the tracker and the reviews remind people of.
struct LearningDeadlineTests {
    let lead = PartnershipScenario.qaLead

    @Test func openActionsAndRunningReviewClocksAreOwed() async throws {
        let store = InMemoryStore()
        let environment = AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-03-03")), ids: .incrementing)
        let learning = LearningTracker(environment: environment)
        try await learning.open(
            Review(
                id: "rr-1",
                kind: .rapidReview,
                title: "Rapid review A",
                milestones: [.localAuthorityAware: .fixture("2025-03-03")]
            ),
            by: lead
        )
        let (recommendation, _) = try await learning.tracker.raise(
            Recommendation(
                id: "rec-1",
                source: .init(.review, title: "Rapid review A"),
                text: "Share information.",
                themes: [.informationSharing],
                raisedOn: .fixture("2025-03-03")
            ),
            by: lead
        )
        let action = try await learning.tracker.addAction(
            "Agree a protocol",
            to: recommendation.id,
            owner: PartnershipScenario.council,
            lead: "Head of service",
            startOn: .fixture("2025-03-03"),
            dueOn: .fixture("2025-04-30"),
            by: lead
        )
        let owed = try await LearningModule().deadlines(in: AssuranceView(store: store), on: .fixture("2025-03-04"))
            .sorted { $0.dueOn < $1.dueOn }
        // The panel notification is due 5 working days after the local authority knew: 10 March.
        #expect(
            owed.map { "\($0.kind) \($0.what) \($0.dueOn)" } == [
                "review.clock Rapid review A: the notification being sent (serious incident notification to the national panel) 2025-03-10",
                "tracker.action The action \"Agree a protocol\" 2025-04-30",
            ]
        )
        #expect(owed.last?.agency == PartnershipScenario.council)
        try await learning.tracker.complete(action.id, evidence: [], note: "Agreed.", by: lead)
        #expect(
            try await LearningModule().deadlines(in: AssuranceView(store: store), on: .fixture("2025-03-04"))
                .map(\.kind) == [.reviewClock]
        )
    }
}

/// Where a practitioner finds a learning product.
struct LearningProductLocationTests {
    @Test func aProductFromBeforeLocationsReadsWithNoneAndANewOneKeepsItsOwn() throws {
        #expect(LearningProduct.schemaVersion == 2)
        let migration = try #require(LearningProduct.migrations.first { $0.from == 1 })
        let version1 = try JSONValue.decode(
            Data(
                #"{"id":"p1","kind":"podcast","title":"Learning from a review","drawsOn":[],"audiences":[],"reach":{}}"#
                    .utf8
            )
        )
        let migrated = try migration.migrate(version1)
        let read = try JSONDecoder().decode(LearningProduct.self, from: try JSONEncoder().encode(migrated))
        #expect(read.location == nil)
        var product = read
        product.location = "https://partnership.example.org/learning/p1"
        let again = try JSONDecoder().decode(LearningProduct.self, from: try JSONEncoder().encode(product))
        #expect(again.location == "https://partnership.example.org/learning/p1")
    }
}
