import AssuranceTesting
import Audit
import Domain
import Testing

struct AuditRulesTests {
    let qaLead = PartnershipScenario.qaLead
    let ids = IDGenerator.incrementing

    /// The cycle of a day, leaving out the chase of quarterly summaries: no test here returns
    /// any, and their own rule is tested at its boundaries (`AuditRuleBoundaryTests`).
    func run(_ store: InMemoryStore, _ day: String) async throws -> CycleOutcome {
        var outcome = try await auditFramework(store, day, ids).runCycle(on: .fixture(day), by: qaLead)
        outcome.raised.removeAll { $0.rule == .auditQuarterlySummaryMissing }
        return outcome
    }

    func programme(_ store: InMemoryStore, _ day: String) -> AuditProgramme {
        AuditProgramme(environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture(day)), ids: ids))
    }

    func audit(
        _ id: String,
        themes: [Theme] = [.neglect],
        type: AuditType = .multiAgencyThematic,
        until: String = "2025-07-31"
    ) -> Audit {
        Audit(
            id: Audit.ID(rawValue: id)!,
            title: "Audit \(id)",
            type: type,
            themes: themes,
            rationale: .data,
            lead: "QA lead",
            agencies: [PartnershipScenario.police],
            plannedFrom: .fixture("2025-05-01"),
            plannedUntil: .fixture(until),
            plannedOn: .fixture("2025-04-01"),
            plannedBy: "qa-lead"
        )
    }

    @Test func pastWindowAndOverdueReturnsFireAndClear() async throws {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        try await programme(store, "2025-04-01").plan(
            year: try ReportingPeriod(parsing: "FY2025-26"),
            audits: [audit("a1")],
            by: qaLead
        )
        let service = programme(store, "2025-05-01")
        try await service.move("a1", to: .scoping, by: qaLead)
        try await service.move("a1", to: .fieldwork, by: qaLead)
        let (_, returns) = try await service.addCase(
            "CASE-1",
            to: "a1",
            selection: .purposive,
            agencies: [PartnershipScenario.police],
            returnsDue: .fixture("2025-06-13"),
            by: qaLead
        )
        let outcome = try await run(store, "2025-08-01")
        #expect(
            Set(outcome.raised.map(\.rule.rawValue).filter { $0.hasPrefix("audit.") }) == [
                "audit.past-planned-window", "audit.return-overdue",
            ]
        )
        let late = try #require(outcome.raised.first { $0.rule == "audit.return-overdue" })
        #expect(late.message == "Constabulary has 1 case return outstanding for Audit a1, due on 2025-06-13.")
        #expect(late.level == .agency)
        try await programme(store, "2025-08-02").submitReturn(
            returns[0].id,
            grades: AuditLifecycleTests.good,
            answers: AuditLifecycleTests.yes,
            goodPractice: nil,
            areasForDevelopment: nil,
            by: qaLead
        )
        #expect(try await run(store, "2025-08-02").resolved.map(\.rule) == ["audit.return-overdue"])
        // All returns in on 2 August; 15 working days later (23 August) moderation is due.
        #expect(try await run(store, "2025-08-22").raised.isEmpty)
        #expect(try await run(store, "2025-08-26").raised.map(\.rule) == ["audit.moderation-not-held"])
    }

    @Test func reportAndChallengeTimescales() async throws {
        let store = InMemoryStore()
        try await programme(store, "2025-04-01").plan(
            year: try ReportingPeriod(parsing: "FY2025-26"),
            audits: [audit("a2", type: .survey, until: "2026-03-31")],
            by: qaLead
        )
        let service = programme(store, "2025-05-01")
        try await service.move("a2", to: .scoping, by: qaLead)
        try await service.move("a2", to: .fieldwork, by: qaLead)
        try await service.move("a2", to: .reported, by: qaLead)
        #expect(try await run(store, "2025-11-01").raised.isEmpty)
        let overdue = try await run(store, "2025-11-02")
        #expect(overdue.raised.map(\.rule) == ["audit.challenge-overdue"])
        #expect(
            overdue.raised.first?.message
                == "Audit a2 was reported on 2025-05-01; its challenge session was due by 2025-11-01."
        )
    }

    @Test func aSpotAuditIsProposedFromAStandingSignalAndAccepted() async throws {
        let store = InMemoryStore()
        let signal = Signal(
            id: "s1",
            key: "special-cause-concern|mash-contact-conversion|locality:north",
            kind: .specialCauseConcern,
            measure: "mash-contact-conversion",
            scope: .locality("north"),
            firstPeriod: try ReportingPeriod(parsing: "2025-03"),
            latestPeriod: try ReportingPeriod(parsing: "2025-05"),
            periodsStanding: 3,
            raisedOn: .fixture("2025-04-20"),
            summary: "Contacts converted to referrals in North fell below the lower limit."
        )
        try await Records(store: store).save(signal, version: 0, by: qaLead)
        let proposal = try #require(
            try await run(store, "2025-06-21").raised.first { $0.rule == "audit.proposed-spot-audit" }
        )
        #expect(
            proposal.message
                == "Propose a spot audit: Contacts converted to referrals in North fell below the lower limit. It has stood for 3 periods unanswered."
        )
        let spot = try await programme(store, "2025-06-22").acceptSpotAudit(
            for: "s1",
            themes: [.thresholds],
            lead: "QA lead",
            window: Day.fixture("2025-07-01")...Day.fixture("2025-07-31"),
            by: qaLead
        )
        #expect(spot.type == .spot)
        #expect(spot.signal == "s1")
        let linked = try await Records(store: store).require(Signal.self, id: "s1", as: qaLead).value
        #expect(linked.linkedRecords == [spot.reference])
        #expect(try await run(store, "2025-06-22").resolved.map(\.rule) == ["audit.proposed-spot-audit"])
    }

    @Test func oneSpotAuditAnswersEverySignalAboutItsSeriesAndNoOther() async throws {
        let store = InMemoryStore()
        func signal(_ id: String, _ kind: SignalKind, scope: SeriesScope) throws -> Signal {
            Signal(
                id: Signal.ID(rawValue: id)!,
                key: "\(kind)|mash-contact-conversion|\(scope)",
                kind: kind,
                measure: "mash-contact-conversion",
                scope: scope,
                firstPeriod: try ReportingPeriod(parsing: "2025-03"),
                latestPeriod: try ReportingPeriod(parsing: "2025-05"),
                periodsStanding: 3,
                raisedOn: .fixture("2025-04-20"),
                summary: "Signal \(id)."
            )
        }
        let signals = [
            try signal("below", .specialCauseConcern, scope: .locality("east")),
            try signal("red", .redRun, scope: .locality("east")),
            try signal("elsewhere", .redRun, scope: .locality("north")),
        ]
        for signal in signals { try await Records(store: store).save(signal, version: 0, by: qaLead) }
        let proposals = try await run(store, "2025-06-21").raised.filter { $0.rule == .auditProposedSpotAudit }
        #expect(proposals.count == 3)
        let spot = try await programme(store, "2025-06-22").acceptSpotAudit(
            for: "below",
            lead: "QA lead",
            window: Day.fixture("2025-07-01")...Day.fixture("2025-07-31"),
            by: qaLead
        )
        let held = try await Records(store: store).all(Signal.self, as: qaLead).map(\.value).keyed(by: \.id)
        #expect(held["below"]?.linkedRecords == [spot.reference])
        #expect(held["red"]?.linkedRecords == [spot.reference], "the same series' red run is answered by the audit")
        #expect(held["elsewhere"]?.linkedRecords == [], "another locality's signal is not")
        let next = try await run(store, "2025-06-22")
        #expect(next.resolved.filter { $0.rule == .auditProposedSpotAudit }.count == 2)
        #expect(next.raised.isEmpty)
    }

    @Test func aDeclinedProposalNeedsAReasonAndClears() async throws {
        let store = InMemoryStore()
        let signal = Signal(
            id: "s2",
            key: "k2",
            kind: .redRun,
            measure: "re-referrals-12m",
            scope: .partnership,
            firstPeriod: try ReportingPeriod(parsing: "2025-01"),
            latestPeriod: try ReportingPeriod(parsing: "2025-04"),
            periodsStanding: 4,
            raisedOn: .fixture("2025-03-01"),
            summary: "Re-referrals red."
        )
        try await Records(store: store).save(signal, version: 0, by: qaLead)
        #expect(try await run(store, "2025-06-01").raised.count == 1)
        await #expect(throws: DomainError(.invalidInput, "declining a spot audit of signal s2 needs a reason")) {
            try await programme(store, "2025-06-02").declineSpotAudit(for: "s2", reason: "", by: qaLead)
        }
        try await programme(store, "2025-06-02").declineSpotAudit(
            for: "s2",
            reason: "A deep dive on re-referrals is under way.",
            by: qaLead
        )
        #expect(try await run(store, "2025-06-02").resolved.count == 1)
    }

    @Test func aThemeBelowGoodInTwoAuditsIsARecurringConcern() async throws {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        try await programme(store, "2025-04-01").plan(
            year: try ReportingPeriod(parsing: "FY2025-26"),
            audits: [audit("b1"), audit("b2")],
            by: qaLead
        )
        for (id, day) in [("b1", "2025-06-01"), ("b2", "2025-09-01")] {
            let service = programme(store, day)
            try await service.move(Audit.ID(rawValue: id)!, to: .scoping, by: qaLead)
            try await service.move(Audit.ID(rawValue: id)!, to: .fieldwork, by: qaLead)
            let (auditCase, returns) = try await service.addCase(
                CaseReference(rawValue: "CASE-\(id)")!,
                to: Audit.ID(rawValue: id)!,
                selection: .random,
                agencies: [PartnershipScenario.police],
                returnsDue: .fixture(day),
                by: qaLead
            )
            try await service.submitReturn(
                returns[0].id,
                grades: AuditLifecycleTests.good,
                answers: AuditLifecycleTests.yes,
                goodPractice: nil,
                areasForDevelopment: nil,
                by: qaLead
            )
            try await service.move(Audit.ID(rawValue: id)!, to: .moderation, by: qaLead)
            try await service.moderate(
                auditCase.id,
                sections: AuditLifecycleTests.good,
                overall: Grade(level: "inadequate", rationale: "Drift."),
                notes: nil,
                by: qaLead
            )
            try await service.move(Audit.ID(rawValue: id)!, to: .reported, by: qaLead)
        }
        let outcome = try await run(store, "2025-09-02")
        let recurring = try #require(outcome.raised.first { $0.rule == "audit.recurring-theme" })
        #expect(recurring.message == "Neglect was judged below good in 2 audits in 12 months: Audit b1; Audit b2.")
        #expect(recurring.level == .practiceDevelopmentGroup)
        // A year after the first, only one audit falls within 12 months.
        #expect(try await run(store, "2026-06-02").resolved.contains { $0.rule == "audit.recurring-theme" })
    }

    @Test func anAuditClosedWithoutVoiceByAnotherRouteIsFound() async throws {
        let store = InMemoryStore()
        var closed = audit("c1", type: .survey)
        closed.stage = .closed
        try await Records(store: store).save(closed, version: 0, by: qaLead)
        let finding = try #require(try await run(store, "2025-05-01").raised.first)
        #expect(finding.rule == "audit.closed-without-voice")
    }
}

private func auditFramework(_ store: InMemoryStore, _ day: String, _ ids: IDGenerator) throws -> AssuranceFramework {
    try AssuranceFramework(
        modules: [AuditModule()],
        environment: AssuranceEnvironment(store: store, clock: .fixed(.fixture(day)), ids: ids),
        escalation: .never
    )
}
