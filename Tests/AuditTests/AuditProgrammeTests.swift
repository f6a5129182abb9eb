import AssuranceTesting
import Audit
import Domain
import Foundation
import Testing

/// The audit programme's every step and every refusal, and its part in the one chain: themed
/// recommendations, challenge sessions and re-audits as evidence of impact.
struct AuditProgrammeTests {
    let qaLead = PartnershipScenario.qaLead
    let ids = IDGenerator.incrementing
    let year = try! ReportingPeriod(parsing: "FY2025-26")

    func programme(_ store: InMemoryStore, _ day: String) -> AuditProgramme {
        AuditProgramme(environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture(day)), ids: ids))
    }

    func audit(
        _ id: Audit.ID,
        themes: [Theme] = [.neglect],
        from: String = "2025-05-01",
        until: String = "2025-07-31"
    )
        -> Audit
    {
        Audit(
            id: id,
            title: "Audit \(id)",
            type: .multiAgencyThematic,
            themes: themes,
            rationale: .data,
            lead: "QA lead",
            agencies: [PartnershipScenario.police],
            template: AuditTemplate.standard.id,
            plannedFrom: .fixture(from),
            plannedUntil: .fixture(until),
            plannedOn: .fixture("2025-04-01"),
            plannedBy: qaLead.id
        )
    }

    /// Cases of an audit with moderated overall grades.
    func grade(_ audit: Audit.ID, _ levels: [RatingCode], in store: InMemoryStore) async throws {
        var batch = RecordBatch()
        for (index, level) in levels.enumerated() {
            var auditCase = AuditCase(
                id: AuditCase.ID(rawValue: "\(audit)-c\(index)")!,
                audit: audit,
                caseReference: CaseReference(rawValue: "CASE-\(audit)-\(index)")!,
                selection: .random,
                agencies: [PartnershipScenario.police]
            )
            auditCase.overall = Grade(level: level, rationale: "Moderated.")
            try batch.save(auditCase, version: 0)
        }
        try await Records(store: store).commit(batch, by: qaLead)
    }

    // MARK: The forward plan

    @Test func aPlanCoversAYearAndEveryWindowMustStartBeforeItEnds() async throws {
        let service = programme(InMemoryStore(), "2025-04-01")
        await #expect(throws: DomainError(.invalidInput, "an audit plan covers a year; FY2025-26-Q1 is a quarter")) {
            try await service.plan(year: try ReportingPeriod(parsing: "FY2025-26-Q1"), audits: [], by: qaLead)
        }
        await #expect(
            throws: DomainError(.invalidInput, "audit back's window ends (2025-05-01) before it starts (2025-06-01)")
        ) {
            try await service.plan(
                year: year,
                audits: [audit("back", from: "2025-06-01", until: "2025-05-01")],
                by: qaLead
            )
        }
    }

    @Test func aRevisionNeedsANoteAndKeepsWhatThePlanWasWithTheCancellationsReasons() async throws {
        let store = InMemoryStore()
        let plan = try await programme(store, "2025-04-01").plan(year: year, audits: [audit("a1")], by: qaLead)
        #expect(plan.id == "plan-FY2025-26")
        let service = programme(store, "2025-06-01")
        await #expect(
            throws: DomainError(.invalidInput, "a revision of plan plan-FY2025-26 needs a note of what changed and why")
        ) {
            try await service.revise(plan.id, adding: [audit("a2")], note: " ", by: qaLead)
        }
        let revised = try await service.revise(
            plan.id,
            adding: [audit("a2", until: "2025-09-30")],
            cancelling: ["a1": "Folded into the deep dive."],
            note: "The rapid review changed the plan.",
            by: qaLead
        )
        #expect(revised.audits == ["a1", "a2"])
        let revision = try #require(revised.revisions.first)
        #expect(revised.revisions.count == 1)
        #expect(revision.on == .fixture("2025-06-01"))
        #expect(revision.by == qaLead.id)
        #expect(revision.note == "The rapid review changed the plan.")
        #expect(revision.before == ["a1"])
        let cancelled = try await Records(store: store).require(Audit.self, id: "a1", as: qaLead).value
        #expect(cancelled.stage == .cancelled)
        #expect(cancelled.steps.last?.reason == "Folded into the deep dive.")
    }

    // MARK: The lifecycle

    @Test func everyStageMovesOnlyToTheStagesItAllows() {
        let caseAudit = AuditType.multiAgencyThematic
        #expect(AuditProgramme.next(from: .planned, type: caseAudit) == [.scoping, .cancelled])
        #expect(AuditProgramme.next(from: .scoping, type: caseAudit) == [.fieldwork, .cancelled])
        #expect(AuditProgramme.next(from: .fieldwork, type: caseAudit) == [.moderation, .cancelled])
        #expect(AuditProgramme.next(from: .fieldwork, type: .survey) == [.reported, .cancelled])
        #expect(AuditProgramme.next(from: .moderation, type: caseAudit) == [.reported, .cancelled])
        #expect(AuditProgramme.next(from: .reported, type: caseAudit) == [.challenge])
        #expect(AuditProgramme.next(from: .challenge, type: caseAudit) == [.closed])
        #expect(AuditProgramme.next(from: .closed, type: caseAudit).isEmpty)
        #expect(AuditProgramme.next(from: .cancelled, type: caseAudit).isEmpty)
    }

    @Test func theChallengeAndTheClosingAreReachedThroughTheirOwnStepsNotMove() async throws {
        let store = InMemoryStore()
        let service = programme(store, "2025-05-01")
        try await service.plan(year: year, audits: [audit("a1")], by: qaLead)
        await #expect(
            throws: DomainError(.invalidTransition, "audit a1 reaches challenge through holdChallenge, not move")
        ) {
            try await service.move("a1", to: .challenge, by: qaLead)
        }
        await #expect(throws: DomainError(.invalidTransition, "audit a1 reaches closed through close, not move")) {
            try await service.move("a1", to: .closed, by: qaLead)
        }
    }

    @Test func aCancellationNeedsAReasonAndEndsTheAudit() async throws {
        let store = InMemoryStore()
        let service = programme(store, "2025-05-01")
        try await service.plan(year: year, audits: [audit("a1")], by: qaLead)
        await #expect(throws: DomainError(.invalidInput, "cancelling audit a1 needs a reason")) {
            try await service.cancel("a1", reason: "", by: qaLead)
        }
        try await service.cancel("a1", reason: "No capacity this year.", by: qaLead)
        await #expect(
            throws: DomainError(
                .invalidTransition,
                "audit a1 (multi-agency thematic) is at cancelled; it can move to nothing, not scoping"
            )
        ) {
            try await service.move("a1", to: .scoping, by: qaLead)
        }
    }

    @Test func onlyAnAppreciativeInquiryHasStages() async throws {
        let store = InMemoryStore()
        let service = programme(store, "2025-05-01")
        try await service.plan(year: year, audits: [audit("a1")], by: qaLead)
        await #expect(
            throws: DomainError(
                .invalidInput,
                "audit a1 is a multi-agency thematic; only an appreciative inquiry has stages"
            )
        ) {
            try await service.record(stage: InquiryStage(name: "Discover"), for: "a1", by: qaLead)
        }
    }

    @Test func anAuditClosesWithAReasonTheVoiceWasNotSoughtButNotWithAnEmptyOne() async throws {
        let store = InMemoryStore()
        let service = programme(store, "2025-05-01")
        try await service.plan(year: year, audits: [audit("a1")], by: qaLead)
        for stage in [Audit.Stage.scoping, .fieldwork, .moderation, .reported] {
            try await service.move("a1", to: stage, by: qaLead)
        }
        try await service.holdChallenge("a1", outcomes: [], notes: "No recommendations were made.", by: qaLead)
        await #expect(
            throws: DomainError(
                .invalidInput,
                "the reason children's and families' views were not sought in audit a1 is empty"
            )
        ) {
            try await service.recordVoiceNotSought("  ", for: "a1", by: qaLead)
        }
        try await service.recordVoiceNotSought("A desk review of agency records.", for: "a1", by: qaLead)
        let closed = try await service.close("a1", by: qaLead)
        #expect(closed.stage == .closed)
        await #expect(
            throws: DomainError(
                .invalidTransition,
                "audit a1 (multi-agency thematic) is at closed; it can move to nothing, not closed"
            )
        ) {
            try await service.close("a1", by: qaLead)
        }
    }

    @Test func aTemplateIsAStoredOneOrTheStarterTool() async throws {
        let store = InMemoryStore()
        let service = programme(store, "2025-05-01")
        #expect(try await service.template(AuditTemplate.standard.id) == .standard)
        await #expect(throws: DomainError(.notFound, "audit template case-audit-v9 does not exist")) {
            try await service.template("case-audit-v9")
        }
        var local = AuditTemplate.standard
        local.id = "case-audit-v2"
        local.version = 2
        local.sections[4].themes = [.earlyHelp]
        try await Records(store: store).save(local, version: 0, by: qaLead)
        #expect(try await service.template("case-audit-v2").sections[4].themes == [.earlyHelp])
    }

    @Test func aTemplateStoredBeforeSectionsCarriedThemesReadsWithNone() throws {
        let stored = Data(
            #"{"code":"experience","title":"Voice","questions":[{"code":"child-seen","text":"Was the child seen?","kind":"yes-no"}]}"#
                .utf8
        )
        let section = try JSONDecoder().decode(AuditSection.self, from: stored)
        #expect(section.themes.isEmpty)
        #expect(section.questions.map(\.themes) == [[]])
        // And an unthemed section is written as it was: no empty list appears.
        let written = String(decoding: try JSONEncoder().encode(section), as: UTF8.self)
        #expect(!written.contains("themes"))
    }

    // MARK: Recommendations in the one chain

    @Test func aRecommendationTakesTheThemesOfTheSectionAndQuestionsItIsAbout() async throws {
        let store = InMemoryStore()
        try await programme(store, "2025-04-01").plan(year: year, audits: [audit("a1")], by: qaLead)
        let service = programme(store, "2025-07-01")
        let bySection = try await service.recommend(
            "Share information before strategy discussions.",
            from: "a1",
            owner: PartnershipScenario.police,
            about: "joint-working",
            dueOn: .fixture("2025-12-31"),
            by: qaLead
        )
        #expect(bySection.themes == [.informationSharing, .multiAgencyWorking])
        let byQuestion = try await service.recommend(
            "Ask the family's views.",
            from: "a1",
            owner: nil,
            about: "experience",
            questions: ["family-views"],
            dueOn: .fixture("2025-12-31"),
            by: qaLead
        )
        #expect(byQuestion.themes == [.voiceOfTheChild, .fathersAndMen])
        let byAudit = try await service.recommend(
            "Use the neglect toolkit.",
            from: "a1",
            owner: nil,
            about: "impact",
            dueOn: .fixture("2025-12-31"),
            by: qaLead
        )
        #expect(byAudit.themes == [.neglect])
        let given = try await service.recommend(
            "Review thresholds.",
            from: "a1",
            owner: nil,
            themes: [.thresholds],
            about: "joint-working",
            dueOn: .fixture("2025-12-31"),
            by: qaLead
        )
        #expect(given.themes == [.thresholds])

        // Each is in the work stream of its first theme; the audit lists them all.
        let streams = try await Records(store: store).all(WorkStream.self, as: qaLead).map(\.value)
        #expect(
            Dictionary(uniqueKeysWithValues: streams.map { ($0.theme, $0.recommendations) }) == [
                .informationSharing: [bySection.id], .voiceOfTheChild: [byQuestion.id], .neglect: [byAudit.id],
                .thresholds: [given.id],
            ]
        )
        let held = try await Records(store: store).require(Audit.self, id: "a1", as: qaLead).value
        #expect(held.recommendations == [bySection.id, byQuestion.id, byAudit.id, given.id])
    }

    @Test func aRecommendationAboutAnUnknownSectionOrQuestionIsRefused() async throws {
        let store = InMemoryStore()
        try await programme(store, "2025-04-01").plan(year: year, audits: [audit("a1")], by: qaLead)
        let service = programme(store, "2025-07-01")
        await #expect(
            throws: DomainError(
                .invalidInput,
                "audit a1: section 'voice' is not a section of template case-audit-v1; expected one of experience, recognition, assessment, joint-working, impact"
            )
        ) {
            try await service.recommend(
                "x",
                from: "a1",
                owner: nil,
                about: "voice",
                dueOn: .fixture("2025-12-31"),
                by: qaLead
            )
        }
        await #expect(
            throws: DomainError(
                .invalidInput,
                "audit a1: question 'seen' is not a question of section 'experience' of template case-audit-v1"
            )
        ) {
            try await service.recommend(
                "x",
                from: "a1",
                owner: nil,
                about: "experience",
                questions: ["seen"],
                dueOn: .fixture("2025-12-31"),
                by: qaLead
            )
        }
        #expect(try await Records(store: store).all(Recommendation.self, as: qaLead).isEmpty)
    }

    @Test func aChallengeSessionWritesImpactOnWhichARecommendationCloses() async throws {
        let store = InMemoryStore()
        try await programme(store, "2025-04-01").plan(year: year, audits: [audit("a1")], by: qaLead)
        let july = programme(store, "2025-07-01")
        for stage in [Audit.Stage.scoping, .fieldwork, .moderation, .reported] {
            try await july.move("a1", to: stage, by: qaLead)
        }
        let embedded = try await july.recommend("A", from: "a1", owner: nil, dueOn: .fixture("2025-10-31"), by: qaLead)
        let notYet = try await july.recommend("B", from: "a1", owner: nil, dueOn: .fixture("2025-10-31"), by: qaLead)
        let tracker = ActionTracker(
            environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-07-02")), ids: ids)
        )
        let action = try await tracker.addAction(
            "Toolkit training",
            to: embedded.id,
            owner: nil,
            lead: "Trainer",
            startOn: .fixture("2025-07-02"),
            dueOn: .fixture("2025-09-30"),
            by: qaLead
        )
        let december = programme(store, "2025-12-10")
        // An outcome cannot claim an action of another recommendation; nothing is written.
        await #expect(
            throws: DomainError(
                .invalidInput,
                "action \(action.id) serves recommendation \(embedded.id), not \(notYet.id)"
            )
        ) {
            try await december.holdChallenge(
                "a1",
                outcomes: [
                    .init(recommendation: embedded.id, evidence: "8 of 10.", judgement: .embedded),
                    .init(recommendation: notYet.id, evidence: "None.", judgement: .notAchieved, actions: [action.id]),
                ],
                notes: nil,
                by: qaLead
            )
        }
        #expect(try await Records(store: store).all(ChallengeSession.self, as: qaLead).isEmpty)
        #expect(try await Records(store: store).require(Audit.self, id: "a1", as: qaLead).value.stage == .reported)

        let session = try await december.holdChallenge(
            "a1",
            outcomes: [
                .init(
                    recommendation: embedded.id,
                    evidence: "Toolkit used in 8 of 10 cases.",
                    judgement: .embedded,
                    actions: [action.id]
                ),
                .init(recommendation: notYet.id, evidence: "No change seen.", judgement: .notAchieved),
            ],
            notes: nil,
            by: qaLead
        )
        let impact = try await Records(store: store).all(ImpactRecord.self, as: qaLead).map(\.value)
            .sorted { $0.recommendation < $1.recommendation }
        #expect(impact.map(\.judgement) == [.embedded, .notAchieved])
        #expect(impact.allSatisfy { $0.source == session.reference && $0.evidence.first?.kind == .challengeSession })
        #expect(impact.first?.actions == [action.id])
        let closing = ActionTracker(
            environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-12-11")))
        )
        #expect(try await closing.closeRecommendation(embedded.id, by: qaLead).status == .closed)
        await #expect(throws: DomainError.self) {
            try await closing.closeRecommendation(notYet.id, by: qaLead)
        }
    }

    // MARK: Re-audit as evidence of impact

    @Test func aReAuditIsJudgedByTheShareOfCasesGoodOrBetterAgainstTheOriginal() async throws {
        let store = InMemoryStore()
        try await programme(store, "2025-04-01").plan(
            year: year,
            audits: [
                audit("first"), audit("better", from: "2025-10-01", until: "2025-11-30"),
                audit("partly", from: "2025-10-01", until: "2025-11-30"),
                audit("worse", from: "2025-10-01", until: "2025-11-30"),
            ],
            by: qaLead
        )
        try await grade("first", ["inadequate", "requires-improvement", "good", "requires-improvement"], in: store)
        try await grade("better", ["good", "good", "outstanding", "requires-improvement"], in: store)
        try await grade("partly", ["requires-improvement", "good", "requires-improvement", "good"], in: store)
        try await grade("worse", ["inadequate", "inadequate", "requires-improvement", "good"], in: store)
        let service = programme(store, "2025-12-01")
        let recommendation = try await service.recommend(
            "Neglect toolkit",
            from: "first",
            owner: nil,
            dueOn: .fixture("2025-09-30"),
            by: qaLead
        )

        let embedded = try await service.recordReAudit("better", of: recommendation.id, by: qaLead)
        #expect(embedded.judgement == .embedded)
        #expect(
            embedded.evidence == [
                ImpactRecord.Evidence(
                    kind: .reAudit,
                    summary:
                        "Re-audit Audit better: 3 of 4 cases good or better, against 1 of 4 in Audit first; judged good overall.",
                    reference: RecordReference(type: Audit.recordType, id: "better")
                )
            ]
        )
        #expect(embedded.source == RecordReference(type: Audit.recordType, id: "better"))
        // The median of two good and two requiring improvement is the lower: below good, but better.
        #expect(try await service.recordReAudit("partly", of: recommendation.id, by: qaLead).judgement == .progressing)
        #expect(try await service.recordReAudit("worse", of: recommendation.id, by: qaLead).judgement == .notAchieved)
    }

    @Test func aReAuditMustBeAnotherAuditWithGradedCases() async throws {
        let store = InMemoryStore()
        try await programme(store, "2025-04-01").plan(
            year: year,
            audits: [audit("first"), audit("empty", from: "2025-10-01", until: "2025-11-30")],
            by: qaLead
        )
        let service = programme(store, "2025-12-01")
        let recommendation = try await service.recommend(
            "R",
            from: "first",
            owner: nil,
            dueOn: .fixture("2025-09-30"),
            by: qaLead
        )
        await #expect(
            throws: DomainError(
                .invalidInput,
                "audit first is the audit recommendation \(recommendation.id) came from; a re-audit is a later audit"
            )
        ) {
            try await service.recordReAudit("first", of: recommendation.id, by: qaLead)
        }
        await #expect(
            throws: DomainError(
                .invalidInput,
                "audit empty has no moderated case; a re-audit counts as evidence once its cases are graded"
            )
        ) {
            try await service.recordReAudit("empty", of: recommendation.id, by: qaLead)
        }
        await #expect(throws: DomainError(.notFound, "audit missing does not exist")) {
            try await service.recordReAudit("missing", of: recommendation.id, by: qaLead)
        }
        #expect(try await Records(store: store).all(ImpactRecord.self, as: qaLead).isEmpty)
    }

    @Test func aQuarterlySummaryIsStoredAndReadBack() async throws {
        let store = InMemoryStore()
        let summary = try QuarterlySummary(
            id: "chairs-q1",
            source: .conferenceChairs,
            quarter: try ReportingPeriod(parsing: "FY2025-26-Q1"),
            sections: Dictionary(
                uniqueKeysWithValues: QuarterlySummary.Source.conferenceChairs.headings.map { ($0, "Reported.") }
            ),
            returnedOn: .fixture("2025-07-15")
        )
        try await programme(store, "2025-07-15").save(summary, by: qaLead)
        #expect(
            try await Records(store: store).require(QuarterlySummary.self, id: "chairs-q1", as: qaLead).value == summary
        )
    }
}
