import AssuranceTesting
import Domain
import Foundation
import Testing

struct AssuranceCycleTests {
    let start = Day.fixture("2025-04-01")
    let qaLead = PartnershipScenario.qaLead
    /// One generator for every framework a test builds, as one host process would have.
    let ids = IDGenerator.incrementing

    /// A partnership whose police partner has stopped attending the QADG.
    func scenario() -> PartnershipScenario {
        var scenario = PartnershipScenario.small(from: start, months: 6)
        for index in scenario.meetings.indices where scenario.meetings[index].group == PartnershipScenario.qadg {
            if index % 2 == 0 {
                scenario.meetings[index].attended.removeAll { $0 == PartnershipScenario.police }
            }
        }
        // Groups report and are scrutinised on time, so only attendance is found.
        for group in [PartnershipScenario.pdg, PartnershipScenario.qadg, PartnershipScenario.executive] {
            scenario.groupReports.append(
                GroupReport(
                    id: GroupReport.ID(rawValue: "report-\(group)")!,
                    group: group,
                    to: PartnershipScenario.executive,
                    submittedOn: .fixture("2025-09-01"),
                    impactAndOutcomes: "On track."
                )
            )
            scenario.scrutinySessions.append(
                ScrutinySession(
                    id: ScrutinySession.ID(rawValue: "scrutiny-\(group)")!,
                    group: group,
                    heldOn: .fixture("2025-09-01"),
                    outcomes: "Good.",
                    impactOnChildrenAndFamilies: "Some."
                )
            )
        }
        return scenario
    }

    func framework(
        store: InMemoryStore,
        on day: Day,
        sink: RecordingNotificationSink? = nil
    ) throws -> AssuranceFramework {
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: ids)
        let notifier = sink.map { Notifier(sinks: [$0], records: environment.records, clock: TestClock()) }
        return try AssuranceFramework(modules: [PartnershipModule()], environment: environment, notifier: notifier)
    }

    @Test func raisesAFindingAndNotifiesOnce() async throws {
        let store = InMemoryStore()
        try await scenario().save(into: Records(store: store))
        let day = Day.fixture("2025-09-15")
        let sink = RecordingNotificationSink()
        let outcome = try await framework(store: store, on: day, sink: sink).runCycle(on: day, by: qaLead)
        #expect(outcome.raised.count == 1)
        let finding = try #require(outcome.raised.first)
        #expect(finding.rule == .partnershipStatutoryPartnerAttendance)
        #expect(finding.level == .practiceDevelopmentGroup)
        #expect(finding.severity == .emergingRisk)
        #expect(
            finding.message
                == "Constabulary attended 3 of the last 6 Quality Assurance Delivery Group meetings it was invited to (50%), below the 75% expected of a statutory partner."
        )
        #expect(finding.evidence.count == 3)
        #expect(await sink.deliveredKeys == ["finding:\(finding.id):practice-development-group"])
        #expect(await sink.delivered.map(\.rule) == [.partnershipStatutoryPartnerAttendance])
    }

    @Test func runningTwiceOnTheSameDayChangesNothingAndNotifiesNothing() async throws {
        let store = InMemoryStore()
        try await scenario().save(into: Records(store: store))
        let day = Day.fixture("2025-09-15")
        let sink = RecordingNotificationSink()
        let framework = try framework(store: store, on: day, sink: sink)
        _ = try await framework.runCycle(on: day, by: qaLead)
        let logBefore = try await store.changeLog(from: .distantPast, to: .distantFuture)
        let second = try await framework.runCycle(on: day, by: qaLead)
        #expect(second.changedNothing)
        #expect(second.kept.count == 1)
        #expect(try await store.changeLog(from: .distantPast, to: .distantFuture) == logBefore)
        #expect(await sink.deliveredKeys.count == 1)
    }

    @Test func aFindingResolvesWhenItsConditionClears() async throws {
        let store = InMemoryStore()
        let records = Records(store: store)
        try await scenario().save(into: records)
        let day = Day.fixture("2025-09-15")
        _ = try await framework(store: store, on: day).runCycle(on: day, by: qaLead)
        // The police attend the next three QADG meetings: 3 misses in the last 6 become 1 (83%).
        for month in ["2025-10-01", "2025-11-03", "2025-12-01"] {
            try await records.save(
                Meeting(
                    id: Meeting.ID(rawValue: "qadg-extra-\(month)")!,
                    group: PartnershipScenario.qadg,
                    day: .fixture(month),
                    invited: [PartnershipScenario.police],
                    attended: [PartnershipScenario.police]
                ),
                version: 0,
                by: qaLead
            )
        }
        let later = Day.fixture("2025-12-02")
        let outcome = try await framework(store: store, on: later).runCycle(on: later, by: qaLead)
        #expect(outcome.resolved.count == 1)
        #expect(outcome.resolved.first?.resolvedOn == later)
        #expect(outcome.resolved.first?.status == .resolved)
        let open = try await framework(store: store, on: later).findings(as: qaLead)
        #expect(open.filter { $0.rule == "partnership.statutory-partner-attendance" }.isEmpty)
    }

    @Test func anUnresolvedFindingEscalatesAfterTwoMonthsAndAgainAfterFour() async throws {
        let store = InMemoryStore()
        try await scenario().save(into: Records(store: store))
        let raisedOn = Day.fixture("2025-09-15")
        let sink = RecordingNotificationSink()
        _ = try await framework(store: store, on: raisedOn, sink: sink).runCycle(on: raisedOn, by: qaLead)

        let dayBefore = Day.fixture("2025-11-14")
        let early = try await framework(store: store, on: dayBefore, sink: sink).runCycle(on: dayBefore, by: qaLead)
        #expect(early.escalated.isEmpty)

        let twoMonths = Day.fixture("2025-11-15")
        let second = try await framework(store: store, on: twoMonths, sink: sink).runCycle(on: twoMonths, by: qaLead)
        let escalated = try #require(second.escalated.first)
        #expect(escalated.level == .executive)
        #expect(escalated.atLevelSince == twoMonths)
        #expect(escalated.levelHistory.map(\.level) == [.practiceDevelopmentGroup, .executive])
        #expect(
            await sink.deliveredKeys.filter { $0.contains("\(escalated.id)") } == [
                "finding:\(escalated.id):practice-development-group", "finding:\(escalated.id):executive",
            ]
        )
    }

    @Test func aLongGapEscalatesThroughEachLevelDatedWhenItFellDue() throws {
        var finding = Finding(
            id: "f",
            rule: "r",
            key: "k",
            subject: RecordReference(type: "x", id: "y"),
            severity: .areaForImprovement,
            level: .agency,
            message: "m",
            raisedOn: .fixture("2025-01-31")
        )
        let changes = EscalationPolicy.standard.escalations(
            of: finding,
            through: .fixture("2025-09-01"),
            calendar: EnglandAndWalesCalendar()
        )
        #expect(changes.map(\.level) == [.subGroup, .practiceDevelopmentGroup, .executive])
        #expect(changes.map(\.on) == [.fixture("2025-03-31"), .fixture("2025-05-31"), .fixture("2025-07-31")])
        finding.severity = .goodPractice
        #expect(
            EscalationPolicy.standard.escalations(
                of: finding,
                through: .fixture("2026-01-01"),
                calendar: EnglandAndWalesCalendar()
            ).isEmpty
        )
    }

    /// A finding held at a level the partnership's route skips moves on to the next level the route
    /// holds, on the day it reached the skipped level, and escalates from there; a new one starts
    /// there.
    @Test func aFindingAtALevelTheRouteSkipsMovesToTheNextLevelOnIt() throws {
        var policy = EscalationPolicy(after: [.agency: .months(1), .practiceDevelopmentGroup: .months(3)])
        policy.route = [.agency, .practiceDevelopmentGroup, .executive]
        let finding = Finding(
            id: "f",
            rule: "r",
            key: "k",
            subject: RecordReference(type: "x", id: "y"),
            severity: .areaForImprovement,
            level: .subGroup,
            message: "m",
            raisedOn: .fixture("2025-01-31")
        )
        let early = policy.escalations(
            of: finding,
            through: .fixture("2025-02-01"),
            calendar: EnglandAndWalesCalendar()
        )
        #expect(early == [Finding.LevelChange(level: .practiceDevelopmentGroup, on: .fixture("2025-01-31"))])
        let later = policy.escalations(
            of: finding,
            through: .fixture("2025-06-01"),
            calendar: EnglandAndWalesCalendar()
        )
        #expect(later.map(\.level) == [.practiceDevelopmentGroup, .executive])
        #expect(later.map(\.on) == [.fixture("2025-01-31"), .fixture("2025-04-30")])
        #expect(policy.levelOnRoute(.subGroup) == .practiceDevelopmentGroup)
        #expect(policy.levelOnRoute(.agency) == .agency)
    }

    @Test func groupReportingAndScrutinyCadences() async throws {
        let store = InMemoryStore()
        var scenario = PartnershipScenario.small(from: start, months: 6)
        scenario.groupReports = [
            GroupReport(
                id: "qadg-1",
                group: PartnershipScenario.qadg,
                submittedOn: .fixture("2025-06-10"),
                impactAndOutcomes: "x"
            )
        ]
        try await scenario.save(into: Records(store: store))
        let day = Day.fixture("2025-10-11")
        let outcome = try await framework(store: store, on: day).runCycle(on: day, by: qaLead)
        let messages = outcome.raised.filter { $0.rule != "partnership.statutory-partner-attendance" }.map(\.message)
            .sorted()
        // The PDG and the Executive are not sub-groups: they have no bi-monthly report or scrutiny
        // cadence; the PDG meets monthly, and the scenario's meetings end in September.
        #expect(
            messages == [
                "Practice Development Group has not met since 2025-09-01; at its monthly cadence it was due to meet by 2025-10-01.",
                "Quality Assurance Delivery Group has not reported to the Practice Development Group since 2025-06-10; its bi-monthly report was due by 2025-08-10.",
                "Quality Assurance Delivery Group's six-monthly scrutiny session was due by 2025-10-01; there has been none since it was established on 2025-04-01.",
            ]
        )
    }

    @Test func onlyAnAdministratorMayRunTheCycle() async throws {
        let store = InMemoryStore()
        let day = Day.fixture("2025-09-15")
        await #expect(
            throws: DomainError(
                .accessDenied,
                "principal \"viewer\" (viewer) may not administer domain.finding/cycle"
            )
        ) {
            try await framework(store: store, on: day).runCycle(on: day, by: PartnershipScenario.viewer)
        }
    }

    @Test func acknowledgementOwnershipAndTheExecutivesDecisionAreKept() async throws {
        let store = InMemoryStore()
        try await scenario().save(into: Records(store: store))
        let raisedOn = Day.fixture("2025-09-15")
        let framework = try framework(store: store, on: raisedOn)
        let finding = try #require(try await framework.runCycle(on: raisedOn, by: qaLead).raised.first)
        try await framework.acknowledge(finding.id, note: "Raised with the police lead.", by: qaLead)
        try await framework.assign(finding.id, to: "police-lead", by: qaLead)
        await #expect(
            throws: DomainError(
                .invalidTransition,
                "finding \(finding.id) is at the assurance group; a decision is recorded once it reaches the safeguarding partners"
            )
        ) {
            try await framework.recordDecision(finding.id, decision: "Write to the chief constable.", by: qaLead)
        }
        let later = Day.fixture("2025-11-20")
        let laterFramework = try self.framework(store: store, on: later)
        _ = try await laterFramework.runCycle(on: later, by: qaLead)
        let decided = try await laterFramework.recordDecision(
            finding.id,
            decision: "Write to the chief constable.",
            by: qaLead
        )
        #expect(decided.decision == Finding.Decision(by: "qa-lead", on: later, text: "Write to the chief constable."))
        #expect(decided.acknowledgement?.note == "Raised with the police lead.")
        #expect(decided.owner == "police-lead")
        let history = try await Records(store: store).history(of: Finding.self, id: finding.id, as: qaLead)
        #expect(history.map(\.principal) == ["system", "qa-lead", "qa-lead", "system", "qa-lead"])
    }

    @Test func theRuleCatalogueNamesEachRulesSource() throws {
        let catalogue = try AssuranceFramework(modules: [PartnershipModule()]).ruleCatalogue
        #expect(
            catalogue.map(\.id.rawValue) == [
                "partnership.statutory-partner-attendance", "partnership.group-report-overdue",
                "partnership.scrutiny-session-overdue", "partnership.meeting-cadence",
                "partnership.sub-group-escalation", "partnership.priority-without-activity",
                "partnership.voice-changed-practice", "partnership.undeliverable-message",
            ]
        )
        #expect(catalogue.allSatisfy { $0.source.kind == .framework && !$0.source.citation.isEmpty })
    }

    @Test func dataFromANewerSchemaIsRefusedBeforeTheCycleRuns() async throws {
        let store = InMemoryStore()
        try await store.write(
            [
                .save(
                    StoredRecord(
                        type: Agency.recordType,
                        id: "police",
                        version: 0,
                        schemaVersion: 2,
                        index: RecordIndex(),
                        payload: Data("{}".utf8)
                    )
                )
            ],
            context: ChangeContext(principal: "x", at: Date(timeIntervalSince1970: 0))
        )
        let day = Day.fixture("2025-09-15")
        await #expect(
            throws: DomainError(
                .schemaTooNew,
                "domain.agency records were written with schema version 2, but this build reads up to version 1; update the package before opening this data"
            )
        ) {
            try await framework(store: store, on: day).runCycle(on: day, by: qaLead)
        }
    }
}

/// Findings at the sub-group level are addressed to the group that must act.
struct ActingGroupTests {
    /// A rule that finds one matter at the sub-group level, naming a group or leaving it to the framework.
    struct SubGroupMatter: AssuranceRule {
        var named: Group.ID?
        var acting: GroupKind?
        var id: RuleID { "probe.sub-group-matter" }
        var title: String { "Sub-group matter" }
        var summary: String { "One matter for a sub-group." }
        var source: ObligationSource { .framework("none") }
        var actingGroup: GroupKind? { acting }
        func evaluate(in view: AssuranceView, on day: Day) async throws -> [FindingDraft] {
            [
                FindingDraft(
                    key: "one",
                    subject: RecordReference(Group.self, id: PartnershipScenario.pdg),
                    group: named,
                    severity: .areaForImprovement,
                    level: .subGroup,
                    message: "A matter for a sub-group."
                )
            ]
        }
    }

    func raised(by rule: SubGroupMatter) async throws -> Finding? {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2025-04-01"), months: 3).save(into: Records(store: store))
        let day = Day.fixture("2025-07-01")
        let environment = AssuranceEnvironment(store: store, clock: .fixed(day), ids: .incrementing)
        let framework = try AssuranceFramework(modules: [PartnershipModule()], rules: [rule], environment: environment)
        return try await framework.runCycle(on: day, by: PartnershipScenario.qaLead).raised.first {
            $0.rule == rule.id
        }
    }

    @Test func aSubGroupFindingGoesToTheActiveGroupOfTheKindItsRuleNames() async throws {
        let finding = try #require(try await raised(by: SubGroupMatter(acting: .qualityAssuranceDeliveryGroup)))
        #expect(finding.group == PartnershipScenario.qadg)
    }

    @Test func aGroupTheRuleNamesIsKeptAndARuleNamingNoKindLeavesItUnaddressed() async throws {
        let named = try #require(
            try await raised(by: SubGroupMatter(named: PartnershipScenario.pdg, acting: .qualityAssuranceDeliveryGroup))
        )
        #expect(named.group == PartnershipScenario.pdg)
        let unnamed = try #require(try await raised(by: SubGroupMatter()))
        #expect(unnamed.group == nil)
    }
}
