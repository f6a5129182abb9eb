import Foundation

/// Fans notifications out to several sinks, with retries, isolation and a persistent outbox.
///
/// - A failing sink does not stop the others: each sink's delivery is tried, retried and recorded
///   on its own.
/// - Waits between retries go through the `Clock` passed in, so tests run them instantly.
/// - Every notification is written to the outbox (``OutboxEntry``) before it is delivered, and each
///   sink's delivery is recorded after it succeeds. A notification that failed is retried by the
///   next ``deliverPending()``, after a restart too; one that was delivered is never delivered again.
///
/// ```swift
/// let notifier = Notifier(sinks: [ConsoleNotificationSink(), teams], records: environment.records)
/// try await notifier.send(notification)
/// ```
public actor Notifier {
    /// The sinks, in the order they are tried.
    public nonisolated let sinks: [any NotificationSink]
    private let records: Records
    private let clock: any Clock<Duration>
    private let retry: RetryPolicy

    /// Creates a notifier.
    ///
    /// - Parameters:
    ///   - sinks: Where to deliver.
    ///   - records: The store that keeps the outbox, and the clock that stamps deliveries.
    ///   - clock: The clock that retries wait on.
    ///   - retry: How to retry a failing sink.
    public init(
        sinks: [any NotificationSink],
        records: Records,
        clock: any Clock<Duration> = ContinuousClock(),
        retry: RetryPolicy = .standard
    ) {
        self.sinks = sinks
        self.records = records
        self.clock = clock
        self.retry = retry
    }

    /// Adds notifications to a batch as new outbox entries, skipping any whose key is already in the outbox.
    ///
    /// The assurance cycle uses this to write its notifications in the same transaction as its findings.
    public nonisolated func enqueue(
        _ notifications: [AssuranceNotification],
        into batch: inout RecordBatch,
        store: any RecordStore
    )
        async throws
    {
        var seen = Set<String>()
        for notification in notifications where seen.insert(notification.key).inserted {
            let entry = OutboxEntry(notification)
            if try await store.record(entry.reference) == nil {
                try batch.save(entry, version: 0)
            }
        }
    }

    /// Puts a notification in the outbox (unless its key is already there) and delivers what is pending.
    @discardableResult
    public func send(_ notification: AssuranceNotification) async throws -> DeliveryReport {
        var batch = RecordBatch()
        try await enqueue([notification], into: &batch, store: records.store)
        do {
            try await records.commit(batch, by: .system)
        } catch let error as DomainError where error.code == .staleWrite {
            // Another writer enqueued the same key first: it is in the outbox either way.
        }
        return try await deliverPending()
    }

    /// Delivers every pending outbox entry to every sink that has not yet had it.
    public func deliverPending() async throws -> DeliveryReport {
        var report = DeliveryReport()
        let pending = try await records.all(
            OutboxEntry.self,
            RecordFilter(status: RecordStatus(OutboxEntry.Status.pending)),
            as: .system
        )
        for held in pending {
            var entry = held.value
            var version = held.version
            for sink in sinks where entry.deliveries[sink.name]?.deliveredAt == nil {
                var delivery = entry.deliveries[sink.name] ?? OutboxEntry.Delivery()
                var lastError: (any Error)?
                for attempt in 1...retry.attempts {
                    if attempt > 1 { try await clock.sleep(for: retry.delay(beforeAttempt: attempt)) }
                    delivery.attempts += 1
                    do {
                        try await sink.deliver(entry.notification)
                        lastError = nil
                        break
                    } catch {
                        lastError = error
                    }
                }
                if let lastError {
                    delivery.lastError = "\(lastError)"
                    report.failed.append(.init(key: entry.notification.key, sink: sink.name, error: "\(lastError)"))
                } else {
                    delivery.deliveredAt = records.clock.now()
                    delivery.lastError = nil
                    report.delivered.append(.init(key: entry.notification.key, sink: sink.name, error: nil))
                }
                entry.deliveries[sink.name] = delivery
                // Record each sink's outcome as soon as it is known, so a crash repeats as little as possible.
                version = try await records.save(entry, version: version, by: .system).version
            }
            if sinks.allSatisfy({ entry.deliveries[$0.name]?.deliveredAt != nil }), entry.status != .delivered {
                entry.status = .delivered
                version = try await records.save(entry, version: version, by: .system).version
            }
        }
        return report
    }
}
