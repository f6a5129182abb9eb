import AssuranceTesting
import Audit
import Domain
import Foundation
import Learning
import Measures
import Reporting
import Section11
import Testing

/// The one chain, end to end, for each kind of source: a finding from an audit, a review, a Section
/// 11 return, a scrutiny session and a data signal drawn into its theme's work stream, acted on,
/// judged by evidence of impact from the source's own kind of judgement, and closed; then the
/// balanced report's good practice from every module and its learning loop showing each chain whole.
///
/// Fact: "nothing learned is lost": improvement work is drawn into themed work streams to avoid
/// duplicative action plans, and the learning loop is closed only on evidence of impact.
/// Source: Devon SCP Quality Assurance Framework, "The Role of the Devon SCP Business Team" and
/// "Closing the Learning Loop and Monitoring the Impact of Change".
struct OneChainTests {
    let qaLead = PartnershipScenario.qaLead
    let policeLead = PartnershipScenario.policeLead

    /// A two-standard Section 11 set, themed.
    static let set: StandardSet = try! StandardSet(
        id: "chain-set-v1",
        family: "chain-set",
        version: 1,
        name: "Chain set",
        duty: .section11,
        standards: [
            Standard(
                code: "1",
                title: "Leadership",
                criteria: [Criterion(code: "1.1", text: "A named lead.")],
                themes: [.governance]
            ),
            Standard(
                code: "2",
                title: "Information sharing",
                criteria: [Criterion(code: "2.1", text: "Shares information promptly.", themes: [.informationSharing])]
            ),
        ]
    )

    /// Everything each source's chain needs, on an advancing day.
    struct Partnership {
        let store = InMemoryStore()
        let today = AdvancingDay(.fixture("2025-05-01"))
        let environment: AssuranceEnvironment
        let tracker: ActionTracker

        init() {
            environment = AssuranceEnvironment(store: store, clock: today.dateSource, ids: .incrementing)
            tracker = ActionTracker(environment: environment)
        }

        /// An action towards the recommendation, done with evidence.
        func act(on recommendation: Recommendation.ID, by principal: Principal) async throws -> TrackedAction {
            let action = try await tracker.addAction(
                "Deliver the change",
                to: recommendation,
                owner: PartnershipScenario.council,
                lead: "Practice lead",
                startOn: today.day,
                dueOn: today.day.adding(months: 2),
                by: principal
            )
            return try await tracker.complete(
                action.id,
                evidence: [EvidenceReference(.document, title: "Completion report")],
                note: "Done.",
                by: principal
            )
        }
    }

    @Test func everySourceKindIsFollowedToImpactAndClosedAndTheReportShowsIt() async throws {
        let partnership = Partnership()
        let (store, today, environment, tracker) = (
            partnership.store, partnership.today, partnership.environment, partnership.tracker
        )
        try await PartnershipScenario.small(from: .fixture("2025-04-01"), months: 15).save(into: Records(store: store))
        var closed: [Recommendation.Source.Kind: Recommendation.ID] = [:]

        // An audit: a recommendation about a section of the tool, judged at its challenge session.
        let audits = AuditProgramme(environment: environment)
        try await audits.plan(
            year: try ReportingPeriod(parsing: "FY2025-26"),
            audits: [
                Audit(
                    id: "a-neglect",
                    title: "Neglect thematic audit",
                    type: .multiAgencyThematic,
                    themes: [.neglect],
                    rationale: .reviewLearning,
                    lead: "QA lead",
                    agencies: [PartnershipScenario.police],
                    template: AuditTemplate.standard.id,
                    plannedFrom: .fixture("2025-05-01"),
                    plannedUntil: .fixture("2025-07-31"),
                    plannedOn: .fixture("2025-04-01"),
                    plannedBy: qaLead.id
                )
            ],
            by: qaLead
        )
        for stage in [Audit.Stage.scoping, .fieldwork, .moderation, .reported] {
            try await audits.move("a-neglect", to: stage, by: qaLead)
        }
        let fromAudit = try await audits.recommend(
            "Recognise cumulative harm earlier.",
            from: "a-neglect",
            owner: PartnershipScenario.council,
            about: "recognition",
            dueOn: .fixture("2025-09-30"),
            by: qaLead
        )
        #expect(fromAudit.themes == [.thresholds])
        let auditAction = try await partnership.act(on: fromAudit.id, by: qaLead)

        // A review: a rapid review's recommendation, judged by a re-audit.
        let learning = LearningTracker(environment: environment)
        let review = try await learning.open(
            Review(
                id: "rr-1",
                kind: .rapidReview,
                title: "Rapid review 2025-001",
                milestones: [.localAuthorityAware: .fixture("2025-04-20"), .rapidReviewSent: .fixture("2025-05-01")]
            ),
            by: qaLead
        )
        let (fromReview, reviewStream) = try await learning.tracker.raise(
            Recommendation(
                id: "rec-rr-1",
                source: .init(.review, record: review.reference, title: review.title),
                text: "Share health information before strategy discussions.",
                themes: [.informationSharing],
                raisedOn: today.day
            ),
            by: qaLead
        )
        #expect(reviewStream?.theme == .informationSharing)
        _ = try await partnership.act(on: fromReview.id, by: qaLead)

        // A scrutiny session's recommendation.
        let session = ScrutinySession(
            id: "scrutiny-qadg-1",
            group: PartnershipScenario.qadg,
            heldOn: .fixture("2025-05-01"),
            outcomes: "The group reports activity, not impact.",
            impactOnChildrenAndFamilies: "Not yet shown."
        )
        try await Records(store: store).save(session, version: 0, by: qaLead)
        let (fromScrutiny, _) = try await tracker.raise(
            Recommendation(
                id: "rec-scrutiny-1",
                source: .init(.scrutiny, record: session.reference, title: "Scrutiny of the QADG"),
                text: "Report an outcome measure each quarter.",
                themes: [.governance],
                raisedOn: today.day
            ),
            by: qaLead
        )
        _ = try await partnership.act(on: fromScrutiny.id, by: qaLead)

        // A data signal's recommendation: re-referrals, which then fall and stay lower.
        let measures = MeasureData(environment: environment)
        let rereferrals = ObservationSeries(
            measure: "re-referrals-12m",
            scope: .partnership,
            points: [24, 26, 24, 26, 24, 26, 24, 26, 24, 26, 24, 26, 18, 19, 18, 19, 18, 19, 18, 19]
                .enumerated().map {
                    SeriesPoint(period: try! ReportingPeriod.month(1, of: 2024).advanced(by: $0), value: $1)
                }
        )
        try await measures.append([rereferrals], by: qaLead)
        let series = RecordReference(type: .observationSeries, id: rereferrals.changeLogID)
        let (fromSignal, _) = try await tracker.raise(
            Recommendation(
                id: "rec-signal-1",
                source: .init(.measure, record: series, title: "Signal: re-referrals within 12 months"),
                text: "Step down only with a multi-agency plan.",
                themes: [.thresholds],
                raisedOn: today.day
            ),
            by: qaLead
        )
        _ = try await partnership.act(on: fromSignal.id, by: qaLead)

        // Section 11: the police rate 1.1 amber, with an action that joins the one tracker.
        let section11 = SelfAssessments(environment: environment)
        try await section11.save(Self.set, by: qaLead)
        let firstCycle = try await section11.openCycle(
            name: "Section 11 2025",
            standardSet: Self.set.id,
            cadence: .yearly,
            issuedOn: today.day,
            returnDeadline: .fixture("2025-06-30"),
            invite: [PartnershipScenario.police],
            by: qaLead
        )
        let before = try #require(try await section11.assessments(in: firstCycle.id, as: qaLead).first).value.id
        func answer(_ ratings: [CriterionCode: RatingCode], to assessment: SelfAssessment.ID) async throws {
            for (criterion, rating) in ratings.sorted(by: { $0.key < $1.key }) {
                let actions =
                    rating == "green"
                    ? nil
                    : [
                        AssessmentAction(
                            id: "a1",
                            text: "Name a board lead",
                            owner: "Chief officer",
                            dueOn: today.day.adding(months: 3)
                        )
                    ]
                try await section11.respond(
                    CriterionResponse(criterion: criterion, selfRating: rating, actions: actions),
                    to: assessment,
                    by: policeLead
                )
            }
            try await section11.submit(assessment, by: policeLead)
        }
        try await answer(["1.1": "amber", "2.1": "green"], to: before)
        let earlier = try await Records(store: store).require(SelfAssessment.self, id: before, as: qaLead).value
        let fromSection11 = earlier.trackingRecommendationID(for: "1.1")
        let trackedAction = try #require(earlier.response("1.1")?.actions?.first?.tracked)
        let section11Action = try await Records(store: store).require(TrackedAction.self, id: trackedAction, as: qaLead)
        #expect(section11Action.value.recommendation == fromSection11)
        #expect(section11Action.value.workStream == "ws-governance")
        try await tracker.complete(
            trackedAction,
            evidence: [EvidenceReference(.document, title: "Board minutes naming the lead")],
            note: "Lead named.",
            by: policeLead
        )

        // Judgements of impact, each from its source's own kind of evidence.
        today.set(.fixture("2025-10-01"))
        _ = try await measures.recordSustainedImprovement(
            of: fromSignal.id,
            measure: "re-referrals-12m",
            scope: .partnership,
            by: qaLead
        )
        try await learning.tracker.recordImpact(
            of: fromReview.id,
            judgement: .embedded,
            evidence: [.init(kind: .reAudit, summary: "Health attended 9 of 10 strategy discussions re-audited.")],
            by: qaLead
        )
        try await tracker.recordImpact(
            of: fromScrutiny.id,
            judgement: .embedded,
            evidence: [
                .init(kind: .other, summary: "The group now reports its outcome measure.", reference: session.reference)
            ],
            source: session.reference,
            by: qaLead
        )
        today.set(.fixture("2025-12-10"))
        try await audits.holdChallenge(
            "a-neglect",
            outcomes: [
                .init(
                    recommendation: fromAudit.id,
                    evidence: "Cumulative harm recognised in 8 of 10 cases.",
                    judgement: .embedded,
                    actions: [auditAction.id]
                )
            ],
            notes: nil,
            by: qaLead
        )
        today.set(.fixture("2026-05-01"))
        let secondCycle = try await section11.openCycle(
            name: "Section 11 2026",
            standardSet: Self.set.id,
            cadence: .yearly,
            issuedOn: today.day,
            returnDeadline: .fixture("2026-06-30"),
            invite: [PartnershipScenario.police],
            previous: firstCycle.id,
            by: qaLead
        )
        let after = try #require(try await section11.assessments(in: secondCycle.id, as: qaLead).first).value.id
        try await answer(["1.1": "green", "2.1": "green"], to: after)
        try await section11.recordReRating(of: fromSection11, criterion: "1.1", in: after, by: qaLead)

        // Each closes on its impact.
        today.set(.fixture("2026-05-10"))
        for (kind, id) in [
            (Recommendation.Source.Kind.audit, fromAudit.id), (.review, fromReview.id), (.scrutiny, fromScrutiny.id),
            (.measure, fromSignal.id), (.section11, fromSection11),
        ] {
            #expect(try await tracker.closeRecommendation(id, by: qaLead).status == .closed)
            closed[kind] = id
        }
        try await Records(store: store).save(
            VoiceRecord(
                id: "voice-1",
                speaker: .parent,
                channel: .forum,
                day: .fixture("2026-03-01"),
                consentedSummary: "Nobody told us who was coming to the meeting.",
                whatChanged: "Invitations now name everyone who will attend."
            ),
            version: 0,
            by: qaLead
        )

        // Every chain is whole.
        let view = AssuranceView(store: store)
        let chains = try await LearningChain.chains(in: view)
        #expect(Set(chains.filter { $0.brokenAt == nil }.map(\.kind)) == Set(closed.keys))
        #expect(chains.allSatisfy { $0.brokenAt == nil })

        // The cycle finds good practice in every module that judged something to have changed.
        today.set(.fixture("2026-07-01"))
        let modules: [any AssuranceModule] = [
            PartnershipModule(), Section11Module(), AuditModule(), MeasuresModule(), LearningModule(),
        ]
        let framework = try AssuranceFramework(modules: modules, environment: environment, escalation: .never)
        let outcome = try await framework.runCycle(on: today.day, by: qaLead)
        let goodPractice = Set(outcome.raised.filter { $0.severity == .goodPractice }.map(\.rule))
        #expect(
            goodPractice.isSuperset(of: [
                .auditLearningEmbedded, .learningImpactEvidenced, .section11StandardMovedToGreen,
                .partnershipVoiceChangedPractice,
            ])
        )

        // And the balanced report's learning loop, in the data pack that carries its detail, shows a
        // closed chain of each kind.
        let report = try await StandardReports(framework: framework).make(
            ReportRequest(
                kind: .dataPack,
                period: try ReportingPeriod(parsing: "FY2026-27-Q1"),
                audience: .partnership,
                day: today.day
            ),
            as: PartnershipScenario.partnershipLead
        )
        let closedChains = report.sections.flatMap(\.blocks).compactMap { block -> TableBlock? in
            if case .table(let table) = block, table.caption.hasPrefix("Chains closed on evidence of impact") {
                return table
            }
            return nil
        }.first
        let kinds = try #require(closedChains).rows.compactMap { row -> String? in
            if case .text(let kind) = row.first { return kind }
            return nil
        }
        #expect(Set(kinds) == ["Audit", "Review", "Section 11", "Scrutiny", "Data signal"])
    }
}
