import AssuranceTesting
import Domain
import Learning
import Testing

struct LearningFlowTests {
    let lead = PartnershipScenario.qaLead
    let ids = IDGenerator.incrementing

    func environment(_ store: InMemoryStore, _ day: String) -> AssuranceEnvironment {
        AssuranceEnvironment(store: store, clock: .fixed(.fixture(day)), ids: ids)
    }

    func framework(_ store: InMemoryStore, _ day: String) throws -> AssuranceFramework {
        try AssuranceFramework(modules: [LearningModule()], environment: environment(store, day), escalation: .never)
    }

    /// A rapid review, the local review it leads to, and an audit each make a recommendation on neglect;
    /// all three land in one work stream, whose chain is then followed through to impact.
    @Test func threeSourcesOneWorkStreamFollowedToImpact() async throws {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2025-01-01")).save(into: Records(store: store))
        let learning = LearningTracker(environment: environment(store, "2025-06-02"))
        let rapid = try await learning.open(
            Review(
                id: "rr-1",
                kind: .rapidReview,
                title: "Rapid review: infant injury",
                caseReference: "CASE-0101",
                milestones: [
                    .localAuthorityAware: .fixture("2025-03-03"), .notificationSent: .fixture("2025-03-07"),
                    .rapidReviewSent: .fixture("2025-03-27"),
                ],
                themes: [.neglect]
            ),
            by: lead
        )
        let local = try await learning.open(
            Review(
                id: "lcspr-1",
                kind: .localChildSafeguardingPracticeReview,
                title: "Local review: infant injury",
                milestones: [.decisionToInitiate: .fixture("2025-04-10"), .reportToPartners: .fixture("2025-05-20")],
                follows: rapid.id,
                themes: [.neglect]
            ),
            by: lead
        )
        func recommendation(
            _ id: String,
            _ kind: Recommendation.Source.Kind,
            _ record: RecordReference,
            _ title: String
        ) -> Recommendation {
            Recommendation(
                id: Recommendation.ID(rawValue: id)!,
                source: Recommendation.Source(kind, record: record, title: title),
                text: "Improve the recognition of neglect (\(id)).",
                ownerAgency: PartnershipScenario.council,
                themes: [.neglect],
                raisedOn: .fixture("2025-06-02"),
                dueOn: .fixture("2025-12-31")
            )
        }
        let stream = try #require(
            try await learning.tracker.raise(recommendation("rec-rr", .review, rapid.reference, rapid.title), by: lead)
                .1
        )
        let same = try await learning.tracker.raise(
            recommendation("rec-lcspr", .review, local.reference, local.title),
            by: lead
        )
        .1
        #expect(same?.id == stream.id)
        // An audit's recommendation arrives as a Domain record; Learning places it without importing Audit.
        let audit = RecordReference(type: "audit.audit", id: "a-neglect")
        try await Records(store: store).save(
            recommendation("rec-audit", .audit, audit, "Neglect thematic audit"),
            version: 0,
            by: lead
        )
        let placed = try await learning.placeNewRecommendations(by: lead)
        #expect(placed.map(\.id) == [stream.id])
        #expect(placed.first?.recommendations == ["rec-rr", "rec-lcspr", "rec-audit"])
        let confirmed = try await learning.confirm("rec-audit", in: stream.id, by: lead)
        #expect(confirmed.members.last?.confirmed == true)

        // Actions, dissemination and impact.
        var actions: [TrackedAction] = []
        for id in ["rec-rr", "rec-lcspr", "rec-audit"] {
            actions.append(
                try await learning.tracker.addAction(
                    "Neglect toolkit training (\(id))",
                    to: Recommendation.ID(rawValue: id)!,
                    owner: PartnershipScenario.council,
                    lead: "Principal social worker",
                    startOn: .fixture("2025-06-02"),
                    dueOn: .fixture("2025-09-30"),
                    by: lead
                )
            )
        }
        #expect(actions.allSatisfy { $0.workStream == stream.id })
        try await learning.tracker.update(actions[0].id, status: .onTrack, "Sessions booked.", by: lead)
        try await learning.tracker.complete(
            actions[0].id,
            evidence: [EvidenceReference(.document, title: "Attendance register")],
            note: "Delivered.",
            by: lead
        )
        await #expect(
            throws: DomainError(
                .invalidTransition,
                "recommendation rec-rr has no evidence that practice changed as the partnership requires (embedded); "
                    + "record its impact before closing it"
            )
        ) {
            try await learning.tracker.closeRecommendation("rec-rr", by: lead)
        }
        try await learning.publish(
            LearningProduct(
                id: "brief-1",
                kind: .learningBriefing,
                title: "Seven-minute briefing: neglect",
                drawsOn: [rapid.reference, local.reference, audit],
                audiences: [.role("designated safeguarding leads")],
                issuedOn: .fixture("2025-06-20"),
                reach: .init(issued: 400, opened: 230)
            ),
            by: lead
        )
        for id in ["rec-rr", "rec-lcspr", "rec-audit"] {
            try await learning.tracker.recordImpact(
                of: Recommendation.ID(rawValue: id)!,
                judgement: .embedded,
                evidence: [
                    ImpactRecord.Evidence(
                        kind: .reAudit,
                        summary: "Re-audit: neglect recognised in 9 of 10 cases.",
                        reference: audit
                    )
                ],
                by: lead
            )
        }
        let closed = try await learning.tracker.closeRecommendation("rec-rr", by: lead)
        #expect(closed.status == .closed)
        #expect(closed.closingNote == "Impact embedded: Re-audit: neglect recognised in 9 of 10 cases.")

        // A view reads its records once: each look at the chains is a new view.
        func chains() async throws -> [LearningChain] {
            let view = AssuranceView(store: store)
            return try await LearningChain.chains(in: view)
        }
        // Until every recommendation is closed on its impact, the other two chains stop at closing.
        #expect(try await chains().map(\.brokenAt) == [.closed, .closed, nil])
        for id in ["rec-lcspr", "rec-audit"] {
            try await learning.tracker.closeRecommendation(Recommendation.ID(rawValue: id)!, by: lead)
        }
        let whole = try await chains()
        #expect(whole.map(\.source.id) == ["a-neglect", "lcspr-1", "rr-1"])
        #expect(whole.map(\.brokenAt) == [nil, nil, nil])
        #expect(whole.first { $0.source.id == "rr-1" }?.actionsCompleted == 1)
    }

    @Test func whereAChainBreaks() {
        let review = Review(
            id: "r",
            kind: .localLearningReview,
            title: "r",
            milestones: [.reportToPartners: .fixture("2025-01-01")]
        )
        let recommendation = Recommendation(
            id: "rec",
            source: .init(.review, record: review.reference, title: "r"),
            text: "t",
            raisedOn: .fixture("2025-01-01")
        )
        #expect(
            LearningChain.chains(reviews: [review], recommendations: [], actions: [], products: [], impact: []).first?
                .brokenAt == .recommendation
        )
        #expect(
            LearningChain.chains(
                reviews: [review],
                recommendations: [recommendation],
                actions: [],
                products: [],
                impact: []
            ).first?.brokenAt == .workStream
        )
        var stream = WorkStream(id: "w", theme: .neglect, title: "Neglect")
        stream.members = [WorkStream.Member(recommendation: "rec", match: .theme, confirmed: true)]
        #expect(
            LearningChain.chains(
                reviews: [review],
                recommendations: [recommendation],
                streams: [stream],
                actions: [],
                products: [],
                impact: []
            ).first?.brokenAt == .action
        )
        let open = Review(id: "o", kind: .localLearningReview, title: "o")
        #expect(
            LearningChain.chains(reviews: [open], recommendations: [], actions: [], products: [], impact: []).first?
                .brokenAt == .learning
        )
    }
}
