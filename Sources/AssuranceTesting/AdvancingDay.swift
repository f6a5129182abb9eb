public import Domain
public import Foundation
import Synchronization

/// A day a test moves forward: the clock of one environment that lives across several days, so
/// that the store, the decoded records and the identifiers carry on from one day's cycle to the
/// next, as they do in a host that runs the cycle each morning.
///
/// ```swift
/// let today = AdvancingDay(.fixture("2025-06-30"))
/// let environment = AssuranceEnvironment(store: store, clock: today.dateSource, ids: .incrementing)
/// let framework = try AssuranceFramework(modules: [PartnershipModule(), Section11Module()], environment: environment)
/// let before = try await framework.runCycle(on: today.day, by: qaLead)
/// today.advance()                                   // 2025-07-01
/// let after = try await framework.runCycle(on: today.day, by: qaLead)
/// ```
public final class AdvancingDay: Sendable {
    // Guards the current day.
    private let current: Mutex<Day>
    /// The hour of the day the date source reads, in ``timeZone``.
    public let hour: Int
    /// The time zone the day begins and ends in.
    public let timeZone: TimeZone

    /// Starts at a day.
    ///
    /// - Parameters:
    ///   - day: The first day.
    ///   - hour: The hour of each day the date source reads: noon unless said otherwise.
    ///   - timeZone: The partnership's time zone.
    public init(_ day: Day, hour: Int = 12, in timeZone: TimeZone = .england) {
        self.current = Mutex(day)
        self.hour = hour
        self.timeZone = timeZone
    }

    /// The current day.
    public var day: Day { current.withLock { $0 } }

    /// A date source that reads the current day at ``hour``: give it to an `AssuranceEnvironment`.
    public var dateSource: DateSource {
        DateSource { [self] in day.start(in: timeZone).addingTimeInterval(Double(hour) * 3600) }
    }

    /// Moves forward a number of calendar days (back, for a negative number).
    @discardableResult
    public func advance(days: Int = 1) -> Day {
        current.withLock { day in
            day = day.adding(days: days)
            return day
        }
    }

    /// Moves forward a number of working days on a calendar.
    @discardableResult
    public func advance(workingDays: Int, on calendar: any WorkingDayCalendar = EnglandAndWalesCalendar()) -> Day {
        current.withLock { day in
            day = calendar.adding(workingDays: workingDays, to: day)
            return day
        }
    }

    /// Moves to a day.
    public func set(_ day: Day) {
        current.withLock { $0 = day }
    }
}
