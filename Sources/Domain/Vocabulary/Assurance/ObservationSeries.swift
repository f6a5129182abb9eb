/// The observations of one measure for one scope, in period order: the shape bulk reads return.
public struct ObservationSeries: Hashable, Sendable, Codable {
    /// The measure.
    public var measure: MeasureID
    /// What the values cover.
    public var scope: SeriesScope
    /// The points, in period order.
    public var points: [SeriesPoint]

    /// Creates a series.
    public init(measure: MeasureID, scope: SeriesScope, points: [SeriesPoint]) {
        self.measure = measure
        self.scope = scope
        self.points = points
    }

    /// The series as individual observations.
    public var observations: [Observation] {
        points.map {
            Observation(
                measure: measure,
                scope: scope,
                period: $0.period,
                value: $0.value,
                numerator: $0.numerator,
                denominator: $0.denominator,
                status: $0.status
            )
        }
    }
}
