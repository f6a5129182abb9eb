import AssuranceTesting
import Audit
import Domain
import Testing

/// Every Audit rule at its edges: the day before, the day and the day after the day its timescale
/// falls due, and what clears it.
struct AuditRuleBoundaryTests {
    let qaLead = PartnershipScenario.qaLead
    let police = PartnershipScenario.police

    /// An audit at a stage, having reached each stage on the day given.
    func audit(
        _ id: Audit.ID,
        type: AuditType = .multiAgencyThematic,
        themes: [Theme] = [.neglect],
        until: String = "2025-07-31",
        reached: [(Audit.Stage, String)] = []
    ) -> Audit {
        var audit = Audit(
            id: id,
            title: "Audit \(id)",
            type: type,
            themes: themes,
            rationale: .data,
            lead: "QA lead",
            agencies: [police],
            plannedFrom: .fixture("2025-05-01"),
            plannedUntil: .fixture(until),
            plannedOn: .fixture("2025-04-01"),
            plannedBy: qaLead.id
        )
        for (stage, day) in reached {
            audit.stage = stage
            audit.steps.append(Audit.Step(stage: stage, on: .fixture(day), by: qaLead.id))
        }
        return audit
    }

    func graded(_ id: AuditCase.ID, of audit: Audit.ID, _ level: RatingCode) -> AuditCase {
        var auditCase = AuditCase(
            id: id,
            audit: audit,
            caseReference: CaseReference(rawValue: "CASE-\(id)")!,
            selection: .random,
            agencies: [police]
        )
        auditCase.overall = Grade(level: level, rationale: "Moderated.")
        return auditCase
    }

    func save(_ records: [any StorableRecord], in store: InMemoryStore) async throws {
        var batch = RecordBatch()
        for record in records { try batch.save(record, version: 0) }
        try await Records(store: store).commit(batch, by: qaLead)
    }

    @Test func pastPlannedWindowFiresTheDayAfterTheWindowEndsAndClearsWhenReported() async throws {
        let store = InMemoryStore()
        try await save([audit("a1", reached: [(.scoping, "2025-05-01"), (.fieldwork, "2025-05-02")])], in: store)
        let rule = AuditPastWindowRule()
        #expect(try await RuleBoundary.probe(rule, around: .fixture("2025-07-31"), in: store) == .firesAfter(["a1"]))
        try await Records(store: store).modify(Audit.self, id: "a1", by: qaLead) {
            $0.stage = .reported
        }
        #expect(try await RuleBoundary.probe(rule, around: .fixture("2025-07-31"), in: store) == .firesAfter([]))
    }

    @Test func aCaseReturnIsOverdueTheDayAfterItIsDueUntilSubmitted() async throws {
        let store = InMemoryStore()
        let held = audit("a1", reached: [(.fieldwork, "2025-05-02")])
        let request = CaseReturn(id: "r1", audit: "a1", auditCase: "c1", agency: police, dueOn: .fixture("2025-06-13"))
        try await save([held, request], in: store)
        let rule = CaseReturnOverdueRule()
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-06-13"), in: store) == .firesAfter(["a1|police"])
        )
        try await Records(store: store).modify(CaseReturn.self, id: "r1", by: qaLead) {
            $0.status = .submitted
            $0.submittedOn = .fixture("2025-06-14")
        }
        #expect(try await RuleBoundary.probe(rule, around: .fixture("2025-06-13"), in: store) == .firesAfter([]))
    }

    @Test func moderationIsDueFifteenWorkingDaysAfterTheLastReturn() async throws {
        let store = InMemoryStore()
        var request = CaseReturn(id: "r1", audit: "a1", auditCase: "c1", agency: police, dueOn: .fixture("2025-07-25"))
        request.status = .submitted
        request.submittedOn = .fixture("2025-08-01")
        let unmoderated = AuditCase(
            id: "c1",
            audit: "a1",
            caseReference: "CASE-1",
            selection: .random,
            agencies: [police]
        )
        try await save([audit("a1", reached: [(.fieldwork, "2025-05-02")]), request, unmoderated], in: store)
        // 15 working days (the module's local default) from Friday 1 August 2025: 22 August.
        let due = EnglandAndWalesCalendar().adding(workingDays: 15, to: .fixture("2025-08-01"))
        #expect(due == .fixture("2025-08-22"))
        let rule = ModerationNotHeldRule(workingDays: 15)
        #expect(try await RuleBoundary.probe(rule, around: due, in: store) == .firesAfter(["a1"]))
        try await Records(store: store).modify(AuditCase.self, id: "c1", by: qaLead) {
            $0.overall = Grade(level: "good", rationale: "Moderated.")
        }
        #expect(try await RuleBoundary.probe(rule, around: due, in: store) == .firesAfter([]))
    }

    @Test func aReportIsDueEightWeeksAfterFieldworkForEveryTypeOfAudit() async throws {
        let store = InMemoryStore()
        // A case audit's fieldwork ends when moderation begins; a survey's with its planned window.
        let moderated = audit("case", reached: [(.fieldwork, "2025-05-02"), (.moderation, "2025-06-02")])
        let survey = audit("survey", type: .survey, until: "2025-06-30", reached: [(.fieldwork, "2025-05-02")])
        let inquiry = audit(
            "inquiry",
            type: .appreciativeInquiry,
            until: "2025-06-30",
            reached: [(.fieldwork, "2025-05-02")]
        )
        try await save([moderated, survey, inquiry], in: store)
        let rule = ReportNotPresentedRule(weeks: 8)
        #expect(
            try await RuleBoundary.probe(rule, around: Day.fixture("2025-06-02").adding(days: 56), in: store)
                == .firesAfter(["case"])
        )
        let windowDue = Day.fixture("2025-06-30").adding(days: 56)
        #expect(windowDue == .fixture("2025-08-25"))
        #expect(
            try await RuleBoundary.probe(rule, around: windowDue, in: store)
                == RuleBoundary(dayBefore: ["case"], day: ["case"], dayAfter: ["case", "survey", "inquiry"])
        )
        let findings = try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-08-26"))
        #expect(
            findings.first { $0.key == "survey" }?.message
                == "Audit survey (survey): fieldwork was due to end on 2025-06-30 and the report was due at the assurance group by 2025-08-25."
        )
        try await Records(store: store).modify(Audit.self, id: "survey", by: qaLead) { $0.stage = .reported }
        #expect(
            Set(try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-08-26")).map(\.key))
                == ["case", "inquiry"]
        )
    }

    @Test func aChallengeSessionIsDueSixMonthsAfterTheReport() async throws {
        let store = InMemoryStore()
        try await save([audit("a2", reached: [(.reported, "2025-05-01")])], in: store)
        let rule = ChallengeOverdueRule(months: 6)
        #expect(try await RuleBoundary.probe(rule, around: .fixture("2025-11-01"), in: store) == .firesAfter(["a2"]))
        try await save(
            [ChallengeSession(id: "cs", audit: "a2", heldOn: .fixture("2025-11-03"), outcomes: [])],
            in: store
        )
        try await Records(store: store).modify(Audit.self, id: "a2", by: qaLead) { $0.stage = .challenge }
        #expect(try await RuleBoundary.probe(rule, around: .fixture("2025-11-01"), in: store) == .firesAfter([]))
    }

    @Test func anAuditClosedWithoutVoiceIsFoundUntilAVoiceOrAReasonIsRecorded() async throws {
        let store = InMemoryStore()
        try await save(
            [audit("v1", reached: [(.closed, "2025-09-01")]), audit("v2", reached: [(.closed, "2025-09-01")])],
            in: store
        )
        let rule = ClosedWithoutVoiceRule()
        #expect(try await RuleBoundary.probe(rule, around: .fixture("2025-09-01"), in: store).day == ["v1", "v2"])
        try await save(
            [
                VoiceRecord(
                    id: "voice",
                    speaker: .youngPerson,
                    channel: .auditConversation,
                    day: .fixture("2025-08-01"),
                    consentedSummary: "Nobody explained the plan.",
                    relatedTo: RecordReference(type: Audit.recordType, id: "v1")
                )
            ],
            in: store
        )
        try await Records(store: store).modify(Audit.self, id: "v2", by: qaLead) {
            $0.voiceNotSoughtReason = "A desk review of records only."
        }
        #expect(try await RuleBoundary.probe(rule, around: .fixture("2025-09-01"), in: store).day.isEmpty)
    }

    @Test func aSpotAuditIsProposedOnceASignalHasStoodItsPeriods() async throws {
        let store = InMemoryStore()
        func signal(_ id: Signal.ID, standing: Int) -> Signal {
            Signal(
                id: id,
                key: "concern|\(id)",
                kind: .specialCauseConcern,
                measure: "mash-contact-conversion",
                scope: .partnership,
                firstPeriod: try! ReportingPeriod(parsing: "2025-03"),
                latestPeriod: try! ReportingPeriod(parsing: "2025-05"),
                periodsStanding: standing,
                raisedOn: .fixture("2025-04-20"),
                summary: "Signal \(id)."
            )
        }
        try await save([signal("two", standing: 2), signal("three", standing: 3)], in: store)
        let rule = ProposedSpotAuditRule(periods: 3)
        #expect(try await RuleBoundary.probe(rule, around: .fixture("2025-06-01"), in: store).day == ["concern|three"])
        try await AuditProgramme(
            environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-06-02")))
        ).declineSpotAudit(for: "three", reason: "A deep dive is under way.", by: qaLead)
        #expect(try await RuleBoundary.probe(rule, around: .fixture("2025-06-02"), in: store).day.isEmpty)
    }

    @Test func aRecurringThemeHoldsForTwelveMonthsFromTheFirstReport() async throws {
        let store = InMemoryStore()
        try await save(
            [
                audit("b1", reached: [(.reported, "2025-06-01")]),
                audit("b2", reached: [(.reported, "2025-09-01")]),
                graded("c1", of: "b1", "inadequate"),
                graded("c2", of: "b2", "requires-improvement"),
            ],
            in: store
        )
        let rule = RecurringAuditThemeRule()
        // The second report makes it recurring on its day.
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-09-01"), in: store)
                == RuleBoundary(dayBefore: [], day: ["neglect"], dayAfter: ["neglect"])
        )
        // Twelve months after the first, only one audit is within the window.
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2026-06-01"), in: store)
                == RuleBoundary(dayBefore: ["neglect"], day: [], dayAfter: [])
        )
    }

    @Test func aQuarterlySummaryIsMissingThirtyDaysAfterItsQuarter() async throws {
        let store = InMemoryStore()
        let first = try QuarterlySummary(
            id: "mash-q1",
            source: .mash,
            quarter: try ReportingPeriod(parsing: "FY2025-26-Q1"),
            sections: Dictionary(uniqueKeysWithValues: QuarterlySummary.Source.mash.headings.map { ($0, "Done.") }),
            returnedOn: .fixture("2025-07-20")
        )
        try await save([first], in: store)
        let rule = QuarterlySummaryMissingRule(days: 30)
        // Q2 ends on 30 September; its summary is due 30 days later, on 30 October. The conference
        // chairs, who have returned none, are chased from the same first quarter, Q1.
        let chairs: Set = ["conference-chairs|FY2025-26-Q1"]
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-10-30"), in: store)
                == RuleBoundary(
                    dayBefore: chairs,
                    day: chairs,
                    dayAfter: chairs.union(["conference-chairs|FY2025-26-Q2", "mash|FY2025-26-Q2"])
                )
        )
        let finding = try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-10-31"))
        #expect(
            finding.filter { $0.key.hasPrefix("mash") }.map(\.message) == [
                "The MASH quarterly summary for Q2 2025-26 was due by 2025-10-30 and has not been returned."
            ]
        )
        #expect(finding.allSatisfy { $0.level == .subGroup })
        var second = first
        second.id = "mash-q2"
        second.quarter = try ReportingPeriod(parsing: "FY2025-26-Q2")
        try await save([second], in: store)
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-10-30"), in: store)
                == RuleBoundary(
                    dayBefore: chairs,
                    day: chairs,
                    dayAfter: chairs.union(["conference-chairs|FY2025-26-Q2"])
                )
        )
    }

    /// A source that has never returned a summary is chased from the framework's first quarter (the
    /// first of the audit programme's first year), not left alone until its first arrives; and
    /// nothing is chased before the framework asked for anything.
    @Test func aSourceThatHasReturnedNoSummaryIsChasedFromTheFrameworksFirstQuarter() async throws {
        let store = InMemoryStore()
        let rule = QuarterlySummaryMissingRule(days: 30)
        #expect(try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2026-06-01")).isEmpty)
        let plan = AuditPlan(id: "plan-FY2025-26", year: try ReportingPeriod(parsing: "FY2025-26"), audits: [])
        try await save([plan], in: store)
        // Q1 2025-26 ends on 30 June; both sources' summaries are due by 30 July.
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-07-30"), in: store)
                == .firesAfter(["conference-chairs|FY2025-26-Q1", "mash|FY2025-26-Q1"])
        )
    }

    @Test func anAuditJudgedGoodIsGoodPracticeForTwelveMonthsFromItsReport() async throws {
        let store = InMemoryStore()
        var strong = audit("g1", reached: [(.reported, "2025-06-01")])
        strong.findings = [AuditFinding(kind: .strength, text: "Plans were shared with families.")]
        try await save(
            [
                strong, graded("c1", of: "g1", "good"), graded("c2", of: "g1", "outstanding"),
                audit("weak", reached: [(.reported, "2025-06-01")]), graded("c3", of: "weak", "inadequate"),
            ],
            in: store
        )
        let rule = StrongAuditRule(months: 12)
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-06-01"), in: store)
                == RuleBoundary(dayBefore: [], day: ["g1"], dayAfter: ["g1"])
        )
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2026-06-01"), in: store)
                == RuleBoundary(dayBefore: ["g1"], day: [], dayAfter: [])
        )
        let finding = try #require(
            try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-07-01")).first
        )
        #expect(finding.severity == .goodPractice)
        #expect(
            finding.message
                == "Audit g1, reported on 2025-06-01: its cases were judged good overall; it found strengths: Plans were shared with families."
        )
        #expect(finding.evidence.map(\.record) == [RecordReference(type: Audit.recordType, id: "g1")])
    }

    @Test func learningFoundEmbeddedIsGoodPracticeForTwelveMonthsFromTheSession() async throws {
        let store = InMemoryStore()
        try await save(
            [
                audit("e1", reached: [(.reported, "2025-06-01"), (.challenge, "2025-12-10")]),
                ChallengeSession(
                    id: "cs-e1",
                    audit: "e1",
                    heldOn: .fixture("2025-12-10"),
                    outcomes: [
                        .init(recommendation: "rec-1", evidence: "Toolkit in 8 of 10 cases.", judgement: .embedded),
                        .init(recommendation: "rec-2", evidence: "Not yet.", judgement: .notAchieved),
                    ]
                ),
            ],
            in: store
        )
        let rule = LearningEmbeddedRule(months: 12)
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-12-10"), in: store)
                == RuleBoundary(dayBefore: [], day: ["cs-e1|rec-1"], dayAfter: ["cs-e1|rec-1"])
        )
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2026-12-10"), in: store)
                == RuleBoundary(dayBefore: ["cs-e1|rec-1"], day: [], dayAfter: [])
        )
    }
}

/// What the audit programme reminds agencies and sub-groups of.
struct AuditDeadlineTests {
    @Test func caseReturnsAndTheNextQuarterlySummaryAreOwed() async throws {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        let boundary = AuditRuleBoundaryTests()
        let active = boundary.audit("a1", reached: [(.fieldwork, "2025-05-02")])
        var closed = boundary.audit("a2", reached: [(.closed, "2025-05-02")])
        closed.title = "Closed audit"
        let police = PartnershipScenario.police
        let summary = try QuarterlySummary(
            id: "mash-q1",
            source: .mash,
            quarter: try ReportingPeriod(parsing: "FY2025-26-Q1"),
            sections: Dictionary(uniqueKeysWithValues: QuarterlySummary.Source.mash.headings.map { ($0, "Done.") }),
            returnedOn: .fixture("2025-07-20")
        )
        try await boundary.save(
            [
                active, closed, summary,
                CaseReturn(id: "r1", audit: "a1", auditCase: "c1", agency: police, dueOn: .fixture("2025-06-13")),
                CaseReturn(id: "r2", audit: "a1", auditCase: "c2", agency: police, dueOn: .fixture("2025-06-13")),
                CaseReturn(id: "r3", audit: "a2", auditCase: "c3", agency: police, dueOn: .fixture("2025-06-13")),
            ],
            in: store
        )
        let owed = try await AuditModule().deadlines(in: AssuranceView(store: store), on: .fixture("2025-06-10"))
            .sorted { $0.dueOn < $1.dueOn }
        // The closed audit's return is owed no longer; Q1's summary is in, so Q2's is next.
        #expect(
            owed.map { "\($0.kind) \($0.what) \($0.dueOn) \($0.level)" } == [
                "audit.case-return Constabulary's 2 case returns to Audit a1 2025-06-13 Agency",
                "audit.quarterly-summary The MASH quarterly summary for Q2 2025-26 2025-10-30 Sub-group",
            ]
        )
        #expect(owed.first?.agency == police)
    }
}
