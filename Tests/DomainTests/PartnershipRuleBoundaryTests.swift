import AssuranceTesting
import Domain
import Foundation
import Testing

/// The partnership module's rules of the one chain at their edges: the day before, the day and the
/// day after, and what clears each.
struct PartnershipRuleBoundaryTests {
    let qaLead = PartnershipScenario.qaLead

    func save(_ records: [any StorableRecord], in store: InMemoryStore) async throws {
        var batch = RecordBatch()
        for record in records { try batch.save(record, version: 0) }
        try await Records(store: store).commit(batch, by: qaLead)
    }

    let pdg = Group(id: "pdg", name: "Practice Development Group", kind: .practiceDevelopmentGroup)
    let qadg = Group(id: "qadg", name: "Quality Assurance Delivery Group", kind: .qualityAssuranceDeliveryGroup)

    @Test func thePracticeDevelopmentGroupIsDueToMeetAMonthAfterItLastMet() async throws {
        let store = InMemoryStore()
        let meeting = Meeting(id: "m1", group: "pdg", day: .fixture("2025-09-10"), invited: [], attended: [])
        try await save([pdg, meeting], in: store)
        let rule = GroupCadenceRule.meeting
        #expect(try await RuleBoundary.probe(rule, around: .fixture("2025-10-10"), in: store) == .firesAfter(["pdg"]))
        let finding = try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-10-11"))
        #expect(
            finding.map(\.message) == [
                "Practice Development Group has not met since 2025-09-10; at its monthly cadence it was due to meet by 2025-10-10."
            ]
        )
        try await save(
            [Meeting(id: "m2", group: "pdg", day: .fixture("2025-10-14"), invited: [], attended: [])],
            in: store
        )
        #expect(try await RuleBoundary.probe(rule, around: .fixture("2025-11-14"), in: store) == .firesAfter(["pdg"]))
        #expect(try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-10-20")).isEmpty)
    }

    @Test func aGroupThatHasNeverMetIsDueACadenceAfterItWasEstablished() async throws {
        let store = InMemoryStore()
        var group = pdg
        group.established = .fixture("2025-04-01")
        try await save([group], in: store)
        #expect(
            try await RuleBoundary.probe(GroupCadenceRule.meeting, around: .fixture("2025-05-01"), in: store)
                == .firesAfter(["pdg"])
        )
    }

    @Test func aSubGroupsEscalationIsAFindingAtTheLevelItNamesFromItsReportUntilADecisionIsRecorded() async throws {
        let store = InMemoryStore()
        let report = GroupReport(
            id: "qadg-r1",
            group: "qadg",
            submittedOn: .fixture("2025-06-10"),
            impactAndOutcomes: "Audits on track.",
            escalations: [
                .init("Health information is late for strategy discussions."),
                .init("Agencies release too few auditors.", to: .practiceDevelopmentGroup),
            ]
        )
        try await save([qadg, report], in: store)
        let rule = SubGroupEscalationRule()
        let keys: Set<String> = [
            "qadg|Health information is late for strategy discussions.", "qadg|Agencies release too few auditors.",
        ]
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-06-10"), in: store)
                == RuleBoundary(dayBefore: [], day: keys, dayAfter: keys)
        )
        let drafts = try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-06-10"))
            .sorted { $0.key < $1.key }
        #expect(drafts.map(\.level) == [.practiceDevelopmentGroup, .executive])
        #expect(drafts.map(\.severity) == [.emergingRisk, .decisionRequired])
        #expect(drafts.allSatisfy { $0.evidence.map(\.record) == [report.reference] })
        #expect(drafts.allSatisfy { $0.dueOn == .fixture("2025-08-10") })
        // The group's next report, with nothing to escalate, does not answer them: only a decision does.
        try await save(
            [
                GroupReport(
                    id: "qadg-r2",
                    group: "qadg",
                    submittedOn: .fixture("2025-08-05"),
                    impactAndOutcomes: "Nothing new."
                )
            ],
            in: store
        )
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-08-05"), in: store)
                == RuleBoundary(dayBefore: keys, day: keys, dayAfter: keys)
        )
        let health = "qadg|Health information is late for strategy discussions."
        var decided = Finding(
            id: "f-health",
            rule: rule.id,
            key: "\(rule.id)|\(health)",
            subject: report.reference,
            group: "qadg",
            severity: .decisionRequired,
            level: .executive,
            message: "Quality Assurance Delivery Group escalates: Health information is late for strategy discussions.",
            raisedOn: .fixture("2025-06-10")
        )
        decided.decision = Finding.Decision(
            by: "chair-executive",
            on: .fixture("2025-09-01"),
            text: "Health to send its information a week before each strategy meeting."
        )
        try await save([decided], in: store)
        let afterDecision = try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-09-02"))
        #expect(afterDecision.map(\.key) == ["qadg|Agencies release too few auditors."])
        // Restated in a report after the decision, it stands again.
        try await save(
            [
                GroupReport(
                    id: "qadg-r3",
                    group: "qadg",
                    submittedOn: .fixture("2025-10-06"),
                    impactAndOutcomes: "Still late.",
                    escalations: [.init("Health information is late for strategy discussions.")]
                )
            ],
            in: store
        )
        let restated = try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-10-06"))
        #expect(Set(restated.map(\.key)) == keys)
        #expect(
            restated.first { $0.key == health }?.evidence.map(\.title) == [
                "Quality Assurance Delivery Group's report of 2025-10-06"
            ]
        )
    }

    @Test func aPriorityIsJudgedOnceAQuarterOfItsYearHasPassed() async throws {
        let store = InMemoryStore()
        let year = try ReportingPeriod(parsing: "FY2025-26")
        let priority = Priority(
            id: "p-neglect",
            title: "Neglect",
            year: year,
            outcome: "Help that comes sooner.",
            measures: ["re-referrals-12m"],
            themes: [.neglect]
        )
        try await save([priority], in: store)
        let rule = PriorityWithoutActivityRule(graceMonths: 3)
        // The year starts on 1 April; three months in is 1 July.
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-07-01"), in: store)
                == .firesAfter(["activity|p-neglect", "measure|p-neglect"])
        )
        // A work stream on one of its themes is activity; a value of its measure in the year measures it.
        try await save([WorkStream(id: "ws-neglect", theme: .neglect, title: "Neglect")], in: store)
        try await store.append(
            [
                ObservationSeries(
                    measure: "re-referrals-12m",
                    scope: .partnership,
                    points: [SeriesPoint(period: try ReportingPeriod(parsing: "2025-05"), value: 21.5)]
                )
            ],
            mode: .insertOnly,
            context: ChangeContext(principal: "importer", at: Date(timeIntervalSince1970: 1_750_000_000))
        )
        #expect(try await RuleBoundary.probe(rule, around: .fixture("2025-07-01"), in: store) == .firesAfter([]))
        // The next year's priority with no measure named is found for that.
        try await save(
            [
                Priority(
                    id: "p-voice",
                    title: "Voice",
                    year: year.advanced(by: 1),
                    outcome: "Plans say what children told us.",
                    themes: [.neglect]
                )
            ],
            in: store
        )
        let drafts = try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2026-07-02"))
        #expect(
            drafts.map(\.message) == [
                "The priority \"Voice\" for 2026-27 names no measure to show whether it is achieved."
            ]
        )
    }

    /// At the year's end the year just ended stays judged through the next year's months of grace,
    /// then the next year is judged instead: a report made in April still finds a priority left
    /// without a measure.
    @Test func theYearJustEndedIsJudgedUntilTheNextYearIs() async throws {
        let store = InMemoryStore()
        let priority = Priority(
            id: "p-neglect",
            title: "Neglect",
            year: try ReportingPeriod(parsing: "FY2025-26"),
            outcome: "Help that comes sooner.",
            themes: [.neglect]
        )
        try await save([priority, WorkStream(id: "ws-neglect", theme: .neglect, title: "Neglect")], in: store)
        let rule = PriorityWithoutActivityRule(graceMonths: 3)
        #expect(
            try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2026-04-30")).map(\.key)
                == ["measure|p-neglect"]
        )
        // The next year is judged from 2 July, three months after it began; the year just ended is
        // judged through 1 July.
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2026-07-01"), in: store)
                == .clearsAfter(["measure|p-neglect"])
        )
    }

    @Test func whatChildrenSaidChangedPracticeIsGoodPracticeForTwelveMonths() async throws {
        let store = InMemoryStore()
        try await save(
            [
                VoiceRecord(
                    id: "v1",
                    speaker: .youngPerson,
                    channel: .forum,
                    day: .fixture("2025-06-01"),
                    consentedSummary: "Meetings used words we did not know.",
                    whatChanged: "Conference invitations now explain the meeting in plain language."
                ),
                VoiceRecord(
                    id: "v2",
                    speaker: .parent,
                    channel: .survey,
                    day: .fixture("2025-06-01"),
                    consentedSummary: "Nobody called back."
                ),
            ],
            in: store
        )
        let rule = VoiceChangedPracticeRule()
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2025-06-01"), in: store)
                == RuleBoundary(dayBefore: [], day: ["v1"], dayAfter: ["v1"])
        )
        #expect(
            try await RuleBoundary.probe(rule, around: .fixture("2026-06-01"), in: store)
                == RuleBoundary(dayBefore: ["v1"], day: [], dayAfter: [])
        )
        let finding = try #require(
            try await rule.evaluate(in: AssuranceView(store: store), on: .fixture("2025-07-01")).first
        )
        #expect(finding.severity == .goodPractice)
        #expect(
            finding.message
                == "A young person told us \"Meetings used words we did not know.\"; what changed: Conference invitations now explain the meeting in plain language."
        )
    }
}
