public import Domain
public import Foundation

extension DateSource {
    /// A fixed instant: an hour of a day in a time zone (noon in England unless said otherwise).
    public static func fixed(_ day: Day, hour: Int = 12, in timeZone: TimeZone = .england) -> DateSource {
        .constant(day.start(in: timeZone).addingTimeInterval(Double(hour) * 3600))
    }
}

extension Day {
    /// A day from ISO 8601 text known to be valid, for tests and fixtures; invalid text stops the program.
    public static func fixture(_ text: String) -> Day {
        do {
            return try Day(parsing: text)
        } catch {
            preconditionFailure("fixture day \(text): \(error)")
        }
    }
}
