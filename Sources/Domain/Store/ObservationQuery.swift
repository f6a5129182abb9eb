/// Which observation series to read; a field left `nil` matches everything.
public struct ObservationQuery: Hashable, Sendable {
    /// The measures.
    public var measures: Set<MeasureID>?
    /// The scopes.
    public var scopes: Set<SeriesScope>?
    /// Points whose period ends on or after this day.
    public var from: Day?
    /// Points whose period starts on or before this day.
    public var through: Day?

    /// Creates a query.
    public init(
        measures: Set<MeasureID>? = nil,
        scopes: Set<SeriesScope>? = nil,
        from: Day? = nil,
        through: Day? = nil
    ) {
        self.measures = measures
        self.scopes = scopes
        self.from = from
        self.through = through
    }

    /// Every series.
    public static var all: ObservationQuery { ObservationQuery() }

    /// Whether a point's period falls within the query's days.
    public func includes(_ period: ReportingPeriod) -> Bool {
        if let from, period.lastDay < from { return false }
        if let through, period.firstDay > through { return false }
        return true
    }
}
