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

    /// Deliveries that succeeded.
    public var delivered: [Outcome] = []
    /// Deliveries that failed after every attempt; they stay in the outbox.
    public var failed: [Outcome] = []

    /// Creates an empty report.
    public init() {}
}
