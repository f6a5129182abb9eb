/// How often something recurs, in whole months.
public struct Cadence: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The interval in months.
    public var months: Int

    /// Creates a cadence of a number of months.
    public init(months: Int) {
        self.months = months
    }

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

    /// Text such as `monthly`, `bi-monthly` or `every 4 months`.
    public var description: String {
        switch months {
        case 1: "monthly"
        case 2: "bi-monthly"
        case 3: "quarterly"
        case 6: "six-monthly"
        case 12: "yearly"
        default: "every \(months) months"
        }
    }
}
