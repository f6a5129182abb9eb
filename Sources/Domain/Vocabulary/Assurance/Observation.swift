/// One period's value of a measure for a scope.
///
/// A ratio carries its numerator and denominator; a suppressed or unavailable value carries no
/// number and its symbol as its status.
public struct Observation: Hashable, Sendable, Codable {
    /// The measure.
    public var measure: MeasureID
    /// What the value covers.
    public var scope: SeriesScope
    /// The period the value is for.
    public var period: ReportingPeriod
    /// The value, absent when a symbol stands in its place.
    public var value: Double?
    /// The numerator, for a ratio.
    public var numerator: Double?
    /// The denominator, for a ratio.
    public var denominator: Double?
    /// The value's standing.
    public var status: ObservationStatus

    /// Creates an observation.
    public init(
        measure: MeasureID,
        scope: SeriesScope,
        period: ReportingPeriod,
        value: Double?,
        numerator: Double? = nil,
        denominator: Double? = nil,
        status: ObservationStatus = .actual
    ) {
        self.measure = measure
        self.scope = scope
        self.period = period
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.status = status
    }
}
