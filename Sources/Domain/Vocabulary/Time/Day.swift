public import Foundation

/// A calendar date with no time of day and no time zone, such as the day a review was initiated.
///
/// Its text form is ISO 8601's calendar date, `YYYY-MM-DD`, and it is coded as that text. Days are
/// compared in calendar order. Statutory clocks count days, never instants, so a `Day` is what the
/// working-day calendar and every deadline take; a `Date` from the clock becomes a `Day` only
/// through a time zone (``init(_:in:)``).
///
/// ```swift
/// let initiated = try Day(parsing: "2025-03-31")
/// initiated.adding(months: 6)   // 2025-09-30
/// initiated.weekday             // .monday
/// ```
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, LosslessStringConvertible {
    /// Days since 1970-01-01 (which is 0), in the proleptic Gregorian calendar.
    public let daysSinceEpoch: Int

    /// The earliest day representable: 0001-01-01.
    public static let earliest = Day(unchecked: Day.ordinal(year: 1, month: 1, day: 1))
    /// The latest day representable: 9999-12-31.
    public static let latest = Day(unchecked: Day.ordinal(year: 9999, month: 12, day: 31))

    package init(unchecked daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// Creates a day from days since 1970-01-01.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` when the day falls outside 0001-01-01 … 9999-12-31.
    public init(daysSinceEpoch: Int) throws(DomainError) {
        guard daysSinceEpoch >= Day.earliest.daysSinceEpoch, daysSinceEpoch <= Day.latest.daysSinceEpoch else {
            throw DomainError(
                .invalidInput,
                "day number \(daysSinceEpoch) is outside 0001-01-01 … 9999-12-31"
            )
        }
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// Creates a day from its year, month and day of the month.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` when the date does not exist, saying why.
    public init(year: Int, month: Int, day: Int) throws(DomainError) {
        let text = Day.format(year: year, month: month, day: day)
        if let problem = Day.problem(year: year, month: month, day: day) {
            throw DomainError(.invalidInput, "day \(DomainError.quote(text)) does not exist: \(problem)")
        }
        self.daysSinceEpoch = Day.ordinal(year: year, month: month, day: day)
    }

    /// Parses a day from ISO 8601 text, `YYYY-MM-DD`.
    ///
    /// - Parameter text: The text, such as `2025-03-31`.
    /// - Throws: ``DomainError/Code/invalidInput`` quoting the text and saying what was expected.
    public init(parsing text: some StringProtocol) throws(DomainError) {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
            let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10)
        else {
            throw DomainError(
                .invalidInput,
                "day \(DomainError.quote(text)) is not in the form YYYY-MM-DD (ISO 8601, such as 2025-03-31)"
            )
        }
        if let problem = Day.problem(year: year, month: month, day: day) {
            throw DomainError(.invalidInput, "day \(DomainError.quote(text)) does not exist: \(problem)")
        }
        self.daysSinceEpoch = Day.ordinal(year: year, month: month, day: day)
    }

    /// Parses a day from ISO 8601 text, returning `nil` for anything else.
    public init?(_ description: String) {
        guard let day = try? Day(parsing: description) else { return nil }
        self = day
    }

    /// The day on which an instant falls in a time zone.
    ///
    /// - Parameters:
    ///   - date: The instant, usually from the clock seam.
    ///   - timeZone: The partnership's time zone (`Europe/London` in England).
    public init(_ date: Date, in timeZone: TimeZone) {
        let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        self.daysSinceEpoch = Int((seconds / 86_400).rounded(.down))
    }

    /// The year, month and day of the month.
    public var components: (year: Int, month: Int, day: Int) {
        Day.civil(fromOrdinal: daysSinceEpoch)
    }

    /// The year.
    public var year: Int { components.year }
    /// The month, 1 to 12.
    public var month: Int { components.month }
    /// The day of the month, 1 to 31.
    public var dayOfMonth: Int { components.day }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        Weekday(rawValue: ((daysSinceEpoch % 7 + 7 + 3) % 7) + 1)!
    }

    /// Whether the day is a Saturday or a Sunday.
    public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }

    /// The ISO 8601 text, `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        return Day.format(year: year, month: month, day: day)
    }

    /// The day a number of calendar days later (or earlier, when negative).
    public func adding(days: Int) -> Day {
        Day(unchecked: daysSinceEpoch + days)
    }

    /// The same day of the month a number of months later, or that month's last day where it has no such day.
    ///
    /// This is how statutory month clocks run: six months from 31 August is 28 or 29 February.
    public func adding(months: Int) -> Day {
        let (year, month, day) = components
        let zeroBasedMonth = (year * 12 + (month - 1)) + months
        let newYear = zeroBasedMonth >= 0 ? zeroBasedMonth / 12 : (zeroBasedMonth - 11) / 12
        let newMonth = zeroBasedMonth - newYear * 12 + 1
        let newDay = min(day, Day.daysIn(year: newYear, month: newMonth))
        return Day(unchecked: Day.ordinal(year: newYear, month: newMonth, day: newDay))
    }

    /// The number of calendar days from this day to another (positive when `other` is later).
    public func days(until other: Day) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// The first instant of the day in a time zone.
    public func start(in timeZone: TimeZone) -> Date {
        let utcMidnight = Double(daysSinceEpoch) * 86_400
        var guess = utcMidnight - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utcMidnight)))
        guess = utcMidnight - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: guess)))
        return Date(timeIntervalSince1970: guess)
    }

    /// Orders days in calendar order.
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// Whether a year is a leap year in the Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// The English name of a month, 1 to 12.
    public static func monthName(_ month: Int) -> String { monthNames[month - 1] }

    /// The day as prose writes it in the UK: `30 April 2026`.
    public var longForm: String { "\(dayOfMonth) \(Day.monthName(month)) \(year)" }

    static func problem(year: Int, month: Int, day: Int) -> String? {
        guard year >= 1, year <= 9999 else { return "the year must be 0001 to 9999" }
        guard month >= 1, month <= 12 else { return "the month must be 01 to 12" }
        let length = daysIn(year: year, month: month)
        guard day >= 1, day <= length else {
            return "\(monthName(month)) \(year) has \(length) days; expected a day of the month from 01 to \(length)"
        }
        return nil
    }

    static func format(year: Int, month: Int, day: Int) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(abs(value))
            let sign = value < 0 ? "-" : ""
            return sign + String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    // Howard Hinnant's days_from_civil and civil_from_days.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromOrdinal ordinal: Int) -> (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Day: Codable {
    /// Decodes a day from its ISO 8601 text, refusing anything else with the coding path.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Day(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes the day as its ISO 8601 text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
