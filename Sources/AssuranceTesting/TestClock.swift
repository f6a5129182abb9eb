import Synchronization

/// A clock for tests whose `sleep` returns at once and moves the clock forward, so that retries
/// with back-off run in microseconds.
///
/// ```swift
/// let clock = TestClock()
/// let notifier = Notifier(sinks: [flaky], records: records, clock: clock)
/// _ = try await notifier.deliverPending()
/// clock.sleeps  // [.seconds(1), .seconds(2)]
/// ```
public final class TestClock: Clock, Sendable {
    /// An instant of the test clock: a duration since it started.
    public struct Instant: InstantProtocol, Hashable, Sendable {
        /// The time since the clock started.
        public var offset: Duration

        /// Creates an instant.
        public init(offset: Duration) { self.offset = offset }

        /// The instant a duration later.
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }

        /// The duration from this instant to another.
        public func duration(to other: Instant) -> Duration { other.offset - offset }

        /// Orders instants.
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct State {
        var now = Instant(offset: .zero)
        var sleeps: [Duration] = []
    }

    // Guards the current instant and the record of sleeps.
    private let state = Mutex(State())

    /// Creates a clock at instant zero.
    public init() {}

    /// The current instant.
    public var now: Instant { state.withLock { $0.now } }

    /// Zero: the clock moves only when told to.
    public var minimumResolution: Duration { .zero }

    /// Every duration slept, in order.
    public var sleeps: [Duration] { state.withLock { $0.sleeps } }

    /// Moves the clock to the deadline at once.
    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            state.sleeps.append(state.now.duration(to: deadline))
            if deadline > state.now { state.now = deadline }
        }
    }

    /// Moves the clock forward.
    public func advance(by duration: Duration) {
        state.withLock { $0.now = $0.now.advanced(by: duration) }
    }
}
