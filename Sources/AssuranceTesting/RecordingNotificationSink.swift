public import Domain

/// A notification sink for tests: it records what it delivers, and can be told to fail.
///
/// ```swift
/// let sink = RecordingNotificationSink(name: "teams", failures: 2)  // fails twice, then delivers
/// ```
public actor RecordingNotificationSink: NotificationSink {
    /// The sink's name.
    public nonisolated let name: String
    private var failuresLeft: Int
    private var alwaysFails: Bool
    private(set) var attempts = 0

    /// Every notification delivered, in order.
    public private(set) var delivered: [AssuranceNotification] = []

    /// Creates a sink.
    ///
    /// - Parameters:
    ///   - name: The sink's name, as the outbox records it.
    ///   - failures: How many deliveries fail before the sink starts to deliver.
    ///   - alwaysFails: Whether every delivery fails.
    public init(name: String = "recording", failures: Int = 0, alwaysFails: Bool = false) {
        self.name = name
        self.failuresLeft = failures
        self.alwaysFails = alwaysFails
    }

    /// Records the notification, or throws while failures remain.
    public func deliver(_ notification: AssuranceNotification) async throws {
        attempts += 1
        if alwaysFails || failuresLeft > 0 {
            failuresLeft -= 1
            throw DomainError(.deliveryFailed, "\(name) is unavailable")
        }
        delivered.append(notification)
    }

    /// The number of delivery attempts made, successful or not.
    public var attemptCount: Int { attempts }

    /// The keys delivered, in order.
    public var deliveredKeys: [String] { delivered.map(\.key) }

    /// Makes the sink start (or stop) failing every delivery.
    public func setFailing(_ failing: Bool) {
        alwaysFails = failing
        failuresLeft = 0
    }
}
