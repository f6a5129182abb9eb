/// What a module's analysis publishes as a signal; the framework keeps one ``Signal`` per key.
public struct SignalDraft: Hashable, Sendable {
    /// A key that stays the same while the signal stands, such as the kind, measure and scope.
    public var key: String
    /// The kind of signal.
    public var kind: SignalKind
    /// The measure.
    public var measure: MeasureID
    /// The scope of the series.
    public var scope: SeriesScope
    /// The first period in which it stood.
    public var firstPeriod: ReportingPeriod
    /// The latest period in which it stands.
    public var latestPeriod: ReportingPeriod
    /// The number of periods it has stood.
    public var periodsStanding: Int
    /// What the analysis found.
    public var summary: String

    /// Creates a draft.
    public init(
        key: String,
        kind: SignalKind,
        measure: MeasureID,
        scope: SeriesScope,
        firstPeriod: ReportingPeriod,
        latestPeriod: ReportingPeriod,
        periodsStanding: Int,
        summary: String
    ) {
        self.key = key
        self.kind = kind
        self.measure = measure
        self.scope = scope
        self.firstPeriod = firstPeriod
        self.latestPeriod = latestPeriod
        self.periodsStanding = periodsStanding
        self.summary = summary
    }
}
