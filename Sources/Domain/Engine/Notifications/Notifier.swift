public import Foundation

/// Delivers the outbox: each notification to every sink, and each message to its contact through
/// the transport for its channel, recording every attempt.
///
/// - Notifications reach sinks (``NotificationSink``: the console, a JSON-lines file, a host's
///   own) whole: a failing sink does not stop the others, is retried within the run with waits on
///   the `Clock` passed in, and its delivery is recorded after it succeeds.
/// - Messages (``OutboxMessage``) reach people. Each is claimed before it is sent, by a write at
///   the version read, so two notifiers on one store never both send it; the claim lasts
///   `lease` seconds, after which a notifier that crashed mid-send is taken to have stopped and the
///   message is sent again, with the same idempotency key. A failure waits (``MessageRetryPolicy``)
///   for a later run; after the policy's limit, or a permanent failure, the message is
///   undeliverable, which ``UndeliverableMessageRule`` reports to the business team.
///
/// ```swift
/// let notifier = Notifier(sinks: [ConsoleNotificationSink(), teams], records: environment.records)
/// try await notifier.send(notification)
/// ```
public actor Notifier {
    /// The sinks, in the order they are tried.
    public nonisolated let sinks: [any NotificationSink]
    /// The transports messages go by, one for each channel.
    public nonisolated let transports: [any MessageTransport]
    /// Who receives what.
    public nonisolated let contacts: ContactDirectory
    /// How messages are tried again.
    public nonisolated let messageRetry: MessageRetryPolicy
    /// How long, in seconds, a claim on a message holds another notifier off.
    public nonisolated let lease: TimeInterval
    private let records: Records
    private let clock: any Clock<Duration>
    private let retry: RetryPolicy

    /// Creates a notifier.
    ///
    /// - Parameters:
    ///   - sinks: Where every notification is delivered whole.
    ///   - transports: What carries messages to contacts, one for each channel.
    ///   - contacts: Who receives what, for their addresses.
    ///   - records: The store that keeps the outbox, and the clock that stamps attempts.
    ///   - clock: The clock that retries to sinks wait on.
    ///   - retry: How to retry a failing sink within a run.
    ///   - messageRetry: How to try a message again in later runs.
    ///   - lease: Seconds a claim on a message lasts: longer than any transport's time-out.
    public init(
        sinks: [any NotificationSink] = [],
        transports: [any MessageTransport] = [],
        contacts: ContactDirectory = .empty,
        records: Records,
        clock: any Clock<Duration> = ContinuousClock(),
        retry: RetryPolicy = .standard,
        messageRetry: MessageRetryPolicy = .standard,
        lease: TimeInterval = 600
    ) {
        self.sinks = sinks
        self.transports = transports
        self.contacts = contacts
        self.records = records
        self.clock = clock
        self.retry = retry
        self.messageRetry = messageRetry
        self.lease = max(0, lease)
    }

    /// Adds notifications to a batch as new outbox entries, skipping any whose key is already in
    /// the outbox, with the messages that carry them to this notifier's contacts.
    ///
    /// - Throws: What the store throws reading.
    public nonisolated func enqueue(
        _ notifications: [AssuranceNotification],
        into batch: inout RecordBatch,
        store: any RecordStore
    )
        async throws
    {
        let day = notifications.map(\.raisedOn).max() ?? Day(records.clock.now(), in: .england)
        try await Outbox.stage(notifications, contacts: contacts, on: day, into: &batch, store: store)
    }

    /// Puts a notification in the outbox (unless its key is already there) and delivers what is pending.
    ///
    /// - Returns: What delivery did.
    /// - Throws: What the store throws.
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

    /// Delivers every pending outbox entry to every sink that has not yet had it, then sends every
    /// pending message that is due.
    ///
    /// - Parameter ignoringWaits: Sends messages waiting after a failure now, rather than when
    ///   their wait is over (for trying a fixed address at once).
    /// - Returns: What was delivered, sent, retried and given up.
    /// - Throws: What the store throws; a sink's or transport's failure is recorded, not thrown.
    public func deliverPending(ignoringWaits: Bool = false) async throws -> DeliveryReport {
        var report = DeliveryReport()
        try await deliverToSinks(&report)
        try await sendMessages(&report, ignoringWaits: ignoringWaits)
        return report
    }

    private func deliverToSinks(_ report: inout DeliveryReport) async throws {
        let pending = try await records.all(
            OutboxEntry.self,
            RecordFilter(status: RecordStatus(OutboxEntry.Status.pending)),
            as: .system
        )
        for held in pending {
            do {
                try await deliver(held, into: &report)
            } catch let error as DomainError where error.code == .staleWrite {
                // Another notifier on the same store recorded this entry first; it is theirs to finish.
                report.heldElsewhere += 1
            }
        }
    }

    private func deliver(_ held: Versioned<OutboxEntry>, into report: inout DeliveryReport) async throws {
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
            _ = try await records.save(entry, version: version, by: .system)
        }
    }

    private func sendMessages(_ report: inout DeliveryReport, ignoringWaits: Bool) async throws {
        let pending = try await records.all(
            OutboxMessage.self,
            RecordFilter(status: RecordStatus(OutboxMessage.Status.pending)),
            as: .system
        )
        .sorted { ($0.value.day, $0.value.idempotencyKey) < ($1.value.day, $1.value.idempotencyKey) }
        for held in pending {
            let now = records.clock.now()
            let message = held.value
            guard let transport = transports.first(where: { $0.channel == message.channel }) else {
                report.withoutTransport[message.channel, default: 0] += 1
                continue
            }
            if let until = message.claimedUntil, until > now {
                report.heldElsewhere += 1
                continue
            }
            if !ignoringWaits, let notBefore = message.notBefore, notBefore > now {
                report.waiting += 1
                continue
            }
            try await attempt(held, through: transport, at: now, into: &report)
        }
    }

    /// Claims a message, sends it and records the outcome.
    private func attempt(
        _ held: Versioned<OutboxMessage>,
        through transport: any MessageTransport,
        at now: Date,
        into report: inout DeliveryReport
    ) async throws {
        var message = held.value
        message.claimedUntil = now.addingTimeInterval(lease)
        message.attempts.append(OutboxMessage.Attempt(startedAt: now))
        let version: Int
        do {
            version = try await records.save(message, version: held.version, by: .system).version
        } catch let error as DomainError where error.code == .staleWrite {
            report.heldElsewhere += 1  // another notifier claimed it first
            return
        }
        var failure: DeliveryFailure?
        if var contact = contacts.contact(message.recipient) {
            contact.name = message.recipientName
            do {
                try await transport.send(message, to: contact, in: contacts)
            } catch let error as DeliveryFailure {
                failure = error
            } catch {
                failure = DeliveryFailure("\(error)")
            }
        } else {
            failure = DeliveryFailure(
                "the profile's contacts have no \(DomainError.quote(message.recipient)) any more",
                permanent: true
            )
        }
        record(failure, on: &message, at: records.clock.now())
        let outcome = DeliveryReport.MessageOutcome(
            idempotencyKey: message.idempotencyKey,
            recipient: message.recipient,
            error: failure?.reason
        )
        switch message.status {
        case .sent: report.sent.append(outcome)
        case .undeliverable: report.undeliverable.append(outcome)
        case .pending: report.retrying.append(outcome)
        }
        do {
            _ = try await records.save(message, version: version, by: .system)
        } catch let error as DomainError where error.code == .staleWrite {
            // The claim ran out while sending and another notifier took the message over: its record stands.
        }
    }

    private func record(_ failure: DeliveryFailure?, on message: inout OutboxMessage, at finished: Date) {
        message.attempts[message.attempts.count - 1].finishedAt = finished
        message.claimedUntil = nil
        guard let failure else {
            message.status = .sent
            message.notBefore = nil
            return
        }
        message.attempts[message.attempts.count - 1].error = failure.reason
        let failures = message.failuresSinceRequeue
        if failure.isPermanent || failures >= messageRetry.attempts {
            message.status = .undeliverable
            message.notBefore = nil
        } else {
            message.notBefore = finished.addingTimeInterval(messageRetry.delay(afterFailures: failures))
        }
    }

    /// Puts undeliverable messages back in the outbox, their attempts kept, for another full round
    /// of attempts: after an address in the profile is put right, say.
    ///
    /// - Parameter recipient: Only this contact's messages; every undeliverable message when `nil`.
    /// - Returns: How many were put back.
    /// - Throws: What the store throws.
    @discardableResult
    public func requeueUndeliverable(for recipient: String? = nil) async throws -> Int {
        let given = try await records.all(
            OutboxMessage.self,
            RecordFilter(status: RecordStatus(OutboxMessage.Status.undeliverable)),
            as: .system
        )
        var batch = RecordBatch()
        var count = 0
        let now = records.clock.now()
        for held in given where recipient == nil || held.value.recipient == recipient {
            var message = held.value
            message.status = .pending
            message.notBefore = nil
            message.requeuedAt = now
            try batch.save(message, version: held.version)
            count += 1
        }
        if count > 0 { try await records.commit(batch, by: .system) }
        return count
    }
}
