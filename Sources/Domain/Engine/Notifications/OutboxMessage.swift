public import Foundation

/// A message to one contact in the outbox: one notification sent at once, or a day's digest of
/// everything due to the contact, with every attempt to send it.
///
/// The cycle writes messages in the same transaction as the findings and reminders they announce;
/// a ``Notifier`` sends them. Each message carries an ``idempotencyKey`` derived from what it
/// announces (an email's `Message-ID`, a webhook's `Idempotency-Key` header), so that a message sent
/// again after a crash is recognisable as the same one.
public struct OutboxMessage: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "message" }
    /// The type of the message's identifier.
    public typealias ID = Identifier<OutboxMessage>
    /// `domain.message`.
    public static var recordType: RecordType { "domain.message" }

    /// Where a message stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Not yet sent: waiting for its first attempt, or for the next after a failure.
        case pending
        /// Sent: the transport accepted it.
        case sent
        /// Given up: its attempts ran out, or the transport refused it for good. The partnership's
        /// business team is told by a finding (``UndeliverableMessageRule``).
        case undeliverable
    }

    /// How a message groups what it announces.
    public enum Form: String, Hashable, Sendable, Codable, CaseIterable {
        /// One notification, sent as soon as the cycle found it.
        case atOnce = "at-once"
        /// Everything due to a contact from one day's cycle.
        case dailyDigest = "daily-digest"
    }

    /// One attempt to send the message.
    public struct Attempt: Hashable, Sendable, Codable {
        /// When it started: the message was claimed for it.
        public var startedAt: Date
        /// When its outcome was recorded; `nil` if the sender stopped (crashed) before it could say.
        public var finishedAt: Date?
        /// Why it failed; `nil` when it succeeded or has no outcome.
        public var error: String?

        /// Creates an attempt.
        public init(startedAt: Date, finishedAt: Date? = nil, error: String? = nil) {
            self.startedAt = startedAt
            self.finishedAt = finishedAt
            self.error = error
        }

        /// Whether the transport accepted the message.
        public var succeeded: Bool { finishedAt != nil && error == nil }
    }

    /// The message's id, derived from its idempotency key.
    public var id: OutboxMessage.ID
    /// The key that makes the message the same one however often it is sent.
    public var idempotencyKey: String
    /// The recipient's contact id (an agency's own contact is `contact/agency`).
    public var recipient: String
    /// The recipient's name, as the message addresses it.
    public var recipientName: String
    /// The channel it goes by.
    public var channel: ContactChannel
    /// How it groups what it announces.
    public var form: Form
    /// The day of the cycle that composed it.
    public var day: Day
    /// What it announces, soonest due first.
    public var items: [AssuranceNotification]
    /// Where it stands.
    public package(set) var status: Status
    /// Every attempt, oldest first.
    public package(set) var attempts: [Attempt]
    /// Until when a sender holds it: another sender leaves it alone until then.
    public package(set) var claimedUntil: Date?
    /// The earliest its next attempt may be made, after a failure.
    public package(set) var notBefore: Date?
    /// When it was last put back in the outbox after being given up; attempts before then do not
    /// count towards the limit.
    public package(set) var requeuedAt: Date?

    /// Creates a pending message.
    public init(
        idempotencyKey: String,
        recipient: Contact,
        form: Form,
        day: Day,
        items: [AssuranceNotification]
    ) {
        self.id = Self.id(forKey: idempotencyKey)
        self.idempotencyKey = idempotencyKey
        self.recipient = recipient.id
        self.recipientName = recipient.name
        self.channel = recipient.channel
        self.form = form
        self.day = day
        self.items = items
        self.status = .pending
        self.attempts = []
    }

    /// The message id for an idempotency key: a stable hash, so that any key text is allowed.
    public static func id(forKey key: String) -> OutboxMessage.ID {
        OutboxMessage.ID(unchecked: "m-" + StableHash.hex(key))
    }

    /// A one-line subject: the item's own, or a digest's count.
    public var subject: String {
        if form == .atOnce, items.count == 1 { return items[0].subject }
        let count = "\(items.count) item\(items.count == 1 ? "" : "s")"
        let written = "\(day.dayOfMonth) \(Day.monthName(day.month)) \(day.year)"
        return "Safeguarding assurance: \(count) for \(recipientName), \(written)"
    }

    /// Attempts that failed (an attempt a crash cut short is not counted: it may have succeeded).
    public var failures: Int { attempts.filter { $0.finishedAt != nil && $0.error != nil }.count }

    /// Attempts that failed since the message was last put back in the outbox.
    public var failuresSinceRequeue: Int {
        attempts.filter { attempt in
            attempt.finishedAt != nil && attempt.error != nil && requeuedAt.map { attempt.startedAt >= $0 } ?? true
        }
        .count
    }

    /// Indexed by status, recipient and day.
    public var index: RecordIndex { RecordIndex(status: RecordStatus(status), dueDay: day, key: recipient) }
    /// The outbox.
    public var accessScope: AccessScope { AccessScope(.notification) }
}
