/// How long a statutory clock runs.
public enum ClockDuration: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A number of working days; the start day is day 0.
    case workingDays(Int)
    /// A number of calendar days.
    case calendarDays(Int)
    /// A number of calendar months: the same day of the month, or that month's last day where it has none.
    case months(Int)

    /// Text such as `15 working days`, `6 months` or `28 days`.
    public var description: String {
        switch self {
        case .workingDays(let n): n == 1 ? "1 working day" : "\(n) working days"
        case .calendarDays(let n): n == 1 ? "1 day" : "\(n) days"
        case .months(let n): n == 1 ? "1 month" : "\(n) months"
        }
    }
}
