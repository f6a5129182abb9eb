/// What a module's analysis publishes as a signal; the framework keeps one ``Signal`` per key.
///
/// A signal is about a measure's series or about any record the module keeps:
///
/// ```swift
/// SignalDraft(
///     key: "missing-rise|\(locality.id)",
///     kind: "missing-episodes-rising",
///     subject: .record(locality.reference, agency: nil),
///     category: .exploitation,
///     firstPeriod: first, latestPeriod: latest, periodsStanding: 3,
///     summary: "Missing episodes in \(locality.name) rose for three months running"
/// )
/// ```
public struct SignalDraft: Hashable, Sendable {
    /// A key that stays the same while the signal stands, such as the kind, measure and scope.
    public var key: String
    /// The kind of signal.
    public var kind: SignalKind
    /// What the signal is about.
    public var subject: SignalSubject
    /// The access category of a signal about a record; measure data when `nil`.
    public var category: RecordCategory?
    /// The first period in which it stood.
    public var firstPeriod: ReportingPeriod
    /// The latest period in which it stands.
    public var latestPeriod: ReportingPeriod
    /// The number of periods it has stood.
    public var periodsStanding: Int
    /// What the analysis found.
    public var summary: String

    /// Creates a draft about any subject.
    public init(
        key: String,
        kind: SignalKind,
        subject: SignalSubject,
        category: RecordCategory? = nil,
        firstPeriod: ReportingPeriod,
        latestPeriod: ReportingPeriod,
        periodsStanding: Int,
        summary: String
    ) {
        self.key = key
        self.kind = kind
        self.subject = subject
        self.category = category
        self.firstPeriod = firstPeriod
        self.latestPeriod = latestPeriod
        self.periodsStanding = periodsStanding
        self.summary = summary
    }

    /// Creates a draft about a measure's series.
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
        self.init(
            key: key,
            kind: kind,
            subject: .series(measure, scope),
            firstPeriod: firstPeriod,
            latestPeriod: latestPeriod,
            periodsStanding: periodsStanding,
            summary: summary
        )
    }

    /// The measure, for a draft about a series.
    public var measure: MeasureID? { subject.measure }
    /// The series' scope, for a draft about a series.
    public var scope: SeriesScope? { subject.scope }
}
