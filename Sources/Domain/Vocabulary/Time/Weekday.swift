/// A day of the week, numbered as ISO 8601 does (Monday is 1).
public enum Weekday: Int, Hashable, Sendable, CaseIterable, Codable {
    /// Monday.
    case monday = 1
    /// Tuesday.
    case tuesday
    /// Wednesday.
    case wednesday
    /// Thursday.
    case thursday
    /// Friday.
    case friday
    /// Saturday.
    case saturday
    /// Sunday.
    case sunday
}
