public import Foundation

/// The seam through which the package reads the current time.
///
/// Logic never calls `Date()`: it asks a `DateSource`, so that tests can fix the time.
///
/// ```swift
/// let noon = DateSource.constant(Date(timeIntervalSince1970: 1_750_000_000))
/// noon.now()  // always the same instant
/// ```
public struct DateSource: Sendable {
    /// Returns the current instant.
    public var now: @Sendable () -> Date

    /// Creates a date source from a closure.
    public init(_ now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// The system clock.
    public static var system: DateSource { DateSource { Date() } }

    /// A source that always returns the same instant.
    public static func constant(_ date: Date) -> DateSource { DateSource { date } }

    /// The current instant.
    public func callAsFunction() -> Date { now() }

    /// The current day in a time zone.
    public func today(in timeZone: TimeZone) -> Day { Day(now(), in: timeZone) }
}
