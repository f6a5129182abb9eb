import AssuranceTesting
import Domain
import Foundation
import Testing

/// Reminders before deadlines: on the right working day, once, to whoever owes the work.
struct ReminderTests {
    let qaLead = PartnershipScenario.qaLead

    /// A module that owes what the test says.
    struct Owing: AssuranceModule {
        var id: ModuleID { "owing" }
        var name: String { "Owing" }
        var recordTypes: [any StorableRecord.Type] { [] }
        var rules: [any AssuranceRule] { [] }
        let owed: [Deadline]
        func deadlines(in view: AssuranceView, on day: Day) async throws -> [Deadline] {
            owed.filter { $0.dueOn >= day }
        }
    }

    func deadline(_ key: String, kind: DeadlineKind, due: String) -> Deadline {
        Deadline(
            key: key,
            kind: kind,
            what: "Constabulary's case return to the neglect audit",
            dueOn: .fixture(due),
            level: .agency,
            agency: PartnershipScenario.police,
            subject: RecordReference(type: "audit.audit", id: "a-neglect")
        )
    }

    @Test func aReminderGoesOutOnItsWorkingDayOnceAndIsDeliveredOnce() async throws {
        let store = InMemoryStore()
        let today = AdvancingDay(.fixture("2025-06-05"))
        let environment = AssuranceEnvironment(store: store, clock: today.dateSource, ids: .incrementing)
        let sink = RecordingNotificationSink(name: "email")
        let notifier = Notifier(sinks: [sink], records: environment.records, clock: TestClock())
        // Due Friday 13 June 2025; an audit case return is reminded 5 working days before: Friday 6 June.
        let owed = deadline("return|a-neglect|police", kind: .auditCaseReturn, due: "2025-06-13")
        let framework = try AssuranceFramework(
            modules: [Owing(owed: [owed])],
            environment: environment,
            notifier: notifier
        )
        #expect(framework.reminders.remindFrom(owed, calendar: environment.calendar) == .fixture("2025-06-06"))
        #expect(try await framework.runCycle(on: today.day, by: qaLead).reminded.isEmpty)
        today.advance()
        let sent = try await framework.runCycle(on: today.day, by: qaLead).reminded
        #expect(sent.map(\.key) == ["return|a-neglect|police"])
        #expect(sent.first?.agency == PartnershipScenario.police)
        #expect(await sink.deliveredKeys == ["reminder:\(Reminder.id(of: owed))"])
        // The same day again, and the days up to the deadline: nothing more.
        #expect(try await framework.runCycle(on: today.day, by: qaLead).reminded.isEmpty)
        for _ in 0..<7 {
            today.advance()
            #expect(try await framework.runCycle(on: today.day, by: qaLead).reminded.isEmpty)
        }
        #expect(await sink.deliveredKeys.count == 1)
        let stored = try await Records(store: store).all(Reminder.self, as: qaLead).map(\.value)
        #expect(stored.map(\.sentOn) == [.fixture("2025-06-06")])
    }

    @Test func aReminderCountsWorkingDaysPastABankHolidayAndComesAgainForANewDueDay() async throws {
        let store = InMemoryStore()
        let today = AdvancingDay(.fixture("2025-05-21"))
        let environment = AssuranceEnvironment(store: store, clock: today.dateSource, ids: .incrementing)
        // Due Tuesday 27 May 2025, after the spring bank holiday on the 26th: a child protection
        // clock, reminded 2 working days before, is reminded on Thursday 22 May.
        let first = deadline("clock|case-1", kind: .caseClock, due: "2025-05-27")
        var framework = try AssuranceFramework(modules: [Owing(owed: [first])], environment: environment)
        #expect(try await framework.runCycle(on: today.day, by: qaLead).reminded.isEmpty)
        today.advance()
        #expect(
            try await framework.runCycle(on: today.day, by: qaLead).reminded.map(\.dueOn) == [.fixture("2025-05-27")]
        )
        // The conference is moved to 3 June: a new due day, reminded again from 30 May.
        var moved = first
        moved.dueOn = .fixture("2025-06-03")
        framework = try AssuranceFramework(modules: [Owing(owed: [moved])], environment: environment)
        today.set(.fixture("2025-05-29"))
        #expect(try await framework.runCycle(on: today.day, by: qaLead).reminded.isEmpty)
        today.set(.fixture("2025-05-30"))
        #expect(
            try await framework.runCycle(on: today.day, by: qaLead).reminded.map(\.dueOn) == [.fixture("2025-06-03")]
        )
    }

    @Test func aPartnershipSetsItsOwnReminderTimesOrNone() async throws {
        let owed = deadline("return|x", kind: .selfAssessmentReturn, due: "2025-06-30")
        var policy = ReminderPolicy.standard
        #expect(policy.workingDays(before: .selfAssessmentReturn) == 10)
        #expect(policy.remindFrom(owed, calendar: EnglandAndWalesCalendar()) == .fixture("2025-06-16"))
        policy.workingDaysBefore[.selfAssessmentReturn] = 15
        #expect(policy.remindFrom(owed, calendar: EnglandAndWalesCalendar()) == .fixture("2025-06-09"))
        #expect(policy.workingDays(before: "host.own-deadline") == 5)
        let store = InMemoryStore()
        let environment = AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-06-30")))
        let silent = try AssuranceFramework(modules: [Owing(owed: [owed])], environment: environment, reminders: .never)
        #expect(try await silent.runCycle(on: .fixture("2025-06-30"), by: qaLead).reminded.isEmpty)
    }

    @Test func aSubGroupIsRemindedOfItsReportAndItsScrutinySession() async throws {
        let store = InMemoryStore()
        try await PartnershipScenario.small(from: .fixture("2025-04-01")).save(into: Records(store: store))
        let environment = AssuranceEnvironment(store: store, clock: .fixed(.fixture("2025-05-20")))
        let framework = try AssuranceFramework(modules: [PartnershipModule()], environment: environment)
        let due = try await framework.deadlines(on: .fixture("2025-05-20"))
        // The QADG, established on 1 April, reports bi-monthly and is scrutinised six-monthly.
        #expect(
            due.filter { $0.group == PartnershipScenario.qadg }.map { "\($0.kind) \($0.dueOn)" } == [
                "partnership.group-report 2025-06-01", "partnership.scrutiny-session 2025-10-01",
            ]
        )
        let soon = try await framework.deadlines(on: .fixture("2025-05-20"), within: 10)
        #expect(soon.allSatisfy { $0.dueOn <= .fixture("2025-06-03") })
        #expect(soon.contains { $0.group == PartnershipScenario.qadg && $0.kind == .groupReport })
    }
}
