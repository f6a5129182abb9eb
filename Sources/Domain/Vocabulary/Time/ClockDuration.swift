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

    private enum LegacyKeys: String, CodingKey {
        case workingDays, calendarDays, months
    }

    private enum CountKey: String, CodingKey {
        case count = "_0"
    }

    /// Decodes a duration written as text (`15 working days`), or as records stored before durations
    /// were written as text hold it.
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            guard let duration = ClockDuration(text: text) else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: decoder.codingPath,
                        debugDescription:
                            "\(DomainError.quote(text)) is not a duration; expected such as \"15 working days\", \"6 months\" or \"28 days\""
                    )
                )
            }
            self = duration
            return
        }
        let container = try decoder.container(keyedBy: LegacyKeys.self)
        guard let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "expected a duration")
            )
        }
        let count = try container.nestedContainer(keyedBy: CountKey.self, forKey: key).decode(Int.self, forKey: .count)
        switch key {
        case .workingDays: self = .workingDays(count)
        case .calendarDays: self = .calendarDays(count)
        case .months: self = .months(count)
        }
    }

    /// Encodes the duration as text, such as `15 working days`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
