import AssuranceTesting
import Domain
import Foundation
import Testing

struct NotifierTests {
    let day = Day.fixture("2025-06-02")

    func notification(_ key: String) -> AssuranceNotification {
        AssuranceNotification(key: key, subject: "Subject \(key)", body: "Body", level: .executive, raisedOn: day)
    }

    @Test func aFailingSinkIsIsolatedAndTheOthersDeliver() async throws {
        let records = Records(store: InMemoryStore(), clock: .fixed(day))
        let good = RecordingNotificationSink(name: "good")
        let broken = RecordingNotificationSink(name: "broken", alwaysFails: true)
        let clock = TestClock()
        let notifier = Notifier(sinks: [broken, good], records: records, clock: clock)
        let report = try await notifier.send(notification("a"))
        #expect(await good.deliveredKeys == ["a"])
        #expect(report.delivered.map(\.sink) == ["good"])
        #expect(report.failed.map(\.sink) == ["broken"])
        #expect(report.failed.first?.error == "deliveryFailed: broken is unavailable")
        #expect(await broken.attemptCount == 3)
        // Back-off through the clock seam: 1 s, then 2 s, and no real waiting.
        #expect(clock.sleeps == [.seconds(1), .seconds(2)])
    }

    @Test func aSinkThatRecoversWithinItsRetriesDelivers() async throws {
        let records = Records(store: InMemoryStore(), clock: .fixed(day))
        let flaky = RecordingNotificationSink(name: "flaky", failures: 2)
        let notifier = Notifier(sinks: [flaky], records: records, clock: TestClock())
        let report = try await notifier.send(notification("a"))
        #expect(report.delivered.count == 1 && report.failed.isEmpty)
        #expect(await flaky.deliveredKeys == ["a"])
        let entry = try #require(try await records.load(OutboxEntry.self, id: OutboxEntry.id(forKey: "a"), as: .system))
        #expect(entry.value.status == .delivered)
        #expect(entry.value.deliveries["flaky"]?.attempts == 3)
    }

    @Test func whatFailedStaysInTheOutboxAndIsDeliveredLater() async throws {
        let store = InMemoryStore()
        let records = Records(store: store, clock: .fixed(day))
        let sink = RecordingNotificationSink(name: "teams", alwaysFails: true)
        let notifier = Notifier(sinks: [sink], records: records, clock: TestClock())
        _ = try await notifier.send(notification("a"))
        let pending = try await records.all(OutboxEntry.self, RecordFilter(status: "pending"), as: .system)
        #expect(pending.map(\.value.notification.key) == ["a"])
        #expect(pending.first?.value.deliveries["teams"]?.lastError == "deliveryFailed: teams is unavailable")

        // A new notifier (as after a restart) with the sink back up delivers what was pending.
        await sink.setFailing(false)
        let restarted = Notifier(sinks: [sink], records: records, clock: TestClock())
        let report = try await restarted.deliverPending()
        #expect(report.delivered.map(\.key) == ["a"])
        #expect(await sink.deliveredKeys == ["a"])
    }

    @Test func theSameKeyIsNeverDeliveredTwiceAcrossRestarts() async throws {
        let records = Records(store: InMemoryStore(), clock: .fixed(day))
        let sink = RecordingNotificationSink(name: "email")
        _ = try await Notifier(sinks: [sink], records: records, clock: TestClock()).send(notification("k"))
        let again = Notifier(sinks: [sink], records: records, clock: TestClock())
        _ = try await again.send(notification("k"))
        _ = try await again.deliverPending()
        #expect(await sink.deliveredKeys == ["k"])
    }

    @Test func aSinkAddedLaterGetsWhatIsStillPendingOnly() async throws {
        let records = Records(store: InMemoryStore(), clock: .fixed(day))
        let first = RecordingNotificationSink(name: "first")
        _ = try await Notifier(sinks: [first], records: records, clock: TestClock()).send(notification("done"))
        let second = RecordingNotificationSink(name: "second")
        _ = try await Notifier(sinks: [first, second], records: records, clock: TestClock()).send(notification("new"))
        #expect(await first.deliveredKeys == ["done", "new"])
        #expect(await second.deliveredKeys == ["new"])
    }

    @Test func retryDelaysGrowAndAreCapped() {
        let policy = RetryPolicy(attempts: 6, initialDelay: .seconds(1), multiplier: 3, maximumDelay: .seconds(10))
        #expect(
            (2...6).map { policy.delay(beforeAttempt: $0) } == [
                .seconds(1), .seconds(3), .seconds(9), .seconds(10), .seconds(10),
            ]
        )
    }

    @Test func theJSONLinesSinkAppendsOneSortedObjectALine() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "notifications-\(ProcessInfo.processInfo.processIdentifier)-\(#line).jsonl"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = JSONLinesNotificationSink(path: path)
        try await sink.deliver(notification("one"))
        try await sink.deliver(notification("two"))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines[0]
                == #"{"body":"Body","key":"one","kind":"other","level":"executive","raisedOn":"2025-06-02","subject":"Subject one"}"#
        )
        #expect(sink.name == "json-lines:\(path)")
    }

    @Test func theJSONLinesSinkFailsClearlyWhenItCannotWrite() async throws {
        let sink = JSONLinesNotificationSink(path: "/nonexistent-directory/notifications.jsonl")
        await #expect(
            throws: DomainError(
                .deliveryFailed,
                "cannot create the notification file /nonexistent-directory/notifications.jsonl"
            )
        ) {
            try await sink.deliver(notification("x"))
        }
    }
}
