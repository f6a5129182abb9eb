/// One point of an ``ObservationSeries``.
public struct SeriesPoint: Hashable, Sendable, Codable {
    /// The period.
    public var period: ReportingPeriod
    /// The value, absent when a symbol stands in its place.
    public var value: Double?
    /// The numerator, for a ratio.
    public var numerator: Double?
    /// The denominator, for a ratio.
    public var denominator: Double?
    /// The value's standing.
    public var status: ObservationStatus

    /// Creates a point.
    public init(
        period: ReportingPeriod,
        value: Double?,
        numerator: Double? = nil,
        denominator: Double? = nil,
        status: ObservationStatus = .actual
    ) {
        self.period = period
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.status = status
    }
}
