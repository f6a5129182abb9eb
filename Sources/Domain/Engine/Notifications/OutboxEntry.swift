public import Foundation

/// A notification in the outbox, with its delivery to each sink.
///
/// The outbox lives in the store, so a notification that could not be delivered survives a restart
/// and is retried, and one that was delivered is never delivered again.
public struct OutboxEntry: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "notification" }
    /// The type of the entry's identifier.
    public typealias ID = Identifier<OutboxEntry>
    /// `domain.notification`.
    public static var recordType: RecordType { "domain.notification" }

    /// Whether an entry still has sinks to reach.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Some sink has not yet had it.
        case pending
        /// Every sink has had it.
        case delivered
    }

    /// One sink's delivery.
    public struct Delivery: Hashable, Sendable, Codable {
        /// When it was delivered, if it has been.
        public var deliveredAt: Date?
        /// Attempts made.
        public var attempts: Int
        /// The last error, if the last attempt failed.
        public var lastError: String?

        /// Creates a delivery state.
        public init(deliveredAt: Date? = nil, attempts: Int = 0, lastError: String? = nil) {
            self.deliveredAt = deliveredAt
            self.attempts = attempts
            self.lastError = lastError
        }
    }

    /// The entry's id, derived from the notification's key.
    public var id: OutboxEntry.ID
    /// The notification.
    public var notification: AssuranceNotification
    /// Delivery to each sink, by sink name.
    public package(set) var deliveries: [String: Delivery]
    /// Whether every sink has had it.
    public package(set) var status: Status

    /// Creates a pending entry for a notification.
    public init(_ notification: AssuranceNotification) {
        self.id = OutboxEntry.id(forKey: notification.key)
        self.notification = notification
        self.deliveries = [:]
        self.status = .pending
    }

    /// The outbox id for a notification key: a stable hash, so that any key text is allowed.
    public static func id(forKey key: String) -> OutboxEntry.ID {
        OutboxEntry.ID(unchecked: "n-" + StableHash.hex(key))
    }

    /// Indexed by status and key.
    public var index: RecordIndex { RecordIndex(status: RecordStatus(status), key: notification.key) }
    /// The outbox.
    public var accessScope: AccessScope { AccessScope(.notification) }
}
