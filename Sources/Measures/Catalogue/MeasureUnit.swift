public import Domain

/// The unit a measure is counted in.
public enum MeasureUnit: String, Hashable, Sendable, Codable, CaseIterable {
    /// A count of children, contacts, meetings…
    case count
    /// A percentage, from 0 to 100.
    case percentage
    /// A rate per 10,000 children aged 0 to 17.
    case ratePer10000 = "rate-per-10000"
    /// Calendar days.
    case days
    /// Working days.
    case workingDays = "working-days"

    /// A short suffix for charts and tables.
    public var suffix: String {
        switch self {
        case .count: ""
        case .percentage: "%"
        case .ratePer10000: " per 10,000"
        case .days: " days"
        case .workingDays: " working days"
        }
    }

    /// Whether values of this unit are counts, which public reports suppress from 1 to 5.
    public var isCount: Bool { self == .count }
}

/// Which direction of a measure is better.
public enum Polarity: String, Hashable, Sendable, Codable, CaseIterable {
    /// Higher is better.
    case higherIsBetter = "higher-is-better"
    /// Lower is better.
    case lowerIsBetter = "lower-is-better"
    /// Neither: a change needs understanding, not judging.
    case neither

    /// The SPC improvement direction.
    public var improvement: ImprovementDirection {
        switch self {
        case .higherIsBetter: .increase
        case .lowerIsBetter: .decrease
        case .neither: .neutral
        }
    }
}
