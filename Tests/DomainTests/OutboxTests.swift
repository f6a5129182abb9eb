import AssuranceTesting
import Domain
import Foundation
import Synchronization
import Testing

/// The outbox: who a notification reaches, how messages are composed (a digest a day, at once where
/// asked), and how a notifier sends each once, tries again with growing waits and gives up.
struct OutboxTests {
    let day = Day.fixture("2026-04-30")

    /// A clock a test moves by hand: the notifier's waits are judged against it.
    final class MovingClock: Sendable {
        private let instant: Mutex<Date>

        init(_ day: Day) { instant = Mutex(DateSource.fixed(day).now()) }

        var dateSource: DateSource { DateSource { self.instant.withLock { $0 } } }
        var now: Date { instant.withLock { $0 } }
        func advance(seconds: TimeInterval) { instant.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    let contacts = ContactDirectory(
        sender: "Partnership <qa@partnership.example.org>",
        contacts: [
            Contact(
                id: "executive",
                name: "Executive support",
                address: .email("exec@partnership.example.org"),
                receives: .atOnce
            ),
            Contact(id: "pdg", name: "PDG support", address: .email("pdg@partnership.example.org")),
            Contact(id: "audit-group", name: "Audit group", address: .email("audit@partnership.example.org")),
            Contact(id: "leads", name: "Safeguarding lead", address: .email("lead@{agency}.example.org")),
            Contact(id: "qa", name: "Quality assurance", address: .webhook("https://tickets.example.org/hook")),
            Contact(id: "business", name: "Business team", address: .email("business@partnership.example.org")),
        ],
        routes: [
            ContactRoute(.level(.executive), to: ["executive"]),
            ContactRoute(.level(.practiceDevelopmentGroup), to: ["pdg"]),
            ContactRoute(.group("audit"), to: ["audit-group"]),
            ContactRoute(.agency(nil), to: ["leads"]),
            ContactRoute(.role(.qualityAssurance), kinds: [.findingEscalated], to: ["qa"]),
            ContactRoute(.role(.businessTeam), to: ["business"]),
        ]
    )

    func notification(
        _ key: String,
        kind: NotificationKind? = nil,
        level: EscalationLevel? = nil,
        agency: Agency.ID? = nil,
        group: Group.ID? = nil,
        due: String? = nil
    ) -> AssuranceNotification {
        AssuranceNotification(
            key: key,
            kind: kind,
            subject: "Subject \(key)",
            body: "Body",
            level: level,
            agency: agency,
            group: group,
            raisedOn: day,
            dueOn: due.map { Day.fixture($0) }
        )
    }

    // MARK: Routing

    @Test func routesReachEachLevelGroupAgencyAndRoleAndTheRestGoToTheBusinessTeam() {
        func reached(_ notification: AssuranceNotification) -> [String] {
            contacts.recipients(for: notification) { $0 == "police" ? "Police" : $0.rawValue }.map(\.id)
        }
        #expect(reached(notification("a", level: .executive)) == ["executive"])
        #expect(reached(notification("b", level: .practiceDevelopmentGroup, group: "audit")) == ["pdg", "audit-group"])
        #expect(reached(notification("c", agency: "police")) == ["leads/police"])
        let escalated = notification("finding:f1:executive", kind: .findingEscalated, level: .executive)
        #expect(reached(escalated) == ["executive", "qa"])
        #expect(reached(notification("finding:f1:executive", kind: .findingRaised, level: .executive)) == ["executive"])
        // Nothing routes a sub-group reminder about no agency or group: the business team has it.
        #expect(reached(notification("d", level: .subGroup)) == ["business"])

        let lead = contacts.recipients(for: notification("c", agency: "police")) { _ in "Police" }.first
        #expect(lead?.addressText == "lead@police.example.org")
        #expect(lead?.name == "Safeguarding lead, Police")
        #expect(contacts.contact("leads/police")?.addressText == "lead@police.example.org")
        #expect(contacts.contact("leads/police")?.id == "leads/police")
        #expect(contacts.contact("nobody") == nil)
    }

    // MARK: Composing

    @Test func eachRecipientGetsOneDigestADaySoonestDueFirstAndAtOnceWhereAsked() throws {
        let notifications = [
            notification("reminder:r1", kind: .reminder, level: .practiceDevelopmentGroup, due: "2026-05-20"),
            notification("reminder:r2", kind: .reminder, level: .practiceDevelopmentGroup, due: "2026-05-04"),
            notification("finding:f2:practice-development-group", level: .practiceDevelopmentGroup),
            notification("finding:f3:executive", level: .executive),
            notification("finding:f4:executive", level: .executive),
            notification("decision:d1", kind: .decisionAsked, level: .practiceDevelopmentGroup),
        ]
        let messages = Outbox.compose(notifications, contacts: contacts, on: day)
        let pdg = messages.filter { $0.recipient == "pdg" }
        let digest = try #require(pdg.first { $0.form == .dailyDigest })
        #expect(pdg.count == 2, "one digest, and the decision at once")
        #expect(digest.items.map(\.key) == ["reminder:r2", "reminder:r1", "finding:f2:practice-development-group"])
        #expect(pdg.first { $0.form == .atOnce }?.items.map(\.key) == ["decision:d1"])
        // The Executive's contact takes everything at once: one message for each finding.
        let executive = messages.filter { $0.recipient == "executive" }
        #expect(executive.map(\.form) == [.atOnce, .atOnce])
        #expect(executive.map { $0.items.map(\.key) } == [["finding:f3:executive"], ["finding:f4:executive"]])
        // Keys are stable: the same notifications compose the same messages.
        let again = Outbox.compose(notifications.reversed(), contacts: contacts, on: day)
        #expect(Set(again.map(\.idempotencyKey)) == Set(messages.map(\.idempotencyKey)))
        #expect(Set(again.map(\.id)) == Set(messages.map(\.id)))
        #expect(Outbox.compose(notifications, contacts: .empty, on: day).isEmpty)
    }

    @Test func aSecondRunOfTheDayJoinsTheUntriedDigestAndATriedOneIsFollowedByAnother() async throws {
        let store = InMemoryStore()
        let records = Records(store: store, clock: .fixed(day))
        func stage(_ notifications: [AssuranceNotification]) async throws -> [OutboxMessage] {
            var batch = RecordBatch()
            let staged = try await Outbox.stage(notifications, contacts: contacts, on: day, into: &batch, store: store)
            try await records.commit(batch, by: .system)
            return staged
        }
        let first = try await stage([notification("reminder:r1", kind: .reminder, level: .practiceDevelopmentGroup)])
        let second = try await stage([
            notification("reminder:r1", kind: .reminder, level: .practiceDevelopmentGroup),
            notification("reminder:r2", kind: .reminder, level: .practiceDevelopmentGroup, due: "2026-05-01"),
        ])
        #expect(first.count == 1)
        #expect(second.map(\.id) == first.map(\.id), "the day's digest, joined")
        var held = try await records.all(OutboxMessage.self, as: .system)
        #expect(held.count == 1)
        #expect(held.first?.value.items.map(\.key) == ["reminder:r2", "reminder:r1"])
        #expect(
            try await stage([notification("reminder:r1", kind: .reminder, level: .practiceDevelopmentGroup)]).isEmpty
        )

        let transport = RecordingMessageTransport()
        _ = try await Notifier(transports: [transport], contacts: contacts, records: records).deliverPending()
        let third = try await stage([notification("reminder:r3", kind: .reminder, level: .practiceDevelopmentGroup)])
        held = try await records.all(OutboxMessage.self, as: .system)
        #expect(held.count == 2)
        #expect(third.count == 1 && third.first?.id != first.first?.id, "a second digest, after the first went")
        #expect(third.first?.items.map(\.key) == ["reminder:r3"])
    }

    // MARK: Sending

    @Test func eachMessageIsSentOnceHoweverOftenDeliveryRuns() async throws {
        let records = Records(store: InMemoryStore(), clock: .fixed(day))
        let email = RecordingMessageTransport(channel: .email)
        let webhook = RecordingMessageTransport(channel: .webhook)
        let notifier = Notifier(transports: [email, webhook], contacts: contacts, records: records)
        var batch = RecordBatch()
        try await notifier.enqueue(
            [
                notification("finding:f1:executive", kind: .findingEscalated, level: .executive),
                notification("reminder:r1", kind: .reminder, agency: "police", due: "2026-05-05"),
            ],
            into: &batch,
            store: records.store
        )
        try await records.commit(batch, by: .system)
        let report = try await notifier.deliverPending()
        #expect(report.sent.count == 3)
        #expect(Set(await email.sent.map(\.recipient)) == ["executive", "leads/police"])
        #expect(await webhook.sent.map(\.recipient) == ["qa"])
        for _ in 1...3 { _ = try await notifier.deliverPending() }
        let restarted = Notifier(transports: [email, webhook], contacts: contacts, records: records)
        let again = try await restarted.deliverPending()
        #expect(again.sent.isEmpty)
        #expect(await email.attempts.count == 2)
        #expect(await webhook.attempts.count == 1)
        let held = try await records.all(OutboxMessage.self, as: .system)
        #expect(held.allSatisfy { $0.value.status == .sent && $0.value.attempts.count == 1 })
    }

    @Test func failuresWaitLongerEachTimeThenTheMessageIsGivenUpAndReportedToTheBusinessTeam() async throws {
        let clock = MovingClock(day)
        let store = InMemoryStore()
        let records = Records(store: store, clock: clock.dateSource)
        let email = RecordingMessageTransport(channel: .email)
        await email.setFailure(DeliveryFailure("connection refused"))
        let notifier = Notifier(transports: [email], contacts: contacts, records: records)
        _ = try await notifier.send(
            notification("finding:f1:practice-development-group", level: .practiceDevelopmentGroup)
        )

        // Fact: MessageRetryPolicy.standard, 6 attempts, waits of 5 minutes growing threefold to 6 hours.
        var waits: [TimeInterval] = []
        for _ in 1..<6 {
            let held = try #require(try await records.all(OutboxMessage.self, as: .system).first?.value)
            let notBefore = try #require(held.notBefore)
            waits.append(notBefore.timeIntervalSince(clock.now))
            let early = try await notifier.deliverPending()
            #expect(early.waiting == 1 && early.retrying.isEmpty, "nothing is tried before its wait is over")
            clock.advance(seconds: waits.last ?? 0)
            _ = try await notifier.deliverPending()
        }
        #expect(waits == [300, 900, 2_700, 8_100, 21_600])
        let given = try #require(try await records.all(OutboxMessage.self, as: .system).first?.value)
        #expect(given.status == .undeliverable)
        #expect(given.attempts.count == 6)
        #expect(given.attempts.allSatisfy { $0.error == "connection refused" })
        #expect(await email.attempts.count == 6)

        let findings = try await UndeliverableMessageRule().evaluate(in: AssuranceView(store: store), on: day)
        #expect(findings.count == 1)
        #expect(findings.first?.level == .practiceDevelopmentGroup)
        #expect(
            findings.first?.message
                == "An email of 2026-04-30 to PDG support (1 item, the first \"Subject finding:f1:practice-development-group\") "
                + "could not be delivered after 6 attempts: connection refused."
        )

        // The address put right, the message is put back for a new round and goes.
        await email.setFailure(nil)
        #expect(try await notifier.requeueUndeliverable(for: "pdg") == 1)
        let report = try await notifier.deliverPending()
        #expect(report.sent.count == 1)
        let sent = try #require(try await records.all(OutboxMessage.self, as: .system).first?.value)
        #expect(sent.status == .sent && sent.attempts.count == 7, "the earlier attempts are kept")
        #expect(try await UndeliverableMessageRule().evaluate(in: AssuranceView(store: store), on: day).isEmpty)
    }

    @Test func aPermanentRefusalGivesUpAtOnce() async throws {
        let records = Records(store: InMemoryStore(), clock: .fixed(day))
        let email = RecordingMessageTransport(channel: .email)
        await email.setFailure(DeliveryFailure("550 no such user", permanent: true))
        let report = try await Notifier(transports: [email], contacts: contacts, records: records).send(
            notification("finding:f1:executive", level: .executive)
        )
        #expect(report.undeliverable.map(\.error) == ["550 no such user"])
        #expect(report.retrying.isEmpty)
    }

    @Test func aMessageClaimedByANotifierThatStoppedIsSentAgainWithTheSameKeyWhenItsLeaseRunsOut() async throws {
        let clock = MovingClock(day)
        let records = Records(store: InMemoryStore(), clock: clock.dateSource)
        var batch = RecordBatch()
        let staged = try await Outbox.stage(
            [notification("finding:f1:executive", level: .executive)],
            contacts: contacts,
            on: day,
            into: &batch,
            store: records.store
        )
        try await records.commit(batch, by: .system)
        // A notifier that claims the message and then stops before it records the outcome (a
        // crash mid-send): its claim is written, the send's outcome never is.
        let stalled = StallingTransport()
        let crashed = Notifier(transports: [stalled], contacts: contacts, records: records, lease: 600)
        Task { try await crashed.deliverPending() }
        await stalled.waitUntilCalled()

        let email = RecordingMessageTransport(channel: .email)
        let other = Notifier(transports: [email], contacts: contacts, records: records, lease: 600)
        let during = try await other.deliverPending()
        #expect(during.heldElsewhere == 1 && during.sent.isEmpty, "the claim holds the other notifier off")
        clock.advance(seconds: 601)
        let after = try await other.deliverPending()
        #expect(after.sent.map(\.idempotencyKey) == staged.map(\.idempotencyKey))
        #expect(await email.sentKeys == staged.map(\.idempotencyKey))
        let held = try #require(try await records.all(OutboxMessage.self, as: .system).first?.value)
        #expect(held.attempts.count == 2)
        #expect(held.attempts.first?.finishedAt == nil, "the stopped attempt is kept, unfinished")
    }
}

/// A transport that never returns: the notifier holding it stands for one that stopped mid-send.
actor StallingTransport: MessageTransport {
    nonisolated var channel: ContactChannel { .email }
    private var called = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var parked: [CheckedContinuation<Void, Never>] = []

    func send(_ message: OutboxMessage, to contact: Contact, in contacts: ContactDirectory) async throws {
        called = true
        for waiter in waiters { waiter.resume() }
        waiters = []
        await withCheckedContinuation { parked.append($0) }
    }

    func waitUntilCalled() async {
        if called { return }
        await withCheckedContinuation { waiters.append($0) }
    }
}
