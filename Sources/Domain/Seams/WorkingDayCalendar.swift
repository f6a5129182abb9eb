/// The seam that says which days are working days, for every statutory clock counted in working days.
///
/// The package's default is ``EnglandAndWalesCalendar``. A host in another nation, or one that wraps
/// the default to add a partnership's own closures, conforms a type of its own; only
/// ``isWorkingDay(_:)`` is required, and the counting operations have default implementations that
/// a faster calendar may replace.
public protocol WorkingDayCalendar: Sendable {
    /// Whether a day is a working day.
    func isWorkingDay(_ day: Day) -> Bool

    /// The Nth working day after a day; the day itself is day 0, whether or not it is a working day.
    ///
    /// Adding 0 returns the day itself. A negative count walks backwards to the Nth working day before it.
    func adding(workingDays count: Int, to day: Day) -> Day

    /// The number of working days after `start`, up to and including `end`.
    ///
    /// When `end` is before `start` the count is negative: minus the working days after `end` up to
    /// and including `start`.
    func workingDays(after start: Day, through end: Day) -> Int
}

extension WorkingDayCalendar {
    /// The Nth working day after a day, walking one day at a time.
    public func adding(workingDays count: Int, to day: Day) -> Day {
        var current = day
        var remaining = abs(count)
        let step = count >= 0 ? 1 : -1
        while remaining > 0 {
            current = current.adding(days: step)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// The working days after `start` up to and including `end`, walking one day at a time.
    public func workingDays(after start: Day, through end: Day) -> Int {
        if end < start { return -workingDays(after: end, through: start) }
        var count = 0
        var current = start.adding(days: 1)
        while current <= end {
            if isWorkingDay(current) { count += 1 }
            current = current.adding(days: 1)
        }
        return count
    }

    /// The first working day on or after a day.
    public func workingDay(onOrAfter day: Day) -> Day {
        var current = day
        while !isWorkingDay(current) { current = current.adding(days: 1) }
        return current
    }

    /// The day a statutory clock falls due when it starts on a day.
    ///
    /// ```swift
    /// let calendar = EnglandAndWalesCalendar()
    /// calendar.deadline(for: .workingDays(15), from: try Day(parsing: "2025-12-19"))  // 2026-01-14
    /// ```
    public func deadline(for duration: ClockDuration, from start: Day) -> Day {
        switch duration {
        case .workingDays(let count): adding(workingDays: count, to: start)
        case .calendarDays(let count): start.adding(days: count)
        case .months(let count): start.adding(months: count)
        }
    }
}
