import AssuranceTesting
import Audit
import Domain
import Testing

struct AuditLifecycleTests {
    let qaLead = PartnershipScenario.qaLead
    let ids = IDGenerator.incrementing

    func programme(_ store: InMemoryStore, _ day: String) -> AuditProgramme {
        AuditProgramme(environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture(day)), ids: ids))
    }

    func neglectAudit() -> Audit {
        Audit(
            id: "a-neglect",
            title: "Neglect: multi-agency thematic audit",
            type: .multiAgencyThematic,
            themes: [.neglect],
            rationale: .reviewLearning,
            lead: "QA lead",
            agencies: [PartnershipScenario.council, PartnershipScenario.police, PartnershipScenario.school],
            template: AuditTemplate.standard.id,
            plannedFrom: .fixture("2025-05-01"),
            plannedUntil: .fixture("2025-07-31"),
            plannedOn: .fixture("2025-04-01"),
            plannedBy: qaLead.id
        )
    }

    static let good: [AuditSectionCode: Grade] = Dictionary(
        uniqueKeysWithValues: AuditTemplate.standard.sections.map {
            ($0.code, Grade(level: "good", rationale: "Consistent practice."))
        }
    )
    static let yes: [AuditQuestionCode: Answer] = Dictionary(
        uniqueKeysWithValues: AuditTemplate.standardQuestions.map { ($0.code, Answer.yes) }
    )

    @Test func aMultiAgencyAuditEndToEnd() async throws {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        let year = try ReportingPeriod(parsing: "FY2025-26")
        let plan = try await programme(store, "2025-04-01").plan(year: year, audits: [neglectAudit()], by: qaLead)
        let tableTop = Audit(
            id: "a-dv",
            title: "Domestic abuse table-top",
            type: .tableTop,
            themes: [.domesticAbuse],
            rationale: .data,
            lead: "QA lead",
            agencies: [],
            plannedFrom: .fixture("2025-09-01"),
            plannedUntil: .fixture("2025-09-30"),
            plannedOn: .fixture("2025-04-10"),
            plannedBy: qaLead.id
        )
        let revised = try await programme(store, "2025-04-10").revise(
            plan.id,
            adding: [tableTop],
            note: "Added after the rapid review.",
            by: qaLead
        )
        #expect(revised.audits == ["a-neglect", "a-dv"])
        #expect(revised.revisions.map(\.before) == [["a-neglect"]])

        let may = programme(store, "2025-05-01")
        try await may.move("a-neglect", to: .scoping, by: qaLead)
        try await may.move("a-neglect", to: .fieldwork, by: qaLead)
        let (first, returns) = try await may.addCase(
            "CASE-0042",
            to: "a-neglect",
            selection: .random,
            agencies: [PartnershipScenario.council, PartnershipScenario.police, PartnershipScenario.school],
            returnsDue: .fixture("2025-06-13"),
            by: qaLead
        )
        #expect(returns.count == 3)
        await #expect(
            throws: DomainError(
                .invalidTransition,
                "audit a-neglect cannot go to moderation: returns are outstanding from council, police, school-north"
            )
        ) {
            try await may.move("a-neglect", to: .moderation, by: qaLead)
        }

        // A grade needs its rationale; every standard question needs an answer.
        let june = programme(store, "2025-06-10")
        var thin = Self.good
        thin["impact"] = Grade(level: "good", rationale: " ")
        var partial = Self.yes
        partial["child-seen-alone"] = nil
        let policeReturn = try #require(returns.first { $0.agency == PartnershipScenario.police })
        await #expect(
            throws: DomainError(
                .invalidInput,
                "return \(policeReturn.id) cannot be submitted: section impact's grade has no rationale; question child-seen-alone is not answered"
            )
        ) {
            try await june.submitReturn(
                policeReturn.id,
                grades: thin,
                answers: partial,
                goodPractice: nil,
                areasForDevelopment: nil,
                by: PartnershipScenario.policeLead
            )
        }
        // An agency lead cannot submit another agency's return, nor read it.
        let schoolReturn = try #require(returns.first { $0.agency == PartnershipScenario.school })
        await #expect(throws: DomainError.self) {
            try await june.submitReturn(
                schoolReturn.id,
                grades: Self.good,
                answers: Self.yes,
                goodPractice: nil,
                areasForDevelopment: nil,
                by: PartnershipScenario.policeLead
            )
        }
        #expect(
            try await june.returns(of: "a-neglect", as: PartnershipScenario.policeLead).map(\.agency) == [
                PartnershipScenario.police
            ]
        )

        for item in returns {
            var grades = Self.good
            if item.agency == PartnershipScenario.school {
                grades["recognition"] = Grade(level: "inadequate", rationale: "Neglect not recognised.")
            }
            try await june.submitReturn(
                item.id,
                grades: grades,
                answers: Self.yes,
                goodPractice: "Timely strategy discussion.",
                areasForDevelopment: "Chronologies.",
                recommendations: ["Use the neglect toolkit."],
                by: qaLead
            )
        }
        try await june.move("a-neglect", to: .moderation, by: qaLead)
        await #expect(
            throws: DomainError(
                .invalidTransition,
                "audit a-neglect cannot be reported: 1 of its cases are not moderated"
            )
        ) {
            try await june.move("a-neglect", to: .reported, by: qaLead)
        }
        try await june.moderate(
            first.id,
            sections: Self.good,
            overall: Grade(level: "requires-improvement", rationale: "Neglect was recognised late."),
            notes: "The school's view differed on recognition.",
            by: qaLead
        )
        try await june.record(
            findings: [
                AuditFinding(kind: .strength, text: "Strategy discussions were timely.", themes: [.neglect]),
                AuditFinding(kind: .gap, text: "Chronologies were missing.", themes: [.assessmentAndPlanning]),
            ],
            for: "a-neglect",
            by: qaLead
        )
        let recommendation = try await june.recommend(
            "Adopt the neglect toolkit across agencies.",
            from: "a-neglect",
            owner: PartnershipScenario.council,
            themes: [.neglect],
            dueOn: .fixture("2025-12-31"),
            by: qaLead
        )
        #expect(recommendation.source.kind == .audit)
        let reported = try await june.move("a-neglect", to: .reported, by: qaLead)
        #expect(reported.stage == .reported)

        let december = programme(store, "2025-12-10")
        await #expect(
            throws: DomainError(
                .invalidInput,
                "the challenge session of audit a-neglect has no judgement for recommendation(s) \(recommendation.id)"
            )
        ) {
            try await december.holdChallenge("a-neglect", outcomes: [], notes: nil, by: qaLead)
        }
        let session = try await december.holdChallenge(
            "a-neglect",
            outcomes: [
                ChallengeSession.Outcome(
                    recommendation: recommendation.id,
                    evidence: "Toolkit used in 8 of 10 cases re-audited.",
                    judgement: .embedded
                )
            ],
            notes: nil,
            by: qaLead
        )
        #expect(session.outcomes.count == 1)
        await #expect(
            throws: DomainError(
                .invalidTransition,
                "audit a-neglect cannot be closed: it records no views of children or families and no reason why they were not sought"
            )
        ) {
            try await december.close("a-neglect", by: qaLead)
        }
        try await Records(store: store).save(
            VoiceRecord(
                id: "voice-1",
                speaker: .parent,
                channel: .auditConversation,
                day: .fixture("2025-06-05"),
                themes: [.neglect],
                consentedSummary: "We were not told what the plan was.",
                relatedTo: RecordReference(type: Audit.recordType, id: "a-neglect")
            ),
            version: 0,
            by: qaLead
        )
        let closed = try await december.close("a-neglect", by: qaLead)
        #expect(
            closed.steps.map(\.stage) == [.planned, .scoping, .fieldwork, .moderation, .reported, .challenge, .closed]
        )

        let analysis = AuditAnalysis(
            audits: [closed],
            cases: try await december.cases(of: "a-neglect"),
            returns: try await december.returns(of: "a-neglect")
        )
        #expect(analysis.judgements["a-neglect"] == "requires-improvement")
        #expect(analysis.gradesByTheme[.neglect] == ["requires-improvement": 1])
        #expect(analysis.disagreements.map(\.section) == ["recognition"])
        #expect(analysis.gradesByAgency[PartnershipScenario.school]?["inadequate"] == 1)
    }

    @Test func stepsOutOfOrderAreRefusedNamingWhatIsAllowed() async throws {
        let store = InMemoryStore()
        let service = programme(store, "2025-04-01")
        try await service.plan(year: try ReportingPeriod(parsing: "FY2025-26"), audits: [neglectAudit()], by: qaLead)
        await #expect(
            throws: DomainError(
                .invalidTransition,
                "audit a-neglect (multi-agency thematic) is at planned; it can move to scoping or cancelled, not fieldwork"
            )
        ) {
            try await service.move("a-neglect", to: .fieldwork, by: qaLead)
        }
        let cancelled = try await service.cancel("a-neglect", reason: "Merged with the neglect deep dive.", by: qaLead)
        #expect(cancelled.steps.last?.reason == "Merged with the neglect deep dive.")
        #expect(AuditProgramme.next(from: .fieldwork, type: .survey) == [.reported, .cancelled])
    }

    @Test func aPlanRefusesAWindowOutsideItsYear() async throws {
        var audit = neglectAudit()
        audit.plannedUntil = .fixture("2026-04-30")
        await #expect(
            throws: DomainError(
                .invalidInput,
                "audit a-neglect's window 2025-05-01 to 2026-04-30 is not within 2025-26 (2025-04-01 to 2026-03-31)"
            )
        ) {
            try await programme(InMemoryStore(), "2025-04-01").plan(
                year: try ReportingPeriod(parsing: "FY2025-26"),
                audits: [audit],
                by: qaLead
            )
        }
    }

    @Test func anAppreciativeInquiryRecordsItsStages() async throws {
        let store = InMemoryStore()
        let service = programme(store, "2025-04-01")
        let inquiry = Audit(
            id: "ai-1",
            title: "What works in early help",
            type: .appreciativeInquiry,
            themes: [.earlyHelp],
            rationale: .childrenAndFamilies,
            lead: "QA lead",
            agencies: [],
            plannedFrom: .fixture("2025-05-01"),
            plannedUntil: .fixture("2025-08-31"),
            plannedOn: .fixture("2025-04-01"),
            plannedBy: qaLead.id
        )
        try await service.plan(year: try ReportingPeriod(parsing: "FY2025-26"), audits: [inquiry], by: qaLead)
        for name in InquiryStage.fiveDs + ["Debrief"] {
            try await service.record(
                stage: InquiryStage(
                    name: name,
                    heldOn: .fixture("2025-06-01"),
                    participants: ["practitioners"],
                    outputs: ["notes"]
                ),
                for: "ai-1",
                by: qaLead
            )
        }
        let recorded = try await Records(store: store).require(Audit.self, id: "ai-1", as: qaLead).value
        #expect(
            recorded.inquiryStages?.map(\.name) == [
                "Define", "Discover", "Dream", "Design", "Deliver (Destiny)", "Debrief",
            ]
        )
        try await service.move("ai-1", to: .scoping, by: qaLead)
        try await service.move("ai-1", to: .fieldwork, by: qaLead)
        // No cases and no moderation: fieldwork goes straight to the report.
        #expect(try await service.move("ai-1", to: .reported, by: qaLead).stage == .reported)
    }

    @Test func quarterlySummariesNeedEveryHeading() throws {
        #expect(
            throws: DomainError(
                .invalidInput,
                "the mash summary for FY2025-26-Q1 has nothing under Meeting observations, Senior manager walkabouts, Practice weeks"
            )
        ) {
            try QuarterlySummary(
                id: "s",
                source: .mash,
                quarter: try ReportingPeriod(parsing: "FY2025-26-Q1"),
                sections: ["Practice evaluations": "x", "Supervision": "y"],
                returnedOn: .fixture("2025-07-10")
            )
        }
        #expect(QuarterlySummary.Source.conferenceChairs.headings.count == 6)
    }
}
