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

    /// A value of this unit as a report cell: a count as a whole number (which public reports
    /// suppress when small), anything else to one decimal; no value is an empty cell.
    public func cell(_ value: Double?) -> ReportCell {
        guard let value else { return .empty }
        return isCount ? .count(Int(value.rounded())) : .number(value, decimals: 1)
    }

    /// The range a value of this unit can take: none below zero, and no percentage above 100.
    ///
    /// Charts and tables clamp process limits to it: a lower limit below zero for a rate that cannot
    /// be negative says nothing a reader can use. The SPC engine itself, and `qaf spc`, keep the
    /// reference's unclamped limits.
    public var bounds: ClosedRange<Double> {
        self == .percentage ? 0...100 : 0...Double.greatestFiniteMagnitude
    }
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
