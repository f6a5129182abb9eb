import Foundation

/// What a round of delivery did.
public struct DeliveryReport: Hashable, Sendable {
    /// One sink's outcome for one notification.
    public struct Outcome: Hashable, Sendable {
        /// The notification's key.
        public var key: String
        /// The sink's name.
        public var sink: String
        /// The error, when delivery failed after every attempt.
        public var error: String?
    }

    /// One message's outcome.
    public struct MessageOutcome: Hashable, Sendable {
        /// The message's idempotency key.
        public var idempotencyKey: String
        /// The recipient's contact id.
        public var recipient: String
        /// Why it failed, if it did.
        public var error: String?
    }

    /// Deliveries to sinks that succeeded.
    public var delivered: [Outcome] = []
    /// Deliveries to sinks that failed after every attempt; they stay in the outbox.
    public var failed: [Outcome] = []
    /// Messages sent.
    public var sent: [MessageOutcome] = []
    /// Messages that failed and will be tried again by a later run.
    public var retrying: [MessageOutcome] = []
    /// Messages given up in this run: now undeliverable.
    public var undeliverable: [MessageOutcome] = []
    /// Pending messages left alone because they wait after a failure (``OutboxMessage/notBefore``).
    public var waiting = 0
    /// Pending messages left alone because another sender holds them (``OutboxMessage/claimedUntil``).
    public var heldElsewhere = 0
    /// Pending messages left alone because no transport for their channel was given, by channel.
    public var withoutTransport: [ContactChannel: Int] = [:]

    /// Creates an empty report.
    public init() {}
}
