/// How often something recurs: in whole months, or in whole weeks.
///
/// A cadence in months is coded as `{"months": 2}`, as stored groups have always held it; one in
/// weeks as `{"months": 0, "weeks": 2}`.
public struct Cadence: Hashable, Sendable, CustomStringConvertible {
    /// The interval in months; 0 for a cadence in weeks.
    public var months: Int
    /// The interval in weeks; 0 for a cadence in months.
    public var weeks: Int

    /// Creates a cadence of a number of months.
    public init(months: Int) {
        self.months = months
        self.weeks = 0
    }

    /// Creates a cadence of a number of weeks.
    public init(weeks: Int) {
        self.months = 0
        self.weeks = weeks
    }

    /// Every week.
    public static let weekly = Cadence(weeks: 1)
    /// Every two weeks.
    public static let fortnightly = Cadence(weeks: 2)
    /// Every month.
    public static let monthly = Cadence(months: 1)
    /// Every two months.
    public static let biMonthly = Cadence(months: 2)
    /// Every three months.
    public static let quarterly = Cadence(months: 3)
    /// Every six months.
    public static let sixMonthly = Cadence(months: 6)
    /// Every twelve months.
    public static let yearly = Cadence(months: 12)
    /// Every two years.
    public static let everyTwoYears = Cadence(months: 24)

    /// The day one cadence after a day.
    public func after(_ day: Day) -> Day {
        weeks > 0 ? day.adding(days: weeks * 7) : day.adding(months: months)
    }

    /// Text such as `monthly`, `fortnightly`, `bi-monthly` or `every 4 months`.
    public var description: String {
        if weeks > 0 {
            return switch weeks {
            case 1: "weekly"
            case 2: "fortnightly"
            default: "every \(weeks) weeks"
            }
        }
        return switch months {
        case 1: "monthly"
        case 2: "bi-monthly"
        case 3: "quarterly"
        case 6: "six-monthly"
        case 12: "yearly"
        case 24: "every two years"
        default: "every \(months) months"
        }
    }

    /// The cadence as a word before a noun: `monthly`, `fortnightly`, `8-weekly`, `4-monthly`.
    public var adjective: String {
        if weeks > 2 { return "\(weeks)-weekly" }
        if weeks == 0, ![1, 2, 3, 6, 12, 24].contains(months) { return "\(months)-monthly" }
        return months == 24 ? "two-yearly" : description
    }

    /// Parses a cadence as a profile writes it: a whole number of months (`2`), or text such as
    /// `"2 months"`, `"fortnightly"`, `"3 weeks"`, `"quarterly"`; `nil` for anything else.
    public init?(text: String) {
        let named: [String: Cadence] = [
            "weekly": .weekly, "fortnightly": .fortnightly, "monthly": .monthly, "bi-monthly": .biMonthly,
            "quarterly": .quarterly, "six-monthly": .sixMonthly, "yearly": .yearly, "annually": .yearly,
            "every two years": .everyTwoYears, "biennially": .everyTwoYears,
        ]
        if let cadence = named[text.lowercased()] {
            self = cadence
            return
        }
        let words = text.split(separator: " ").map(String.init)
        guard words.count == 2, let count = Int(words[0]), count > 0 else { return nil }
        switch words[1] {
        case "month", "months": self.init(months: count)
        case "week", "weeks": self.init(weeks: count)
        case "year", "years": self.init(months: count * 12)
        default: return nil
        }
    }
}

extension Cadence: Codable {
    private enum CodingKeys: String, CodingKey { case months, weeks }

    /// Decodes a cadence; one stored before cadences in weeks has months alone.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        months = try container.decode(Int.self, forKey: .months)
        weeks = try container.decodeIfPresent(Int.self, forKey: .weeks) ?? 0
    }

    /// Encodes a cadence, leaving out weeks for a cadence in months.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(months, forKey: .months)
        if weeks > 0 { try container.encode(weeks, forKey: .weeks) }
    }
}
