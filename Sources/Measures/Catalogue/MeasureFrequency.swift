public import Domain

/// How often a measure is reported: monthly, quarterly or yearly, in a year basis.
public struct MeasureFrequency: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The period kind.
    public var kind: ReportingPeriod.Kind
    /// The year basis of quarters and years.
    public var basis: ReportingPeriod.YearBasis

    /// Creates a frequency.
    public init(_ kind: ReportingPeriod.Kind, basis: ReportingPeriod.YearBasis = .financial) {
        self.kind = kind
        self.basis = basis
    }

    /// Every month.
    public static let monthly = MeasureFrequency(.month)
    /// Every financial quarter.
    public static let quarterly = MeasureFrequency(.quarter)
    /// Every financial year.
    public static let yearly = MeasureFrequency(.year)

    /// Text such as `month` or `quarter (financial)`.
    public var description: String { kind == .month ? "month" : "\(kind.rawValue) (\(basis.rawValue))" }

    /// The period of this frequency that contains a day.
    public func period(containing day: Day) -> ReportingPeriod {
        .containing(day, kind: kind, basis: basis)
    }
}
