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
    /// Version 3: the module that published a signal is named by its id, not its display name.
    ///
    /// Version 2: a signal may be about a record rather than a series (``SignalSubject``).
    public static var schemaVersion: Int { 3 }
    /// The steps from versions 1 and 2.
    ///
    /// Version 1 held only series signals, whose coded form version 2 reads unchanged; the step
    /// exists so that a build that knows only version 1 refuses a store holding record signals.
    /// Version 2 named its publisher by display name (`Section 11`), which version 3 reads as the
    /// module's id (`ModuleID.formerlyNamed(_:)`: `section11`).
    public static var migrations: [RecordMigration] {
        [
            RecordMigration(from: 1) { $0 },
            RecordMigration(from: 2) { json in
                var json = json
                if case .string(let name) = json["publishedBy"] {
                    json["publishedBy"] = .string(ModuleID.formerlyNamed(name).rawValue)
                }
                return json
            },
        ]
    }

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
    /// The measure it concerns, for a signal about a series.
    public var measure: MeasureID?
    /// The scope of the series, for a signal about a series.
    public var scope: SeriesScope?
    /// The record it concerns, for a signal about a module's record.
    public var record: RecordReference?
    /// The agency a signal about a record concerns, if any.
    public var agency: Agency.ID?
    /// The access category of a signal about a record, when it is not measure data.
    public var category: RecordCategory?
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
    public package(set) var status: Status
    /// The explanation recorded against it, if any.
    public package(set) var explanation: Explanation?
    /// Records that answer it, such as a spot audit.
    public package(set) var linkedRecords: [RecordReference]
    /// The module whose analysis published it.
    public var publishedBy: ModuleID?

    /// Creates an active signal about a measure's series.
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
        self.init(
            id: id,
            key: key,
            kind: kind,
            subject: .series(measure, scope),
            firstPeriod: firstPeriod,
            latestPeriod: latestPeriod,
            periodsStanding: periodsStanding,
            raisedOn: raisedOn,
            summary: summary
        )
    }

    /// Creates an active signal about a subject of any shape.
    public init(
        id: Signal.ID,
        key: String,
        kind: SignalKind,
        subject: SignalSubject,
        firstPeriod: ReportingPeriod,
        latestPeriod: ReportingPeriod,
        periodsStanding: Int,
        raisedOn: Day,
        summary: String
    ) {
        self.id = id
        self.key = key
        self.kind = kind
        switch subject {
        case .series(let measure, let scope):
            self.measure = measure
            self.scope = scope
        case .record(let record, let agency):
            self.record = record
            self.agency = agency
        }
        self.firstPeriod = firstPeriod
        self.latestPeriod = latestPeriod
        self.periodsStanding = periodsStanding
        self.raisedOn = raisedOn
        self.lastSeenOn = raisedOn
        self.summary = summary
        self.status = .active
        self.linkedRecords = []
    }

    /// What the signal is about.
    public var subject: SignalSubject {
        if let measure, let scope { return .series(measure, scope) }
        return .record(record ?? reference, agency: agency)
    }

    /// Whether the signal is answered: explained, or linked to a record that acts on it.
    public var isAnswered: Bool { explanation != nil || !linkedRecords.isEmpty }

    /// Indexed by agency (for agency series), period, status and key.
    public var index: RecordIndex {
        RecordIndex(agency: subject.agency, period: latestPeriod, status: RecordStatus(status), key: key)
    }
    /// Measure data (or the category a record signal names), scoped to the agency concerned.
    public var accessScope: AccessScope { AccessScope(category ?? .measureData, agency: subject.agency) }
}
