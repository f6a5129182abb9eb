public import Foundation

/// How a ``Notifier`` tries a message again after a failure, from one run of delivery to the next:
/// waits that grow, and a limit after which the message is undeliverable.
///
/// Unlike ``RetryPolicy``, which retries a sink within one run, these waits are recorded on the
/// message (``OutboxMessage/notBefore``), so they hold across restarts and across processes.
public struct MessageRetryPolicy: Hashable, Sendable {
    /// Failed attempts after which a message is undeliverable.
    public var attempts: Int
    /// The wait after the first failure, in seconds.
    public var initialDelay: TimeInterval
    /// The factor by which each wait grows.
    public var multiplier: Double
    /// The longest wait, in seconds.
    public var maximumDelay: TimeInterval

    /// Creates a policy.
    public init(
        attempts: Int = 6,
        initialDelay: TimeInterval = 300,
        multiplier: Double = 3,
        maximumDelay: TimeInterval = 6 * 3600
    ) {
        self.attempts = max(1, attempts)
        self.initialDelay = max(0, initialDelay)
        self.multiplier = max(1, multiplier)
        self.maximumDelay = max(0, maximumDelay)
    }

    /// Six attempts, waiting 5 minutes, 15 minutes, 45 minutes, 2¼ hours and then 6 hours: a mail
    /// server down for most of a working day still gets its messages.
    public static var standard: MessageRetryPolicy { MessageRetryPolicy() }

    /// The wait after a number of failures.
    ///
    /// - Parameter failures: Failed attempts so far (1 after the first).
    /// - Returns: Seconds to wait before the next attempt.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        var delay = initialDelay
        if failures > 1 {
            for _ in 2...failures { delay = min(delay * multiplier, maximumDelay) }
        }
        return min(delay, maximumDelay)
    }
}
