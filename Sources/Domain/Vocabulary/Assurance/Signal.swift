/// An analytic result that may call for action, such as a measure in special-cause concern.
///
/// Modules publish signals in each assurance cycle; the framework keeps one record per signal
/// key, updates it while it stands and marks it cleared when it no longer does. Audit may turn a
/// standing signal into a spot audit; an explanation recorded against it answers it.
public struct Signal: StorableRecord, IdentifierKind, Hashable {
    /// The type of the signal's identifier.
    public typealias ID = Identifier<Signal>
    /// The noun used in messages.
    public static var noun: String { "signal" }
    /// `domain.signal`.
    public static var recordType: RecordType { "domain.signal" }

    /// Whether the signal still stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// The analysis still shows it.
        case active
        /// The analysis no longer shows it.
        case cleared
    }

    /// The explanation recorded against a signal.
    public struct Explanation: Hashable, Sendable, Codable {
        /// Who explained it.
        public var by: Principal.ID
        /// When.
        public var on: Day
        /// The explanation: the story behind the data.
        public var text: String
        /// Creates an explanation.
        public init(by: Principal.ID, on: Day, text: String) {
            self.by = by
            self.on = on
            self.text = text
        }
    }

    /// The signal's id.
    public var id: Signal.ID
    /// The stable key: the same signal has the same key in every cycle.
    public var key: String
    /// What kind of signal it is.
    public var kind: SignalKind
    /// The measure it concerns.
    public var measure: MeasureID
    /// The scope of the series.
    public var scope: SeriesScope
    /// The first period in which it stood.
    public var firstPeriod: ReportingPeriod
    /// The latest period in which it stands.
    public var latestPeriod: ReportingPeriod
    /// The number of periods it has stood.
    public var periodsStanding: Int
    /// The day the signal was first raised.
    public var raisedOn: Day
    /// The day it was last confirmed by the analysis.
    public var lastSeenOn: Day
    /// What the analysis found.
    public var summary: String
    /// Whether it still stands.
    public var status: Status
    /// The explanation recorded against it, if any.
    public var explanation: Explanation?
    /// Records that answer it, such as a spot audit.
    public var linkedRecords: [RecordReference]
    /// The module whose analysis published it.
    public var publishedBy: String?

    /// Creates an active signal.
    public init(
        id: Signal.ID,
        key: String,
        kind: SignalKind,
        measure: MeasureID,
        scope: SeriesScope,
        firstPeriod: ReportingPeriod,
        latestPeriod: ReportingPeriod,
        periodsStanding: Int,
        raisedOn: Day,
        summary: String
    ) {
        self.id = id
        self.key = key
        self.kind = kind
        self.measure = measure
        self.scope = scope
        self.firstPeriod = firstPeriod
        self.latestPeriod = latestPeriod
        self.periodsStanding = periodsStanding
        self.raisedOn = raisedOn
        self.lastSeenOn = raisedOn
        self.summary = summary
        self.status = .active
        self.linkedRecords = []
    }

    /// Whether the signal is answered: explained, or linked to a record that acts on it.
    public var isAnswered: Bool { explanation != nil || !linkedRecords.isEmpty }

    /// Indexed by agency (for agency series), period, status and key.
    public var index: RecordIndex {
        RecordIndex(agency: scope.agency, period: latestPeriod, status: status.rawValue, key: key)
    }
    /// Measure data, scoped to the agency for agency series.
    public var accessScope: AccessScope { AccessScope(.measureData, agency: scope.agency) }
}
