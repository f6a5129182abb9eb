import Foundation

/// How a ``Notifier`` retries a sink that fails.
public struct RetryPolicy: Hashable, Sendable {
    /// Attempts per delivery, including the first.
    public var attempts: Int
    /// The wait before the second attempt.
    public var initialDelay: Duration
    /// The factor by which each wait grows.
    public var multiplier: Int
    /// The longest wait.
    public var maximumDelay: Duration

    /// Creates a policy.
    public init(
        attempts: Int = 3,
        initialDelay: Duration = .seconds(1),
        multiplier: Int = 2,
        maximumDelay: Duration = .seconds(30)
    ) {
        self.attempts = max(1, attempts)
        self.initialDelay = initialDelay
        self.multiplier = max(1, multiplier)
        self.maximumDelay = maximumDelay
    }

    /// Three attempts, waiting 1 s and then 2 s.
    public static var standard: RetryPolicy { RetryPolicy() }

    /// The wait before an attempt (attempt 2 waits ``initialDelay``).
    public func delay(beforeAttempt attempt: Int) -> Duration {
        var delay = initialDelay
        if attempt > 2 {
            for _ in 3...attempt { delay = min(delay * multiplier, maximumDelay) }
        }
        return min(delay, maximumDelay)
    }
}
